// Family 9, objects that buffer a payload: a packet appending to a
// std::vector<uint8_t> in one method and sending it in another, a retry queue of
// packets, an outbox whose queue is filled and drained in two .cpp files, a label
// spool over an ostringstream member, a batch of polymorphic notices uploaded to
// an IMessageSink. The sends are in the classes' methods; each case makes one
// call that ends in a send, and that call line is annotated.
#include <sys/socket.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "wire.h"

// The tracking number appended by str(), sent by transmit().
void report_scan(int fd, const Shipment& s, std::uint32_t seq) {
  ScanPacket p(Op::Scan);
  p.str(s.tracking_no).u32(seq);
  p.transmit(fd);  // expect: unresolved shipment.tracking
}

// A double copied into the buffer byte by byte.
void report_weight(int fd, const Shipment& s) {
  ScanPacket p(Op::Scan);
  p.f64(s.weight_kg);
  p.transmit(fd);  // expect: unresolved shipment.metrics
}

// The buffer sent by the caller through the const-reference getter.
void report_contact(int fd, const Customer& c) {
  ScanPacket p(Op::Contact);
  p.str(c.phone);
  send(fd, p.bytes().data(), p.bytes().size(), 0);  // expect: unresolved customer.contact
}

// A copy taken before the original was restarted keeps the e-mail.
void report_contact_copy(int fd, const Customer& c) {
  ScanPacket first(Op::Contact);
  first.str(c.email);
  const ScanPacket copy = first;
  first.restart(Op::Ping);
  copy.transmit(fd);  // expect: unresolved customer.contact
}

// A packet parked in the retry queue goes out on retry().
void retry_contact(int fd, const Customer& c) {
  RetryQueue rq;
  ScanPacket p(Op::Contact);
  p.str(c.email);
  rq.park(p);
  rq.retry(fd);  // gap expect: unresolved customer.contact
}

// The outbox queue filled by enqueue() (outbox_fill.cpp), drained by flush()
// (outbox_drain.cpp).
void notify_out_for_delivery(int fd, const Shipment& s) {
  Outbox box(fd);
  box.enqueue("parcel/status", s.tracking_no + " is out for delivery");
  box.flush();  // expect: unresolved shipment.tracking
}

// A notice rendered into the queue by enqueue_notice().
void notify_driver_eta(int fd, const Customer& c) {
  Outbox box(fd);
  box.enqueue_notice(SmsNotice(c.phone, "Driver is 5 minutes away"));
  box.flush();  // expect: unresolved customer.contact
}

// Label lines spooled into the ostringstream member, printed by print().
void print_label(int fd, const Customer& c) {
  LabelSpool spool;
  spool << c.name << c.street << c.city;
  spool.print(fd);  // expect: unresolved customer.identity customer.address
}

// A batch of notices uploaded to a socket sink.
void upload_tracking_batch(int fd, const std::vector<Shipment>& shipments) {
  NoticeBatch batch;
  for (const Shipment& s : shipments) batch.add(std::make_unique<TrackingNotice>(s));
  SocketSink sink(fd);
  batch.upload(sink);  // gap expect: unresolved shipment.tracking
}

// ---- Negatives ----

// restart() dropped the e-mail; only an opcode and a sequence number remain.
void report_ping_after_restart(int fd, const Customer& c, std::uint32_t seq) {
  ScanPacket p(Op::Contact);
  p.str(c.email);
  p.restart(Op::Ping);
  p.u32(seq);
  p.transmit(fd);  // expect-none
}

// Of two packets, the one holding only a sequence number is sent.
void report_ping_next_to_contact(int fd, const Customer& c, std::uint32_t seq) {
  ScanPacket contact(Op::Contact);
  contact.str(c.email);
  ScanPacket ping(Op::Ping);
  ping.u32(seq);
  ping.transmit(fd);  // expect-none
}

// The retry queue only ever holds acks.
void retry_acks(int fd, std::uint32_t first_seq) {
  RetryQueue rq;
  for (std::uint32_t i = 0; i < 3; ++i) {
    ScanPacket ack(Op::Ack);
    ack.u32(first_seq + i);
    rq.park(ack);
  }
  rq.retry(fd);  // expect-none
}

// Receipts carry the sequence numbers of queued messages, not their bodies.
void acknowledge_queued(int fd, const Customer& c) {
  Outbox box(fd);
  box.enqueue("notify/mail", c.email);
  box.send_receipts();  // gap expect-none
}

// The queue holding the e-mail was discarded before a constant message was queued.
void flush_after_discard(int fd, const Customer& c) {
  Outbox box(fd);
  box.enqueue("notify/mail", c.email);
  box.discard_all();
  box.enqueue("health", "alive");
  box.flush();  // expect-none
}

// Only the spool's line counter goes out.
void report_label_lines(int fd, const Customer& c) {
  LabelSpool spool;
  spool << c.name << c.street;
  spool.report_lines(fd);  // expect-none
}

// A batch of pings: sequence numbers and constants only.
void upload_ping_batch(int fd, std::uint32_t seq) {
  NoticeBatch batch;
  for (std::uint32_t i = 0; i < 3; ++i) batch.add(std::make_unique<PingNotice>(seq + i));
  SocketSink sink(fd);
  batch.upload(sink);  // expect-none
}
