/* Transports as driver tables a lookup picks by name; the uplink is opaque and
   keeps the driver's context it opened. */
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "links.h"

struct transport_ops {
    const char *name;
    int (*open)(void **ctx, const struct endpoint *ep);
    int (*send)(void *ctx, const void *buf, size_t len);
};

struct tcp_ctx {
    int fd;
    char host[64];
};

static int tcp_open(void **ctx, const struct endpoint *ep) {
    struct tcp_ctx *c = calloc(1, sizeof *c);
    if (c == NULL)
        return -1;
    memcpy(c->host, ep->host, sizeof c->host);
    c->fd = tcp_connect(c->host, ep->port);
    if (c->fd < 0) {
        free(c);
        return -1;
    }
    *ctx = c;
    return 0;
}

static int tcp_send(void *ctx, const void *buf, size_t len) {
    struct tcp_ctx *c = ctx;
    return (int)send(c->fd, buf, len, 0);  // expect: allowed shipment.tracking
}

static int null_open(void **ctx, const struct endpoint *ep) {
    (void)ep;
    *ctx = NULL;
    return 0;
}

static int null_send(void *ctx, const void *buf, size_t len) {
    (void)ctx;
    (void)buf;
    return (int)len;
}

static const struct transport_ops k_tcp_ops = {"tcp", tcp_open, tcp_send};
static const struct transport_ops k_null_ops = {"null", null_open, null_send};
static const struct transport_ops *const k_transports[] = {&k_tcp_ops, &k_null_ops};

static const struct transport_ops *transport_lookup(const char *name) {
    for (size_t i = 0; i < sizeof k_transports / sizeof k_transports[0]; i++)
        if (strcmp(k_transports[i]->name, name) == 0)
            return k_transports[i];
    return NULL;
}

struct uplink {
    const struct transport_ops *ops;
    void *ctx;
    unsigned errors;
};

uplink_t *uplink_create(const struct endpoint *ep) {
    const struct transport_ops *ops = transport_lookup(ep->transport);
    uplink_t *u;
    if (ops == NULL)
        return NULL;
    u = calloc(1, sizeof *u);
    if (u == NULL)
        return NULL;
    u->ops = ops;
    if (u->ops->open(&u->ctx, ep) != 0) {
        free(u);
        return NULL;
    }
    return u;
}

int uplink_send(uplink_t *u, const void *buf, size_t len) {
    if (u == NULL)
        return -1;
    if (u->ops->send(u->ctx, buf, len) != 0) {
        u->errors++;
        return -1;
    }
    return 0;
}
