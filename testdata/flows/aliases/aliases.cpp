// Writes through iterators, pointers, references and element references reach the
// object they point into, and reads through another alias of that object see them
// (issue 9, item 2). Negatives: a callee reassigning its own by-value pointer or
// string parameter, and writes that land in a different object than the one sent.
#include <sys/socket.h>

#include <algorithm>
#include <cstring>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "common/model.h"

// A fixed-size wire frame; none of its fields is classified by itself.
struct LabelFrame {
  char header[8];
  char body[64];
};

// --- Positives -------------------------------------------------------------

// Assignment through a vector iterator: the notification list now holds the e-mail.
void notify_via_iterator(int fd, const Customer& c) {
  std::vector<std::string> recipients(1, "ops@depot.example");
  auto it = recipients.begin();
  *it = c.email;
  send(fd, recipients[0].data(), recipients[0].size(), 0);  // expect: unresolved customer.contact
}

// Assignment through a pointer to a local string.
void sms_via_pointer(int fd, const Customer& c) {
  std::string msisdn_field = "unknown";
  std::string* target = &msisdn_field;
  *target = c.phone;
  send(fd, msisdn_field.data(), msisdn_field.size(), 0);  // expect: unresolved customer.contact
}

// v.back() used as an lvalue: the last manifest line receives the tracking number.
void manifest_back_element(int fd, const Shipment& s) {
  std::vector<std::string> manifest;
  manifest.push_back("MANIFEST v2");
  manifest.push_back("");
  manifest.back() = s.tracking_no;
  for (const std::string& line : manifest) send(fd, line.data(), line.size(), 0);  // expect: unresolved shipment.tracking
}

// A reference to a map element, then assignment through the reference.
void address_book_slot(int fd, const Customer& c) {
  std::map<std::string, std::string> slots;
  auto& slot = slots["delivery"];
  slot = c.street;
  const std::string& street_out = slots.at("delivery");
  send(fd, street_out.data(), street_out.size(), 0);  // expect: unresolved customer.address
}

// std::copy into a std::back_inserter: the export vector receives the e-mails.
void export_with_back_inserter(int fd, const std::vector<Customer>& customers) {
  std::vector<std::string> emails;
  for (const Customer& c : customers) emails.push_back(c.email);
  std::vector<std::string> export_rows;
  std::copy(emails.begin(), emails.end(), std::back_inserter(export_rows));
  for (const std::string& row : export_rows) send(fd, row.data(), row.size(), 0);  // expect: unresolved customer.contact
}

// A write through one reference, the object read under its own name.
void reply_buffer_alias(int fd, const Customer& c) {
  std::string buf;
  std::string& reply = buf;
  reply = c.email;
  send(fd, buf.data(), buf.size(), 0);  // expect: unresolved customer.contact
}

// Two references to the same buffer: written through one, read through the other.
void two_aliases(int fd, const Customer& c) {
  std::string frame;
  std::string& writer = frame;
  std::string& reader = frame;
  writer = "TO:" + c.phone;
  send(fd, reader.data(), reader.size(), 0);  // expect: unresolved customer.contact
}

// strcpy through a char pointer into a member array of a frame; the whole frame is sent.
void label_frame(int fd, const Customer& c) {
  LabelFrame frame{};
  std::strcpy(frame.header, "LBL1");
  char* body = frame.body;
  std::strncpy(body, c.city.c_str(), sizeof frame.body - 1);
  send(fd, &frame, sizeof frame, 0);  // expect: unresolved customer.address
}

// A callee writes through its pointer parameter into the caller's string.
static void fill_contact(std::string* out, const Customer& c) { *out = c.phone; }

void callee_writes_pointer(int fd, const Customer& c) {
  std::string contact;
  fill_contact(&contact, c);
  send(fd, contact.data(), contact.size(), 0);  // expect: unresolved customer.contact
}

// A callee writes through its reference parameter into the caller's string.
static void fill_street(std::string& out, const Customer& c) { out = c.street + ", " + c.city; }

void callee_writes_reference(int fd, const Customer& c) {
  std::string line;
  fill_street(line, c);
  send(fd, line.data(), line.size(), 0);  // expect: unresolved customer.address
}

// Member call through an iterator (append) modifies the element.
void append_via_iterator(int fd, const Shipment& s) {
  std::vector<std::string> fields{"TRK=", "WT="};
  auto it = fields.begin();
  it->append(s.tracking_no);
  send(fd, fields.front().data(), fields.front().size(), 0);  // expect: unresolved shipment.tracking
}

// --- Negatives -------------------------------------------------------------

