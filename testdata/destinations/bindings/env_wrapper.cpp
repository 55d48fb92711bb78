// The variable's name passed through a project wrapper around getenv that returns
// std::optional: each caller names the variable, so the binding applies, whether
// the value is used at once or kept in a member until a later call.
#include <curl/curl.h>

#include <cstdlib>
#include <optional>
#include <string>

#include "common/model.h"

namespace {

std::optional<std::string> env(const char* name) {
  if (const char* v = std::getenv(name); v && *v) return std::string(v);
  return std::nullopt;
}

void post(const std::string& url, const std::string& body) {
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.c_str());  // expect: allowed customer.contact
  curl_easy_perform(h);
}

class Notifier {
 public:
  Notifier() : base_(env("PARTNER_URL")) {}
  void notify(const Customer& c) {
    if (base_) post(*base_ + "/notify", c.phone);
  }

 private:
  std::optional<std::string> base_;
};

}  // namespace

void notify_now(const Customer& c) {
  const auto base = env("PARTNER_URL");
  if (base) post(base->c_str(), c.email);
}

void notify_later(const Customer& c) {
  Notifier n;
  n.notify(c);
}
