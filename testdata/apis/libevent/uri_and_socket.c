/* libevent: a connection over a caller's bufferevent, a host from a parsed URI,
 * a printf-style wrapper around evbuffer_add_vprintf, and a bufferevent over a
 * socket the program connected itself. */
#include <arpa/inet.h>
#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/event.h>
#include <event2/http.h>
#include <event2/util.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <string.h>
#include <sys/socket.h>

struct shipment {
    char awb[16];
    char consignee_name[64];
    char email[96];
    char hs_code[12];
    int piece_count;
};

char *pseudonymize(const char *text);

static void on_reply(struct evhttp_request *req, void *arg)
{
    (void)req;
    (void)arg;
}

static void body_printf(struct evhttp_request *req, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    evbuffer_add_vprintf(evhttp_request_get_output_buffer(req), fmt, ap);
    va_end(ap);
}

void declare_customs(struct event_base *base, const struct shipment *s)
{
    struct evhttp_uri *uri = evhttp_uri_parse("https://customs-gw.broker.example.cn/api/declarations");
    struct bufferevent *bev = bufferevent_socket_new(base, -1, BEV_OPT_CLOSE_ON_FREE);
    struct evhttp_connection *conn =
        evhttp_connection_base_bufferevent_new(base, NULL, bev, evhttp_uri_get_host(uri), 443);
    struct evhttp_request *req = evhttp_request_new(on_reply, NULL);
    body_printf(req, "awb=%s&hs=%s", s->awb, s->hs_code);
    evhttp_make_request(conn, req, EVHTTP_REQ_POST, evhttp_uri_get_path(uri)); /* expect: violation shipment.tracking shipment.contents */
}

void lookup_by_query(struct event_base *base, const struct shipment *s)
{
    struct evhttp_connection *conn = evhttp_connection_base_new(base, NULL, "track.carrier.example.de", 80);
    struct evhttp_request *req = evhttp_request_new(on_reply, NULL);
    char uri[160];
    strcpy(uri, "/v2/lookup?email=");
    strcat(uri, s->email);
    evhttp_make_request(conn, req, EVHTTP_REQ_GET, uri); /* expect: allowed customer.contact */
    struct evhttp_request *req2 = evhttp_request_new(on_reply, NULL);
    char *token = pseudonymize(s->consignee_name);
    evbuffer_add_reference(evhttp_request_get_output_buffer(req2), token, strlen(token), NULL, NULL);
    evhttp_make_request(conn, req2, EVHTTP_REQ_POST, "/v2/tokens"); /* expect-none */
}

void push_over_socket(struct event_base *base, const struct shipment *s)
{
    struct sockaddr_in sin;
    memset(&sin, 0, sizeof sin);
    sin.sin_family = AF_INET;
    sin.sin_port = htons(9100);
    inet_pton(AF_INET, "192.168.12.4", &sin.sin_addr);
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    connect(fd, (struct sockaddr *)&sin, sizeof sin);
    struct bufferevent *bev = bufferevent_socket_new(base, fd, BEV_OPT_CLOSE_ON_FREE);
    bufferevent_write(bev, s->consignee_name, strlen(s->consignee_name)); /* expect: allowed customer.identity */
    bufferevent_write(bev, &s->piece_count, sizeof s->piece_count);      /* expect-none */
}

void push_resolved(struct event_base *base, const struct shipment *s)
{
    struct evutil_addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof hints);
    hints.ai_socktype = SOCK_STREAM;
    if (evutil_getaddrinfo("edi.customs-broker.example.cn", "5000", &hints, &res) != 0)
        return;
    evutil_socket_t fd = socket(res->ai_family, res->ai_socktype, 0);
    connect(fd, res->ai_addr, (socklen_t)res->ai_addrlen);
    struct bufferevent *bev = bufferevent_socket_new(base, fd, BEV_OPT_CLOSE_ON_FREE);
    bufferevent_write(bev, s->hs_code, strlen(s->hs_code)); /* expect: violation shipment.contents */
    evutil_freeaddrinfo(res);
}
