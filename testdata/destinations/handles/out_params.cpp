// Addresses and URLs a helper hands back through an out-parameter: a resolver
// wrapper filling `addrinfo**`, a URL written into a `std::string&`, an endpoint
// record filled through a pointer, and a link class opening its socket that way.
#include <curl/curl.h>
#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>

#include "common/model.h"

namespace {

int open_socket(const std::string& host, int port, addrinfo** out) {
  addrinfo hints{};
  hints.ai_socktype = SOCK_STREAM;
  const std::string service = std::to_string(port);
  if (getaddrinfo(host.c_str(), service.c_str(), &hints, out) != 0) return -1;
  return ::socket((*out)->ai_family, (*out)->ai_socktype, (*out)->ai_protocol);
}

struct Endpoint {
  std::string url;
  int timeout_s = 0;
};

void load_endpoint(Endpoint* out) {
  out->url = "https://hub.partner-depot.cn/v1/scans";
  out->timeout_s = 20;
}

bool lookup_url(const char* key, std::string& out) {
  if (key == nullptr) return false;
  out = "https://api.carrier.example.de/track";
  return true;
}

}  // namespace

void to_wrapped_resolver(const Shipment& s) {
  addrinfo* ai = nullptr;
  const int fd = open_socket("relay.depot-partner.cn", 7001, &ai);
  if (fd < 0) return;
  connect(fd, ai->ai_addr, ai->ai_addrlen);
  freeaddrinfo(ai);
  write(fd, s.tracking_no.data(), s.tracking_no.size());  // expect: violation shipment.tracking
}

class DepotLink {
 public:
  explicit DepotLink(std::string host) : host_(std::move(host)) {}
  bool open() {
    addrinfo* ai = nullptr;
    fd_ = open_socket(host_, 7001, &ai);
    if (fd_ >= 0 && ::connect(fd_, ai->ai_addr, ai->ai_addrlen) != 0) fd_ = -1;
    if (ai) freeaddrinfo(ai);
    return fd_ >= 0;
  }
  void push(const std::string& frame) { ::send(fd_, frame.data(), frame.size(), 0); }  // expect: allowed shipment.tracking

 private:
  std::string host_;
  int fd_ = -1;
};

void to_member_link(const Shipment& s) {
  DepotLink link("relay.depot-partner.at");
  if (link.open()) link.push(s.tracking_no);
}

void to_filled_endpoint(const Shipment& s) {
  Endpoint ep;
  load_endpoint(&ep);
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, ep.url.c_str());
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, s.tracking_no.c_str());  // expect: violation shipment.tracking
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}

void to_looked_up_url(const Customer& c) {
  std::string url;
  if (!lookup_url("tracking", url)) return;
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, c.name.c_str());  // expect: allowed customer.identity
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}
