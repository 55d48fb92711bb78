// The destinations of ../unresolved, resolved by the bindings of this folder's policy
// (eu-residency plus deployment values): env:PARTNER_URL is a .de host, the
// configured gateway host is a .cn host and the gateway URL is a private address.
#include <curl/curl.h>

#include <cstdlib>
#include <string>

#include "common/model.h"
#include "config.h"

void from_environment(const Customer& c) {
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, std::getenv("PARTNER_URL"));
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, c.email.c_str());  // expect: allowed customer.contact
  curl_easy_cleanup(h);
}

void from_environment_with_path(const Shipment& s) {
  const char* base = std::getenv("PARTNER_URL");
  const std::string url = std::string(base) + "/shipments";
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, s.tracking_no.c_str());  // expect: allowed shipment.tracking
  curl_easy_cleanup(h);
}

void from_config(const Config& cfg, const Customer& c) {
  const std::string url = config_value(cfg, "gateway.url");
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, c.phone.c_str());  // expect: allowed customer.contact
  curl_easy_cleanup(h);
}

void host_from_config(const Config& cfg, const Shipment& s) {
  const std::string url = "https://" + config_value(cfg, "gateway.host") + "/api";
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, s.origin.c_str());  // expect: violation shipment.routing
  curl_easy_cleanup(h);
}

// Still unresolved: nothing binds this variable.
void unbound(const Shipment& s) {
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, std::getenv("OTHER_PARTNER_URL"));
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, s.destination.c_str());  // expect: unresolved shipment.routing
  curl_easy_cleanup(h);
}
