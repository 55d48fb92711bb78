// Each call passes its own constant destination to the same helper; each call line
// gets the verdict of its own destination.
#include <string>

#include "common/model.h"
#include "transport.h"

namespace {
constexpr const char* kEventsCn = "https://events.depot-partner.cn";
constexpr const char* kEventsDe = "https://events.depot-partner.de";
}  // namespace

std::string config_value(const void* cfg, const char* key);

void report_shipment(const Shipment& s) {
  post_body("https://tracking.depot-partner.de/in", s.tracking_no);  // expect: allowed shipment.tracking
  post_body("https://tracking.depot-partner.cn/in", s.tracking_no);  // expect: violation shipment.tracking
  post_body("http://10.20.0.7:8080/in", s.tracking_no);  // expect: allowed shipment.tracking
  post_body("https://tracking.depot-partner.com/in", s.tracking_no);  // expect: violation shipment.tracking
}

void report_routing(const Shipment& s) {
  post_to_host("routes.depot-partner.cn", s.origin);  // expect: violation shipment.routing
  post_to_host("routes.depot-partner.nl", s.origin);  // expect: allowed shipment.routing
}

void report_events(const Shipment& s) {
  post_event(kEventsCn, s.destination);  // expect: violation shipment.routing
  post_event(kEventsDe, s.destination);  // expect: allowed shipment.routing
}

void report_customer(const Customer& c) {
  post_body("https://crm.depot-partner.de/contacts", c.email);  // expect: allowed customer.contact
  post_body("https://crm.depot-partner.us/contacts", c.email);  // expect: violation customer.contact
}

// Unresolved: this caller takes the URL from configuration.
void report_configured(const Shipment& s, const void* cfg) {
  post_body(config_value(cfg, "tracking.url"), s.tracking_no);  // expect: unresolved shipment.tracking
}

// Negative: nothing classified is passed, whatever the destination.
void report_ping() {
  post_body("https://tracking.depot-partner.cn/ping", "ping");  // expect-none
  post_to_host("routes.depot-partner.cn", std::to_string(42));  // expect-none
}
