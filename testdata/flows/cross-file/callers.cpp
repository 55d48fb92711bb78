// Callers of the wrappers in transport.cpp and of the helpers in format.cpp.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>

#include "transport.h"

namespace {
const std::string kEuTracking = "https://tracking.partner-logistics.example.de/v1/events";
const std::string kCnCrm = "https://crm.partner.example.cn/v1/contacts";
}  // namespace

void publish_tracking(const Shipment& s) {
  post(kEuTracking, s.tracking_no);  // expect: allowed shipment.tracking
  post(kEuTracking, route_summary(s));  // expect: allowed shipment.routing
  post(kEuTracking, schema_version());  // expect-none
}

void sync_contacts(const Customer& c) {
  post(kCnCrm, contact_card(c));  // expect: violation customer.identity customer.contact
  post(kCnCrm, std::to_string(c.email.size()));  // expect-none
}

void depot_updates(const Customer& c) {
  send_to_depot(c.phone);  // expect: allowed customer.contact
  send_to_depot("tel:" + c.phone);  // expect: allowed customer.contact
  send_to_depot(schema_version());  // expect-none
}

// The value comes back from format.cpp; the sink is here.
void print_label(const Customer& c) {
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(9100);
  inet_pton(AF_INET, "10.70.0.9", &addr.sin_addr);
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  const std::string card = contact_card(c);
  send(fd, card.data(), card.size(), 0);  // expect: allowed customer.identity customer.contact
  const std::string version = schema_version();
  send(fd, version.data(), version.size(), 0);  // expect-none
  close(fd);
}

// A client class whose post_json() is defined in transport.cpp; the base URL is a
// constructor argument, in one case a global defined in transport.cpp.
void client_calls(const Shipment& s) {
  ApiClient eu("https://api.customs-broker.example.de");
  eu.post_json("/v1/parcels", "{\"to\":\"" + s.recipient.city + "\"}");  // expect: allowed customer.address
  ApiClient cn(kPartnerBase);
  cn.post_json("/v1/parcels", "{\"trk\":\"" + s.tracking_no + "\"}");  // expect: violation shipment.tracking
  cn.post_json("/v1/ping", "{}");  // expect-none
}

// The spool is cleared (in another file) before a status line is queued: the
// customer's e-mail queued before is gone.
void spool_status(int fd, const Customer& c) {
  Spool spool;
  spool.set_contact("ops desk");
  spool.add(c.email);
  spool.clear();
  spool.add("status: ok");
  spool.flush(fd);  // expect-none
}

// The contact is overwritten with the depot's desk after the customer's phone.
void spool_contact_replaced(int fd, const Customer& c) {
  Spool spool;
  spool.set_contact(c.phone);
  spool.set_contact("depot desk");
  spool.flush(fd);  // expect-none
}

// Queued after the clear: the e-mail goes out.
void spool_after_clear(int fd, const Customer& c) {
  Spool spool;
  spool.clear();
  spool.add(c.email);
  spool.flush(fd);  // expect: unresolved customer.contact
}

// Cleared only on one path: the e-mail may still be queued.
void spool_maybe_cleared(int fd, const Customer& c, bool reset) {
  Spool spool;
  spool.add(c.email);
  if (reset) spool.clear();
  spool.flush(fd);  // expect: unresolved customer.contact
}
