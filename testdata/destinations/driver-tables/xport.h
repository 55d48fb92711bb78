/* Transport drivers behind a table of operations, defined in their own file: the
 * application only sees the tables' declarations. */
#ifndef XPORT_H
#define XPORT_H
#include <stddef.h>

#include <curl/curl.h>

struct xport;
struct xport_ops {
    int (*open)(struct xport *t, const char *host);
    long (*send)(struct xport *t, const void *buf, size_t len);
};
struct xport {
    const struct xport_ops *ops;
    CURL *curl;
    char url[128];
};

extern const struct xport_ops https_ops;

/* A raw driver opened and used by the same function. */
extern const struct xport_ops beacon_ops;

/* The raw drivers, chosen by name at run time. */
const struct xport_ops *xport_pick(const char *name);

/* Sends through whatever driver the transport was opened with. */
#define EMIT(t, buf, n) ((t)->ops->send((t), (buf), (n)))

#endif
