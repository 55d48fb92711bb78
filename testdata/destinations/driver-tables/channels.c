/* Channels kept in a global array, each filled by an open function handed the
 * element's address (`chan_open(&g_ch[CH_CARRIER], ...)` storing `ch->ops = ...`):
 * a send through `g_ch[i].ops->send` runs the driver stored there. An element a
 * constant picks keeps its own endpoint; one picked at run time may be any. */
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct consignee {
    const char *name;
};

struct chan_ops {
    int (*open)(void *ctx, const char *endpoint);
    int (*send)(void *ctx, const void *buf, size_t len);
};

struct http_chan {
    CURL *h;
};

static int http_chan_open(void *vctx, const char *endpoint)
{
    struct http_chan *c = vctx;
    c->h = curl_easy_init();
    curl_easy_setopt(c->h, CURLOPT_URL, endpoint); /* expect-none -- the send entry runs, not open */
    return 0;
}

static int http_chan_send(void *vctx, const void *buf, size_t len)
{
    struct http_chan *c = vctx;
    curl_easy_setopt(c->h, CURLOPT_POSTFIELDSIZE, (long)len);
    curl_easy_setopt(c->h, CURLOPT_POSTFIELDS, buf);
    return curl_easy_perform(c->h) == CURLE_OK ? 0 : -1;
}

static const struct chan_ops k_http_chan = {http_chan_open, http_chan_send};

enum chan_id { CH_CARRIER, CH_PARTNER, CH_COUNT };

struct channel {
    const struct chan_ops *ops;
    void *ctx;
};

static struct channel g_ch[CH_COUNT];

static int chan_open(struct channel *ch, const char *endpoint)
{
    ch->ops = &k_http_chan;
    ch->ctx = calloc(1, sizeof(struct http_chan));
    return ch->ops->open(ch->ctx, endpoint);
}

void channels_open(void)
{
    chan_open(&g_ch[CH_CARRIER], "https://api.carrier.example.de/handover");
    chan_open(&g_ch[CH_PARTNER], "https://partner.example.cn/in");
}

void announce(const struct consignee *c)
{
    char json[128];
    int n = snprintf(json, sizeof json, "{\"name\":\"%s\"}", c->name);
    g_ch[CH_CARRIER].ops->send(g_ch[CH_CARRIER].ctx, json, (size_t)n); /* expect: allowed customer.identity */
}

void offer(const struct consignee *c)
{
    char json[128];
    int n = snprintf(json, sizeof json, "{\"name\":\"%s\"}", c->name);
    g_ch[CH_PARTNER].ops->send(g_ch[CH_PARTNER].ctx, json, (size_t)n); /* expect: violation customer.identity */
}

void broadcast(const struct consignee *c, enum chan_id id)
{
    char json[128];
    int n = snprintf(json, sizeof json, "{\"name\":\"%s\"}", c->name);
    g_ch[id].ops->send(g_ch[id].ctx, json, (size_t)n); /* expect: violation customer.identity -- either channel */
}
