#include "depot.h"

#include <cstdlib>

Depot& Depot::get() {
  static Depot the_depot;
  return the_depot;
}

Relay* Relay::instance() {
  static Relay* relay = new Relay();
  return relay;
}

Routes Routes::load() {
  Routes r;
  r.crm_base = "https://crm.depot-partner.cn";
  r.scans_base = "https://scans.depot-partner.de";
  const char* carrier = std::getenv("CARRIER_BASE");
  r.carrier_base = carrier ? carrier : "";
  return r;
}
Hub& Hub::instance() {
  static Hub h;
  return h;
}
Book Book::make() {
  Book b;
  b.crm = Url{"https", "crm.hub.cn"};
  return b;
}
