// Sources, types, sanitizers, API models and bindings declared by this folder's
// .egress-audit.yaml; without it nothing here would be reported.
#include <curl/curl.h>

#include <cstdlib>
#include <functional>
#include <string>

#include "acme_sdk.h"

namespace acme {
struct GeoFix {
  double a, b;
};
struct Bounds {
  double a, b;
};
// The deployment's pseudonymiser: a keyed hash of the value.
std::string tokenize(const std::string& v) { return std::to_string(std::hash<std::string>{}(v + "k3y")); }
}  // namespace acme

struct Job {
  acme::GeoFix at;
  int priority;
};

struct Auftrag {
  std::string kunde;  // German: the customer's name
  std::string lager;  // the warehouse
};

static void post(const char* url, const std::string& body) {
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url);
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}

void send_handset(int id) {
  post("https://api.carrier.example.cn/sms", wms_rcpt_get_handset(id));  // expect: violation customer.contact
}

void send_bay(int id) {
  post("https://api.carrier.example.cn/bay", wms_rcpt_get_bay(id));  // expect-none
}

void send_job(const Job& j) {
  const std::string body = std::to_string(j.at.a) + "," + std::to_string(j.at.b);
  post("https://track.example.cn/jobs", body);  // expect: violation customer.location
}

void send_bounds(const acme::Bounds& b) {
  post("https://track.example.cn/bounds", std::to_string(b.a));  // expect-none
}

void send_auftrag(const Auftrag& a) {
  post("https://erp.example.cn/auftrag", a.kunde);  // expect: violation customer.identity
  post("https://erp.example.cn/lager", a.lager);    // expect-none
}

void send_token(int id) {
  post("https://api.carrier.example.cn/t", acme::tokenize(wms_rcpt_get_handset(id)));  // expect-none
}

void to_hub(int id) {
  const char* hub = std::getenv("ACME_HUB_URL");
  post(hub, wms_rcpt_get_handset(id));  // expect: violation customer.contact
}

// Request handlers a server framework calls; the overlay declares their parameter 1
// (the request body) customer contact data.
struct OrderServer {
  void on_order_request(int seq, const std::string& body) {
    post("https://track.example.cn/orders", body);  // expect: violation customer.contact
    post("https://track.example.cn/seq", std::to_string(seq));  // expect-none
  }
};
