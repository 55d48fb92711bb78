// File-static globals and a global written and read in the same file.
#include <sys/socket.h>

#include <string>

#include "common/model.h"

namespace {
std::string s_waybill;  // internal linkage, anonymous namespace
}
static std::string s_note;  // internal linkage; notes.cpp has its own s_note
std::string g_reply_to;     // external linkage, used only here

static void remember_waybill(const Shipment& s) { s_waybill = s.tracking_no; }

static void flush_waybill(int fd) {
  send(fd, s_waybill.data(), s_waybill.size(), 0);  // expect: unresolved shipment.tracking
}

void scan_parcel(int fd, const Shipment& s) {
  remember_waybill(s);
  flush_waybill(fd);
}

static void flush_note(int fd) {
  send(fd, s_note.data(), s_note.size(), 0);  // expect: unresolved customer.contact
}

void annotate_order(int fd, const Customer& c) {
  s_note = "contact " + c.email;
  flush_note(fd);
}

static void set_reply_to(const Customer& c) { g_reply_to = c.email; }

static void send_reply_to(int fd) {
  send(fd, g_reply_to.data(), g_reply_to.size(), 0);  // expect: unresolved customer.contact
}

void handle_reply(int fd, const Customer& c) {
  set_reply_to(c);
  send_reply_to(fd);
}

// The global was holding data, but the caller overwrites it with a constant before
// calling the formatter.
static std::string s_banner;

static void flush_banner(int fd) {
  send(fd, s_banner.data(), s_banner.size(), 0);  // expect-none
}

void greet(int fd, const Customer& c) {
  s_banner = "Hello " + c.name;
  s_banner = "Hello";
  flush_banner(fd);
}

// Control: the global is written and sent in the same function.
static std::string s_last_phone;

void relay_phone(int fd, const Customer& c) {
  s_last_phone = c.phone;
  send(fd, s_last_phone.data(), s_last_phone.size(), 0);  // expect: unresolved customer.contact
}
