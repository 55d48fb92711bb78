// The dispatch service's own classes (family 5): a message-sink interface, value
// objects with defaulted copy/move and delegating constructors, a notice hierarchy
// with virtual hooks and clone(), a fluent builder whose members live in two .cpp
// files, smart-pointer members. Member names are deliberately unclassified (line_,
// text_, to_, ref_, reach_, ...): customer and shipment data only gets into these
// objects through constructors, assignment and setters.
#pragma once

#include <sys/socket.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <utility>

#include "common/model.h"

// ---- Message sinks ----

class IMessageSink {
 public:
  virtual ~IMessageSink() = default;
  virtual void publish(const std::string& topic, const std::string& body) = 0;
};

// Writes topic and body on a connected socket.
class SocketSink final : public IMessageSink {
 public:
  explicit SocketSink(int fd) : fd_(fd) {}
  void publish(const std::string& topic, const std::string& body) override {
    const std::string frame = topic + "\n" + body;
    send(fd_, frame.data(), frame.size(), 0);
  }

 private:
  int fd_;
};

// Only counts what it is given (metrics for the dashboard); sends nothing.
class CountingSink final : public IMessageSink {
 public:
  void publish(const std::string& topic, const std::string& body) override {
    ++messages_;
    bytes_ += topic.size() + body.size();
  }
  std::size_t messages() const { return messages_; }

 private:
  std::size_t messages_ = 0;
  std::size_t bytes_ = 0;
};

// ---- Value objects ----

// A hand-over point: one text line and the serving hub.
class Endpoint {
 public:
  Endpoint() : Endpoint("-", "HUB-0") {}
  Endpoint(std::string line, std::string hub) : line_(std::move(line)), hub_(std::move(hub)) {}
  // Delegating constructor: the customer's street and city become the line.
  explicit Endpoint(const Customer& c) : Endpoint(c.street + ", " + c.city, "HUB-1") {}
  Endpoint(const Endpoint&) = default;
  Endpoint(Endpoint&&) noexcept = default;
  Endpoint& operator=(const Endpoint&) = default;
  Endpoint& operator=(Endpoint&&) noexcept = default;
  ~Endpoint() = default;

  const std::string& line() const { return line_; }
  const std::string& hub() const { return hub_; }
  void set_line(const std::string& v) { line_ = v; }
  void swap(Endpoint& other) noexcept {
    line_.swap(other.line_);
    hub_.swap(other.hub_);
  }

 private:
  std::string line_;
  std::string hub_;
};

inline std::ostream& operator<<(std::ostream& os, const Endpoint& e) {
  return os << e.hub() << ';' << e.line();
}

// A manifest shares its destination endpoint with the planner that edits it.
class Manifest {
 public:
  explicit Manifest(std::shared_ptr<const Endpoint> to) : to_(std::move(to)) {}
  const std::string& to_line() const { return to_->line(); }
  const std::string& to_hub() const { return to_->hub(); }

 private:
  std::shared_ptr<const Endpoint> to_;
};

// A fixed-size scan record written to the wire as raw bytes.
class ScanRecord {
 public:
  ScanRecord(const std::string& ref, const std::string& reach, std::uint32_t seq) : seq_(seq) {
    ref_.fill('\0');
    reach_.fill('\0');
    std::copy_n(ref.begin(), std::min(ref.size(), ref_.size() - 1), ref_.begin());
    std::copy_n(reach.begin(), std::min(reach.size(), reach_.size() - 1), reach_.begin());
  }
  static ScanRecord heartbeat(std::uint32_t seq) { return ScanRecord("-", "-", seq); }
  std::uint32_t seq() const { return seq_; }

 private:
  std::array<char, 24> ref_;
  std::array<char, 20> reach_;
  std::uint32_t seq_;
};

// ---- Notices: a hierarchy with a template method ----

class Notice {
 public:
  Notice(std::string channel, std::string text) : channel_(std::move(channel)), text_(std::move(text)) {}
  Notice(const Notice&) = default;
  virtual ~Notice() = default;

  // Header from the subclass, then the text.
  std::string render() const { return header() + "\r\n" + text_; }
  const std::string& channel() const { return channel_; }
  virtual int priority() const { return 1; }
  virtual std::unique_ptr<Notice> clone() const = 0;

 protected:
  virtual std::string header() const = 0;

 private:
  std::string channel_;
  std::string text_;
};

class SmsNotice : public Notice {
 public:
  SmsNotice(std::string to, std::string text) : Notice("sms", std::move(text)), to_(std::move(to)) {}
  // Delegating constructor.
  explicit SmsNotice(const Customer& c) : SmsNotice(c.phone, "Your parcel is out for delivery") {}
  std::unique_ptr<Notice> clone() const override { return std::make_unique<SmsNotice>(*this); }

 protected:
  std::string header() const override { return "TO " + to_; }

 private:
  std::string to_;
};

// The tracking number goes to the base class, as its channel.
class TrackingNotice : public Notice {
 public:
  explicit TrackingNotice(const Shipment& s) : Notice("trk/" + s.tracking_no, "status changed") {}
  int priority() const override { return 2; }
  std::unique_ptr<Notice> clone() const override { return std::make_unique<TrackingNotice>(*this); }

 protected:
  std::string header() const override { return "TRACKING"; }
};

// A heartbeat: a sequence number only.
class PingNotice : public Notice {
 public:
  explicit PingNotice(std::uint32_t seq) : Notice("ping", "alive"), seq_(seq) {}
  std::unique_ptr<Notice> clone() const override { return std::make_unique<PingNotice>(*this); }

 protected:
  std::string header() const override { return "PING " + std::to_string(seq_); }

 private:
  std::uint32_t seq_;
};

// Holds one notice until the dispatcher's turn comes.
class Dispatcher {
 public:
  void hold(std::unique_ptr<Notice> n) { held_ = std::move(n); }
  std::string release() {
    std::string out = held_ ? held_->render() : std::string();
    held_.reset();
    return out;
  }

 private:
  std::unique_ptr<Notice> held_;
};

// ---- A pickup request and its builder (members in pickup_request.cpp and pickup_wire.cpp) ----

class PickupRequest {
 public:
  class Builder {
   public:
    Builder& ref(std::string v) {
      ref_ = std::move(v);
      return *this;
    }
    Builder& reach(std::string v) {
      reach_ = std::move(v);
      return *this;
    }
    Builder& window(int from_hour, int to_hour) {
      from_hour_ = from_hour;
      to_hour_ = to_hour;
      return *this;
    }
    PickupRequest build() const;

   private:
    std::string ref_;
    std::string reach_;
    int from_hour_ = 8;
    int to_hour_ = 18;
  };

  const std::string& ref() const { return ref_; }
  const std::string& reach() const { return reach_; }
  int from_hour() const { return from_hour_; }
  // Every field, pipe-separated.
  std::string to_wire() const;
  // Replaces the callback number with the depot's desk.
  void route_calls_to_depot();

 private:
  PickupRequest(std::string ref, std::string reach, int from_hour, int to_hour);

  std::string ref_;
  std::string reach_;
  int from_hour_;
  int to_hour_;
};
