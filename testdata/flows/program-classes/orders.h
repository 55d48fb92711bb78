// The order service's own classes. Member names are deliberately unclassified
// (note_, target_, text_, ...): whatever customer or shipment data they hold
// comes in through constructors, assignment operators and setters.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <utility>

#include "common/model.h"

class Order {
 public:
  Order() : id_(next_id_++) {}
  // Member-init list.
  Order(const std::string& note, const std::string& target)
      : id_(next_id_++), note_(note), target_(target) {}
  // User-written copy and move constructors.
  Order(const Order& other) : id_(other.id_), note_(other.note_), target_(other.target_) {}
  Order(Order&& other) noexcept
      : id_(other.id_), note_(std::move(other.note_)), target_(std::move(other.target_)) {}
  // User-written copy and move assignment.
  Order& operator=(const Order& other) {
    if (this != &other) {
      id_ = other.id_;
      note_ = other.note_;
      target_ = other.target_;
    }
    return *this;
  }
  Order& operator=(Order&& other) noexcept {
    id_ = other.id_;
    note_ = std::move(other.note_);
    target_ = std::move(other.target_);
    return *this;
  }

  // Factory: a default-constructed order filled through setters.
  static Order for_customer(const Customer& c) {
    Order o;
    o.set_note(c.email);
    o.set_target(c.city);
    return o;
  }

  int id() const { return id_; }
  const std::string& note() const { return note_; }
  const std::string& target() const { return target_; }
  void set_note(const std::string& n) { note_ = n; }
  void set_target(std::string t) { target_ = std::move(t); }
  void reset() {
    note_ = "-";
    target_ = "-";
  }

 private:
  static inline int next_id_ = 1;
  int id_;  // a counter, never data
  std::string note_;
  std::string target_;
};

// Writes every field of an order.
inline std::string serialize(const Order& o) {
  return std::to_string(o.id()) + "|" + o.note() + "|" + o.target();
}

// A copy for the audit log that keeps only the order number.
class RedactedOrder {
 public:
  explicit RedactedOrder(const Order& o) : id_(o.id()), note_("<redacted>") {}
  std::string line() const { return std::to_string(id_) + ":" + note_; }

 private:
  int id_;
  std::string note_;
};

// Fields assigned in the constructor body; methods defined out of line in label.cpp.
class Label {
 public:
  explicit Label(const Shipment& s);
  const std::string& text() const;
  double mass() const;

 private:
  std::string text_;
  double mass_ = 0.0;
};

// A base class initialised from the derived constructor's init list.
class Waypoint {
 public:
  explicit Waypoint(std::string where) : where_(std::move(where)) {}
  const std::string& where() const { return where_; }
  // Exchanges the two waypoints (a member swap of the program's own class).
  void swap(Waypoint& other) noexcept { where_.swap(other.where_); }
  // The same with std::swap.
  void trade(Waypoint& other) noexcept { std::swap(where_, other.where_); }

 protected:
  std::string where_;
};

class HandoverPoint : public Waypoint {
 public:
  explicit HandoverPoint(const Customer& c) : Waypoint(c.street + ", " + c.city) {}
};

// Fluent setters returning *this.
class ManifestLine {
 public:
  ManifestLine& ref(const std::string& r) {
    ref_ = r;
    return *this;
  }
  ManifestLine& to(const std::string& t) {
    to_ = t;
    return *this;
  }
  std::string str() const { return ref_ + ";" + to_; }

 private:
  std::string ref_;
  std::string to_;
};

// A trivially copyable wire record sent as raw bytes.
class Beacon {
 public:
  Beacon(const Shipment& s, std::uint32_t seq) : seq_(seq) {
    std::snprintf(code_, sizeof code_, "%s", s.tracking_no.c_str());
    std::snprintf(reach_, sizeof reach_, "%s", s.recipient.phone.c_str());
  }
  explicit Beacon(std::uint32_t seq) : seq_(seq) {
    std::snprintf(code_, sizeof code_, "%s", "HEARTBEAT");
    std::memset(reach_, 0, sizeof reach_);
  }
  void blank_reach() { std::memset(reach_, 0, sizeof reach_); }

 private:
  char code_[24];
  char reach_[24];
  std::uint32_t seq_;
};
