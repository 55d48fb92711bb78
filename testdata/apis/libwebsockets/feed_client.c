/* libwebsockets client: a feed object keeps the connection lws_client_connect_via_info
 * made; what lws_write sends on it goes to the address of the connect info. */
#include <libwebsockets.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct consignee {
    const char *full_name;
    const char *phone;
    const char *email;
};

struct waybill {
    const char *tracking_no;
    struct consignee to;
    int weight_g;
    int piece_count;
};

struct feed {
    struct lws_context *ctx;
    struct lws *wsi;
    unsigned char buf[LWS_PRE + 512];
    size_t len;
};

char *pseudonymize(const char *text);

/* The connect info filled field by field, as the lws examples do. */
int feed_open(struct feed *f, const char *host, const char *path)
{
    struct lws_client_connect_info i;
    memset(&i, 0, sizeof i);
    i.context = f->ctx;
    i.port = 443;
    i.address = host;
    i.path = path;
    i.host = i.address;
    i.origin = i.address;
    i.protocol = "scan-feed";
    i.ssl_connection = LCCSCF_USE_SSL;
    f->wsi = lws_client_connect_via_info(&i);
    return f->wsi ? 0 : -1;
}

void feed_send_scan(struct feed *f, const struct waybill *w)
{
    int n = snprintf((char *)f->buf + LWS_PRE, 512, "{\"awb\":\"%s\",\"g\":%d}", w->tracking_no, w->weight_g);
    lws_write(f->wsi, f->buf + LWS_PRE, (size_t)n, LWS_WRITE_TEXT);
}

void feed_send_count(struct feed *f, const struct waybill *w)
{
    int n = snprintf((char *)f->buf + LWS_PRE, 512, "{\"pieces\":%d}", w->piece_count);
    lws_write(f->wsi, f->buf + LWS_PRE, (size_t)n, LWS_WRITE_TEXT);
}

void stream_scans(struct lws_context *ctx, const struct waybill *w)
{
    struct feed f = {.ctx = ctx};
    if (feed_open(&f, "scans.tracking-cloud.example.cn", "/v1/scans") != 0)
        return;
    feed_send_scan(&f, w);  /* expect: violation shipment.tracking shipment.metrics */
    feed_send_count(&f, w); /* expect-none */
}

void stream_scans_eu(struct lws_context *ctx, const struct waybill *w)
{
    struct feed f = {.ctx = ctx};
    if (feed_open(&f, "scans.carrier.example.de", "/v1/scans") != 0)
        return;
    feed_send_scan(&f, w); /* expect: allowed shipment.tracking shipment.metrics */
}

/* A direct write on the connection just made; the host from the environment. */
void push_contact(struct lws_context *ctx, const struct consignee *c)
{
    struct lws_client_connect_info i;
    memset(&i, 0, sizeof i);
    i.context = ctx;
    i.address = getenv("CONTACT_FEED_HOST");
    i.port = 443;
    i.path = "/contacts";
    struct lws *wsi = lws_client_connect_via_info(&i);
    unsigned char msg[LWS_PRE + 128];
    size_t n = strlen(c->email);
    memcpy(msg + LWS_PRE, c->email, n);
    lws_write(wsi, msg + LWS_PRE, n, LWS_WRITE_TEXT); /* expect: unresolved customer.contact */
    const char *token = pseudonymize(c->phone);
    lws_write(wsi, (unsigned char *)token, strlen(token), LWS_WRITE_TEXT); /* expect-none */
}

/* The same with a designated initializer: the struct's text is then its first
 * initializer (the context), not the address. */
void push_contact_designated(struct lws_context *ctx, const struct consignee *c)
{
    struct lws_client_connect_info i = {
        .context = ctx,
        .address = "contacts.tracking-cloud.example.cn",
        .port = 443,
        .path = "/contacts",
    };
    struct lws *wsi = lws_client_connect_via_info(&i);
    lws_write(wsi, (unsigned char *)c->phone, strlen(c->phone), LWS_WRITE_TEXT); /* gap expect: violation customer.contact -- set-destination cannot name the field `address` */
}
