/* libevent bufferevents: bytes written to a bufferevent go to the host it was
 * connected to (by name, or by a socket address). */
#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/dns.h>
#include <event2/event.h>
#include <event2/util.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

struct parcel {
    char tracking_no[24];
    char recipient_name[64];
    double weight_kg;
    unsigned pieces;
};

char *sha256_hex(const char *text);

struct bufferevent *open_feed(struct event_base *base, struct evdns_base *dns, const char *host)
{
    struct bufferevent *bev = bufferevent_socket_new(base, -1, BEV_OPT_CLOSE_ON_FREE);
    bufferevent_socket_connect_hostname(bev, dns, AF_UNSPEC, host, 7001);
    return bev;
}

void stream_scan(struct event_base *base, struct evdns_base *dns, const struct parcel *p)
{
    struct bufferevent *bev = open_feed(base, dns, "scans.tracking-mirror.example.cn");
    char line[128];
    int n = snprintf(line, sizeof line, "SCAN %s %.3f\n", p->tracking_no, p->weight_kg);
    bufferevent_write(bev, line, (size_t)n); /* expect: violation shipment.tracking shipment.metrics */
    bufferevent_write(bev, "PING\n", 5);     /* expect-none */
}

/* libevent sends its output buffer by itself: no call after evbuffer_add_printf
 * hands the bytes over, so there is no sink to model. */
void stream_queued(struct event_base *base, struct evdns_base *dns, const struct parcel *p)
{
    struct bufferevent *bev = open_feed(base, dns, "scans.tracking-mirror.example.cn");
    evbuffer_add_printf(bufferevent_get_output(bev), "SCAN %s\n", p->tracking_no); /* gap expect: violation shipment.tracking -- a write into a bufferevent's output buffer is a send */
}

void stream_signature(struct event_base *base, const struct parcel *p)
{
    struct sockaddr_in sin;
    memset(&sin, 0, sizeof sin);
    sin.sin_family = AF_INET;
    sin.sin_port = htons(7002);
    evutil_inet_pton(AF_INET, "10.40.2.15", &sin.sin_addr);
    struct bufferevent *bev = bufferevent_socket_new(base, -1, BEV_OPT_CLOSE_ON_FREE);
    bufferevent_socket_connect(bev, (struct sockaddr *)&sin, sizeof sin);
    struct evbuffer *msg = evbuffer_new();
    evbuffer_add_printf(msg, "POD %s signed by %s\n", p->tracking_no, p->recipient_name);
    bufferevent_write_buffer(bev, msg); /* expect: allowed shipment.tracking customer.identity */
    char *digest = sha256_hex(p->recipient_name);
    bufferevent_write(bev, digest, strlen(digest)); /* expect-none */
}

void relay_pulled(struct event_base *base, struct evdns_base *dns, struct evbuffer *in, const struct parcel *p)
{
    struct evbuffer *copy = evbuffer_new();
    evbuffer_add(copy, p->recipient_name, strlen(p->recipient_name));
    unsigned char *flat = evbuffer_pullup(copy, -1);
    struct bufferevent *bev = open_feed(base, dns, "relay.depot.example.de");
    bufferevent_write(bev, flat, evbuffer_get_length(copy)); /* expect: allowed customer.identity */
    char head[16];
    evbuffer_copyout(copy, head, sizeof head);
    struct sockaddr_storage ss;
    int len = sizeof ss;
    evutil_parse_sockaddr_port("feed.partner-logistics.example.cn:9000", (struct sockaddr *)&ss, &len);
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    connect(fd, (struct sockaddr *)&ss, len);
    struct evbuffer *out = evbuffer_new();
    evbuffer_add(out, head, sizeof head);
    evbuffer_write(out, fd); /* expect: violation customer.identity */
    (void)in;
}
