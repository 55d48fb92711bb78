// Data added to a message only under a flag, a mode or a redaction switch, while the
// send itself is unconditional: each caller gets only what its constants let through.
#include <sys/socket.h>

#include <cstdio>
#include <string>

#include "common/model.h"

namespace {

constexpr unsigned kWithContact = 0x1;
constexpr unsigned kWithAddress = 0x2;
constexpr unsigned kCompact = 0x4;

enum class Detail { Ref, Contact, Address };

// Called without kWithContact, directly and through publish_via: only a constant.
void publish_delivered(int fd, const Customer& c, unsigned flags) {
  std::string m = "DLV";
  if (flags & kWithContact) m += "|" + c.email;
  send(fd, m.data(), m.size(), 0);  // expect-none
}

// The same, reached with kWithContact through publish_via_full.
void publish_delivered_full(int fd, const Customer& c, unsigned flags) {
  std::string m = "DLV";
  if (flags & kWithContact) m += "|" + c.email;
  send(fd, m.data(), m.size(), 0);  // expect: unresolved customer.contact
}

// Called with kWithContact | kCompact: the e-mail goes out too.
void publish_failed(int fd, const Customer& c, unsigned flags) {
  std::string m = "FAIL";
  if (flags & kWithContact) m += "|" + c.email;
  send(fd, m.data(), m.size(), 0);  // expect: unresolved customer.contact
}

// The address is left out when the compact bit is set; both callers set it.
void publish_route(int fd, const Customer& c, unsigned flags) {
  std::string m = "RT";
  if ((flags & kCompact) == 0) m += "|" + c.street + " " + c.city;
  send(fd, m.data(), m.size(), 0);  // expect-none
}

// A switch on the detail wanted; the only caller asks for the (constant) reference.
void put_detail(int fd, const Customer& c, Detail d) {
  std::string v;
  switch (d) {
    case Detail::Ref: v = "REF-0"; break;
    case Detail::Contact: v = c.phone; break;
    case Detail::Address: v = c.street; break;
  }
  send(fd, v.data(), v.size(), 0);  // expect-none
}

// The same switch; the only caller asks for the address.
void put_detail_address(int fd, const Customer& c, Detail d) {
  std::string v;
  switch (d) {
    case Detail::Ref: v = "REF-0"; break;
    case Detail::Contact: v = c.phone; break;
    case Detail::Address: v = c.street; break;
  }
  send(fd, v.data(), v.size(), 0);  // expect: unresolved customer.address
}

// Masked unless the caller asks for the raw value; one caller does.
void print_phone(FILE* out, const Customer& c, bool masked) {
  const std::string shown = masked ? std::string("+49 *** ****") : c.phone;
  std::fprintf(out, "%s\n", shown.c_str());  // expect: unresolved customer.contact
}

// The same helper, only ever called masked.
void print_phone_masked(FILE* out, const Customer& c, bool masked) {
  const std::string shown = masked ? std::string("+49 *** ****") : c.phone;
  std::fprintf(out, "%s\n", shown.c_str());  // expect-none
}

// Wrappers passing their own flag on: what their callers pass decides.
void publish_via(int fd, const Customer& c, unsigned flags) { publish_delivered(fd, c, flags); }
void publish_via_full(int fd, const Customer& c, unsigned flags) { publish_delivered_full(fd, c, flags); }

}  // namespace

void on_delivery(int fd, FILE* out, const Customer& c, const Shipment& s) {
  publish_delivered(fd, c, kCompact);
  publish_via(fd, c, kWithAddress);
  publish_via_full(fd, c, kWithContact);
  publish_failed(fd, c, kWithContact | kCompact);
  publish_route(fd, c, kCompact);
  publish_route(fd, c, kCompact | kWithAddress);
  put_detail(fd, c, Detail::Ref);
  put_detail_address(fd, c, Detail::Address);
  print_phone(out, c, false);
  print_phone_masked(out, c, true);
}
