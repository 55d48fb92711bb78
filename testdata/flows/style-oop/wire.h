// Objects that buffer a payload (family 9): one method writes customer or
// shipment data into a member buffer or queue, another method sends it. Outbox is
// declared here and defined in outbox_fill.cpp and outbox_drain.cpp.
#pragma once

#include <sys/socket.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <deque>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "dispatch.h"

enum class Op : std::uint8_t { Ping = 1, Scan = 2, Contact = 3, Ack = 4 };

// A frame of the handheld-scanner protocol.
class ScanPacket {
 public:
  explicit ScanPacket(Op op) { bytes_.push_back(static_cast<std::uint8_t>(op)); }
  ScanPacket& u32(std::uint32_t v) {
    for (int i = 0; i < 4; ++i) bytes_.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
    return *this;
  }
  ScanPacket& str(const std::string& s) {
    u32(static_cast<std::uint32_t>(s.size()));
    std::copy(s.begin(), s.end(), std::back_inserter(bytes_));
    return *this;
  }
  ScanPacket& f64(double d) {
    const auto* raw = reinterpret_cast<const std::uint8_t*>(&d);
    bytes_.insert(bytes_.end(), raw, raw + sizeof d);
    return *this;
  }
  // Drops everything written so far and starts a new frame.
  void restart(Op op) {
    bytes_.clear();
    bytes_.push_back(static_cast<std::uint8_t>(op));
  }
  const std::vector<std::uint8_t>& bytes() const { return bytes_; }
  void transmit(int fd) const { send(fd, bytes_.data(), bytes_.size(), 0); }

 private:
  std::vector<std::uint8_t> bytes_;
};

// Frames that could not be delivered, sent again on the next connection.
class RetryQueue {
 public:
  void park(ScanPacket p) { parked_.push_back(std::move(p)); }
  void retry(int fd) {
    for (const ScanPacket& p : parked_) p.transmit(fd);
    parked_.clear();
  }

 private:
  std::vector<ScanPacket> parked_;
};

// A queued message of the notification outbox.
struct OutMsg {
  std::uint32_t seq = 0;
  std::string topic;
  std::string body;
};

class Outbox {
 public:
  explicit Outbox(int fd) : fd_(fd) {}
  // outbox_fill.cpp
  void enqueue(std::string topic, std::string body);
  void enqueue_notice(const Notice& n);
  void discard_all();
  // outbox_drain.cpp
  std::size_t flush();
  void send_receipts();

 private:
  int fd_;
  std::uint32_t next_seq_ = 1;
  std::deque<OutMsg> pending_;
};

// A label printer job spooled line by line, printed over a socket.
class LabelSpool {
 public:
  LabelSpool& operator<<(const std::string& line) {
    job_ << line << '\n';
    ++lines_;
    return *this;
  }
  void print(int fd) {
    const std::string job = job_.str();
    send(fd, job.data(), job.size(), 0);
    job_.str("");
  }
  void report_lines(int fd) const { send(fd, &lines_, sizeof lines_, 0); }

 private:
  std::ostringstream job_;
  int lines_ = 0;
};

// Notices of different kinds collected and uploaded together.
class NoticeBatch {
 public:
  void add(std::unique_ptr<Notice> n) { batch_.push_back(std::move(n)); }
  void upload(IMessageSink& sink) {
    for (const auto& n : batch_) sink.publish(n->channel(), n->render());
    batch_.clear();
  }

 private:
  std::vector<std::unique_ptr<Notice>> batch_;
};
