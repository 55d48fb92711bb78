/* A transfer module that sets every curl option through one small wrapper, as
 * many C code bases do to check the return code in one place. Whether the model
 * of curl_easy_setopt applies depends on the option the caller passes: the
 * wrapper's `opt` is decided at each call site, also through a second wrapper
 * that forwards it. */
#include <curl/curl.h>
#include <string.h>

struct consignment {
    char waybill_no[24];
    char consignee_name[64];
    char consignee_phone[24];
};

static int set_text(CURL *h, CURLoption opt, const char *value)
{
    return curl_easy_setopt(h, opt, value) == CURLE_OK ? 0 : -1;  // expect: violation customer.identity
}

/* Only ever handed options that carry no data to the server's application. */
static int set_meta(CURL *h, CURLoption opt, const char *value)
{
    return curl_easy_setopt(h, opt, value) == CURLE_OK ? 0 : -1;  // expect-none
}

static int apply(CURL *h, CURLoption opt, const char *value)
{
    return set_text(h, opt, value);
}

int report_delivery(const struct consignment *c)
{
    CURL *h = curl_easy_init();
    char form[128];
    strcpy(form, c->consignee_name);
    set_text(h, CURLOPT_URL, "https://pod.wuhan-expresslink.cn/v2/delivered");
    set_text(h, CURLOPT_POSTFIELDS, form);
    return curl_easy_perform(h);
}

/* The user agent and the referer are no data channel, and the URL is set through
 * the forwarding wrapper, six calls before the body: only the waybill in the body
 * goes out, to an EU host. */
int report_scan(const struct consignment *c)
{
    CURL *h = curl_easy_init();
    apply(h, CURLOPT_URL, "https://scans.parcelhub.de/v1/events");
    apply(h, CURLOPT_USERAGENT, c->consignee_phone);
    set_meta(h, CURLOPT_USERAGENT, c->consignee_phone);
    set_meta(h, CURLOPT_REFERER, c->consignee_name);
    apply(h, CURLOPT_CAINFO, "/etc/ssl/ca.pem");
    apply(h, CURLOPT_ACCEPT_ENCODING, "gzip");
    apply(h, CURLOPT_CUSTOMREQUEST, "PUT");
    apply(h, CURLOPT_POSTFIELDS, c->waybill_no);
    return curl_easy_perform(h);
}
