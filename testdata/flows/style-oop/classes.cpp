// Family 5, the program's own classes written in an object-oriented style:
// virtual hooks and overrides, delegating and base-class constructors, defaulted
// copy/move, swap, clone(), builders split over two .cpp files, shared_ptr and
// unique_ptr members, an IMessageSink interface. An object that reaches a sink
// whole carries the categories of the fields it holds at that point. Each case has
// one sink (a send() on the socket it is handed, or a call that ends in one).
#include <sys/socket.h>

#include <cstdint>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "dispatch.h"

// A notice rendered through its base class: the override's header() holds the
// phone number put in by the delegating constructor.
void send_sms_notice(int fd, const Customer& c) {
  const std::unique_ptr<Notice> n = std::make_unique<SmsNotice>(c);
  const std::string wire = n->render();
  send(fd, wire.data(), wire.size(), 0);  // expect: unresolved customer.contact
}

// A derived class initialising its base from the init list: the channel getter of
// the base returns the tracking number.
void send_tracking_channel(int fd, const Shipment& s) {
  const TrackingNotice n(s);
  const Notice& base = n;
  send(fd, base.channel().data(), base.channel().size(), 0);  // expect: unresolved shipment.tracking
}

// Delegating constructor of a value object, read through a const-reference getter.
void send_endpoint_line(int fd, const Customer& c) {
  const Endpoint drop(c);
  const std::string& line = drop.line();
  send(fd, line.data(), line.size(), 0);  // expect: unresolved customer.address
}

// Defaulted copy assignment into an endpoint that started with constants.
void send_reassigned_endpoint(int fd, const Customer& c) {
  Endpoint current("Dock 4", "HUB-7");
  const Endpoint requested(c);
  current = requested;
  send(fd, current.line().data(), current.line().size(), 0);  // expect: unresolved customer.address
}

// Defaulted move construction into a vector of endpoints.
void send_route_stops(int fd, const std::vector<Customer>& customers) {
  std::vector<Endpoint> stops;
  stops.reserve(customers.size());
  for (const Customer& c : customers) stops.push_back(Endpoint(c));
  for (const Endpoint& e : stops) send(fd, e.line().data(), e.line().size(), 0);  // expect: unresolved customer.address
}

// The endpoint streamed whole with its operator<<.
void send_streamed_endpoint(int fd, const Customer& c) {
  const Endpoint drop(c);
  std::ostringstream os;
  os << drop;
  const std::string text = os.str();
  send(fd, text.data(), text.size(), 0);  // expect: unresolved customer.address
}

// swap() moves the customer's line into the other endpoint.
void send_swapped_in_line(int fd, const Customer& c) {
  Endpoint from_customer(c);
  Endpoint depot("Dock 4", "HUB-7");
  depot.swap(from_customer);
  send(fd, depot.line().data(), depot.line().size(), 0);  // expect: unresolved customer.address
}

// The manifest shares the endpoint through a shared_ptr: the planner's later
// edit through its own pointer is what the manifest reads.
void send_manifest_target(int fd, const Customer& c) {
  const auto planned = std::make_shared<Endpoint>("Dock 4", "HUB-7");
  const Manifest manifest(planned);
  planned->set_line(c.street);
  send(fd, manifest.to_line().data(), manifest.to_line().size(), 0);  // gap expect: unresolved customer.address
}

// Fluent builder; the request is built in pickup_request.cpp and written whole,
// field by field, in pickup_wire.cpp.
void send_pickup_request(int fd, const Shipment& s, const Customer& c) {
  const PickupRequest req = PickupRequest::Builder().ref(s.tracking_no).reach(c.phone).window(9, 12).build();
  const std::string wire = req.to_wire();
  send(fd, wire.data(), wire.size(), 0);  // expect: unresolved shipment.tracking customer.contact
}

// The callback number replaced by a method in the other .cpp: only the tracking
// number is left in the request sent whole.
void send_pickup_via_depot(int fd, const Shipment& s, const Customer& c) {
  PickupRequest req = PickupRequest::Builder().ref(s.tracking_no).reach(c.phone).build();
  req.route_calls_to_depot();
  const std::string wire = req.to_wire();
  send(fd, wire.data(), wire.size(), 0);  // expect: unresolved shipment.tracking
}

// A trivially copyable record sent as raw bytes holds both strings.
void send_scan_record(int fd, const Shipment& s, std::uint32_t seq) {
  const ScanRecord rec(s.tracking_no, s.recipient.phone, seq);
  send(fd, &rec, sizeof rec, 0);  // expect: unresolved shipment.tracking customer.contact
}

