/* A channel embedded in its transport, not first: the transport's send method gets
 * the channel and recovers the transport with container_of. `h->base.url` is the
 * channel's url, which the caller set. */
#include <curl/curl.h>
#include <stddef.h>

#include "common/records.h"

#define container_of(ptr, type, member) ((type *)((char *)(ptr) - offsetof(type, member)))

struct channel {
    const char *url;
    int (*send)(struct channel *ch, const char *body);
};

struct http_channel {
    long timeout_ms;
    struct channel base;
    CURL *curl;
};

static int http_send(struct channel *ch, const char *body)
{
    struct http_channel *h = container_of(ch, struct http_channel, base);
    curl_easy_setopt(h->curl, CURLOPT_URL, h->base.url);
    curl_easy_setopt(h->curl, CURLOPT_TIMEOUT_MS, h->timeout_ms);
    curl_easy_setopt(h->curl, CURLOPT_POSTFIELDS, body); /* expect: violation shipment.tracking */
    return curl_easy_perform(h->curl) == CURLE_OK ? 0 : -1;
}

void publish_waybill(const struct waybill *w)
{
    static struct http_channel chan;
    chan.timeout_ms = 5000;
    chan.base.url = "https://track.partner.example.cn/v1/events";
    chan.base.send = http_send;
    chan.curl = curl_easy_init();
    struct channel *ch = &chan.base;
    ch->send(ch, w->tracking_no);
}
