// A depot's bookkeeping classes (family 6): library aggregates held as members
// (pair, tuple, map keys and mapped values, optional, variant) and handed out by
// const-reference getters. Member names are unclassified; data enters through
// the methods below.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

#include "common/model.h"
#include "dispatch.h"

// Pieces booked per waybill, plus the last booking as (tracking number, pieces).
class DepotLedger {
 public:
  void book(const Shipment& s, int pieces) {
    last_ = std::make_pair(s.tracking_no, pieces);
    pieces_by_ref_[s.tracking_no] += pieces;
  }
  const std::pair<std::string, int>& last() const { return last_; }
  const std::map<std::string, int>& pieces_by_ref() const { return pieces_by_ref_; }

 private:
  std::pair<std::string, int> last_;
  std::map<std::string, int> pieces_by_ref_;
};

// Scan rows (sequence, origin, weight) kept as tuples.
class ScanLog {
 public:
  using Row = std::tuple<std::uint32_t, std::string, double>;
  void add(const Shipment& s) { rows_.emplace_back(next_seq_++, s.origin, s.weight_kg); }
  const Row& latest() const { return rows_.back(); }
  const std::vector<Row>& rows() const { return rows_; }

 private:
  std::uint32_t next_seq_ = 1;
  std::vector<Row> rows_;
};

// Delivery instructions: who may sign, and the proof taken at the door (a
// signatory's name or a numeric PIN).
class Handover {
 public:
  using Proof = std::variant<std::monostate, std::string, std::uint32_t>;
  void leave_with(const std::string& who) { leave_with_ = who; }
  void no_neighbour() { leave_with_.reset(); }
  const std::optional<std::string>& leave_with() const { return leave_with_; }
  void signed_by(const std::string& who) { proof_ = who; }
  void pin(std::uint32_t code) { proof_ = code; }
  const Proof& proof() const { return proof_; }

 private:
  std::optional<std::string> leave_with_;
  Proof proof_;
};

// Text for a proof, whatever alternative it holds.
struct ProofText {
  std::string operator()(std::monostate) const { return "none"; }
  std::string operator()(const std::string& who) const { return "signed:" + who; }
  std::string operator()(std::uint32_t code) const { return "pin:" + std::to_string(code); }
};

// A card per parcel on the sorting belt.
class BeltCard {
 public:
  BeltCard() = default;
  BeltCard(std::string text, int pieces) : text_(std::move(text)), pieces_(pieces) {}
  const std::string& text() const { return text_; }
  int pieces() const { return pieces_; }

 private:
  std::string text_;
  int pieces_ = 0;
};

// Cards keyed by tracking number; stop numbers to callback numbers; a leg as
// (from, to) endpoints.
class SortPlan {
 public:
  void add(const Shipment& s, int pieces) {
    cards_.emplace(s.tracking_no, BeltCard(s.recipient.street, pieces));
    callbacks_[next_stop_++] = s.recipient.phone;
    leg_ = std::make_pair(Endpoint("Dock 4", "HUB-7"), Endpoint(s.recipient));
  }
  const std::map<std::string, BeltCard>& cards() const { return cards_; }
  const std::unordered_map<int, std::string>& callbacks() const { return callbacks_; }
  const std::pair<Endpoint, Endpoint>& leg() const { return leg_; }

 private:
  int next_stop_ = 1;
  std::map<std::string, BeltCard> cards_;
  std::unordered_map<int, std::string> callbacks_;
  std::pair<Endpoint, Endpoint> leg_;
};
