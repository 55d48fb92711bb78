// A fluent request builder: each setter stores into the request and returns it, and
// send() posts to the host it was given. Built on a temporary in one expression, or
// step by step on a named request.
#include <curl/curl.h>

#include <string>
#include <utility>

#include "common/model.h"

namespace {

class Request {
 public:
  Request& host(std::string h) {
    host_ = std::move(h);
    return *this;
  }
  Request& body(std::string b) {
    body_ = std::move(b);
    return *this;
  }
  long send() const {
    CURL* h = curl_easy_init();
    const std::string url = "https://" + host_ + "/v1/consignees";
    curl_easy_setopt(h, CURLOPT_URL, url.c_str());
    curl_easy_setopt(h, CURLOPT_COPYPOSTFIELDS, body_.c_str());
    return curl_easy_perform(h);
  }

 private:
  std::string host_;
  std::string body_;
};

}  // namespace

void register_consignee_chained(const Customer& c) {
  Request().host("gw.depot-partner.cn").body(c.email).send();  // expect: violation customer.contact
  Request().host("api.depot-partner.de").body(c.city).send();  // expect: allowed customer.address
}

void register_consignee_stepwise(const Customer& c) {
  Request r;
  r.host("gw.depot-partner.cn");
  r.body(c.name);
  r.send();  // expect: violation customer.identity
}
