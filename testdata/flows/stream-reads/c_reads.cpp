// Reading data out of C buffers with libc functions called from C++ (issue 9, family 4):
// sscanf/vsscanf out-arguments, strtol/strtoul/strtod, mempcpy, strndup,
// asprintf/vasprintf and getline/getdelim on a FILE* opened over a record's bytes.
// Records come from label.h (C layout) and common/model.h.
#include <sys/socket.h>

#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "common/model.h"
#include "label.h"

// sscanf out-argument: the domain part of an e-mail.
void send_mail_domain(int fd, const Customer& c) {
  char user[64] = {};
  char domain[64] = {};
  std::sscanf(c.email.c_str(), "%63[^@]@%63s", user, domain);
  send(fd, domain, std::strlen(domain), 0);  // expect: unresolved customer.contact
}

// vsscanf behind a variadic wrapper: the scanned waybill digits come out through `...`.
static int scan_fields(const char* src, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  const int n = std::vsscanf(src, fmt, ap);
  va_end(ap);
  return n;
}

void send_waybill_digits(int fd, const parcel_label* l) {
  char prefix[4] = {};
  char digits[24] = {};
  scan_fields(l->waybill, "%3[A-Z]%23[0-9]", prefix, digits);
  send(fd, digits, std::strlen(digits), 0);  // gap expect: unresolved shipment.tracking
}

// strtol of the phone number: the number as an integer is still the phone number.
void send_phone_number(int fd, const parcel_label* l) {
  const long long number = std::strtoll(l->recipient_phone + 1, nullptr, 10);
  const std::string s = std::to_string(number);
  send(fd, s.data(), s.size(), 0);  // expect: unresolved customer.contact
}

// strtoul's end pointer points into the scanned string: what follows the digits.
void send_waybill_suffix(int fd, const parcel_label* l) {
  char* end = nullptr;
  std::strtoul(l->waybill, &end, 10);
  send(fd, end, std::strlen(end), 0);  // expect: unresolved shipment.tracking
}

// strtod of a declared customs value, re-formatted.
void send_declared_value(int fd, const parcel_label* l) {
  const double value = std::strtod(l->declared_value, nullptr);
  char buf[32];
  const int n = std::snprintf(buf, sizeof buf, "%.2f", value);
  send(fd, buf, static_cast<size_t>(n), 0);  // expect: unresolved shipment.contents
}

// mempcpy chaining: the returned pointer is the write position in the same buffer.
void send_mempcpy_record(int fd, const Shipment& s) {
  char rec[64];
  char* p = static_cast<char*>(mempcpy(rec, "TRK", 3));
  p = static_cast<char*>(mempcpy(p, s.tracking_no.data(), s.tracking_no.size()));
  send(fd, rec, static_cast<size_t>(p - rec), 0);  // expect: unresolved shipment.tracking
}

// strndup of a field.
void send_dup_email(int fd, const Customer& c) {
  char* copy = strndup(c.email.c_str(), 48);
  send(fd, copy, std::strlen(copy), 0);  // expect: unresolved customer.contact
  std::free(copy);
}

// asprintf into a freshly allocated string.
void send_sms_request(int fd, const Customer& c) {
  char* msg = nullptr;
  if (asprintf(&msg, "to=%s&text=parcel+ready", c.phone.c_str()) < 0) return;
  send(fd, msg, std::strlen(msg), 0);  // expect: unresolved customer.contact
  std::free(msg);
}

// vasprintf behind a printf-like logger helper.
static char* format_line(const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char* out = nullptr;
  if (vasprintf(&out, fmt, ap) < 0) out = nullptr;
  va_end(ap);
  return out;
}

void send_address_line(int fd, const Customer& c) {
  char* line = format_line("%s, %s", c.street.c_str(), c.city.c_str());
  if (!line) return;
  send(fd, line, std::strlen(line), 0);  // expect: unresolved customer.address
  std::free(line);
}

// getline() from a FILE* opened over the address block with fmemopen.
void send_first_address_line(int fd, Customer c) {
  std::string block = c.street + "\n" + c.city + "\n";
  FILE* f = fmemopen(&block[0], block.size(), "r");
  if (!f) return;
  char* line = nullptr;
  size_t cap = 0;
  const ssize_t n = getline(&line, &cap, f);
  if (n > 0) send(fd, line, static_cast<size_t>(n), 0);  // expect: unresolved customer.address
  std::free(line);
  std::fclose(f);
}

// getdelim() splitting the e-mail at '@'.
void send_mailbox(int fd, Customer c) {
  FILE* f = fmemopen(&c.email[0], c.email.size(), "r");
  if (!f) return;
  char* part = nullptr;
  size_t cap = 0;
  const ssize_t n = getdelim(&part, &cap, '@', f);
  if (n > 0) send(fd, part, static_cast<size_t>(n), 0);  // expect: unresolved customer.contact
  std::free(part);
  std::fclose(f);
}

// ---- Negatives ----

// sscanf's return value is the number of converted fields.
void send_scan_count(int fd, const parcel_label* l) {
  char prefix[4];
  unsigned long serial = 0;
  const int fields = std::sscanf(l->waybill, "%3s%lu", prefix, &serial);
  char buf[16];
  const int n = std::snprintf(buf, sizeof buf, "fields=%d", fields);
  send(fd, buf, static_cast<size_t>(n), 0);  // expect-none
}

// asprintf's return value is a length.
void send_formatted_length(int fd, const Customer& c) {
  char* msg = nullptr;
  const int len = asprintf(&msg, "%s <%s>", c.name.c_str(), c.email.c_str());
  std::free(msg);
  const std::string s = std::to_string(len);
  send(fd, s.data(), s.size(), 0);  // expect-none
}

// How far strtol got (end - start) is a position, not the digits.
void send_digit_run(int fd, const parcel_label* l) {
  char* end = nullptr;
  std::strtol(l->waybill, &end, 10);
  const std::string s = std::to_string(end - l->waybill);
  send(fd, s.data(), s.size(), 0);  // expect-none
}

// sscanf over a constant string, with the record untouched by the scan.
void send_firmware_version(int fd, const parcel_label* l) {
  int major = 0, minor = 0;
  std::sscanf("fw 3.14", "fw %d.%d", &major, &minor);
  char buf[16];
  const int n = std::snprintf(buf, sizeof buf, "%d.%d/%d", major, minor, l->pieces);
  send(fd, buf, static_cast<size_t>(n), 0);  // expect-none
}

// getline() on a FILE* opened over a constant template.
void send_template_line(int fd) {
  char tmpl[] = "HELLO carrier-gw\nBYE\n";
  FILE* f = fmemopen(tmpl, sizeof tmpl - 1, "r");
  if (!f) return;
  char* line = nullptr;
  size_t cap = 0;
  const ssize_t n = getline(&line, &cap, f);
  if (n > 0) send(fd, line, static_cast<size_t>(n), 0);  // expect-none
  std::free(line);
  std::fclose(f);
}