// A polymorphic copy made by clone() renders the same phone number.
void send_cloned_notice(int fd, const Customer& c) {
  const SmsNotice original(c.phone, "Delivery attempt failed");
  const std::unique_ptr<Notice> copy = original.clone();
  const std::string wire = copy->render();
  send(fd, wire.data(), wire.size(), 0);  // expect: unresolved customer.contact
}

// A notice moved into a unique_ptr member and rendered later by another method.
void send_held_notice(int fd, const Customer& c) {
  Dispatcher d;
  d.hold(std::make_unique<SmsNotice>(c.phone, "Driver is 5 minutes away"));
  const std::string wire = d.release();
  send(fd, wire.data(), wire.size(), 0);  // gap expect: unresolved customer.contact
}

// Through the IMessageSink interface; the concrete sink is a socket.
void publish_sms(int fd, const Customer& c) {
  SocketSink socket_sink(fd);
  IMessageSink& sink = socket_sink;
  sink.publish("notify/sms", SmsNotice(c).render());  // expect: unresolved customer.contact
}

// Through an interface parameter: whatever implementation is passed in.
void publish_tracking(IMessageSink& sink, const Shipment& s) {
  sink.publish("notify/trk", TrackingNotice(s).channel());  // expect: unresolved shipment.tracking
}

// ---- Negatives ----

// A ping rendered through the same base class holds only a sequence number.
void send_ping_notice(int fd, std::uint32_t seq) {
  const std::unique_ptr<Notice> n = std::make_unique<PingNotice>(seq);
  const std::string wire = n->render();
  send(fd, wire.data(), wire.size(), 0);  // expect-none
}

// The SMS notice holds a phone number, but its channel (a base-class field set
// from the derived class's init list) is the constant "sms".
void send_sms_channel(int fd, const Customer& c) {
  const SmsNotice n(c.phone, "Your parcel is out for delivery");
  send(fd, n.channel().data(), n.channel().size(), 0);  // expect-none
}

// The override of priority() returns a constant.
void send_tracking_priority(int fd, const Shipment& s) {
  const TrackingNotice n(s);
  const Notice& base = n;
  const int prio = base.priority();
  send(fd, &prio, sizeof prio, 0);  // expect-none
}

// The customer's endpoint move-assigned over by a constant one before sending.
void send_overwritten_endpoint(int fd, const Customer& c) {
  Endpoint drop(c);
  drop = Endpoint("Dock 4", "HUB-7");
  send(fd, drop.line().data(), drop.line().size(), 0);  // expect-none
}

// An endpoint built by the delegating constructor: its hub is the constant "HUB-1".
void send_endpoint_hub(int fd, const Customer& c) {
  const Endpoint drop(c);
  send(fd, drop.hub().data(), drop.hub().size(), 0);  // expect-none
}

// After swap() the customer's line is in the other object.
void send_swapped_out_line(int fd, const Customer& c) {
  Endpoint from_customer(c.street + ", " + c.city, "HUB-1");
  Endpoint depot("Dock 4", "HUB-7");
  from_customer.swap(depot);
  send(fd, from_customer.line().data(), from_customer.line().size(), 0);  // expect-none
}

// The shared endpoint holds the customer's line; its hub is the constant "HUB-1".
void send_manifest_hub(int fd, const Customer& c) {
  const auto planned = std::make_shared<Endpoint>(c);
  const Manifest manifest(planned);
  send(fd, manifest.to_hub().data(), manifest.to_hub().size(), 0);  // expect-none
}

// The request holds a tracking number and a phone; only the window's start goes out.
void send_pickup_window(int fd, const Shipment& s, const Customer& c) {
  const PickupRequest req = PickupRequest::Builder().ref(s.tracking_no).reach(c.phone).window(7, 10).build();
  const int from = req.from_hour();
  send(fd, &from, sizeof from, 0);  // expect-none
}

// The callback number was replaced by the depot's desk (pickup_wire.cpp) before
// it is read.
void send_pickup_callback(int fd, const Shipment& s, const Customer& c) {
  PickupRequest req = PickupRequest::Builder().ref(s.tracking_no).reach(c.phone).build();
  req.route_calls_to_depot();
  send(fd, req.reach().data(), req.reach().size(), 0);  // expect-none
}

// A data-holding scan record assigned over by a heartbeat record.
void send_scan_heartbeat(int fd, const Shipment& s, std::uint32_t seq) {
  ScanRecord rec(s.tracking_no, s.recipient.phone, seq);
  rec = ScanRecord::heartbeat(seq + 1);
  send(fd, &rec, sizeof rec, 0);  // expect-none
}

// The interface's implementation here only counts messages.
void count_sms(const Customer& c) {
  CountingSink counter;
  IMessageSink& sink = counter;
  sink.publish("notify/sms", SmsNotice(c).render());  // expect-none
}
