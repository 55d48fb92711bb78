#include <httplib.h>

#include <cstdlib>
#include <string>

#include "common/model.h"

namespace {
constexpr const char* kCrmUrl = "https://crm.saas-vendor.com";
const std::string kTrackingBase = "https://tracking.partner-logistics.de";
}  // namespace

// Client on a .cn URL: Post/Put/Patch with a body and a content type.
void upload_contacts(const Customer& c) {
  httplib::Client cli("https://api.crossborder.example.cn");
  const std::string body = "{\"email\":\"" + c.email + "\"}";
  cli.Post("/v1/contacts", body, "application/json");  // expect: violation customer.contact
  cli.Put("/v1/contacts/1", c.phone, "text/plain");  // expect: violation customer.contact
  cli.Patch("/v1/contacts/1", "{\"active\":true}", "application/json");  // expect-none
}

// Client on a .de URL built from a constant: shipment data allowed.
void post_event(const Shipment& s) {
  httplib::Client cli(kTrackingBase + ":443");
  httplib::Params params;
  params.emplace("trk", s.tracking_no);
  params.emplace("to", s.destination);
  cli.Post("/api/v1/events", params);  // expect: allowed shipment.tracking shipment.routing
  cli.Get("/api/v1/events?trk=" + s.tracking_no);  // expect: allowed shipment.tracking
  cli.Get("/api/v1/health");  // expect-none
}

// Headers and default headers on a .com host.
void sync_crm(const Customer& c, const Options& o) {
  httplib::Client cli(kCrmUrl);
  const httplib::Headers headers = {{"X-Customer", c.name}};
  cli.Post("/sync", headers, "{}", "application/json");  // expect: violation customer.identity
  const std::string flags = std::to_string(o.email_enabled) + "," + std::to_string(o.address_family);
  cli.Post("/flags", flags, "text/plain");  // expect-none
  httplib::Client auth_cli(kCrmUrl);
  auth_cli.set_default_headers({{"X-Reply-To", c.email}});
  auth_cli.Delete("/sessions/current");  // expect: violation customer.contact
}

// Host and port; an SSLClient; a URL from the environment.
void internal_and_env(const Shipment& s) {
  httplib::Client printer("10.0.3.4", 8080);
  printer.Post("/print", s.recipient.name + "\n" + s.recipient.street, "text/plain");  // expect: allowed customer.identity customer.address
  httplib::SSLClient eu("labels.depot.example.eu", 443);
  eu.Put("/labels", s.tracking_no, "text/plain");  // expect: allowed shipment.tracking
  httplib::Client partner(std::getenv("PARTNER_URL"));
  partner.Post("/notify", s.recipient.city, "text/plain");  // expect: unresolved customer.address
  const std::string size = std::to_string(s.recipient.city.size());
  partner.Post("/notify", size, "text/plain");  // expect-none
}
