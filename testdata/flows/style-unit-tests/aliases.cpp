// Family 2: aliases. The classified value is written through a pointer, a
// reference, an iterator or an output iterator, and the aliased object is sent.
#include <sys/socket.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "common/model.h"

// ---- helpers for the interprocedural variants ----

// Writes through an out-pointer.
static void al_fill_phone(std::string* dst, const Customer& c) { *dst = c.phone; }

// Writes through a reference.
static void al_set(std::string& dst, const std::string& value) { dst = value; }

// Returns a reference to the last slot of a vector.
static std::string& al_last_slot(std::vector<std::string>& rows) { return rows.back(); }

// Makes *out point at target.
static void al_pick(std::string** out, std::string* target) { *out = target; }

// Returns the pointer it was given.
static std::string* al_passthrough(std::string* target) { return target; }

// Forwards to al_set through a pointer (two levels).
static void al_set_via_pointer(std::string* dst, const Customer& c) { al_set(*dst, c.email); }

// Reassigns its by-value pointer parameter before writing: the caller's object
// is never written.
static void al_rebind_then_write(std::string* label, const Customer& c) {
  std::string scratch;
  label = &scratch;
  *label = c.email;
}

// Takes the string by value: writing it does not change the caller's object.
static void al_fill_copy(std::string label, const Customer& c) {
  label = c.phone;
  (void)label;
}

// ---- positives ----

// Plain pointer: write through p, send the pointee.
void al01_pointer_write(int fd, const Customer& c) {
  std::string notify_to = "unset";
  std::string* p = &notify_to;
  *p = c.email;
  send(fd, notify_to.data(), notify_to.size(), 0);  // expect: unresolved customer.contact
}

// Pointer to pointer: write through **pp.
void al02_pointer_to_pointer(int fd, const Customer& c) {
  std::string sms_to;
  std::string* p = &sms_to;
  std::string** pp = &p;
  **pp = c.phone;
  send(fd, sms_to.data(), sms_to.size(), 0);  // expect: unresolved customer.contact
}

// A reference bound from another reference; write through the second one.
void al03_reference_to_reference(int fd, const Customer& c) {
  std::string addr_line;
  std::string& r1 = addr_line;
  std::string& r2 = r1;
  r2 = c.street;
  send(fd, addr_line.data(), addr_line.size(), 0);  // expect: unresolved customer.address
}

// auto&& forwarding reference bound to an lvalue.
void al04_forwarding_reference(int fd, const Customer& c) {
  std::string city_line = "city:";
  auto&& fwd = city_line;
  fwd += c.city;
  send(fd, city_line.data(), city_line.size(), 0);  // expect: unresolved customer.address
}

// A pointer aimed through a pointer-to-pointer, then written through.
void al02b_pointer_aimed_via_pp(int fd, const Customer& c) {
  std::string fax_line;
  std::string* p = nullptr;
  std::string** pp = &p;
  *pp = &fax_line;
  *p = c.phone;
  send(fd, fax_line.data(), fax_line.size(), 0);  // expect: unresolved customer.contact
}

// Array element written through pointer arithmetic, read by index.
void al05_array_via_pointer(int fd, const Shipment& s) {
  std::string label_lines[3] = {"DHL", "", "EOL"};
  std::string* line = label_lines + 1;
  *line = s.tracking_no;
  send(fd, label_lines[1].data(), label_lines[1].size(), 0);  // expect: unresolved shipment.tracking
}

// Array indexed through a base pointer.
void al06_pointer_subscript(int fd, const Customer& c) {
  std::string fields[4];
  std::string* base = fields;
  base[2] = c.name;
  send(fd, fields[2].data(), fields[2].size(), 0);  // expect: unresolved customer.identity
}

// *it = x on a vector iterator.
void al07_iterator_store(int fd, const Customer& c) {
  std::vector<std::string> recipients(2);
  auto it = recipients.begin();
  *it = c.email;
  send(fd, recipients[0].data(), recipients[0].size(), 0);  // expect: unresolved customer.contact
}

// v.back() = x.
void al08_back_assign(int fd, const Customer& c) {
  std::vector<std::string> manifest_rows{"HDR"};
  manifest_rows.emplace_back();
  manifest_rows.back() = c.name;
  send(fd, manifest_rows[1].data(), manifest_rows[1].size(), 0);  // expect: unresolved customer.identity
}

// auto& r = m[k]; r = x; then m.at(k) is sent.
void al09_map_slot_reference(int fd, const Customer& c) {
  std::map<std::string, std::string> contact;
  auto& slot = contact["mobile"];
  slot = c.phone;
  const std::string& v = contact.at("mobile");
  send(fd, v.data(), v.size(), 0);  // expect: unresolved customer.contact
}

// std::copy into a std::back_inserter of another vector.
void al10_back_inserter_vector(int fd, const Shipment& s) {
  const std::vector<std::string> scanned{s.tracking_no};
  std::vector<std::string> outbox;
  std::copy(scanned.begin(), scanned.end(), std::back_inserter(outbox));
  send(fd, outbox.front().data(), outbox.front().size(), 0);  // expect: unresolved shipment.tracking
}

