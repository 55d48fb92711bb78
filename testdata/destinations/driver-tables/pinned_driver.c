#include <sys/socket.h>

#include "pinned.h"

static long tcp_send(int fd, const void *buf, size_t len)
{
    return (long)send(fd, buf, len, 0); /* expect: allowed shipment.tracking */
}

const struct pin_ops pin_tcp = {.send = tcp_send};
