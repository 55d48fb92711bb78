// Judged by this folder's policy.yaml: host globs decide customer data; shipment data
// is only restricted by the deny rule.
#include <curl/curl.h>

#include <string>

#include "common/model.h"
#include "common/post.h"

void customer_hosts(const Customer& c) {
  post("https://api.crm-partner.com/contacts", c.email);  // expect: allowed customer.contact
  post("https://eu.api.crm-partner.com/contacts", c.email);  // expect: allowed customer.contact -- parent domain api.crm-partner.com matches
  post("https://crm-partner.com/contacts", c.email);  // expect: violation customer.contact -- "*." needs a label in front
  post("https://crm-partner.net/contacts", c.phone);  // expect: allowed customer.contact
  post("https://sync.crm-partner.net/contacts", c.phone);  // expect: allowed customer.contact -- subdomain of crm-partner.net
  post("https://notcrm-partner.net/contacts", c.phone);  // expect: violation customer.contact
  post("https://eu-west.crm-vendor.io/v2", c.name);  // expect: allowed customer.identity
  post("https://us-east.crm-vendor.io/v2", c.name);  // expect: violation customer.identity
  post("https://mail2.depot.example.org/send", c.email);  // expect: allowed customer.contact
  post("https://mail12.depot.example.org/send", c.email);  // expect: violation customer.contact -- ? is one character
  post("https://API.CRM-Partner.com/contacts", c.city);  // expect: allowed customer.address -- hosts are compared lower-cased
  post("https://crm.depot-partner.de/contacts", c.city);  // expect: violation customer.address -- not in the allow list
}

void shipment_hosts(const Shipment& s) {
  post("https://feed.databroker.com/in", s.tracking_no);  // expect: violation shipment.tracking
  post("https://tracking.anywhere.example.com/in", s.tracking_no);  // expect: allowed shipment.tracking -- no rule decides
  post("https://tracking.depot-partner.cn/in", s.tracking_no);  // expect: allowed shipment.tracking -- this policy has no CN rule
}

// Negative: no classified data.
void ping() {
  post("https://feed.databroker.com/ping", "ping");  // expect-none
}
