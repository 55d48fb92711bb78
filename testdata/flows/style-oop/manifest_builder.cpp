#include "manifest_builder.h"

#include <curl/curl.h>
#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

ManifestRequest::ManifestRequest(std::string url) : url_(std::move(url)) {}

ManifestRequest& ManifestRequest::header(std::string_view name, std::string_view value) {
  headers_.append(name).append(": ").append(value);
  return *this;
}

ManifestRequest& ManifestRequest::field(std::string_view key, std::string_view value) {
  fields_.append(key).append("=").append(value).append("&");
  return *this;
}

ManifestRequest& ManifestRequest::field(std::string_view key, double value) {
  fields_.append(key).append("=").append(std::to_string(value)).append("&");
  return *this;
}

long ManifestRequest::post() {
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url_.c_str());
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, fields_.c_str());  // expect: allowed customer.identity customer.contact
                                                             // customer.address shipment.tracking shipment.metrics
  return curl_easy_perform(h);
}

TerminalLink::TerminalLink(std::string host) : host_(std::move(host)) {}

TerminalLink& TerminalLink::operator<<(std::string_view chunk) {
  pending_.append(chunk);
  return *this;
}

TerminalLink::~TerminalLink() {
  if (pending_.empty()) return;
  addrinfo* found = nullptr;
  if (getaddrinfo(host_.c_str(), "7070", nullptr, &found) != 0) return;
  const int fd = socket(found->ai_family, SOCK_STREAM, 0);
  if (connect(fd, found->ai_addr, found->ai_addrlen) == 0)
    send(fd, pending_.data(), pending_.size(), 0);  // expect: violation customer.identity shipment.tracking
  freeaddrinfo(found);
  close(fd);
}
