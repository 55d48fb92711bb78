// The sinks: each send goes to the URL its own instance was built with.
#include "transports.h"

#include <curl/curl.h>

#include <utility>

HttpTransport::HttpTransport(std::string base_url) : base_url_(std::move(base_url)) {}

void HttpTransport::send(const std::string& path, const std::string& body) {
  CURL* h = curl_easy_init();
  const std::string url = base_url_ + path;
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_COPYPOSTFIELDS, body.c_str());  // verdict per instance: see services.cpp
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}

BucketTransport::BucketTransport(std::string bucket, std::string region)
    : bucket_(std::move(bucket)), region_(std::move(region)) {}

void BucketTransport::send(const std::string& path, const std::string& body) {
  CURL* h = curl_easy_init();
  const std::string url = "https://" + bucket_ + ".s3." + region_ + ".amazonaws.com/" + path;
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_COPYPOSTFIELDS, body.c_str());  // verdict per instance: see services.cpp
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}

// Clients made by a factory function of the program.
std::unique_ptr<Transport> make_transport(bool offshore) {
  if (offshore) return std::make_unique<HttpTransport>("https://sync.depot-partner.cn");
  return std::make_unique<HttpTransport>("https://sync.depot-partner.de");
}