// std::copy of characters into a std::back_inserter of a string.
void al11_back_inserter_string(int fd, const Shipment& s) {
  std::string label = "TRK:";
  std::copy(s.tracking_no.begin(), s.tracking_no.end(), std::back_inserter(label));
  send(fd, label.data(), label.size(), 0);  // expect: unresolved shipment.tracking
}

// A struct holding a pointer; write through the member.
void al12_pointer_in_struct(int fd, const Customer& c) {
  struct Target {
    std::string* text;
  };
  std::string reply_to = "noreply@depot.example";
  Target t{&reply_to};
  *t.text = c.email;
  send(fd, reply_to.data(), reply_to.size(), 0);  // expect: unresolved customer.contact
}

// Interprocedural: callee writes through an out-pointer.
void al13_callee_out_pointer(int fd, const Customer& c) {
  std::string sms_to;
  al_fill_phone(&sms_to, c);
  send(fd, sms_to.data(), sms_to.size(), 0);  // expect: unresolved customer.contact
}

// Interprocedural: callee writes through a reference that is itself an alias.
void al14_callee_reference_alias(int fd, const Customer& c) {
  std::string door;
  std::string& alias = door;
  al_set(alias, c.street);
  send(fd, door.data(), door.size(), 0);  // expect: unresolved customer.address
}

// Interprocedural: callee returns a reference to v.back(); the caller assigns to it.
void al15_callee_returns_slot(int fd, const Customer& c) {
  std::vector<std::string> rows{"HDR", ""};
  al_last_slot(rows) = c.email;
  send(fd, rows[1].data(), rows[1].size(), 0);  // expect: unresolved customer.contact
}

// Interprocedural: callee sets a pointer through a pointer-to-pointer; caller writes through it.
void al16_callee_sets_pointer(int fd, const Customer& c) {
  std::string dest_city;
  std::string* p = nullptr;
  al_pick(&p, &dest_city);
  *p = c.city;
  send(fd, dest_city.data(), dest_city.size(), 0);  // gap expect: unresolved customer.address
}

// Interprocedural, two levels: pointer -> reference -> assignment.
void al17_callee_two_levels(int fd, const Customer& c) {
  std::string reply_to;
  al_set_via_pointer(&reply_to, c);
  send(fd, reply_to.data(), reply_to.size(), 0);  // expect: unresolved customer.contact
}

// Interprocedural: the callee returns the caller's pointer; the caller writes through it.
void al18_callee_returns_pointer(int fd, const Customer& c) {
  std::string postcode_line;
  std::string* p = al_passthrough(&postcode_line);
  *p = c.street;
  send(fd, postcode_line.data(), postcode_line.size(), 0);  // expect: unresolved customer.address
}

// ---- negatives ----

// The callee reassigns its by-value pointer parameter before writing.
void al19_callee_rebinds_pointer(int fd, const Customer& c) {
  std::string label = "PENDING";
  al_rebind_then_write(&label, c);
  send(fd, label.data(), label.size(), 0);  // expect-none
}

// The callee takes the string by value.
void al20_callee_by_value(int fd, const Customer& c) {
  std::string label = "PENDING";
  al_fill_copy(label, c);
  send(fd, label.data(), label.size(), 0);  // expect-none
}

// The pointer is retargeted before the write: the first object stays clean.
void al21_pointer_retargeted(int fd, const Customer& c) {
  std::string header = "MANIFEST";
  std::string body;
  std::string* p = &header;
  p = &body;
  *p = c.phone;
  send(fd, header.data(), header.size(), 0);  // expect-none
}

// Iterator of a different vector is written.
void al22_iterator_other_vector(int fd, const Customer& c) {
  std::vector<std::string> headers{"X-Depot: DUS1"};
  std::vector<std::string> recipients{""};
  auto it = recipients.begin();
  *it = c.email;
  send(fd, headers[0].data(), headers[0].size(), 0);  // expect-none
}

// Written through an alias, then overwritten with a constant.
void al23_alias_then_overwrite(int fd, const Customer& c) {
  std::string status;
  std::string* p = &status;
  *p = c.phone;
  status = "DELIVERED";
  send(fd, status.data(), status.size(), 0);  // expect-none
}

// auto (not auto&) makes a copy of the map slot: the map is not written.
void al24_map_slot_copy(int fd, const Customer& c) {
  std::map<std::string, std::string> contact;
  auto slot = contact["mobile"];
  slot = c.phone;
  const std::string& v = contact["mobile"];
  send(fd, v.data(), v.size(), 0);  // expect-none
}

// back_inserter copy of constant service codes only.
void al25_back_inserter_clean(int fd, const Shipment& s) {
  const std::vector<std::string> scanned{s.tracking_no};
  const std::vector<std::string> services{"EXP", "SAT"};
  std::vector<std::string> flags;
  std::copy(services.begin(), services.end(), std::back_inserter(flags));
  send(fd, flags.front().data(), flags.front().size(), 0);  // expect-none
  (void)scanned;
}

// Interprocedural: al_set writes a different object than the one sent.
void al26_callee_other_object(int fd, const Customer& c) {
  std::string greeting = "Hello";
  std::string to;
  al_set(to, c.name);
  send(fd, greeting.data(), greeting.size(), 0);  // expect-none
}
