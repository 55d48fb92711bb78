/* Keys mapped to the buffers they fill by address (`{"report_url", g_conf.report_url}`):
 * a value copied through the row's pointer is that configuration entry. */
#include <curl/curl.h>
#include <stdio.h>
#include <string.h>

struct conf {
  char report_url[128];
  char station[16];
};

static struct conf g_conf;

static const struct {
  const char *key;
  char *dst;
  size_t len;
} k_conf_map[] = {
    {"report_url", g_conf.report_url, sizeof g_conf.report_url},
    {"station", g_conf.station, sizeof g_conf.station},
};

void conf_set(const char *key, const char *val) {
  size_t i;
  for (i = 0; i < sizeof k_conf_map / sizeof k_conf_map[0]; i++)
    if (strcmp(k_conf_map[i].key, key) == 0) strncpy(k_conf_map[i].dst, val, k_conf_map[i].len - 1);
}

struct parcel {
  char tracking_no[24];
};

void upload_manifest(const struct parcel *p) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, g_conf.report_url);
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, p->tracking_no); /* expect: allowed shipment.tracking */
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}
