// swap (member and std::swap), std::move, std::exchange, list::splice,
// map::merge, set/map::extract and move/copy assignment move the data where it
// goes (issue 9, item 3). After a.swap(b), b holds what a held and a holds what
// b held: the data does not stay in both. Each case sends once on a caller's
// socket (fd is a parameter: unresolved).
#include <sys/socket.h>

#include <list>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "common/model.h"
#include "waybills.h"

// Member swap: the clean buffer receives the field.
void swap_member_into_clean(int fd, const Customer& c) {
  std::string pending = c.email;
  std::string outgoing = "none";
  pending.swap(outgoing);
  send(fd, outgoing.data(), outgoing.size(), 0);  // expect: unresolved customer.contact
}

// Member swap called on the clean side: the clean object receives the field.
void swap_member_called_on_clean(int fd, const Customer& c) {
  std::string outgoing;
  std::string staged = c.phone;
  outgoing.swap(staged);
  send(fd, outgoing.data(), outgoing.size(), 0);  // expect: unresolved customer.contact
}

// std::swap of two strings.
void std_swap_strings(int fd, const Shipment& s) {
  std::string current = s.tracking_no;
  std::string next = "UNASSIGNED";
  std::swap(current, next);
  send(fd, next.data(), next.size(), 0);  // expect: unresolved shipment.tracking
}

// std::swap of two whole records; a field of the formerly blank one.
void std_swap_records(int fd, const WaybillEntry& w) {
  WaybillEntry slot_a = w;
  WaybillEntry slot_b{};
  std::swap(slot_a, slot_b);
  send(fd, slot_b.consignee_name.data(), slot_b.consignee_name.size(), 0);  // expect: unresolved customer.identity
}

// vector::swap of a batch of waybills with an empty outbox.
void vector_swap_batch(int fd, const std::vector<WaybillEntry>& batch) {
  std::vector<WaybillEntry> pending = batch;
  std::vector<WaybillEntry> outbox;
  outbox.swap(pending);
  for (const WaybillEntry& w : outbox) send(fd, w.waybill_no.data(), w.waybill_no.size(), 0);  // expect: unresolved shipment.tracking
}

// std::move of a string into another (move assignment); the destination sent.
void move_assign_string(int fd, const Customer& c) {
  std::string scratch = c.street;
  std::string line;
  line = std::move(scratch);
  send(fd, line.data(), line.size(), 0);  // expect: unresolved customer.address
}

// std::move into a vector with push_back, read back with back().
void move_into_vector(int fd, const Customer& c) {
  std::vector<std::string> sms_batch;
  std::string msg = "Hi " + c.name + ", your parcel arrives today";
  sms_batch.push_back(std::move(msg));
  const std::string& last = sms_batch.back();
  send(fd, last.data(), last.size(), 0);  // expect: unresolved customer.identity
}

// unique_ptr to a record moved to a new owner.
void move_unique_ptr(int fd, const Customer& c) {
  auto draft = std::make_unique<Customer>(c);
  std::unique_ptr<Customer> queued = std::move(draft);
  send(fd, queued->email.data(), queued->email.size(), 0);  // expect: unresolved customer.contact
}

// std::exchange returns the old value.
void exchange_takes_old(int fd, const Customer& c) {
  std::string buffer = c.phone;
  const std::string taken = std::exchange(buffer, std::string());
  send(fd, taken.data(), taken.size(), 0);  // expect: unresolved customer.contact
}

// list::splice moves the nodes of one list into another.
void list_splice(int fd, const std::vector<WaybillEntry>& scanned) {
  std::list<std::string> pending;
  for (const WaybillEntry& w : scanned) pending.push_back(w.phone);
  std::list<std::string> dispatch;
  dispatch.splice(dispatch.end(), pending);
  for (const std::string& p : dispatch) send(fd, p.data(), p.size(), 0);  // expect: unresolved customer.contact
}

// map::merge moves the entries of the incoming map into the customer map.
void map_merge(int fd, const Shipment& s) {
  std::map<std::string, std::string> incoming;
  incoming[s.tracking_no] = s.recipient.email;
  std::map<std::string, std::string> email_by_trk;
  email_by_trk.merge(incoming);
  for (const auto& [trk, email] : email_by_trk) send(fd, email.data(), email.size(), 0);  // expect: unresolved customer.contact
}

// set::extract(it) gives a node whose value() is the element.
void set_extract_value(int fd, const Shipment& s) {
  std::set<std::string> open_awbs;
  open_awbs.insert(s.tracking_no);
  auto node = open_awbs.extract(open_awbs.begin());
  const std::string awb = node.value();
  send(fd, awb.data(), awb.size(), 0);  // expect: unresolved shipment.tracking
}

