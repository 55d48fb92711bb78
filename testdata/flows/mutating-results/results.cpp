// Results of mutating member calls that return *this, a reference, an iterator
// or a pair<iterator, bool> (issue 9, item 1): the result carries the object's
// data at that point, and writing through the result writes into the object.
// Each case sends once on a caller's socket (fd is a parameter: unresolved).
#include <sys/socket.h>

#include <map>
#include <set>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/model.h"

// assign() returns *this; the reference it returns is sent.
void notify_assign_result(int fd, const Customer& c) {
  std::string contact;
  const std::string& r = contact.assign(c.email);
  send(fd, r.data(), r.size(), 0);  // expect: unresolved customer.contact
}

// A copy of the result of an append() chain on a clean prefix.
void label_append_chain_result(int fd, const Customer& c) {
  std::string prefix = "to=";
  const std::string label = prefix.append(c.name).append(";");
  send(fd, label.data(), label.size(), 0);  // expect: unresolved customer.identity
}

// The field is appended by the SECOND call of the chain, which runs on the
// reference returned by the first: the object itself must be tainted.
void header_append_chain_object(int fd, const Customer& c) {
  std::string header;
  header.append("X-Recipient-Phone: ").append(c.phone);
  send(fd, header.data(), header.size(), 0);  // expect: unresolved customer.contact
}

// std::string(x).append(y) on a temporary built from a field.
void city_line_temporary(int fd, const Customer& c) {
  const std::string line = std::string(c.city).append(", DE");
  send(fd, line.data(), line.size(), 0);  // expect: unresolved customer.address
}

// std::string("lit").append(field) on a temporary built from a literal.
void tracking_line_temporary(int fd, const Shipment& s) {
  const std::string line = std::string("trk=").append(s.tracking_no);
  send(fd, line.data(), line.size(), 0);  // expect: unresolved shipment.tracking
}

// insert(0, x) returns *this; its result is used directly at the sink.
void prefix_insert_result(int fd, const Customer& c) {
  std::string tail = ";src=web";
  const std::string& msg = tail.insert(0, c.email);
  send(fd, msg.data(), msg.size(), 0);  // expect: unresolved customer.contact
}

// replace() of a template placeholder; the returned reference copied.
void greeting_replace_result(int fd, const Customer& c) {
  std::string tpl = "Dear {name}, your parcel is on its way";
  const std::string greeting = tpl.replace(tpl.find("{name}"), 6, c.name);
  send(fd, greeting.data(), greeting.size(), 0);  // expect: unresolved customer.identity
}

// operator+= returns *this; the reference it returns is sent.
void compound_assign_result(int fd, const Shipment& s) {
  std::string route = "route:";
  const std::string& r = (route += s.destination);
  send(fd, r.data(), r.size(), 0);  // expect: unresolved shipment.routing
}

// operator<< returns the stream; a later write through that reference
// lands in the same ostringstream.
void stream_reference_write(int fd, const Customer& c) {
  std::ostringstream ss;
  std::ostream& r = (ss << "email=");
  r << c.email;
  const std::string body = ss.str();
  send(fd, body.data(), body.size(), 0);  // expect: unresolved customer.contact
}

// The stream returned by operator<< cast back to the ostringstream and read.
void stream_result_cast(int fd, const Shipment& s) {
  std::ostringstream ss;
  const std::string body = static_cast<std::ostringstream&>(ss << "awb=" << s.tracking_no).str();
  send(fd, body.data(), body.size(), 0);  // expect: unresolved shipment.tracking
}

// map::insert returns pair<iterator, bool>; the value read via it->second.
void map_insert_pair_value(int fd, const Shipment& s) {
  std::map<std::string, std::string> contact_by_trk;
  const auto [it, inserted] = contact_by_trk.insert({s.tracking_no, s.recipient.phone});
  send(fd, it->second.data(), it->second.size(), 0);  // expect: unresolved customer.contact
}

// unordered_map::emplace; the key read via res.first->first.
void map_emplace_pair_key(int fd, const Shipment& s) {
  std::unordered_map<std::string, double> weight_by_trk;
  const auto res = weight_by_trk.emplace(s.tracking_no, 1.0);
  const std::string key = res.first->first;
  send(fd, key.data(), key.size(), 0);  // expect: unresolved shipment.tracking
}

// set::insert; the element read via *res.first.
void set_insert_pair_element(int fd, const Customer& c) {
  std::set<std::string> seen_streets;
  const auto res = seen_streets.insert(c.street);
  send(fd, res.first->data(), res.first->size(), 0);  // expect: unresolved customer.address
}

// map::try_emplace / insert_or_assign return pair<iterator, bool>.
void map_insert_or_assign_value(int fd, const Customer& c) {
  std::map<std::string, std::string> last_email;
  const auto [it, fresh] = last_email.insert_or_assign(c.name, c.email);
  send(fd, it->second.data(), it->second.size(), 0);  // expect: unresolved customer.contact
}

// vector::insert(pos, x) returns an iterator to the inserted element.
void vector_insert_iterator(int fd, const Customer& c) {
  std::vector<std::string> address_lines;
  const auto pos = address_lines.insert(address_lines.begin(), c.street);
  send(fd, pos->data(), pos->size(), 0);  // expect: unresolved customer.address
}

// vector::emplace_back returns a reference to the new element (C++17).
void vector_emplace_back_reference(int fd, const Customer& c) {
  std::vector<std::string> sms_queue;
  const std::string& slot = sms_queue.emplace_back(c.phone);
  send(fd, slot.data(), slot.size(), 0);  // expect: unresolved customer.contact
}

// ---- Negatives --------------------------------------------------------------

// assign("const") overwrites the field that was assigned before; its result is sent.
void assign_overwrite_result(int fd, const Customer& c) {
  std::string contact = c.email;
  const std::string& r = contact.assign("anonymous");
  send(fd, r.data(), r.size(), 0);  // expect-none
}

// assign(n, ch) overwrites the whole string with a mask.
void assign_fill_overwrite(int fd, const Customer& c) {
  std::string masked;
  masked.assign(c.phone);
  const std::string& r = masked.assign(8, '*');
  send(fd, r.data(), r.size(), 0);  // expect-none
}

// Only the bool of the insert pair goes out.
void map_insert_pair_bool(int fd, const Shipment& s) {
  std::map<std::string, std::string> email_by_trk;
  const auto [it, inserted] = email_by_trk.insert({s.tracking_no, s.recipient.email});
  const char flag = inserted ? '1' : '0';
  send(fd, &flag, 1, 0);  // expect-none
}

// vector::insert of a constant into a separate vector; its iterator sent.
void vector_insert_clean_separate(int fd, const Customer& c) {
  std::vector<std::string> recipients{c.email, c.phone};
  std::vector<std::string> headers;
  const auto pos = headers.insert(headers.begin(), "X-Depot: FRA3");
  send(fd, pos->data(), pos->size(), 0);  // expect-none
}

// An append chain on a clean string while a different string holds the field.
void append_chain_other_object(int fd, const Customer& c) {
  std::string contact = c.email;
  std::string version;
  const std::string v = version.append("v=").append("2");
  send(fd, v.data(), v.size(), 0);  // expect-none
}

// A second ostringstream fed only constants; the first holds the field.
void stream_result_other_stream(int fd, const Customer& c) {
  std::ostringstream payload;
  payload << c.email;
  std::ostringstream hdr;
  const std::string h = static_cast<std::ostringstream&>(hdr << "v=" << 2).str();
  send(fd, h.data(), h.size(), 0);  // expect-none
}
