// Judged by this folder's policy.yaml: eu-residency plus a policy sanitizer for
// mask_pii, which removes customer.* from what its result carries.
#include <curl/curl.h>

#include <cstddef>
#include <string>

#include "common/model.h"
#include "common/post.h"

namespace depot {

// Keeps the first and the last character. Read on its own the result still carries
// the value it was made from; only the policy's sanitizer says it is harmless.
std::string mask_pii(const std::string& value) {
  std::string out = value;
  for (std::size_t i = 1; i + 1 < out.size(); ++i) out[i] = '*';
  return out;
}

// Not a sanitizer: its name does not match the policy's pattern.
std::string mask_phone(const std::string& phone) {
  return phone.substr(0, 3) + "****";
}

}  // namespace depot

namespace {

constexpr const char* kAnalytics = "https://analytics.depot-partner.com/events";
constexpr const char* kPartnerCn = "https://edi.depot-partner.cn/in";
constexpr const char* kAwsFrankfurt = "https://s3.eu-central-1.amazonaws.com/edi/in";  // DE, US operator
}  // namespace

void masked(const Customer& c) {
  post(kAnalytics, c.email);  // expect: violation customer.contact -- .com: location unknown
  post(kAnalytics, depot::mask_pii(c.email));  // expect-none
  post(kAnalytics, depot::mask_pii(c.name) + ";" + depot::mask_pii(c.city));  // expect-none
  const std::string masked_phone = depot::mask_pii(c.phone);
  post(kAnalytics, "phone=" + masked_phone);  // expect-none
}

void not_masked(const Customer& c) {
  post(kAnalytics, depot::mask_phone(c.phone));  // expect: violation customer.contact
  post(kAnalytics, depot::mask_pii(c.name) + ";" + c.email);  // expect: violation customer.contact
}

// Only customer.* is removed: shipment data in the argument still gets through.
void shipment_through_mask(const Shipment& s) {
  post(kPartnerCn, depot::mask_pii(s.tracking_no));  // expect: violation shipment.tracking
  post(kPartnerCn, depot::mask_pii(s.recipient.email + "/" + s.tracking_no));  // expect: violation shipment.tracking
  // AWS Frankfurt takes shipment data but not customer data: allowed only because the
  // e-mail address was removed by the sanitizer.
  post(kAwsFrankfurt, depot::mask_pii(s.recipient.email + "/" + s.tracking_no));  // expect: allowed shipment.tracking
  post(kAwsFrankfurt, s.recipient.email + "/" + s.tracking_no);  // expect: violation customer.contact shipment.tracking
}
