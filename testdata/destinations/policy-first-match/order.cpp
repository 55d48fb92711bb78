// Judged by this folder's policy.yaml (first deciding rule wins).
#include <curl/curl.h>

#include <string>

#include "common/model.h"
#include "common/post.h"

void contact_data(const Customer& c) {
  post("https://api.sms-gateway.com/send", c.phone);  // expect: allowed customer.contact -- contacts-to-sms-gateway
  post("https://crm.depot-partner.de/contacts", c.phone);  // expect: violation customer.contact -- contacts-to-sms-gateway decides first
  post("https://api.sms-gateway.cn/send", c.phone);  // expect: violation customer.contact -- no-data-to-china denies before
}

void other_customer_data(const Customer& c) {
  post("https://crm.depot-partner.de/contacts", c.name);  // expect: allowed customer.identity -- customer-data-eu-only
  post("https://api.sms-gateway.com/send", c.name);  // expect: violation customer.identity -- customer-data-eu-only
  // Each category on its own: the phone is allowed here, the name is not.
  post("https://api.sms-gateway.com/send", c.name + ": " + c.phone);  // expect: violation customer.identity customer.contact
}

void shipment_data(const Shipment& s) {
  post("https://api.tracking-broker.com/in", s.tracking_no);  // expect: violation shipment.tracking -- shipment-data-eu-only decides first
  post("https://edi.depot-partner.de/in", s.tracking_no);  // expect: allowed shipment.tracking
}

// Negative: nothing classified.
void ping() {
  post("https://api.tracking-broker.com/ping", "ping");  // expect-none
}
