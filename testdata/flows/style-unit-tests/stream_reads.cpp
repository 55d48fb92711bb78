// Family 4: reading out of streams and buffers. operator>>, std::getline,
// sscanf out-arguments, strtol/strtod, memcpy/strncpy/snprintf into buffers,
// std::string::copy, std::to_chars/std::from_chars.
#include <sys/socket.h>

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <algorithm>
#include <iterator>
#include <vector>
#include <istream>
#include <sstream>
#include <string>

#include "common/model.h"
#include "scan.h"

// ---- helpers for the interprocedural variants ----

// Reads one whitespace-separated token from any istream.
static bool sr_next_token(std::istream& in, std::string& tok) { return static_cast<bool>(in >> tok); }

// The first line of a text block.
static std::string sr_first_line(const std::string& text) {
  std::istringstream in(text);
  std::string line;
  std::getline(in, line);
  return line;
}

// Copies a string into a caller buffer; returns the number of bytes copied.
static std::size_t sr_copy_out(char* dst, std::size_t cap, const std::string& src) {
  const std::size_t n = src.size() < cap - 1 ? src.size() : cap - 1;
  std::memcpy(dst, src.data(), n);
  dst[n] = '\0';
  return n;
}

// Parses the leading house number of a street line through an out-pointer.
static void sr_parse_house(const char* street, int* out) { std::sscanf(street, "%d", out); }

// Two levels: formats a label into a buffer through sr_copy_out.
static std::size_t sr_label_into(char* dst, std::size_t cap, const Shipment& s) {
  return sr_copy_out(dst, cap, s.tracking_no);
}

// ---- positives ----

// ss >> word on an istringstream over the street line.
void sr01_extract_word(int fd, const Customer& c) {
  std::istringstream in(c.street);
  std::string house_no;
  in >> house_no;
  send(fd, house_no.data(), house_no.size(), 0);  // expect: unresolved customer.address
}

// Written into a stringstream, read back out with >>.
void sr02_stringstream_roundtrip(int fd, const Shipment& s) {
  std::stringstream ss;
  ss << s.tracking_no;
  std::string trk;
  ss >> trk;
  send(fd, trk.data(), trk.size(), 0);  // expect: unresolved shipment.tracking
}

// std::getline with a delimiter on an istringstream.
void sr03_getline_delim(int fd, const Customer& c) {
  std::istringstream in(c.email);
  std::string mailbox;
  std::getline(in, mailbox, '@');
  send(fd, mailbox.data(), mailbox.size(), 0);  // expect: unresolved customer.contact
}

// sscanf %[^@]@%s out-arguments; the domain part is sent.
void sr04_sscanf_string_out(int fd, const Customer& c) {
  char local[32] = {};
  char domain[64] = {};
  std::sscanf(c.email.c_str(), "%31[^@]@%63s", local, domain);
  send(fd, domain, std::strlen(domain), 0);  // expect: unresolved customer.contact
}

// sscanf %d into an int: the house number is part of the address.
void sr05_sscanf_int_out(int fd, const Customer& c) {
  int house = 0;
  std::sscanf(c.street.c_str(), "%d", &house);
  const std::string v = std::to_string(house);
  send(fd, v.data(), v.size(), 0);  // expect: unresolved customer.address
}

// strtol of the digits of a waybill number.
void sr06_strtol(int fd, const ParcelScan& scan) {
  const long serial = std::strtol(scan.waybill.c_str() + 3, nullptr, 10);
  const std::string v = std::to_string(serial);
  send(fd, v.data(), v.size(), 0);  // expect: unresolved shipment.tracking
}

// strtod of a scanned weight, formatted again with snprintf.
void sr07_strtod(int fd, const ParcelScan& scan) {
  const double kg = std::strtod(scan.gross_weight.c_str(), nullptr);
  char buf[32];
  const int n = std::snprintf(buf, sizeof buf, "%.1f", kg);
  send(fd, buf, static_cast<std::size_t>(n), 0);  // expect: unresolved shipment.metrics
}

// memcpy into a fixed label buffer.
void sr08_memcpy(int fd, const Shipment& s) {
  char label[24] = {};
  std::memcpy(label, s.tracking_no.data(), s.tracking_no.size() < 23 ? s.tracking_no.size() : 23);
  send(fd, label, std::strlen(label), 0);  // expect: unresolved shipment.tracking
}

