/* libevent evhttp: a request's body and headers go to the host its connection
 * was made for. */
#include <event2/buffer.h>
#include <event2/event.h>
#include <event2/http.h>
#include <event2/keyvalq_struct.h>
#include <stdio.h>
#include <stdlib.h>

struct consignee {
    char name[64];
    char email[96];
    char phone[32];
    char street[96];
    unsigned parcels;
};

static void on_done(struct evhttp_request *req, void *arg)
{
    (void)req;
    (void)arg;
}

void push_consignee(struct event_base *base, const struct consignee *c)
{
    struct evhttp_connection *conn = evhttp_connection_base_new(base, NULL, "api.lastmile-hub.example.cn", 80);
    struct evhttp_request *req = evhttp_request_new(on_done, NULL);
    struct evbuffer *body = evhttp_request_get_output_buffer(req);
    evbuffer_add_printf(body, "{\"name\":\"%s\",\"email\":\"%s\"}", c->name, c->email);
    evhttp_add_header(evhttp_request_get_output_headers(req), "Content-Type", "application/json");
    evhttp_make_request(conn, req, EVHTTP_REQ_POST, "/v1/consignees"); /* expect: violation customer.identity customer.contact */
}

void push_count(struct event_base *base, const struct consignee *c)
{
    struct evhttp_connection *conn = evhttp_connection_base_new(base, NULL, "api.lastmile-hub.example.cn", 80);
    /* the completion handler logs whom the request was about */
    struct evhttp_request *req = evhttp_request_new(on_done, (void *)c->email);
    char text[32];
    snprintf(text, sizeof text, "%u", c->parcels);
    evbuffer_add(evhttp_request_get_output_buffer(req), text, 5);
    evhttp_make_request(conn, req, EVHTTP_REQ_POST, "/v1/stats"); /* expect-none */
}

void push_phone_header(struct event_base *base, const struct consignee *c)
{
    struct evhttp_connection *conn = evhttp_connection_base_new(base, NULL, "notify.carrier.example.de", 443);
    struct evhttp_request *req = evhttp_request_new(on_done, NULL);
    struct evkeyvalq *headers = evhttp_request_get_output_headers(req);
    evhttp_add_header(headers, "X-Recipient-Phone", c->phone);
    evhttp_make_request(conn, req, EVHTTP_REQ_GET, "/v1/notify"); /* expect: allowed customer.contact */
}

void push_from_env(struct event_base *base, const struct consignee *c)
{
    struct evhttp_connection *conn = evhttp_connection_base_new(base, NULL, getenv("ADDRESS_CHECK_HOST"), 8080);
    struct evhttp_request *req = evhttp_request_new(on_done, NULL);
    struct evbuffer *scratch = evbuffer_new();
    evbuffer_add(scratch, c->street, sizeof c->street);
    evbuffer_prepend(scratch, "street=", 7);
    evbuffer_add_buffer(evhttp_request_get_output_buffer(req), scratch);
    evhttp_make_request(conn, req, EVHTTP_REQ_POST, "/check"); /* expect: unresolved customer.address */
}
