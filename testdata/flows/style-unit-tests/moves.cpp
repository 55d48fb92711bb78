// Family 3: moves between objects. swap (member and std::swap) in both
// directions, std::move, move assignment, std::exchange, list::splice,
// map::merge and map::extract.
#include <sys/socket.h>

#include <list>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "common/model.h"

// ---- helpers for the interprocedural variants ----

// Moves out of a reference parameter and returns the value.
static std::string mv_take(std::string& src) { return std::move(src); }

// Move-assigns a by-value parameter into an out-reference.
static void mv_give(std::string& dst, std::string src) { dst = std::move(src); }

// Swaps two strings through references.
static void mv_rotate(std::string& a, std::string& b) { a.swap(b); }

// Moves through pointers.
static void mv_steal(std::string* dst, std::string* src) { *dst = std::move(*src); }

// Two levels: std::exchange inside a helper that is called through another.
static std::string mv_claim(std::string& slot) { return std::exchange(slot, std::string()); }
static std::string mv_claim_twice_removed(std::string& slot) { return mv_claim(slot); }

// ---- positives ----

// a.swap(b): the tainted value moves from the argument into the receiver.
void mv01_member_swap_into_receiver(int fd, const Customer& c) {
  std::string outgoing = "pending";
  std::string contact = c.email;
  outgoing.swap(contact);
  send(fd, outgoing.data(), outgoing.size(), 0);  // expect: unresolved customer.contact
}

// a.swap(b): the tainted value moves from the receiver into the argument.
void mv02_member_swap_into_argument(int fd, const Customer& c) {
  std::string contact = c.phone;
  std::string outgoing;
  contact.swap(outgoing);
  send(fd, outgoing.data(), outgoing.size(), 0);  // expect: unresolved customer.contact
}

// std::swap(a, b) with the tainted value second.
void mv03_std_swap_second(int fd, const Customer& c) {
  std::string line = "n/a";
  std::string addr = c.street;
  std::swap(line, addr);
  send(fd, line.data(), line.size(), 0);  // expect: unresolved customer.address
}

// std::swap(a, b) with the tainted value first.
void mv04_std_swap_first(int fd, const Shipment& s) {
  std::string trk = s.tracking_no;
  std::string label;
  std::swap(trk, label);
  send(fd, label.data(), label.size(), 0);  // expect: unresolved shipment.tracking
}

// std::move into a new object.
void mv05_std_move_construct(int fd, const Shipment& s) {
  std::string trk = s.tracking_no;
  const std::string moved = std::move(trk);
  send(fd, moved.data(), moved.size(), 0);  // expect: unresolved shipment.tracking
}

// Move assignment into an existing object.
void mv06_move_assignment(int fd, const Customer& c) {
  std::string door = "unknown";
  std::string src = c.street;
  door = std::move(src);
  send(fd, door.data(), door.size(), 0);  // expect: unresolved customer.address
}

// std::exchange returns the old (tainted) value.
void mv07_exchange_returns_old(int fd, const Customer& c) {
  std::string current = c.email;
  const std::string previous = std::exchange(current, std::string("none"));
  send(fd, previous.data(), previous.size(), 0);  // expect: unresolved customer.contact
}

// std::exchange stores the new (tainted) value.
void mv08_exchange_stores_new(int fd, const Customer& c) {
  std::string slot = "free";
  std::exchange(slot, c.phone);
  send(fd, slot.data(), slot.size(), 0);  // expect: unresolved customer.contact
}

// Swapping whole records, then sending a field.
void mv09_swap_records(int fd, const Customer& c) {
  Customer staged = c;
  Customer blank;
  std::swap(blank, staged);
  send(fd, blank.email.data(), blank.email.size(), 0);  // expect: unresolved customer.contact
}

// Move-constructing a whole record.
void mv10_move_record(int fd, const Shipment& s) {
  Shipment copy = s;
  const Shipment moved = std::move(copy);
  send(fd, moved.tracking_no.data(), moved.tracking_no.size(), 0);  // expect: unresolved shipment.tracking
}

// vector::swap of a batch of addresses.
void mv11_vector_swap(int fd, const std::vector<Customer>& batch) {
  std::vector<std::string> pending;
  for (const Customer& c : batch) pending.push_back(c.email);
  std::vector<std::string> outbox;
  outbox.swap(pending);
  for (const std::string& e : outbox) send(fd, e.data(), e.size(), 0);  // expect: unresolved customer.contact
}

// list::splice moves the nodes into the outbox.
void mv12_list_splice(int fd, const Shipment& s) {
  std::list<std::string> scanned{s.tracking_no};
  std::list<std::string> outbox;
  outbox.splice(outbox.end(), scanned);
  send(fd, outbox.front().data(), outbox.front().size(), 0);  // expect: unresolved shipment.tracking
}

