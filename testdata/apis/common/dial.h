/* The plain TCP connect the C cases send through: the peer is the host and port
 * handed to getaddrinfo. */
#pragma once

#include <netdb.h>
#include <sys/socket.h>

static inline int dial(const char *host, const char *port)
{
    struct addrinfo *ai = NULL;
    if (getaddrinfo(host, port, NULL, &ai) != 0)
        return -1;
    int fd = socket(ai->ai_family, ai->ai_socktype, 0);
    connect(fd, ai->ai_addr, ai->ai_addrlen);
    freeaddrinfo(ai);
    return fd;
}
