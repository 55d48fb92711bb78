// Payload buffers (issue 9, item 9): bytes written into a program object's
// buffer go out with the object. Each case sends on the socket it is handed.
#include <sys/socket.h>

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <utility>

#include "packet.h"

// put_string() inserts the e-mail into p.buf; the buffer is sent.
void send_contact_packet(int fd, const Customer& c) {
  Packet p;
  p.put_u8(kOpContact);
  p.put_string(c.email);
  send(fd, p.buf.data(), p.buf.size(), 0);  // expect: unresolved customer.contact
}

// A double memcpy'd into the buffer.
void send_weight_packet(int fd, const Shipment& s) {
  Packet p;
  p.put_u8(kOpPickup);
  p.put_double(s.weight_kg);
  send(fd, p.buf.data(), p.buf.size(), 0);  // expect: unresolved shipment.metrics
}

// A packet built by a factory function and returned by value.
static Packet pickup_request(const Shipment& s) {
  Packet p;
  p.put_u8(kOpPickup);
  p.put_string(s.tracking_no);
  p.put_string(s.origin);
  return p;
}

void request_pickup(int fd, const Shipment& s) {
  const Packet p = pickup_request(s);
  send(fd, p.buf.data(), p.buf.size(), 0);  // expect: unresolved shipment.tracking shipment.routing
}

// The body of a frame filled by a method of the frame, sent by the caller.
void send_stop_frame(int fd, const Customer& c) {
  Frame f;
  f.seq = 7;
  f.add_stop(c);
  send(fd, f.body.buf.data(), f.body.buf.size(), 0);  // expect: unresolved customer.address
}

// A builder passed by pointer to a function that writes into it.
static void write_recipient(PacketWriter* packet, const Customer& c) {
  packet->Send_u16(kOpContact);
  packet->Send_string(c.name);
}

void send_recipient(int fd, const Customer& c) {
  PacketWriter w;
  write_recipient(&w, c);
  send(fd, w.data(), w.size(), 0);  // expect: unresolved customer.identity
}

// An encoder writing through a pointer it keeps in a member.
void send_pickup_encoded(int fd, const Shipment& s) {
  PacketWriter w;
  PickupEncoder enc(&w);
  enc.encode(s);
  send(fd, w.data(), w.size(), 0);  // expect: unresolved shipment.tracking
}

// A packet copied into a batch vector, then the batch sent element by element.
void send_batch(int fd, const Customer& c) {
  Packet p;
  p.put_string(c.phone);
  std::vector<Packet> batch;
  batch.push_back(p);
  for (const Packet& q : batch) send(fd, q.buf.data(), q.buf.size(), 0);  // expect: unresolved customer.contact
}

// Written with operator<< defined by the program.
void send_streamed(int fd, const Shipment& s) {
  Packet p;
  p << s.recipient.name << s.destination;
  send(fd, p.buf.data(), p.buf.size(), 0);  // expect: unresolved customer.identity shipment.routing
}

// A packet filled by reference in a helper.
static void put_address(Packet& p, const Customer& c) {
  p.put_string(c.street);
}

void send_address(int fd, const Customer& c) {
  Packet p;
  p.put_u8(kOpContact);
  put_address(p, c);
  send(fd, p.buf.data(), p.buf.size(), 0);  // expect: unresolved customer.address
}

// Written into the queued element after it was pushed; popped with std::move.
void send_queued_after_push(int fd, const Customer& c) {
  std::deque<Packet> q;
  q.emplace_back();
  q.back().put_string(c.email);
  Packet out = std::move(q.front());
  q.pop_front();
  send(fd, out.buf.data(), out.buf.size(), 0);  // expect: unresolved customer.contact
}

// A packet handed out as a unique_ptr by a factory.
static std::unique_ptr<Packet> make_label_packet(const Shipment& s) {
  auto p = std::make_unique<Packet>();
  p->put_string(s.tracking_no);
  return p;
}

void send_label_packet(int fd, const Shipment& s) {
  const std::unique_ptr<Packet> p = make_label_packet(s);
  send(fd, p->buf.data(), p->buf.size(), 0);  // expect: unresolved shipment.tracking
}

