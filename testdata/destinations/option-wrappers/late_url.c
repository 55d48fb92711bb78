/* The body is handed over before the handle is pointed at its host, both through
 * a wrapper: the wrapper's sink goes where the caller points the handle later. */
#include <curl/curl.h>

struct parcel_event {
    char tracking_no[24];
    char recipient_name[64];
};

static int put_option(CURL *h, CURLoption opt, const char *value)
{
    return curl_easy_setopt(h, opt, value) == CURLE_OK ? 0 : -1;  // expect: violation customer.identity
}

int upload_event(const struct parcel_event *e)
{
    CURL *h = curl_easy_init();
    put_option(h, CURLOPT_POSTFIELDS, e->recipient_name);
    put_option(h, CURLOPT_USERAGENT, "locker/2.1");
    put_option(h, CURLOPT_URL, "https://events.harbin-parcelnet.example.cn/v1/upload");
    return curl_easy_perform(h);
}
