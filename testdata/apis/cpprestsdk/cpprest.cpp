#include <cpprest/http_client.h>
#include <cpprest/json.h>
#include <cpprest/uri_builder.h>

#include <cstdlib>
#include <string>

#include "common/model.h"

using web::http::methods;
using web::http::client::http_client;

namespace {
const utility::string_t kCrmBase = U("https://crm.saas-vendor.com/api");
}  // namespace

// request(method, path, body) on a .cn base URI.
void upload_contact(const Customer& c) {
  http_client client(U("https://api.crossborder.example.cn/v1"));
  const std::string body = "{\"phone\":\"" + c.phone + "\"}";
  client.request(methods::POST, U("/contacts"), body, U("application/json"));  // expect: violation customer.contact
  client.request(methods::GET, U("/health"));  // expect-none
}

// A prepared http_request with set_body and a header, on a .com base URI.
void sync_crm(const Customer& c, const Options& o) {
  http_client client(kCrmBase);
  web::http::http_request req(methods::PUT);
  req.set_request_uri(U("/customers/1"));
  req.set_body(c.name + ";" + c.street);
  client.request(req);  // expect: violation customer.identity customer.address
  web::http::http_request hdr(methods::POST);
  hdr.headers().add(U("X-Reply-To"), c.email);
  client.request(hdr);  // expect: violation customer.contact
  web::http::http_request flags(methods::POST);
  flags.set_body(std::to_string(o.email_enabled) + std::to_string(o.address_family));
  client.request(flags);  // expect-none
}

// JSON body and a query built with uri_builder, on a .de base URI.
void post_event(const Shipment& s) {
  http_client client(web::uri(U("https://tracking.partner-logistics.de")));
  web::json::value ev;
  ev[U("trk")] = web::json::value::string(s.tracking_no);
  ev[U("to")] = web::json::value::string(s.destination);
  client.request(methods::POST, U("/events"), ev);  // expect: allowed shipment.tracking shipment.routing
  web::uri_builder query(U("/events"));
  query.append_query(U("w"), std::to_string(s.weight_kg));
  client.request(methods::GET, query.to_string());  // expect: allowed shipment.metrics
  web::json::value count;
  count[U("n")] = web::json::value::number(static_cast<int>(s.tracking_no.size()));
  client.request(methods::POST, U("/stats"), count);  // expect-none
}

// Internal and environment-provided base URIs.
void internal_and_env(const Customer& c) {
  http_client printer(U("http://192.168.10.5:8080"));
  printer.request(methods::POST, U("/print"), c.name);  // expect: allowed customer.identity
  http_client partner(utility::conversions::to_string_t(std::getenv("PARTNER_URL")));
  partner.request(methods::POST, U("/notify"), c.city);  // expect: unresolved customer.address
}

// A base URI built with uri_builder (scheme, host and path set one by one, in a
// chain) inside a helper; the client keeps it as a member built by the constructor.
namespace {
web::uri labels_base() {
  web::uri_builder b;
  b.set_scheme(U("https")).set_host(U("labels.parcel-partner.example.cn")).set_path(U("/v1"));
  return b.to_uri();
}
}  // namespace

class LabelClient {
 public:
  LabelClient() : client_(labels_base()) {}
  void book(const Customer& c) {
    web::http::http_request req(methods::POST);
    req.set_body(c.name + ";" + c.street);
    client_.request(req);  // expect: violation customer.identity customer.address
  }

 private:
  http_client client_;
};
