// The destination of a libcurl handle is the URL set on that same handle before the
// data is handed over (the last one, when it was set twice).
#include <curl/curl.h>

#include <string>

#include "common/model.h"

void url_then_body(const Shipment& s) {
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, "https://edi.depot-partner.cn/in");
  curl_easy_setopt(h, CURLOPT_TIMEOUT, 10L);
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, s.tracking_no.c_str());  // expect: violation shipment.tracking
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}

void url_changed(const Shipment& s) {
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, "https://edi.depot-partner.cn/in");
  curl_easy_setopt(h, CURLOPT_URL, "https://edi.depot-partner.de/in");
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, s.origin.c_str());  // expect: allowed shipment.routing
}

void two_handles(const Shipment& s) {
  CURL* de = curl_easy_init();
  CURL* cn = curl_easy_init();
  curl_easy_setopt(de, CURLOPT_URL, "https://edi.depot-partner.de/in");
  curl_easy_setopt(cn, CURLOPT_URL, "https://edi.depot-partner.cn/in");
  curl_easy_setopt(de, CURLOPT_POSTFIELDS, s.destination.c_str());  // expect: allowed shipment.routing
  curl_easy_setopt(cn, CURLOPT_POSTFIELDS, s.destination.c_str());  // expect: violation shipment.routing
}
