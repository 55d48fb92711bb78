// The courier link's own wire buffers. Data written into a buffer follows the
// object that owns it: into queues, through pointers, out of another method.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "common/model.h"

enum : std::uint8_t { kOpPing = 1, kOpContact = 2, kOpPickup = 3, kOpAck = 4 };

class Packet {
 public:
  std::vector<std::uint8_t> buf;

  void put_u8(std::uint8_t v) { buf.push_back(v); }
  void put_u32(std::uint32_t v) {
    for (int i = 0; i < 4; ++i) buf.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
  }
  void put_string(const std::string& s) {
    put_u32(static_cast<std::uint32_t>(s.size()));
    buf.insert(buf.end(), s.begin(), s.end());
  }
  void put_double(double d) {
    std::uint8_t raw[sizeof d];
    std::memcpy(raw, &d, sizeof d);
    buf.insert(buf.end(), raw, raw + sizeof d);
  }
  // Starts the packet over with a new opcode: what was in it is gone.
  void begin(std::uint8_t op) {
    buf.clear();
    buf.push_back(op);
  }
  // Starts over only when asked to: the old bytes may still be there.
  void begin_if(bool fresh, std::uint8_t op) {
    if (fresh) buf.clear();
    buf.push_back(op);
  }
  // Keeps the last bytes: part of what was there stays.
  void keep_tail(std::size_t n) {
    buf = std::vector<std::uint8_t>(buf.end() - static_cast<std::ptrdiff_t>(n), buf.end());
  }
};

// Resets a packet handed by pointer (a C-style helper).
inline void packet_reset(Packet* p, std::uint8_t op) {
  p->buf.clear();
  p->put_u8(op);
}

// A packet builder handed around by pointer, exposing its bytes.
class PacketWriter {
 public:
  void Send_u16(std::uint16_t v) {
    bytes_.push_back(static_cast<char>(v & 0xff));
    bytes_.push_back(static_cast<char>(v >> 8));
  }
  void Send_string(const std::string& s) {
    Send_u16(static_cast<std::uint16_t>(s.size()));
    bytes_.append(s);
  }
  const char* data() const { return bytes_.data(); }
  std::size_t size() const { return bytes_.size(); }

 private:
  std::string bytes_;
};

// An encoder that writes through a PacketWriter it keeps a pointer to.
class PickupEncoder {
 public:
  explicit PickupEncoder(PacketWriter* out) : out_(out) {}
  void encode(const Shipment& s) {
    out_->Send_u16(kOpPickup);
    out_->Send_string(s.tracking_no);
  }

 private:
  PacketWriter* out_;
};

// A frame with a header and a body packet.
struct Frame {
  std::uint32_t seq = 0;
  Packet body;
  void add_stop(const Customer& c) {
    body.put_u8(kOpContact);
    body.put_string(c.street);
    body.put_string(c.city);
  }
};

// A session with an outgoing queue of data packets and a queue of acks.
class Uplink {
 public:
  explicit Uplink(int fd) : fd_(fd) {}
  void queue_contact(const Customer& c);
  void queue_ack();
  void pump();
  void pump_acks();

 private:
  int fd_;
  std::uint32_t next_seq_ = 0;
  std::deque<Packet> out_q_;
  std::deque<Packet> ack_q_;
};

// A fixed C buffer inside a class, flushed by a method.
class Datagram {
 public:
  void append(const std::string& s) {
    const std::size_t n = s.size() < sizeof buf_ - len_ ? s.size() : sizeof buf_ - len_;
    std::memcpy(buf_ + len_, s.data(), n);
    len_ += n;
  }
  void flush(int fd);

 private:
  char buf_[512];
  std::size_t len_ = 0;
};

// A keepalive link: its queue only ever holds sequence numbers.
class Keepalive {
 public:
  explicit Keepalive(int fd) : fd_(fd) {}
  void tick() {
    Packet p;
    p.put_u8(kOpPing);
    p.put_u32(seq_++);
    q_.push_back(p);
  }
  void drain();

 private:
  int fd_;
  std::uint32_t seq_ = 0;
  std::deque<Packet> q_;
};

// Stream-style writing into a packet.
inline Packet& operator<<(Packet& p, const std::string& s) {
  p.put_string(s);
  return p;
}

// A courier session that owns its writer through a unique_ptr and keeps the
// packet under construction in a member.
class CourierSession {
 public:
  explicit CourierSession(int fd) : fd_(fd), writer_(std::make_unique<PacketWriter>()) {}
  void announce(const Shipment& s) { writer_->Send_string(s.destination); }
  void flush_writer();
  void begin(const Customer& c) {
    cur_.buf.clear();
    cur_.put_u8(kOpContact);
    cur_.put_string(c.phone);
  }
  void send_current();

 private:
  int fd_;
  std::unique_ptr<PacketWriter> writer_;
  Packet cur_;
};
