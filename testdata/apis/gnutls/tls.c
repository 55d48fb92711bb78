/* GnuTLS: records written on a session go to the socket it was given, or the
 * server name it checks the certificate for. */
#include <arpa/inet.h>
#include <gnutls/gnutls.h>
#include <netdb.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>

struct consignee {
    const char *full_name;
    const char *street;
};

struct link {
    int fd;
    gnutls_session_t sess;
};

static int dial(const char *host)
{
    struct addrinfo *res = NULL;
    if (getaddrinfo(host, "443", NULL, &res) != 0)
        return -1;
    int fd = socket(res->ai_family, res->ai_socktype, 0);
    connect(fd, res->ai_addr, res->ai_addrlen);
    freeaddrinfo(res);
    return fd;
}

static void open_link(struct link *l, const char *host)
{
    l->fd = dial(host);
    gnutls_init(&l->sess, GNUTLS_CLIENT);
    gnutls_server_name_set(l->sess, GNUTLS_NAME_DNS, host, strlen(host));
    gnutls_transport_set_int(l->sess, l->fd);
    gnutls_handshake(l->sess);
}

static int send_all(struct link *l, const char *buf, size_t len)
{
    return (int)gnutls_record_send(l->sess, buf, len); /* expect: violation customer.identity */
}

void push_consignee(const struct consignee *c)
{
    struct link l;
    open_link(&l, "edi.partner-van.example.cn");
    send_all(&l, c->full_name, strlen(c->full_name));
    send_all(&l, "PING", 4); /* expect-none */
}

void push_street(const struct consignee *c)
{
    gnutls_session_t s;
    gnutls_init(&s, GNUTLS_CLIENT);
    gnutls_server_name_set(s, GNUTLS_NAME_DNS, "edi.depot.example.de", 20);
    gnutls_handshake(s);
    gnutls_record_send(s, c->street, strlen(c->street)); /* expect: allowed customer.address */
}
