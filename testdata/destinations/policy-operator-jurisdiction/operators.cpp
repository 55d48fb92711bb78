// Judged by this folder's policy.yaml (operator and jurisdiction matchers).
#include <curl/curl.h>

#include <string>

#include "common/model.h"
#include "common/post.h"

void customer_data(const Customer& c) {
  post("https://s3.eu-central-1.amazonaws.com/crm/contacts.json", c.email);  // expect: violation customer.contact -- AWS: US jurisdiction
  post("https://europe-west3-run.googleapis.com/crm", c.email);  // expect: violation customer.contact -- Google: US jurisdiction
  post("https://crm.depot-partner.us/contacts", c.phone);  // expect: violation customer.contact -- .us: located and operated in US
  post("https://crm.depot-partner.de/contacts", c.phone);  // expect: allowed customer.contact -- no rule decides
  post("https://obs.eu-west-101.myhuaweicloud.eu/crm", c.name);  // expect: allowed customer.identity -- Huawei is neither US nor Alibaba
  post("https://crm.oss-eu-central-1.aliyuncs.com/contacts.json", c.name);  // expect: violation customer.identity -- operator Alibaba Cloud
}

void shipment_data(const Shipment& s) {
  post("https://s3.eu-central-1.amazonaws.com/edi/manifest.json", s.tracking_no);  // expect: allowed shipment.tracking -- AWS in DE
  post("https://s3.us-east-1.amazonaws.com/edi/manifest.json", s.tracking_no);  // expect: violation shipment.tracking -- AWS, not in the EU
  post("https://edi.oss-eu-central-1.aliyuncs.com/manifest.json", s.tracking_no);  // expect: violation shipment.tracking -- denied operator
  post("https://edi.depot-partner.fr/in", s.origin);  // expect: allowed shipment.routing -- FR is in the EU
  post("https://edi.depot-partner.eu/in", s.origin);  // expect: allowed shipment.routing -- .eu: jurisdiction EU
  post("https://edi.depot-partner.ch/in", s.origin);  // expect: violation shipment.routing -- CH is not in the EU
  post("https://europe-west3-run.googleapis.com/edi", s.origin);  // expect: violation shipment.routing -- Google in DE, but not an allowed operator
}

// Negative: nothing classified.
void ping() {
  post("https://s3.us-east-1.amazonaws.com/edi/ping", "ping");  // expect-none
}
