/* A resolver wrapper returning the address through an out-parameter. */
#include <netdb.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "links.h"

static int resolve(const char *host, const char *port, struct addrinfo **out) {
    struct addrinfo hints;
    memset(&hints, 0, sizeof hints);
    hints.ai_socktype = SOCK_STREAM;
    if (getaddrinfo(host, port, &hints, out) != 0) {
        *out = NULL;
        return -1;
    }
    return 0;
}

int tcp_connect(const char *host, const char *port) {
    struct addrinfo *res = NULL;
    struct addrinfo *ai;
    int fd = -1;
    if (resolve(host, port, &res) != 0)
        return -1;
    for (ai = res; ai != NULL; ai = ai->ai_next) {
        fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
        if (fd >= 0 && connect(fd, ai->ai_addr, ai->ai_addrlen) == 0)
            break;
        if (fd >= 0)
            close(fd);
        fd = -1;
    }
    freeaddrinfo(res);
    return fd;
}
