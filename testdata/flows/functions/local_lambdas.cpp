// Lambdas held in a local variable and called there: what they append to a
// by-reference capture is in the captured variable after the call, also for a
// generic lambda run once per argument of a fold expression.
#include <curl/curl.h>

#include <sstream>
#include <string>

#include "common/model.h"

namespace {

void postBody(const std::string& body) {
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, "https://intake.partner.example.cn/v1");
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.c_str());  // expect: violation customer.identity
  curl_easy_perform(h);
}

void postLabel(const std::string& label) {
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, "https://labels.partner.example.cn/v1");
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, label.c_str());  // expect: violation customer.contact shipment.tracking
  curl_easy_perform(h);
}

template <class... Fields> std::string joined(char sep, const Fields&... fields) {
  std::ostringstream out;
  bool first = true;
  auto put = [&](const auto& value) {
    if (!first) out << sep;
    first = false;
    out << value;
  };
  (put(fields), ...);
  return out.str();
}

}  // namespace

void sendName(const Customer& c) {
  std::string line;
  auto add = [&line](const std::string& part) { line += part + ";"; };
  add(c.name);
  postBody(line);
}

void sendLabel(const Shipment& s, const Customer& c) { postLabel(joined(',', s.tracking_no, c.email, 3)); }

void sendCount(int parcels) {
  std::string line;
  auto add = [&line](int n) { line += std::to_string(n); };
  add(parcels);
  postBody(line);
}