// ---- Negatives ----

// Only an opcode and a counter go into the packet.
void send_ping(int fd, std::uint32_t& seq) {
  Packet p;
  p.put_u8(kOpPing);
  p.put_u32(seq++);
  send(fd, p.buf.data(), p.buf.size(), 0);  // expect-none
}

// The e-mail went into the first packet; the second one is sent.
void send_wrong_packet(int fd, const Customer& c, std::uint32_t seq) {
  Packet data;
  data.put_string(c.email);
  Packet ack;
  ack.put_u8(kOpAck);
  ack.put_u32(seq);
  send(fd, ack.buf.data(), ack.buf.size(), 0);  // expect-none
}

// A builder passed by pointer that only gets constants.
static void write_header(PacketWriter* packet) {
  packet->Send_u16(kOpPing);
  packet->Send_string("v2");
}

void send_header(int fd) {
  PacketWriter w;
  write_header(&w);
  send(fd, w.data(), w.size(), 0);  // expect-none
}

// A packet reused: its buffer is cleared before the ping is written.
void send_after_clear(int fd, const Shipment& s, std::uint32_t seq) {
  Packet p;
  p.put_string(s.tracking_no);
  p.buf.clear();
  p.put_u8(kOpPing);
  p.put_u32(seq);
  send(fd, p.buf.data(), p.buf.size(), 0);  // expect-none
}

// The frame's header sequence number goes out, not its body.
void send_frame_seq(int fd, const Customer& c) {
  Frame f;
  f.seq = 9;
  f.add_stop(c);
  send(fd, &f.seq, sizeof f.seq, 0);  // expect-none
}

// A method that starts the packet over: the tracking number written before is gone.
void send_after_begin(int fd, const Shipment& s, std::uint32_t seq) {
  Packet p;
  p.put_string(s.tracking_no);
  p.begin(kOpPing);
  p.put_u32(seq);
  send(fd, p.buf.data(), p.buf.size(), 0);  // expect-none
}

// The same through a free function taking the packet by pointer.
void send_after_packet_reset(int fd, const Shipment& s) {
  Packet p;
  p.put_string(s.tracking_no);
  packet_reset(&p, kOpPing);
  send(fd, p.buf.data(), p.buf.size(), 0);  // expect-none
}

// Data written after the restart goes out.
void send_written_after_begin(int fd, const Shipment& s) {
  Packet p;
  p.put_u8(kOpPing);
  p.begin(kOpPing);
  p.put_string(s.tracking_no);
  send(fd, p.buf.data(), p.buf.size(), 0);  // expect: unresolved shipment.tracking
}

// Cleared only on one path: the tracking number may still be in the packet.
void send_after_begin_if(int fd, const Shipment& s, bool fresh) {
  Packet p;
  p.put_string(s.tracking_no);
  p.begin_if(fresh, kOpPing);
  send(fd, p.buf.data(), p.buf.size(), 0);  // expect: unresolved shipment.tracking
}

// Keeping the tail keeps part of the tracking number.
void send_tail(int fd, const Shipment& s) {
  Packet p;
  p.put_string(s.tracking_no);
  p.keep_tail(4);
  send(fd, p.buf.data(), p.buf.size(), 0);  // expect: unresolved shipment.tracking
}

// A service keeping a reference to the caller's counters writes into them only
// through that member: what its method keeps in its other members stays there.
struct DeskCounters {
  unsigned booked = 0;
};

class BookingDesk {
 public:
  explicit BookingDesk(DeskCounters& counters) : counters_(counters) {}
  void book(const Shipment& s);
  const std::string& last() const { return last_; }

 private:
  DeskCounters& counters_;
  std::string last_;
};

void BookingDesk::book(const Shipment& s) {
  last_ = s.tracking_no;
  ++counters_.booked;
}

void report_desk_counters(int fd, const Shipment& s) {
  DeskCounters counters;
  BookingDesk desk(counters);
  desk.book(s);
  send(fd, &counters, sizeof counters, 0);  // expect-none
}