// strncpy into a fixed buffer.
void sr09_strncpy(int fd, const Customer& c) {
  char sms_to[20];
  std::strncpy(sms_to, c.phone.c_str(), sizeof sms_to - 1);
  sms_to[sizeof sms_to - 1] = '\0';
  send(fd, sms_to, std::strlen(sms_to), 0);  // expect: unresolved customer.contact
}

// snprintf with %s into a label line.
void sr10_snprintf(int fd, const Customer& c) {
  char line[96];
  std::snprintf(line, sizeof line, "SHIP TO: %s", c.street.c_str());
  send(fd, line, std::strlen(line), 0);  // expect: unresolved customer.address
}

// std::string::copy into a char buffer.
void sr11_string_copy(int fd, const Customer& c) {
  char buf[48];
  const std::size_t n = c.email.copy(buf, sizeof buf - 1);
  buf[n] = '\0';
  send(fd, buf, n, 0);  // expect: unresolved customer.contact
}

// std::to_chars of the weight in grams.
void sr12_to_chars(int fd, const Shipment& s) {
  char buf[16];
  const int grams = static_cast<int>(s.weight_kg * 1000.0);
  const auto res = std::to_chars(buf, buf + sizeof buf, grams);
  send(fd, buf, static_cast<std::size_t>(res.ptr - buf), 0);  // expect: unresolved shipment.metrics
}

// std::from_chars of the waybill serial.
void sr13_from_chars(int fd, const ParcelScan& scan) {
  long long serial = 0;
  std::from_chars(scan.waybill.data(), scan.waybill.data() + scan.waybill.size(), serial);
  const std::string v = std::to_string(serial);
  send(fd, v.data(), v.size(), 0);  // expect: unresolved shipment.tracking
}

// Interprocedural: the token is read by a helper taking istream& and string&.
void sr14_callee_extracts(int fd, const Customer& c) {
  std::istringstream in(c.name);
  std::string first;
  sr_next_token(in, first);
  send(fd, first.data(), first.size(), 0);  // expect: unresolved customer.identity
}

// Interprocedural: getline inside a helper whose result is returned.
void sr15_callee_getline_return(int fd, const Shipment& s) {
  const std::string head = sr_first_line(s.tracking_no + "\n");
  send(fd, head.data(), head.size(), 0);  // expect: unresolved shipment.tracking
}

// Interprocedural: memcpy inside a helper writing the caller's buffer.
void sr16_callee_memcpy(int fd, const Customer& c) {
  char to[32];
  const std::size_t n = sr_copy_out(to, sizeof to, c.phone);
  send(fd, to, n, 0);  // expect: unresolved customer.contact
}

// Interprocedural: sscanf inside a helper writing through an int*.
void sr17_callee_sscanf_pointer(int fd, const Customer& c) {
  int house = 0;
  sr_parse_house(c.street.c_str(), &house);
  const std::string v = std::to_string(house);
  send(fd, v.data(), v.size(), 0);  // expect: unresolved customer.address
}

// Interprocedural, two levels: the label buffer is filled two calls down.
void sr18_callee_two_levels(int fd, const Shipment& s) {
  char label[32];
  const std::size_t n = sr_label_into(label, sizeof label, s);
  send(fd, label, n, 0);  // expect: unresolved shipment.tracking
}

// std::getline in a loop over a multi-line manifest; every line is sent.
void sr18b_getline_loop(int fd, const std::vector<Shipment>& manifest) {
  std::string text;
  for (const Shipment& s : manifest) text += s.tracking_no + "\n";
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    send(fd, line.data(), line.size(), 0);  // expect: unresolved shipment.tracking
  }
}

// istream::read into a char buffer.
void sr18c_istream_read(int fd, const Customer& c) {
  std::istringstream in(c.phone);
  char head[8] = {};
  in.read(head, 7);
  send(fd, head, static_cast<std::size_t>(in.gcount()), 0);  // expect: unresolved customer.contact
}

// istream::getline into a char array.
void sr18d_istream_getline_chars(int fd, const Customer& c) {
  std::istringstream in(c.street);
  char first[40];
  in.getline(first, sizeof first, ',');
  send(fd, first, std::strlen(first), 0);  // expect: unresolved customer.address
}

// strtol's end pointer: the rest of the street after the house number.
void sr18e_strtol_endptr(int fd, const Customer& c) {
  char* rest = nullptr;
  std::strtol(c.street.c_str(), &rest, 10);
  send(fd, rest, std::strlen(rest), 0);  // expect: unresolved customer.address
}

