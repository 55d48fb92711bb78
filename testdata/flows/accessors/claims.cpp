// A setter overwriting a field with a constant clears what it held: the claim goes
// out with the claims desk's contact, not the consignee's.
#include "parcel.h"

#include <curl/curl.h>

const char* const kClaimsDesk = "Claims desk";
const char* const kClaimsPhone = "+49 40 555 0100";

void post_json(const std::string& path, const std::string& body) {
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, ("https://claims.partner.example.cn" + path).c_str());
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}

void open_claim(Parcel parcel) {
  parcel.setConsigneeName(kClaimsDesk);
  parcel.setConsigneePhone(kClaimsPhone);
  post_json("/claims", parcel.consigneeName() + ";" + parcel.consigneePhone());  // expect-none
}

void cleared_claim(Parcel parcel) {
  parcel.clearContact();
  post_json("/claims", parcel.consigneePhone());  // expect-none
}

// Another field was overwritten: the phone is still the consignee's.
void partial_claim(Parcel parcel) {
  parcel.setConsigneeName(kClaimsDesk);
  post_json("/claims", parcel.consigneePhone());  // expect: violation customer.contact
}

// Overwritten with another parcel's consignee: still customer data.
void forwarded_claim(Parcel parcel, const Parcel& other) {
  parcel.setConsigneePhone(other.consigneePhone());
  post_json("/claims", parcel.consigneePhone());  // expect: violation customer.contact
}

// Overwritten on one branch only: the other path still sends the consignee's name.
void maybe_claim(Parcel parcel, bool desk) {
  if (desk) parcel.setConsigneeName(kClaimsDesk);
  post_json("/claims", parcel.consigneeName());  // expect: violation customer.identity
}
