// Propagation through copies, references, pointers, whole-record copies and
// nested field paths (a.b.c). Sinks: send() on a socket connected to an
// internal 10.x address (allowed) or to a .cn host (violation).
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>
#include <string_view>
#include <utility>

#include "common/model.h"

// Member naming conventions are normalised before classification.
struct Order {
  std::string mEmail;
  std::string m_phone;
  std::string street_;
  std::string customerEmail;
  std::string m_note;
  bool mEmailEnabled = false;
};

struct Parcel {
  Shipment shipment;
  std::string note;
};

void copies_to_internal(const Shipment& s) {
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(7000);
  inet_pton(AF_INET, "10.4.0.12", &addr.sin_addr);
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);

  // Plain copy of a field into a local, then a copy of the copy.
  std::string email = s.recipient.email;
  std::string again = email;
  send(fd, again.data(), again.size(), 0);  // expect: allowed customer.contact

  // A const reference to the nested record, then a field through it.
  const Customer& who_ref = s.recipient;
  send(fd, who_ref.phone.data(), who_ref.phone.size(), 0);  // expect: allowed customer.contact

  // A pointer to a field, dereferenced.
  const std::string* city_ptr = &s.recipient.city;
  send(fd, city_ptr->data(), city_ptr->size(), 0);  // expect: allowed customer.address

  // A copy of the nested record, then a field of the copy.
  Customer who = s.recipient;
  send(fd, who.name.data(), who.name.size(), 0);  // expect: allowed customer.identity

  // Negative: only a length and a literal go out.
  const std::string len = std::to_string(again.size());
  send(fd, len.data(), len.size(), 0);  // expect-none
  const std::string ping = "PING";
  send(fd, ping.data(), ping.size(), 0);  // expect-none
  close(fd);
}

void copies_to_cn(const Parcel& p) {
  addrinfo* res = nullptr;
  if (getaddrinfo("sync.partner.example.cn", "7001", nullptr, &res) != 0) return;
  const int fd = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
  connect(fd, res->ai_addr, res->ai_addrlen);

  // Field path a.b.c: Parcel.shipment.recipient.street.
  const std::string street = p.shipment.recipient.street;
  send(fd, street.data(), street.size(), 0);  // expect: violation customer.address

  // Whole-struct copy; a field read through the copy.
  Parcel copy = p;
  send(fd, copy.shipment.tracking_no.data(), copy.shipment.tracking_no.size(), 0);  // expect: violation shipment.tracking

  // A pointer to the whole record, then a nested field.
  const Parcel* pp = &copy;
  send(fd, pp->shipment.recipient.email.c_str(), pp->shipment.recipient.email.size(), 0);  // expect: violation customer.contact

  // A non-const reference to a local, written through the reference.
  std::string out;
  std::string& alias = out;
  alias = p.shipment.destination;
  send(fd, out.data(), out.size(), 0);  // expect: violation shipment.routing

  // Whole record sent as bytes: every classified field of Customer.
  const Customer c = p.shipment.recipient;
  send(fd, &c, sizeof c, 0);  // expect: violation customer.identity customer.contact customer.address

  // Negative: the unclassified note field of the same record, and a size.
  const std::string note = p.note;
  send(fd, note.data(), note.size(), 0);  // expect-none
  const int n = static_cast<int>(p.shipment.recipient.name.size());
  send(fd, &n, sizeof n, 0);  // expect-none
  freeaddrinfo(res);
}

void conventions_and_views(const Order& o, const Customer& c) {
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(7000);
  inet_pton(AF_INET, "10.4.0.13", &addr.sin_addr);
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);

  // mEmail, m_phone, street_, customerEmail.
  send(fd, o.mEmail.data(), o.mEmail.size(), 0);  // expect: allowed customer.contact
  send(fd, o.m_phone.data(), o.m_phone.size(), 0);  // expect: allowed customer.contact
  send(fd, o.street_.data(), o.street_.size(), 0);  // expect: allowed customer.address
  send(fd, o.customerEmail.data(), o.customerEmail.size(), 0);  // expect: allowed customer.contact

  // Negatives: an unclassified m_ field and a bool flag named like an e-mail.
  send(fd, o.m_note.data(), o.m_note.size(), 0);  // expect-none
  send(fd, &o.mEmailEnabled, sizeof o.mEmailEnabled, 0);  // expect-none

  // A string_view over a field, a structured binding of a record, std::move.
  const std::string_view view = c.email;
  send(fd, view.data(), view.size(), 0);  // expect: allowed customer.contact
  const auto& [name, email, phone, street, city] = c;
  send(fd, city.data(), city.size(), 0);  // expect: allowed customer.address
  std::string moved_from = c.phone;
  const std::string moved = std::move(moved_from);
  send(fd, moved.data(), moved.size(), 0);  // expect: allowed customer.contact
  close(fd);
}
