// Customs pre-clearance (German customs portal) and the recipient archive kept in
// an S3 bucket: stored in Frankfurt, but run by a US company.
#include <curl/curl.h>

#include <nlohmann/json.hpp>
#include <string>

#include "depot/services.h"

namespace depot {

constexpr const char* kCustomsPortal = "https://api.zollportal.de/v2/declarations";
const std::string kArchiveBucket = "https://depot-archive.s3.eu-central-1.amazonaws.com/";

// Electronic pre-declaration: what is in the parcel and what it is worth.
bool file_customs_declaration(const Consignment& c) {
  const nlohmann::json declaration = {
      {"waybill", c.waybill_number},
      {"goods", {{"description", c.contents_description}, {"hs", c.hs_code}}},
      {"value_eur", c.declared_value},
  };
  const std::string body = declaration.dump();
  CURL* h = curl_easy_init();
  if (h == nullptr) return false;
  curl_easy_setopt(h, CURLOPT_URL, kCustomsPortal);
  curl_easy_setopt(h, CURLOPT_COPYPOSTFIELDS, body.c_str());  // expect: allowed shipment.tracking shipment.contents
  const CURLcode rc = curl_easy_perform(h);
  curl_easy_cleanup(h);
  return rc == CURLE_OK;
}

// Proof-of-delivery archive: one line per delivered parcel.
bool archive_recipient(const Consignment& c) {
  std::string record = c.to.full_name;
  record += '|';
  record.append(c.to.street_address);
  record += "|" + c.to.zip + " " + c.to.town;
  const std::string url = kArchiveBucket + "recipients/upload";
  CURL* h = curl_easy_init();
  if (h == nullptr) return false;
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, record.data());  // expect: violation customer.identity customer.address
  const CURLcode rc = curl_easy_perform(h);
  curl_easy_cleanup(h);
  return rc == CURLE_OK;
}

}  // namespace depot