// map::extract(key) node's mapped() value.
void map_extract_mapped(int fd, const Customer& c) {
  std::map<std::string, std::string> phone_by_name;
  phone_by_name[c.name] = c.phone;
  auto node = phone_by_name.extract(c.name);
  if (!node.empty()) send(fd, node.mapped().data(), node.mapped().size(), 0);  // expect: unresolved customer.contact
}

// A node extracted from one set and inserted into another.
void set_extract_reinsert(int fd, const Customer& c) {
  std::set<std::string> unverified;
  unverified.insert(c.email);
  std::set<std::string> verified;
  verified.insert(unverified.extract(c.email));
  for (const std::string& e : verified) send(fd, e.data(), e.size(), 0);  // expect: unresolved customer.contact
}

// Copy assignment of a whole list of waybills.
void list_copy_assign(int fd, const std::list<WaybillEntry>& manifest) {
  std::list<WaybillEntry> outbox;
  outbox = manifest;
  send(fd, outbox.front().consignee_name.data(), outbox.front().consignee_name.size(), 0);  // expect: unresolved customer.identity
}

// ---- Negatives --------------------------------------------------------------

// After swapping a tainted string with a clean one, the tainted side holds the
// clean value.
void swap_member_source_now_clean(int fd, const Customer& c) {
  std::string pending = c.email;
  std::string outgoing = "none";
  pending.swap(outgoing);
  send(fd, pending.data(), pending.size(), 0);  // expect-none
}

// The same with std::swap.
void std_swap_source_now_clean(int fd, const Shipment& s) {
  std::string current = s.tracking_no;
  std::string next = "UNASSIGNED";
  std::swap(current, next);
  send(fd, current.data(), current.size(), 0);  // expect-none
}

// Swapping twice puts everything back: the clean side is clean again.
void swap_twice(int fd, const Customer& c) {
  std::string contact = c.phone;
  std::string placeholder = "n/a";
  contact.swap(placeholder);
  contact.swap(placeholder);
  send(fd, placeholder.data(), placeholder.size(), 0);  // expect-none
}

// A queue of e-mails swapped with a spare holding only a heartbeat.
void vector_swap_queue_now_clean(int fd, const std::vector<Customer>& customers) {
  std::vector<std::string> queue;
  for (const Customer& c : customers) queue.push_back(c.email);
  std::vector<std::string> spare{"PING"};
  spare.swap(queue);
  for (const std::string& q : queue) send(fd, q.data(), q.size(), 0);  // expect-none
}

// Move assignment of a clean header over a string that held the field.
void move_assign_overwrites(int fd, const Customer& c) {
  std::string msg = c.email;
  std::string header = "X-Depot: FRA3";
  msg = std::move(header);
  send(fd, msg.data(), msg.size(), 0);  // expect-none
}

// std::exchange leaves the new value in the object.
void exchange_leaves_new(int fd, const Customer& c) {
  std::string buffer = c.phone;
  const std::string taken = std::exchange(buffer, "EMPTY");
  send(fd, buffer.data(), buffer.size(), 0);  // expect-none
}

// After splicing the whole list away, the source holds only what is added later.
void list_splice_source_refilled(int fd, const std::vector<WaybillEntry>& scanned) {
  std::list<std::string> pending;
  for (const WaybillEntry& w : scanned) pending.push_back(w.waybill_no);
  std::list<std::string> dispatch;
  dispatch.splice(dispatch.end(), pending);
  pending.push_back("HEARTBEAT");
  for (const std::string& p : pending) send(fd, p.data(), p.size(), 0);  // expect-none
}

// A record swapped with a blank one: the record now holds the blank's fields.
void std_swap_record_now_blank(int fd, const WaybillEntry& w) {
  WaybillEntry slot_a = w;
  WaybillEntry slot_b{};
  std::swap(slot_a, slot_b);
  send(fd, slot_a.phone.data(), slot_a.phone.size(), 0);  // expect-none
}

// Splicing one element away leaves the other scanned waybills in the source.
void list_splice_one_keeps_rest(int fd, const std::vector<WaybillEntry>& scanned) {
  std::list<std::string> pending;
  for (const WaybillEntry& w : scanned) pending.push_back(w.waybill_no);
  std::list<std::string> dispatch;
  dispatch.splice(dispatch.end(), pending, pending.begin());
  for (const std::string& p : pending) send(fd, p.data(), p.size(), 0);  // expect: unresolved shipment.tracking
}

// Merging a whole sorted list empties it.
void list_merge_empties_source(int fd, const std::vector<WaybillEntry>& scanned) {
  std::list<std::string> late;
  for (const WaybillEntry& w : scanned) late.push_back(w.waybill_no);
  std::list<std::string> all{"HEADER"};
  all.merge(late);
  for (const std::string& p : late) send(fd, p.data(), p.size(), 0);  // expect-none
}
