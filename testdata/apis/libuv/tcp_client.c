/* libuv TCP client: stream writes go to the peer the handle was connected to, from a
 * sockaddr filled by uv_ip4_addr or resolved by uv_getaddrinfo. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <uv.h>

struct consignee {
    char full_name[64];
    char phone[32];
    char email[96];
};

struct parcel {
    char tracking_no[24];
    int weight_g;
    struct consignee to;
};

char *pseudonymize(const char *text);

/* ---- connect with a callback: the callback writes on the handle main connected */
static uv_tcp_t g_uplink;
static uv_connect_t g_connect_req;
static uv_write_t g_write_req;
static const struct parcel *g_pending;

static void on_uplink(uv_connect_t *req, int status)
{
    static char line[128];
    if (status < 0)
        return;
    int n = snprintf(line, sizeof line, "%s;%d\n", g_pending->tracking_no, g_pending->weight_g);
    uv_buf_t buf = uv_buf_init(line, (unsigned)n);
    uv_write(&g_write_req, (uv_stream_t *)&g_uplink, &buf, 1, NULL); /* expect: allowed shipment.tracking shipment.metrics */
    uv_buf_t hello = uv_buf_init("HELLO depot-7\n", 14);
    uv_write(&g_write_req, (uv_stream_t *)&g_uplink, &hello, 1, NULL); /* expect-none */
}

int start_uplink(uv_loop_t *loop, const struct parcel *p)
{
    struct sockaddr_in dest;
    uv_tcp_init(loop, &g_uplink);
    uv_ip4_addr("10.20.0.5", 7000, &dest);
    g_pending = p;
    return uv_tcp_connect(&g_connect_req, &g_uplink, (const struct sockaddr *)&dest, on_uplink);
}

/* ---- the same, written at once after queueing the connect */
void push_contact(uv_loop_t *loop, const struct consignee *c)
{
    static uv_tcp_t tcp;
    static uv_connect_t creq;
    struct sockaddr_in dest;
    uv_tcp_init(loop, &tcp);
    uv_ip4_addr("203.0.113.40", 7000, &dest);
    uv_tcp_connect(&creq, &tcp, (const struct sockaddr *)&dest, NULL);
    uv_buf_t bufs[2];
    bufs[0] = uv_buf_init("phone=", 6);
    bufs[1] = uv_buf_init((char *)c->phone, (unsigned)strlen(c->phone));
    uv_try_write((uv_stream_t *)&tcp, bufs, 2); /* expect: violation customer.contact */
    char *ref = pseudonymize(c->phone);
    uv_buf_t key = uv_buf_init(ref, (unsigned)strlen(ref));
    uv_try_write((uv_stream_t *)&tcp, &key, 1); /* expect-none */
}

/* ---- resolved by name: the request's addrinfo carries the host */
void push_name(uv_loop_t *loop, const struct consignee *c)
{
    uv_getaddrinfo_t resolver;
    uv_connect_t creq;
    uv_write_t wreq;
    uv_tcp_t tcp;
    struct addrinfo hints;
    memset(&hints, 0, sizeof hints);
    hints.ai_socktype = SOCK_STREAM;
    if (uv_getaddrinfo(loop, &resolver, NULL, "crm.partner-portal.example.cn", "443", &hints) != 0)
        return;
    uv_tcp_init(loop, &tcp);
    uv_tcp_connect(&creq, &tcp, resolver.addrinfo->ai_addr, NULL);
    uv_buf_t buf = uv_buf_init((char *)c->full_name, (unsigned)strlen(c->full_name));
    uv_write(&wreq, (uv_stream_t *)&tcp, &buf, 1, NULL); /* expect: violation customer.identity */
    uv_freeaddrinfo(resolver.addrinfo);
}

/* ---- host from the environment: the folder's policy binds env:NOTIFY_HOST to a .cn relay */
void push_email(uv_loop_t *loop, const struct consignee *c)
{
    uv_getaddrinfo_t resolver;
    uv_connect_t creq;
    uv_tcp_t tcp;
    char host[256];
    size_t size = sizeof host;
    if (uv_os_getenv("NOTIFY_HOST", host, &size) != 0)
        return;
    if (uv_getaddrinfo(loop, &resolver, NULL, host, "25", NULL) != 0)
        return;
    uv_tcp_init(loop, &tcp);
    uv_tcp_connect(&creq, &tcp, resolver.addrinfo->ai_addr, NULL);
    uv_buf_t buf = uv_buf_init((char *)c->email, (unsigned)strlen(c->email));
    uv_try_write2((uv_stream_t *)&tcp, &buf, 1, NULL); /* expect: violation customer.contact */
    uv_freeaddrinfo(resolver.addrinfo);
}

/* ---- IPv6 peer, written with uv_write2. Gap: the engine cuts a bare IPv6 literal at
 * its first ':' (host "fd00"), so the private fd00::/8 address is not recognised. */
void push_ipv6(uv_loop_t *loop, const struct parcel *p)
{
    static uv_tcp_t tcp;
    static uv_connect_t creq;
    static uv_write_t wreq;
    struct sockaddr_in6 dest;
    uv_tcp_init(loop, &tcp);
    uv_ip6_addr("fd00:20::5", 7000, &dest);
    uv_tcp_connect(&creq, &tcp, (const struct sockaddr *)&dest, NULL);
    uv_buf_t buf = uv_buf_init((char *)p->to.full_name, (unsigned)strlen(p->to.full_name));
    uv_write2(&wreq, (uv_stream_t *)&tcp, &buf, 1, NULL, NULL); /* gap expect: allowed customer.identity */
}