// The callee only reassigns its own copy of the pointer: the caller's buffer is untouched.
static void point_elsewhere(const char* p, const Customer& c) {
  p = c.email.c_str();
  (void)p;
}

void callee_reassigns_pointer(int fd, const Customer& c) {
  char greeting[32] = "HELLO depot-7";
  point_elsewhere(greeting, c);
  send(fd, greeting, std::strlen(greeting), 0);  // expect-none
}

// Same with a std::string* parameter re-pointed at a local of the callee.
static void repoint_string(std::string* p, const Customer& c) {
  std::string local = c.phone;
  p = &local;
  (void)p;
}

void callee_repoints_string_pointer(int fd, const Customer& c) {
  std::string status = "STATUS OK";
  repoint_string(&status, c);
  send(fd, status.data(), status.size(), 0);  // expect-none
}

// A by-value string parameter assigned in the callee does not reach the caller.
static void stamp_copy(std::string copy, const Customer& c) {
  copy = c.name;
  (void)copy;
}

void callee_assigns_by_value(int fd, const Customer& c) {
  std::string banner = "WELCOME";
  stamp_copy(banner, c);
  send(fd, banner.data(), banner.size(), 0);  // expect-none
}

// Tainted data written through an iterator into vector A; vector B is sent.
void iterator_into_other_vector(int fd, const Customer& c) {
  std::vector<std::string> audit_log(1);
  std::vector<std::string> heartbeat{"HB", "depot-7"};
  auto it = audit_log.begin();
  *it = c.email;
  for (const std::string& h : heartbeat) send(fd, h.data(), h.size(), 0);  // expect-none
}

// back_inserter appends the e-mails to an archive; the outbox with constants is sent.
void back_inserter_other_vector(int fd, const std::vector<Customer>& customers) {
  std::vector<std::string> emails;
  for (const Customer& c : customers) emails.push_back(c.email);
  std::vector<std::string> archive;
  std::vector<std::string> outbox{"SYNC", "END"};
  std::copy(emails.begin(), emails.end(), std::back_inserter(archive));
  for (const std::string& m : outbox) send(fd, m.data(), m.size(), 0);  // expect-none
}

// A reference bound to a copy: writing through it does not touch the original.
void reference_to_copy(int fd, const Customer& c) {
  std::string header = "X-Depot: 7";
  std::string scratch = header;
  std::string& r = scratch;
  r = c.phone;
  send(fd, header.data(), header.size(), 0);  // expect-none
}

// The pointer is moved to another string before the write; the first string is sent.
void pointer_moved_before_write(int fd, const Shipment& s) {
  std::string public_line = "IN TRANSIT";
  std::string private_line;
  std::string* p = &public_line;
  p = &private_line;
  *p = s.tracking_no;
  send(fd, public_line.data(), public_line.size(), 0);  // expect-none
}

// Redaction through a reference overwrites the whole value before sending.
void redacted_through_reference(int fd, const Customer& c) {
  std::string field = c.email;
  std::string& r = field;
  r = "<redacted>";
  send(fd, field.data(), field.size(), 0);  // expect-none
}

// A pointer aimed through a pointer to it, then written through: the string it was
// aimed at holds the data; the one it pointed at before does not.
void pointer_aimed_through_pointer(int fd, const Customer& c) {
  std::string greeting = "HELLO";
  std::string contact_line;
  std::string* p = &greeting;
  std::string** to_p = &p;
  *to_p = &contact_line;
  *p = c.email;
  send(fd, contact_line.data(), contact_line.size(), 0);  // expect: unresolved customer.contact
  send(fd, greeting.data(), greeting.size(), 0);          // expect-none
}

// Written through the pointer to the pointer: the string the pointer is aimed at.
void written_through_pointer_to_pointer(int fd, const Shipment& s) {
  std::string label;
  std::string* p = &label;
  std::string** to_p = &p;
  **to_p = s.tracking_no;
  send(fd, label.data(), label.size(), 0);  // expect: unresolved shipment.tracking
}

// A record of pointers aimed at local strings, written through: the strings hold
// the data. Re-aiming the field moves where later writes go.
void written_through_record_of_pointers(int fd, const Customer& c) {
  struct Lines {
    std::string* top;
    std::string* bottom;
  };
  std::string header = "DEPOT 7";
  std::string footer = "THANK YOU";
  std::string contact;
  Lines lines{&header, &footer};
  lines.bottom = &contact;
  *lines.bottom = c.phone;
  send(fd, contact.data(), contact.size(), 0);  // expect: unresolved customer.contact
  send(fd, footer.data(), footer.size(), 0);    // expect-none
  send(fd, header.data(), header.size(), 0);    // expect-none
}
