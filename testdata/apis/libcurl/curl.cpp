#include <curl/curl.h>

#include <cstdlib>
#include <string>

#include "common/model.h"

namespace {
constexpr const char* kTrackingApi = "https://tracking.partner-logistics.de/api/v1/events";
const std::string kCnGateway = "https://gw.crossborder.example.cn";
}  // namespace

void post_event(const Shipment& s) {
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, kTrackingApi);
  const std::string body = "{\"trk\":\"" + s.tracking_no + "\",\"to\":\"" + s.destination + "\"}";
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.c_str());  // expect: allowed shipment.tracking shipment.routing
  curl_easy_setopt(h, CURLOPT_USERAGENT, "depot/1.0");  // expect-none
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}

void upload_contacts(const Customer& c) {
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, (kCnGateway + "/contacts").c_str());
  curl_slist* headers = curl_slist_append(nullptr, ("X-Contact: " + c.email).c_str());
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);  // expect: violation customer.contact
  curl_easy_setopt(h, CURLOPT_COPYPOSTFIELDS, c.phone.c_str());  // expect: violation customer.contact
  curl_easy_perform(h);
}

void notify_partner(const Shipment& s) {
  const char* base = std::getenv("PARTNER_URL");
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, (std::string(base) + "/notify").c_str());
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, s.recipient.city.c_str());  // expect: unresolved customer.address
  const std::string count = std::to_string(s.recipient.name.size());
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, count.c_str());  // expect-none
  curl_easy_perform(h);
}
