// Customer notifications. The SMS relay the depot was sold with sits in China.
#include <curl/curl.h>

#include <string>

#include "depot/services.h"

namespace depot {

static const char* kSmsRelay = "https://push.dragonfly-sms.cn/api/v3/messages";

// "Your parcel is out for delivery": phone, e-mail and waybill go to the relay.
bool text_out_for_delivery(const Consignment& c) {
  std::string form = "to=" + c.to.phone_number;
  form += "&cc=";
  form.append(c.to.email);
  form += "&text=Parcel%20" + c.waybill_number + "%20is%20on%20its%20way";
  CURL* h = curl_easy_init();
  if (h == nullptr) return false;
  curl_easy_setopt(h, CURLOPT_URL, kSmsRelay);
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, form.c_str());  // expect: violation customer.contact shipment.tracking
  const CURLcode rc = curl_easy_perform(h);
  curl_easy_cleanup(h);
  return rc == CURLE_OK;
}

// A preview request: the address is read, then replaced before anything is sent.
bool send_email_preview(const Recipient& r) {
  std::string preview = r.email;
  preview = "to=redacted&template=out-for-delivery";
  CURL* h = curl_easy_init();
  if (h == nullptr) return false;
  curl_easy_setopt(h, CURLOPT_URL, kSmsRelay);
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, preview.c_str());  // expect-none
  const CURLcode rc = curl_easy_perform(h);
  curl_easy_cleanup(h);
  return rc == CURLE_OK;
}

// The relay only ever sees a pseudonymous token for the recipient.
bool register_contact_token(const Recipient& r) {
  const std::string token = pseudonymize(r.email);
  CURL* h = curl_easy_init();
  if (h == nullptr) return false;
  curl_easy_setopt(h, CURLOPT_URL, kSmsRelay);
  curl_easy_setopt(h, CURLOPT_COPYPOSTFIELDS, token.c_str());  // expect-none
  curl_easy_cleanup(h);
  return true;
}

// Queue statistics: only how many parcels are waiting.
bool report_backlog(const Batch& batch) {
  const std::string stats = "pending=" + std::to_string(batch.size());
  CURL* h = curl_easy_init();
  if (h == nullptr) return false;
  curl_easy_setopt(h, CURLOPT_URL, kSmsRelay);
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, stats.c_str());  // expect-none
  const CURLcode rc = curl_easy_perform(h);
  curl_easy_cleanup(h);
  return rc == CURLE_OK;
}

}  // namespace depot
