// Family 1: the results of mutating library calls, used as values.
// Source: a classified record field. Sink: send(fd, ...) with fd a parameter.
#include <sys/socket.h>

#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "common/model.h"

// ---- helpers for the interprocedural variants ----

// Appends through a reference and returns that reference.
static std::string& mr_add_contact(std::string& buf, const std::string& value) { return buf.append(value); }

// Takes its argument by value, mutates it and returns the result.
static std::string mr_with_hub_suffix(std::string handle) { return handle.append("@hub-lgg"); }

// Mutates through a pointer and returns the pointer.
static std::string* mr_stamp(std::string* label, const std::string& code) {
  label->insert(0, code);
  return label;
}

// Streams a label into any ostream and returns the stream.
static std::ostream& mr_put_label(std::ostream& os, const Shipment& s) { return os << "TRK " << s.tracking_no; }

// Two levels: builds a line through mr_add_contact.
static std::string mr_contact_line(const Customer& c) {
  std::string line = "tel:";
  return mr_add_contact(line, c.phone);
}

// ---- positives ----

// std::string(x).append(y) on a temporary, result copied into a label.
void mr01_temp_append(int fd, const Shipment& s) {
  const std::string label = std::string("AWB ").append(s.tracking_no);
  send(fd, label.data(), label.size(), 0);  // expect: unresolved shipment.tracking
}

// A chain of appends; the reference returned by the last one is sent.
void mr02_append_chain_ref(int fd, const Customer& c) {
  std::string notify;
  const std::string& body = notify.append("notify=").append(c.email).append(";lang=de");
  send(fd, body.data(), body.size(), 0);  // expect: unresolved customer.contact
}

// assign() on an empty temporary used as the initialiser.
void mr03_assign_result(int fd, const Customer& c) {
  const std::string sms_to = std::string().assign(c.phone);
  send(fd, sms_to.data(), sms_to.size(), 0);  // expect: unresolved customer.contact
}

// insert() at the front; the returned reference is copied.
void mr04_insert_result(int fd, const Customer& c) {
  std::string greeting = ", your parcel is on its way";
  const std::string text = greeting.insert(0, c.name);
  send(fd, text.data(), text.size(), 0);  // expect: unresolved customer.identity
}

// replace() of a placeholder in a template; the result is used directly.
void mr05_replace_result(int fd, const Customer& c) {
  std::string tpl = "Deliver to: {}";
  const std::string text = tpl.replace(12, 2, c.street);
  send(fd, text.data(), text.size(), 0);  // expect: unresolved customer.address
}

// operator+= used as an expression on a temporary.
void mr06_plus_assign_expr(int fd, const Customer& c) {
  const std::string line = (std::string("city=") += c.city);
  send(fd, line.data(), line.size(), 0);  // expect: unresolved customer.address
}

// ostringstream << used as an expression, cast back and str() taken.
void mr07_ostringstream_expr(int fd, const Shipment& s) {
  std::ostringstream os;
  const std::string msg = static_cast<std::ostringstream&>(os << "scan " << s.tracking_no << " ok").str();
  send(fd, msg.data(), msg.size(), 0);  // expect: unresolved shipment.tracking
}

// The ostream& returned by << is kept and written through later.
void mr08_ostream_ref_kept(int fd, const Customer& c) {
  std::ostringstream os;
  std::ostream& tail = (os << "contact:");
  tail << c.email;
  const std::string msg = os.str();
  send(fd, msg.data(), msg.size(), 0);  // expect: unresolved customer.contact
}

// map::insert returns pair<iterator,bool>; the iterator's value is sent.
void mr09_map_insert_iterator(int fd, const Shipment& s) {
  std::map<std::string, std::string> stop_city;
  const auto res = stop_city.insert({"stop-1", s.recipient.city});
  const std::string& city = res.first->second;
  send(fd, city.data(), city.size(), 0);  // expect: unresolved customer.address
}

// map::insert of a braced pair; the value is then looked up by its key.
void mr09b_map_insert_then_at(int fd, const Shipment& s) {
  std::map<std::string, std::string> stop_city;
  stop_city.insert({"stop-1", s.recipient.city});
  const std::string& city = stop_city.at("stop-1");
  send(fd, city.data(), city.size(), 0);  // expect: unresolved customer.address
}

// map::emplace with structured bindings; the inserted value is sent.
void mr10_map_emplace_binding(int fd, const Customer& c) {
  std::map<std::string, std::string> channels;
  auto [it, inserted] = channels.emplace("primary", c.email);
  (void)inserted;
  send(fd, it->second.data(), it->second.size(), 0);  // expect: unresolved customer.contact
}

