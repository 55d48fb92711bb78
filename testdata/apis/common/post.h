// The plain HTTP POST helper the destination and policy cases send through: the
// verdict of each flow belongs to the call site that names the URL.
#pragma once

#include <curl/curl.h>

#include <string>

inline void post(const std::string& url, const std::string& body) {
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_COPYPOSTFIELDS, body.c_str());  // verdict per call site
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}
