// Judged by this folder's policy.yaml (catalog entry names).
#include <curl/curl.h>

#include <string>

#include "common/model.h"
#include "common/post.h"

void customer_data(const Customer& c) {
  post("https://s3.eu-central-1.amazonaws.com/crm/contacts.json", c.email);  // expect: allowed customer.contact
  post("https://crm.s3.eu-central-1.amazonaws.com/contacts.json", c.email);  // expect: allowed customer.contact
  post("https://dynamodb.eu-central-1.amazonaws.com/", c.name);  // expect: allowed customer.identity -- another host of the same entry
  post("https://s3.eu-west-1.amazonaws.com/crm/contacts.json", c.email);  // expect: violation customer.contact -- entry aws-eu-west-1
  post("https://s3.amazonaws.com/crm/contacts.json", c.email);  // expect: violation customer.contact -- entry aws
  post("https://crm.depot-partner.de/contacts", c.phone);  // expect: violation customer.contact -- no entry
  post("http://127.0.0.1:6379/", c.phone);  // expect: allowed customer.contact -- entry loopback
  post("http://localhost:6379/", c.city);  // expect: allowed customer.address
  post("http://10.0.0.5:6379/", c.city);  // expect: violation customer.address -- internal, but not localhost
}

void shipment_data(const Shipment& s) {
  post("https://edi.oss-eu-central-1.aliyuncs.com/manifest.json", s.tracking_no);  // expect: allowed shipment.tracking
  post("https://edi.oss-cn-hangzhou.aliyuncs.com/manifest.json", s.tracking_no);  // expect: violation shipment.tracking
  post("http://10.0.0.5/edi", s.origin);  // expect: allowed shipment.routing -- private-network is internal
  post("http://localhost/edi", s.origin);  // expect: allowed shipment.routing -- loopback is internal
  post("https://s3.eu-central-1.amazonaws.com/edi/manifest.json", s.origin);  // expect: violation shipment.routing
}

// Negative: nothing classified.
void ping() {
  post("https://s3.eu-west-1.amazonaws.com/ping", "ping");  // expect-none
}
