/* The uplink both JSON cases send on: a TCP connection to a public address. */
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

static inline int uplink(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {0};
    a.sin_family = AF_INET;
    a.sin_port = htons(7000);
    inet_pton(AF_INET, "203.0.113.40", &a.sin_addr);
    connect(fd, (struct sockaddr *)&a, sizeof a);
    return fd;
}
