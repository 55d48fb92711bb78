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
  curl_easy_setopt(h, CURLOPT_USERAGENT, "depot/1.0");    // expect-none
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}

void upload_contacts(const Customer& c) {
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, (kCnGateway + "/contacts").c_str());
  curl_slist* headers = curl_slist_append(nullptr, ("X-Contact: " + c.email).c_str());
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);              // expect: violation customer.contact
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

// A MIME form: each part is a view onto the form, so what a part is given is
// posted with the form. The part's name is no data.
void upload_manifest(const Shipment& s) {
  CURL* h = curl_easy_init();
  curl_mime* form = curl_mime_init(h);
  curl_mimepart* part = curl_mime_addpart(form);
  curl_mime_name(part, "manifest");
  curl_mime_data(part, s.tracking_no.c_str(), CURL_ZERO_TERMINATED);
  curl_easy_setopt(h, CURLOPT_URL, "https://manifests.hub.example.cn/upload");
  curl_easy_setopt(h, CURLOPT_MIMEPOST, form);  // expect: violation shipment.tracking
  curl_easy_perform(h);
  curl_mime_free(form);
}

void upload_label_name(const Shipment& s) {
  CURL* h = curl_easy_init();
  curl_mime* form = curl_mime_init(h);
  curl_mimepart* part = curl_mime_addpart(form);
  curl_mime_data(part, "label", CURL_ZERO_TERMINATED);
  curl_easy_setopt(h, CURLOPT_URL, "https://labels.hub.example.cn/upload");
  curl_easy_setopt(h, CURLOPT_MIMEPOST, form);  // expect-none
  curl_easy_perform(h);
  (void)s;
}
