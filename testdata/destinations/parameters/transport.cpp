// Helpers that send to the URL their caller gives them. Their destination is only
// known per call site, so the verdicts are checked on the call lines (in callers.cpp).
#include "transport.h"

#include <curl/curl.h>

void post_body(const std::string& url, const std::string& body) {
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_COPYPOSTFIELDS, body.c_str());  // verdict per call site, see callers.cpp
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}

// The caller names only the host; scheme and path are added here.
void post_to_host(const std::string& host, const std::string& body) {
  post_body("https://" + host + "/api/v1", body);
}

// One more level: a C string base URL, extended with a constant path.
void post_event(const char* base, const std::string& body) {
  const std::string url = std::string(base) + "/events";
  post_body(url, body);
}
