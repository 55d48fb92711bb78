/* A driver picked at build time: the table is defined in the driver's own file,
 * the application calls through its declaration (`extern const`). */
#ifndef PINNED_H
#define PINNED_H
#include <stddef.h>

struct pin_ops {
    long (*send)(int fd, const void *buf, size_t len);
};

extern const struct pin_ops pin_tcp;

#define PIN_DRIVER (&pin_tcp)
#endif
