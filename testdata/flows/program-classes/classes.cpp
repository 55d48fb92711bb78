// Program classes carry data (issue 9, item 5): constructors, copy/move
// constructors, operator= and setters put record data into an object, getters
// give it back, and an object sent whole carries the fields it holds at that
// point. Each case sends on a socket it is handed (verdict unresolved).
#include <sys/socket.h>

#include <cstdint>
#include <string>
#include <utility>

#include "orders.h"

// Member-init list, read back with a getter.
void send_order_note(int fd, const Customer& c) {
  const Order o(c.email, "HUB-7");
  send(fd, o.note().data(), o.note().size(), 0);  // expect: unresolved customer.contact
}

// Fields assigned in the constructor body (out-of-line ctor and getter).
void send_label_text(int fd, const Shipment& s) {
  const Label label(s);
  send(fd, label.text().data(), label.text().size(), 0);  // expect: unresolved shipment.tracking
}

// A double field assigned in the constructor body, read through a getter.
void send_label_mass(int fd, const Shipment& s) {
  const Label label(s);
  const double kg = label.mass();
  send(fd, &kg, sizeof kg, 0);  // expect: unresolved shipment.metrics
}

// User-written copy constructor.
void send_copied_order(int fd, const Shipment& s) {
  const Order original("fragile", s.destination);
  const Order copy = original;
  send(fd, copy.target().data(), copy.target().size(), 0);  // expect: unresolved shipment.routing
}

// User-written move constructor.
void send_moved_order(int fd, const Customer& c) {
  Order draft(c.phone, "HUB-7");
  const Order placed(std::move(draft));
  send(fd, placed.note().data(), placed.note().size(), 0);  // expect: unresolved customer.contact
}

// User-written copy assignment into an order that started empty.
void send_assigned_order(int fd, const Customer& c) {
  const Order incoming(c.name, "HUB-7");
  Order current;
  current = incoming;
  send(fd, current.note().data(), current.note().size(), 0);  // expect: unresolved customer.identity
}

// User-written move assignment.
void send_move_assigned_order(int fd, const Shipment& s) {
  Order current;
  current = Order("express", s.origin);
  send(fd, current.target().data(), current.target().size(), 0);  // expect: unresolved shipment.routing
}

// A setter on an order built from constants.
void send_after_setter(int fd, const Customer& c) {
  Order o("gift", "HUB-7");
  o.set_note(c.street);
  send(fd, o.note().data(), o.note().size(), 0);  // expect: unresolved customer.address
}

// A static factory filling a default-constructed order through setters.
void send_factory_order(int fd, const Customer& c) {
  const Order o = Order::for_customer(c);
  send(fd, o.target().data(), o.target().size(), 0);  // expect: unresolved customer.address
}

// The whole order serialised field by field.
void export_order(int fd, const Customer& c, const Shipment& s) {
  const Order o(c.email, s.destination);
  const std::string wire = serialize(o);
  send(fd, wire.data(), wire.size(), 0);  // expect: unresolved customer.contact shipment.routing
}

// One field overwritten with a constant: the other still holds the e-mail.
void export_order_partly_cleared(int fd, const Customer& c, const Shipment& s) {
  Order o(c.email, s.destination);
  o.set_target("HUB-7");
  const std::string wire = serialize(o);
  send(fd, wire.data(), wire.size(), 0);  // expect: unresolved customer.contact
}

// A base class initialised from the derived class's init list.
void send_handover_point(int fd, const Customer& c) {
  const HandoverPoint point(c);
  send(fd, point.where().data(), point.where().size(), 0);  // expect: unresolved customer.address
}

// Fluent setters chained on a temporary.
void send_manifest_line(int fd, const Shipment& s) {
  const std::string line = ManifestLine().ref(s.tracking_no).to("HUB-7").str();
  send(fd, line.data(), line.size(), 0);  // expect: unresolved shipment.tracking
}

// A trivially copyable record sent as raw bytes: both char arrays hold data.
void send_beacon(int fd, const Shipment& s, std::uint32_t seq) {
  const Beacon b(s, seq);
  send(fd, &b, sizeof b, 0);  // expect: unresolved shipment.tracking customer.contact
}

// The phone blanked by a method: only the tracking number is left.
void send_beacon_without_phone(int fd, const Shipment& s, std::uint32_t seq) {
  Beacon b(s, seq);
  b.blank_reach();
  send(fd, &b, sizeof b, 0);  // expect: unresolved shipment.tracking
}

// An order passed by reference to a helper that sends its getter.
static void push_note(int fd, const Order& o) {
  send(fd, o.note().data(), o.note().size(), 0);  // expect: unresolved customer.contact
}

void forward_order(int fd, const Customer& c) {
  const Order o(c.phone, "HUB-7");
  push_note(fd, o);
}

// ---- Negatives ----

// An order constructed from constants only, serialised whole.
void export_house_order(int fd) {
  const Order o("replacement part", "HUB-7");
  const std::string wire = serialize(o);
  send(fd, wire.data(), wire.size(), 0);  // expect-none
}

// The setter wrote a phone number, then a constant over it.
void send_overwritten_note(int fd, const Customer& c) {
  Order o;
  o.set_note(c.phone);
  o.set_note("call the depot");
  send(fd, o.note().data(), o.note().size(), 0);  // expect-none
}

// The order number is a counter, while the note holds an e-mail.
void send_order_id(int fd, const Customer& c) {
  const Order o(c.email, c.city);
  const int id = o.id();
  send(fd, &id, sizeof id, 0);  // expect-none
}

// reset() overwrites every field before the whole order is serialised.
void export_reset_order(int fd, const Customer& c, const Shipment& s) {
  Order o(c.email, s.destination);
  o.reset();
  const std::string wire = serialize(o);
  send(fd, wire.data(), wire.size(), 0);  // expect-none
}

// A redacted copy keeps only the counter of an order full of data.
void audit_order(int fd, const Customer& c) {
  const Order o(c.email, c.street);
  const RedactedOrder r(o);
  const std::string line = r.line();
  send(fd, line.data(), line.size(), 0);  // gap expect-none
}

// Data went into one order; a second one built from constants goes out.
void send_other_order(int fd, const Customer& c) {
  const Order customer_order(c.name, c.city);
  const Order restock("restock", "HUB-7");
  send(fd, restock.note().data(), restock.note().size(), 0);  // expect-none
}

// A heartbeat record built from a sequence number and a literal only.
void send_heartbeat(int fd, std::uint32_t seq) {
  const Beacon b(seq);
  send(fd, &b, sizeof b, 0);  // expect-none
}

// After swap() the customer's address is in the depot waypoint, not in `drop`.
void send_swapped_waypoint(int fd, const Customer& c) {
  Waypoint drop(c.street);
  Waypoint depot("HUB-7 dock 2");
  drop.swap(depot);
  send(fd, drop.where().data(), drop.where().size(), 0);  // expect-none
  send(fd, depot.where().data(), depot.where().size(), 0);  // expect: unresolved customer.address
}

// The same exchange through std::swap inside the method.
void send_traded_waypoint(int fd, const Customer& c) {
  Waypoint drop(c.street);
  Waypoint depot("HUB-7 dock 2");
  depot.trade(drop);
  send(fd, drop.where().data(), drop.where().size(), 0);  // expect-none
  send(fd, depot.where().data(), depot.where().size(), 0);  // expect: unresolved customer.address
}
