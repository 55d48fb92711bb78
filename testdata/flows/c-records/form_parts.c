/* A local array of records built with an initializer list (`struct form_part
 * parts[] = {{...}, {...}}`) and handed to a helper that walks it: every element's
 * fields are what the helper reads of `parts[i]`. */
#include <curl/curl.h>
#include <stddef.h>

struct form_part {
    const char *name;
    const char *data;
};

struct recipient {
    char name[48];
    char email[64];
};

struct parcel {
    char tracking_no[24];
    struct recipient rcpt;
    unsigned attempts;
};

static int post_form(const char *url, const struct form_part *parts, size_t n)
{
    CURL *curl = curl_easy_init();
    curl_mime *mime = curl_mime_init(curl);
    for (size_t i = 0; i < n; i++) {
        curl_mimepart *part = curl_mime_addpart(mime);
        curl_mime_name(part, parts[i].name);
        curl_mime_data(part, parts[i].data, CURL_ZERO_TERMINATED);
    }
    curl_easy_setopt(curl, CURLOPT_URL, url);
    curl_easy_setopt(curl, CURLOPT_MIMEPOST, mime);
    return curl_easy_perform(curl);
}

void notify_shop(const struct parcel *p)
{
    const struct form_part parts[] = {
        {.name = "event", .data = "status_changed"},
        {.name = "tracking_no", .data = p->tracking_no},
        {.name = "notify_email", .data = p->rcpt.email},
    };
    post_form("https://hooks.shop.example.us/parcels", parts, sizeof parts / sizeof parts[0]); /* expect: violation customer.contact shipment.tracking */
}

void ping_shop(void)
{
    const struct form_part parts[] = {
        {.name = "event", .data = "heartbeat"},
        {.name = "source", .data = "depot-7"},
    };
    post_form("https://hooks.shop.example.us/parcels", parts, 2); /* expect-none */
}
