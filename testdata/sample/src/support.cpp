// Small helpers shared by the integrations: one JSON POST over libcurl and the
// pseudonymisation used before contact data leaves the depot.
#include <curl/curl.h>

#include <cstdint>
#include <cstdio>
#include <string>

#include "depot/services.h"

namespace depot {

// POSTs `body` as JSON to `url`. The only caller is publish_status() in tracking.cpp.
bool post_json(const std::string& url, const std::string& body) {
  CURL* h = curl_easy_init();
  if (h == nullptr) return false;
  curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json");
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.c_str());  // expect: violation shipment.tracking shipment.routing
  const CURLcode rc = curl_easy_perform(h);
  curl_slist_free_all(headers);
  curl_easy_cleanup(h);
  return rc == CURLE_OK;
}

// A keyed FNV-1a digest: stable per value, not reversible to the value.
std::string pseudonymize(const std::string& value) {
  std::uint64_t digest = 0xcbf29ce484222325ULL ^ 0x5eed5eedULL;
  for (unsigned char ch : value) {
    digest ^= ch;
    digest *= 0x100000001b3ULL;
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(digest));
  return std::string(hex);
}

}  // namespace depot
