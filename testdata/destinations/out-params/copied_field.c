/* A local settings record a helper fills (`load_relay(&cfg)`), whose field is then
 * read through a pointer (`const char *url = cfg.url;`) or copied into a handle
 * a library call makes from it: the destination is what the helper left there. */
#include <curl/curl.h>
#include <string.h>

struct relay_cfg {
    char *url;
    char *audit_url;
};

struct parcel_event {
    char tracking_no[24];
    char consignee_email[64];
};

static void load_relay(struct relay_cfg *cfg)
{
    cfg->url = strdup("https://relay.parcels.example.cn/events");
    cfg->audit_url = strdup("https://audit.parcels.example.de/events");
}

void relay_event(const struct parcel_event *ev)
{
    struct relay_cfg cfg;
    load_relay(&cfg);
    const char *url = cfg.url;
    CURL *h = curl_easy_init();
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, ev->consignee_email); /* expect: violation customer.contact */
    curl_easy_perform(h);
}

void audit_event(const struct parcel_event *ev)
{
    struct relay_cfg cfg;
    load_relay(&cfg);
    CURLU *u = curl_url();
    curl_url_set(u, CURLUPART_URL, cfg.audit_url, 0);
    CURL *h = curl_easy_init();
    curl_easy_setopt(h, CURLOPT_CURLU, u);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, ev->tracking_no); /* expect: allowed shipment.tracking */
    curl_easy_perform(h);
}
