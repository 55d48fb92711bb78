// Methods that send what other methods put into the object's buffers.
#include <sys/socket.h>

#include <utility>

#include "packet.h"

void Uplink::queue_contact(const Customer& c) {
  Packet p;
  p.put_u8(kOpContact);
  p.put_u32(next_seq_++);
  p.put_string(c.phone);
  out_q_.push_back(std::move(p));
}

void Uplink::queue_ack() {
  Packet p;
  p.put_u8(kOpAck);
  p.put_u32(next_seq_++);
  ack_q_.push_back(p);
}

// The queue filled by queue_contact() drained here.
void Uplink::pump() {
  while (!out_q_.empty()) {
    const Packet& p = out_q_.front();
    send(fd_, p.buf.data(), p.buf.size(), 0);  // expect: unresolved customer.contact
    out_q_.pop_front();
  }
}

// Negative: the ack queue only ever gets an opcode and a counter.
void Uplink::pump_acks() {
  while (!ack_q_.empty()) {
    Packet p = ack_q_.front();
    ack_q_.pop_front();
    send(fd_, p.buf.data(), p.buf.size(), 0);  // expect-none
  }
}

// The buffer filled by append() (called with an e-mail below) sent here.
void Datagram::flush(int fd) {
  send(fd, buf_, len_, 0);  // expect: unresolved customer.contact
  len_ = 0;
}

// Negative: the keepalive queue holds only pings with sequence numbers.
void Keepalive::drain() {
  for (const Packet& p : q_) send(fd_, p.buf.data(), p.buf.size(), 0);  // expect-none
  q_.clear();
}

void run_uplink(int fd, const Customer& c) {
  Uplink link(fd);
  link.queue_contact(c);
  link.queue_ack();
  link.pump();
  link.pump_acks();
}

void run_keepalive(int fd) {
  Keepalive k(fd);
  k.tick();
  k.tick();
  k.drain();
}

void notify_by_datagram(int fd, const Customer& c) {
  Datagram d;
  d.append("NOTIFY ");
  d.append(c.email);
  d.flush(fd);
}

// The writer owned through a unique_ptr got the destination in announce().
void CourierSession::flush_writer() {
  send(fd_, writer_->data(), writer_->size(), 0);  // gap expect: unresolved shipment.routing
}

// The member packet filled by begin() is sent by another method.
void CourierSession::send_current() {
  send(fd_, cur_.buf.data(), cur_.buf.size(), 0);  // expect: unresolved customer.contact
}

void run_courier(int fd, const Shipment& s) {
  CourierSession session(fd);
  session.announce(s);
  session.flush_writer();
  session.begin(s.recipient);
  session.send_current();
}
