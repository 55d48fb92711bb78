// Hosts of the destination catalog (rules/destinations/clouds.yaml). The catalog says
// where a service is located (country) and whose law its operator answers to
// (jurisdiction). Under eu-residency customer data needs both in the EU; shipment
// data only needs an EU location; nothing may be located in China.
#include <curl/curl.h>

#include <string>

#include "common/model.h"

namespace {
void upload(const std::string& url, const std::string& body) {
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_COPYPOSTFIELDS, body.c_str());  // verdict per call site, see below
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}
}  // namespace

// Alibaba Cloud Frankfurt: located in DE, operator under CN jurisdiction.
void alibaba_frankfurt(const Customer& c, const Shipment& s) {
  upload("https://bucket.oss-eu-central-1.aliyuncs.com/contacts.json", c.email);  // expect: violation customer.contact
  upload("https://bucket.oss-eu-central-1.aliyuncs.com/manifest.json", s.tracking_no);  // expect: allowed shipment.tracking
}

// Alibaba Cloud Hangzhou: located in CN, denied for every category.
void alibaba_hangzhou(const Customer& c, const Shipment& s) {
  upload("https://oss-cn-hangzhou.aliyuncs.com/contacts.json", c.phone);  // expect: violation customer.contact
  upload("https://bucket.oss-cn-hangzhou.aliyuncs.com/manifest.json", s.tracking_no);  // expect: violation shipment.tracking
  // A mainland region without its own entry falls to the catch-all oss-cn-*.
  upload("https://bucket.oss-cn-wulanchabu.aliyuncs.com/manifest.json", s.origin);  // expect: violation shipment.routing
}

// AWS Frankfurt: located in DE, operator under US jurisdiction.
void aws_frankfurt(const Customer& c, const Shipment& s) {
  upload("https://s3.eu-central-1.amazonaws.com/depot-bucket/contacts.json", c.name);  // expect: violation customer.identity
  upload("https://s3.eu-central-1.amazonaws.com/depot-bucket/manifest.json", s.destination);  // expect: allowed shipment.routing
  upload("https://depot-bucket.s3.eu-central-1.amazonaws.com/manifest.json", s.destination);  // expect: allowed shipment.routing
}

// Region-less endpoints: the operator is known, the location is not.
void region_unknown(const Shipment& s) {
  upload("https://s3.amazonaws.com/depot-bucket/manifest.json", s.tracking_no);  // expect: violation shipment.tracking
  upload("https://depot.blob.core.windows.net/manifests/today.json", s.tracking_no);  // expect: violation shipment.tracking
}

// AWS China is run by local partners: located in CN.
void aws_china(const Shipment& s) {
  upload("https://s3.cn-north-1.amazonaws.com.cn/depot-bucket/manifest.json", s.origin);  // expect: violation shipment.routing
}

// Google Cloud Frankfurt: located in DE, operator under US jurisdiction.
void gcp_frankfurt(const Customer& c, const Shipment& s) {
  upload("https://europe-west3-run.googleapis.com/v1/contacts", c.city);  // expect: violation customer.address
  upload("https://europe-west3-run.googleapis.com/v1/manifests", s.origin);  // expect: allowed shipment.routing
}

// Not in the catalog: the .eu TLD gives region and jurisdiction EU.
void eu_host(const Customer& c) {
  upload("https://crm.depot-partner.eu/contacts", c.email);  // expect: allowed customer.contact
}

// Negative: catalog hosts, nothing classified sent.
void status(const Shipment& s) {
  upload("https://oss-cn-hangzhou.aliyuncs.com/status", std::to_string(s.weight_kg > 0));  // expect-none
}
