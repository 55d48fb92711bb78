// A transfer class whose setters each set one curl option: callers hand over the
// body first and point the handle at its host afterwards. The sink is the body's
// setter, reached before the URL is set; where the handle points is what the caller
// leaves in it.
#include <curl/curl.h>

#include <string>

#include "common/model.h"

namespace {

class Transfer {
 public:
  Transfer() : handle_(curl_easy_init()) {}
  void body(const std::string& text) {
    body_ = text;
    curl_easy_setopt(handle_, CURLOPT_POSTFIELDS, body_.c_str());  // expect: violation customer.contact
  }
  void url(const char* where) { curl_easy_setopt(handle_, CURLOPT_URL, where); }
  int run() { return curl_easy_perform(handle_); }

 private:
  CURL* handle_;
  std::string body_;
};

}  // namespace

int notifyConsignee(const Customer& c) {
  Transfer t;
  t.body(c.email);
  t.url("https://notify.shenzhen-hub.example.cn/v1/mail");
  return t.run();
}
