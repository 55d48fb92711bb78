/* C with _GNU_SOURCE: glibc declares connect() and sendto() with a transparent
 * union for the address (__CONST_SOCKADDR_ARG), so each address argument is
 * wrapped in a compound literal. The destination is still the address. */
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

struct consignee {
    const char *full_name;
    const char *street;
};

int tcp_connect(const char *host, const char *port)
{
    struct addrinfo hints, *res = NULL, *ai;
    int fd = -1;

    memset(&hints, 0, sizeof hints);
    hints.ai_socktype = SOCK_STREAM;
    if (getaddrinfo(host, port, &hints, &res) != 0)
        return -1;
    for (ai = res; ai; ai = ai->ai_next) {
        fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
        if (fd < 0)
            continue;
        if (connect(fd, ai->ai_addr, ai->ai_addrlen) == 0)
            break;
        close(fd);
        fd = -1;
    }
    freeaddrinfo(res);
    return fd;
}

void push_name(const struct consignee *c)
{
    int fd = tcp_connect("wms.depot.example.cn", "5120");
    write(fd, c->full_name, strlen(c->full_name)); /* expect: violation customer.identity */
}

void push_street(const struct consignee *c)
{
    struct sockaddr_in to;
    memset(&to, 0, sizeof to);
    to.sin_family = AF_INET;
    to.sin_port = htons(5140);
    inet_pton(AF_INET, "10.0.4.2", &to.sin_addr);
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    sendto(fd, c->street, strlen(c->street), 0, (struct sockaddr *)&to, sizeof to); /* expect: allowed customer.address */
}