// map::merge moves the entries into the target map.
void mv13_map_merge(int fd, const Shipment& s) {
  std::map<std::string, std::string> incoming;
  incoming["trk"] = s.tracking_no;
  std::map<std::string, std::string> ledger;
  ledger.merge(incoming);
  const std::string& v = ledger.at("trk");
  send(fd, v.data(), v.size(), 0);  // expect: unresolved shipment.tracking
}

// map::extract gives a node handle; its mapped() value is sent.
void mv14_map_extract_mapped(int fd, const Customer& c) {
  std::map<std::string, std::string> contacts{{"mobile", c.phone}};
  auto node = contacts.extract("mobile");
  const std::string& v = node.mapped();
  send(fd, v.data(), v.size(), 0);  // expect: unresolved customer.contact
}

// map::extract then insert of the node handle into another map.
void mv15_map_extract_insert(int fd, const Customer& c) {
  std::map<std::string, std::string> staging;
  staging["to"] = c.email;
  std::map<std::string, std::string> outgoing;
  outgoing.insert(staging.extract("to"));
  const std::string& v = outgoing["to"];
  send(fd, v.data(), v.size(), 0);  // expect: unresolved customer.contact
}

// Interprocedural: moved out of a reference parameter and returned.
void mv16_callee_take(int fd, const Customer& c) {
  std::string contact = c.email;
  const std::string got = mv_take(contact);
  send(fd, got.data(), got.size(), 0);  // expect: unresolved customer.contact
}

// Interprocedural: by-value argument move-assigned into an out-reference.
void mv17_callee_give(int fd, const Customer& c) {
  std::string sms_to;
  mv_give(sms_to, c.phone);
  send(fd, sms_to.data(), sms_to.size(), 0);  // expect: unresolved customer.contact
}

// Interprocedural: member swap inside a helper.
void mv18_callee_swap(int fd, const Customer& c) {
  std::string line;
  std::string addr = c.street;
  mv_rotate(line, addr);
  send(fd, line.data(), line.size(), 0);  // expect: unresolved customer.address
}

// Interprocedural: move through pointers.
void mv19_callee_steal(int fd, const Shipment& s) {
  std::string label;
  std::string trk = s.tracking_no;
  mv_steal(&label, &trk);
  send(fd, label.data(), label.size(), 0);  // expect: unresolved shipment.tracking
}

// Interprocedural, two levels: std::exchange in a nested helper.
void mv20_callee_exchange_two_levels(int fd, const Customer& c) {
  std::string slot = c.name;
  const std::string claimed = mv_claim_twice_removed(slot);
  send(fd, claimed.data(), claimed.size(), 0);  // expect: unresolved customer.identity
}

// ---- negatives ----

// After a.swap(b) the argument holds a's old, clean content.
void mv21_swap_source_now_clean(int fd, const Customer& c) {
  std::string contact = c.email;
  std::string outgoing = "pending";
  outgoing.swap(contact);
  send(fd, contact.data(), contact.size(), 0);  // expect-none
}

// Swapped twice: back where it started.
void mv22_swap_twice(int fd, const Customer& c) {
  std::string status = "IN_TRANSIT";
  std::string addr = c.street;
  std::swap(status, addr);
  std::swap(status, addr);
  send(fd, status.data(), status.size(), 0);  // expect-none
}

// std::exchange returns the old, clean value.
void mv23_exchange_old_clean(int fd, const Customer& c) {
  std::string current = "IDLE";
  const std::string previous = std::exchange(current, c.email);
  send(fd, previous.data(), previous.size(), 0);  // expect-none
}

// A moved-from string that is reassigned a constant.
void mv24_moved_from_reassigned(int fd, const Customer& c) {
  std::string src = c.phone;
  std::string dst = std::move(src);
  src = "cleared";
  send(fd, src.data(), src.size(), 0);  // expect-none
  (void)dst;
}

// After splice the source list is empty; only the constant pushed later is in it.
void mv25_splice_source_emptied(int fd, const Shipment& s) {
  std::list<std::string> scanned{s.tracking_no};
  std::list<std::string> outbox;
  outbox.splice(outbox.end(), scanned);
  scanned.push_back("EOF");
  send(fd, scanned.front().data(), scanned.front().size(), 0);  // expect-none
}

// Interprocedural: mv_take on a clean string.
void mv26_callee_take_clean(int fd, const Customer& c) {
  (void)c;
  std::string depot = "DUS1";
  const std::string got = mv_take(depot);
  send(fd, got.data(), got.size(), 0);  // expect-none
}

// Interprocedural: mv_give fills one string; another one is sent.
void mv27_callee_give_other(int fd, const Customer& c) {
  std::string sms_to;
  std::string subject = "Your delivery";
  mv_give(sms_to, c.phone);
  send(fd, subject.data(), subject.size(), 0);  // expect-none
}
