// Clients opened on first use: a private helper of the class connects a member,
// and the method that called it sends through that member. The destination is
// what the helper set, not the member's value before the call (still closed).
#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>

#include "common/model.h"

class LabelUploader {
 public:
  void push(const Customer& c) {
    ensure();
    curl_easy_setopt(handle_, CURLOPT_POSTFIELDS, c.email.c_str());  // expect: violation customer.contact
    curl_easy_perform(handle_);
  }

 private:
  void ensure() {
    if (handle_) return;
    handle_ = curl_easy_init();
    curl_easy_setopt(handle_, CURLOPT_URL, "https://labels.vendor.example.cn/v1");
  }
  CURL* handle_ = nullptr;
};

class DockRelay {
 public:
  bool send(const Shipment& s) {
    if (!ensureOpen()) return false;
    return ::send(fd_, s.tracking_no.data(), s.tracking_no.size(), 0) > 0;  // expect: allowed shipment.tracking
  }

 private:
  bool ensureOpen() {
    if (fd_ >= 0) return true;
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(9000);
    inet_pton(AF_INET, "10.20.0.5", &addr.sin_addr);
    return connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  }
  int fd_ = -1;
};

// A helper that only touches other members leaves the endpoint the constructor set.
class AuditFeed {
 public:
  explicit AuditFeed(std::string url) : url_(std::move(url)) {}
  void record(const Customer& c) {
    count();
    post(c.name);
  }

 private:
  void count() { ++sent_; }
  void post(const std::string& body) {
    CURL* h = curl_easy_init();
    curl_easy_setopt(h, CURLOPT_URL, url_.c_str());
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.c_str());  // expect: allowed customer.identity
    curl_easy_perform(h);
  }
  std::string url_;
  int sent_ = 0;
};

// A URL the method only defaults keeps the one the constructor set as well.
class ReturnsFeed {
 public:
  explicit ReturnsFeed(std::string url) : url_(std::move(url)) {}
  void announce(const Customer& c) {
    useDefault();
    CURL* h = curl_easy_init();
    curl_easy_setopt(h, CURLOPT_URL, url_.c_str());
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, c.email.c_str());  // expect: violation customer.contact
    curl_easy_perform(h);
  }

 private:
  void useDefault() {
    if (url_.empty()) url_ = "https://returns.example.de/in";
  }
  std::string url_;
};

void forwardParcel(const Shipment& s, const Customer& buyer) {
  LabelUploader labels;
  labels.push(buyer);
  DockRelay relay;
  relay.send(s);
  AuditFeed audit("https://audit.example.de/in");
  audit.record(buyer);
  ReturnsFeed returns("https://returns.partner.example.cn/in");
  returns.announce(buyer);
}
