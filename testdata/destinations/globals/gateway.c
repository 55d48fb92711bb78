/* A client struct kept in a static global and set up by an init function through a
 * pointer to it: the handle it stores there keeps the URL it was configured with
 * for the later sends. */
#include <curl/curl.h>
#include <string.h>

#include "depot.h"

struct gateway {
    CURL* curl;
};

static struct gateway s_partner_gw;
static struct gateway s_export_gw;

static int gateway_open(struct gateway* gw, const char* url) {
    gw->curl = curl_easy_init();
    curl_easy_setopt(gw->curl, CURLOPT_URL, url);
    return gw->curl ? 0 : -1;
}

static long gateway_post(struct gateway* gw, const char* body) {
    curl_easy_setopt(gw->curl, CURLOPT_POSTFIELDS, body);
    return curl_easy_perform(gw->curl) == CURLE_OK ? 0 : -1;
}

int gateways_init(void) {
    return gateway_open(&s_partner_gw, "https://scans.depot-partner.de/v3") |
           gateway_open(&s_export_gw, "https://export.depot-partner.cn/v3");
}

void gateways_publish(const struct parcel_scan* scan) {
    gateway_post(&s_partner_gw, scan->tracking_no); /* expect: allowed shipment.tracking */
    gateway_post(&s_export_gw, scan->tracking_no);  /* expect: violation shipment.tracking */
}
