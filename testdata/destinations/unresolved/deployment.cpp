// Destinations read from the environment or from configuration are not known in the
// code: the finding is unresolved and names where the value comes from (env:X,
// config:KEY), until a policy binds it (see ../bindings).
#include <curl/curl.h>

#include <cstdlib>
#include <string>

#include "common/model.h"
#include "config.h"

void from_environment(const Customer& c) {
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, std::getenv("PARTNER_URL"));
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, c.email.c_str());  // expect: unresolved customer.contact
  curl_easy_cleanup(h);
}

void from_environment_with_path(const Shipment& s) {
  const char* base = std::getenv("PARTNER_URL");
  const std::string url = std::string(base) + "/shipments";
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, s.tracking_no.c_str());  // expect: unresolved shipment.tracking
  curl_easy_cleanup(h);
}

void from_config(const Config& cfg, const Customer& c) {
  const std::string url = config_value(cfg, "gateway.url");
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, c.phone.c_str());  // expect: unresolved customer.contact
  curl_easy_cleanup(h);
}

// A constant scheme in front does not help: the host is still read at run time.
void host_from_config(const Config& cfg, const Shipment& s) {
  const std::string url = "https://" + config_value(cfg, "gateway.host") + "/api";
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, s.origin.c_str());  // expect: unresolved shipment.routing
  curl_easy_cleanup(h);
}

// Negative: a configured destination, but nothing classified is sent.
void heartbeat(const Config& cfg) {
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, config_value(cfg, "gateway.url").c_str());
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, "alive");  // expect-none
  curl_easy_cleanup(h);
}
