// INIReader (C++): typed getters are configuration keyed SECTION.NAME. The depot's
// hub number selects the host, and the folder's policy binds config:site.hub.
#include <INIReader.h>
#include <curl/curl.h>

#include <cstdio>
#include <string>

#include "common/model.h"

void post_scan(const Shipment& s) {
  INIReader reader("/etc/depot/depot.ini");
  if (reader.ParseError() < 0) return;
  char url[128];
  std::snprintf(url, sizeof url, "https://hub-%ld.tracking.example.cn/v1/scans", reader.GetInteger("site", "hub", 1));
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url);
  curl_easy_setopt(h, CURLOPT_COPYPOSTFIELDS, s.tracking_no.c_str());  // expect: violation shipment.tracking
  const long batch = reader.GetInteger("site", "batch", 50);
  const std::string stats = "batch=" + std::to_string(batch);
  curl_easy_setopt(h, CURLOPT_COPYPOSTFIELDS, stats.c_str());  // expect-none
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}
