/* Raw socket drivers and the picker that returns one of their tables: a caller
 * learns only at link time which functions a pointer it got from xport_pick() runs. */
#include <string.h>
#include <sys/socket.h>

#include "xport.h"

static int stream_open(struct xport *t, const char *host)
{
    (void)t;
    (void)host;
    return 0;
}

static long stream_send(struct xport *t, const void *buf, size_t len)
{
    (void)t;
    return (long)send(3, buf, len, 0);  // expect: unresolved shipment.tracking
}

static long datagram_send(struct xport *t, const void *buf, size_t len)
{
    (void)t;
    return (long)sendto(4, buf, len, 0, NULL, 0);  // expect: unresolved shipment.tracking
}

static long beacon_send(struct xport *t, const void *buf, size_t len)
{
    (void)t;
    return (long)send(5, buf, len, 0);  // expect: unresolved customer.identity
}

const struct xport_ops beacon_ops = {.open = stream_open, .send = beacon_send};

static const struct xport_ops stream_ops = {.open = stream_open, .send = stream_send};
static const struct xport_ops datagram_ops = {.open = stream_open, .send = datagram_send};

const struct xport_ops *xport_pick(const char *name)
{
    static const struct xport_ops *const all[] = {&stream_ops, &datagram_ops};
    if (strcmp(name, "udp") == 0)
        return all[1];
    return all[0];
}