// map::try_emplace keyed by the phone number; the key is read back.
void mr11_map_try_emplace_key(int fd, const Customer& c) {
  std::map<std::string, int> attempts;
  const auto it = attempts.try_emplace(c.phone, 1).first;
  const std::string& who = it->first;
  send(fd, who.data(), who.size(), 0);  // expect: unresolved customer.contact
}

// set::insert of a tracking number; *result.first is sent.
void mr12_set_insert_deref(int fd, const Shipment& s) {
  std::set<std::string> seen;
  const auto res = seen.insert(s.tracking_no);
  send(fd, res.first->data(), res.first->size(), 0);  // expect: unresolved shipment.tracking
}

// insert(pos, str, subpos, sublen) of a prefix of the tracking number.
void mr13_insert_substring(int fd, const Shipment& s) {
  std::string route_key = "-LGG";
  const std::string key = route_key.insert(0, s.tracking_no, 0, 4);
  send(fd, key.data(), key.size(), 0);  // expect: unresolved shipment.tracking
}

// Interprocedural: a helper appends by reference and returns the reference.
void mr14_helper_returns_ref(int fd, const Customer& c) {
  std::string base = "mailto:";
  const std::string link = mr_add_contact(base, c.email);
  send(fd, link.data(), link.size(), 0);  // expect: unresolved customer.contact
}

// Interprocedural: a by-value parameter mutated and returned.
void mr15_helper_by_value(int fd, const Customer& c) {
  const std::string alias = mr_with_hub_suffix(c.email);
  send(fd, alias.data(), alias.size(), 0);  // expect: unresolved customer.contact
}

// Interprocedural: a pointer returned by the helper is dereferenced.
void mr16_helper_returns_pointer(int fd, const Shipment& s) {
  std::string label = "/DUS1";
  const std::string full = *mr_stamp(&label, s.tracking_no);
  send(fd, full.data(), full.size(), 0);  // expect: unresolved shipment.tracking
}

// Interprocedural: the ostream& returned by a helper is written to again.
void mr17_helper_returns_stream(int fd, const Shipment& s) {
  std::ostringstream os;
  mr_put_label(os, s) << "\n";
  const std::string msg = os.str();
  send(fd, msg.data(), msg.size(), 0);  // expect: unresolved shipment.tracking
}

// Interprocedural, two levels deep.
void mr18_helper_two_levels(int fd, const Customer& c) {
  const std::string line = mr_contact_line(c);
  send(fd, line.data(), line.size(), 0);  // expect: unresolved customer.contact
}

// ---- negatives ----

// assign() replaces the whole content: the phone number is gone.
void mr19_assign_overwrites(int fd, const Customer& c) {
  std::string masked = c.phone;
  const std::string& out = masked.assign("<redacted>");
  send(fd, out.data(), out.size(), 0);  // expect-none
}

// Append chain over constants and a non-classified parameter only.
void mr20_append_clean_chain(int fd, const Shipment& s, const std::string& depot) {
  (void)s;
  const std::string hdr = std::string("MANIFEST ").append(depot).append(" v2");
  send(fd, hdr.data(), hdr.size(), 0);  // expect-none
}

// The map's key is tainted but the counter value read through emplace's iterator is not.
void mr21_emplace_counter_value(int fd, const Customer& c) {
  std::map<std::string, int> retries;
  auto res = retries.emplace(c.email, 0);
  ++res.first->second;
  const std::string n = std::to_string(res.first->second);
  send(fd, n.data(), n.size(), 0);  // gap expect-none
}

// Only the literal picked by the insert flag is sent.
void mr22_insert_flag_only(int fd, const Shipment& s) {
  std::set<std::string> seen;
  const auto res = seen.insert(s.tracking_no);
  const std::string status = res.second ? "NEW" : "DUPLICATE";
  send(fd, status.data(), status.size(), 0);  // expect-none
}

// ostringstream expression over a count of items only.
void mr23_ostringstream_count(int fd, const std::vector<Shipment>& manifest) {
  std::ostringstream os;
  const std::string msg = static_cast<std::ostringstream&>(os << "items=" << manifest.size()).str();
  send(fd, msg.data(), msg.size(), 0);  // expect-none
}

// Interprocedural: the by-value helper of mr15 called with a clean value.
void mr24_helper_by_value_clean(int fd, const Customer& c) {
  (void)c;
  const std::string alias = mr_with_hub_suffix("dispatch");
  send(fd, alias.data(), alias.size(), 0);  // expect-none
}

// Interprocedural: mr_stamp writes a tainted code into another label, not this one.
void mr25_helper_other_object(int fd, const Shipment& s) {
  std::string tagged = "/DUS1";
  std::string plain = "/DUS1";
  mr_stamp(&tagged, s.tracking_no);
  send(fd, plain.data(), plain.size(), 0);  // expect-none
}