// istream_iterator copy of the words of a name into a vector.
void sr18f_istream_iterator(int fd, const Customer& c) {
  std::istringstream in(c.name);
  std::vector<std::string> words;
  std::copy(std::istream_iterator<std::string>(in), std::istream_iterator<std::string>(), std::back_inserter(words));
  send(fd, words.back().data(), words.back().size(), 0);  // expect: unresolved customer.identity
}

// rdbuf() of one stream inserted into another.
void sr18g_rdbuf_copy(int fd, const Customer& c) {
  std::istringstream in(c.email);
  std::ostringstream out;
  out << in.rdbuf();
  const std::string v = out.str();
  send(fd, v.data(), v.size(), 0);  // expect: unresolved customer.contact
}

// strncat onto a constant prefix.
void sr18h_strncat(int fd, const Shipment& s) {
  char line[40] = "AWB ";
  std::strncat(line, s.tracking_no.c_str(), sizeof line - std::strlen(line) - 1);
  send(fd, line, std::strlen(line), 0);  // expect: unresolved shipment.tracking
}

// std::stoi of the house number.
void sr18i_stoi(int fd, const Customer& c) {
  const int house = std::stoi(c.street);
  const std::string v = std::to_string(house);
  send(fd, v.data(), v.size(), 0);  // expect: unresolved customer.address
}

// ---- negatives ----

// >> from a clean configuration stream.
void sr19_extract_from_config(int fd, const Customer& c) {
  (void)c;
  std::istringstream cfg("retries 3");
  std::string key;
  int n = 0;
  cfg >> key >> n;
  send(fd, key.data(), key.size(), 0);  // expect-none
}

// sscanf's return value (how many fields matched) only.
void sr20_sscanf_count(int fd, const Customer& c) {
  char local[32];
  char domain[64];
  const int fields = std::sscanf(c.email.c_str(), "%31[^@]@%63s", local, domain);
  const std::string v = std::to_string(fields);
  send(fd, v.data(), v.size(), 0);  // expect-none
}

// snprintf's return value (the formatted length) only.
void sr21_snprintf_length(int fd, const Customer& c) {
  const int len = std::snprintf(nullptr, 0, "%s", c.phone.c_str());
  const std::string v = std::to_string(len);
  send(fd, v.data(), v.size(), 0);  // expect-none
}

// memcpy of the phone into one buffer; a constant header buffer is sent.
void sr22_memcpy_other_buffer(int fd, const Customer& c) {
  char hdr[8];
  char body[32] = {};
  std::memcpy(hdr, "MNFST01", 8);
  std::memcpy(body, c.phone.data(), c.phone.size() < 31 ? c.phone.size() : 31);
  send(fd, hdr, std::strlen(hdr), 0);  // expect-none
}

// std::string::copy's return value (the count) only.
void sr23_string_copy_count(int fd, const Customer& c) {
  char buf[48];
  const std::size_t n = c.email.copy(buf, sizeof buf - 1);
  const std::string v = std::to_string(n);
  send(fd, v.data(), v.size(), 0);  // expect-none
}

// from_chars: only how many characters were consumed is sent.
void sr24_from_chars_consumed(int fd, const ParcelScan& scan) {
  long long serial = 0;
  const char* begin = scan.waybill.data();
  const auto res = std::from_chars(begin, begin + scan.waybill.size(), serial);
  const std::string v = std::to_string(res.ptr - begin);
  send(fd, v.data(), v.size(), 0);  // expect-none
}

// Interprocedural: sr_first_line on a clean text.
void sr25_callee_getline_clean(int fd, const Shipment& s) {
  (void)s;
  const std::string head = sr_first_line("MANIFEST v2\nDUS1");
  send(fd, head.data(), head.size(), 0);  // expect-none
}

// Interprocedural: sr_copy_out of a non-classified scanner id.
void sr26_callee_memcpy_clean(int fd, const ParcelScan& scan) {
  char id[16];
  const std::size_t n = sr_copy_out(id, sizeof id, scan.scanner_id);
  send(fd, id, n, 0);  // expect-none
}

// The stream's content is replaced with str("") before the clean write.
void sr27_stream_reset(int fd, const Customer& c) {
  std::ostringstream os;
  os << c.email;
  os.str("");
  os << "ACK";
  const std::string v = os.str();
  send(fd, v.data(), v.size(), 0);  // expect-none
}

// Only how many characters were read is sent.
void sr28_gcount_only(int fd, const Customer& c) {
  std::istringstream in(c.phone);
  char head[8];
  in.read(head, 7);
  const std::string v = std::to_string(in.gcount());
  send(fd, v.data(), v.size(), 0);  // expect-none
}
