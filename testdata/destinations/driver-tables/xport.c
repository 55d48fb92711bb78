#include <stdio.h>

#include "xport.h"

/* The URL is built from the host the caller opened the transport with. */
static int https_open(struct xport *t, const char *host)
{
    CURL *c = curl_easy_init();
    snprintf(t->url, sizeof t->url, "https://%s/v2/ingest", host);
    curl_easy_setopt(c, CURLOPT_URL, t->url);
    t->curl = c;
    return 0;
}

static long https_send(struct xport *t, const void *buf, size_t len)
{
    CURL *c = t->curl;
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, (long)len);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, buf);  // expect: allowed customer.contact
    return curl_easy_perform(c) == CURLE_OK ? (long)len : -1;
}

const struct xport_ops https_ops = {.open = https_open, .send = https_send};
