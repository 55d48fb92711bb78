// More of issue 9, family 7: numbers computed FROM data (positions, counts, comparison
// results, sizes) and buffers only SIZED from data carry no category; a search that
// returns a pointer/iterator/reference INTO the data, or a sized buffer that data is
// then copied into, does. One send per function to a caller-supplied socket.
#include <sys/socket.h>
#include <strings.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "common/model.h"

// ---- Negatives: results about the data ----

// sscanf's return value: how many address parts parsed.
void nd_address_parts(int fd, const Customer& c) {
  char house[8];
  char road[64];
  const int parts = std::sscanf(c.street.c_str(), "%7s %63[^\n]", house, road);
  const std::string msg = "parts=" + std::to_string(parts);
  send(fd, msg.data(), msg.size(), 0);  // expect-none
}

// strcasecmp of the e-mail domain against a partner domain: an ordering, not the domain.
void nd_domain_match(int fd, const Customer& c) {
  const char* at = std::strchr(c.email.c_str(), '@');
  const int cmp = at ? strcasecmp(at + 1, "partner.example") : -1;
  const std::string msg = std::to_string(cmp);
  send(fd, msg.data(), msg.size(), 0);  // expect-none
}

// std::distance to the first digit of the tracking number.
void nd_prefix_length(int fd, const Shipment& s) {
  const auto first_digit = std::find_if(s.tracking_no.begin(), s.tracking_no.end(),
                                        [](unsigned char ch) { return std::isdigit(ch) != 0; });
  const auto len = std::distance(s.tracking_no.begin(), first_digit);
  const std::string msg = std::to_string(len);
  send(fd, msg.data(), msg.size(), 0);  // expect-none
}

// std::count_if over the phone digits.
void nd_digit_count(int fd, const Customer& c) {
  const auto digits = std::count_if(c.phone.begin(), c.phone.end(),
                                    [](unsigned char ch) { return std::isdigit(ch) != 0; });
  const std::string msg = "digits=" + std::to_string(digits);
  send(fd, msg.data(), msg.size(), 0);  // expect-none
}

// A zero-filled vector sized by the e-mail, sent as padding.
void nd_zero_block(int fd, const Customer& c) {
  std::vector<char> buf(c.email.size());
  send(fd, buf.data(), buf.size(), 0);  // expect-none
}

// make_unique<char[]> value-initialises: n zero bytes, n taken from the name.
void nd_zero_unique(int fd, const Customer& c) {
  const std::size_t n = c.name.size() + 1;
  auto buf = std::make_unique<char[]>(n);
  send(fd, buf.get(), n, 0);  // expect-none
}

// A padding string as long as the name, made of spaces.
void nd_name_padding(int fd, const Customer& c) {
  const std::string pad(c.name.length(), ' ');
  send(fd, pad.data(), pad.size(), 0);  // expect-none
}

// A masked phone number: one '*' per character of the phone.
void nd_masked_phone(int fd, const Customer& c) {
  std::string masked;
  masked.reserve(c.phone.size());
  masked.append(c.phone.size(), '*');
  send(fd, masked.data(), masked.size(), 0);  // expect-none
}

// std::equal / lexicographical_compare give a bool that picks a literal.
void nd_same_city(int fd, const Customer& a, const Customer& b) {
  const bool same = std::equal(a.city.begin(), a.city.end(), b.city.begin(), b.city.end());
  const bool before = std::lexicographical_compare(a.city.begin(), a.city.end(), b.city.begin(), b.city.end());
  const char* verdict = same ? "same-city" : (before ? "a-first" : "b-first");
  send(fd, verdict, std::strlen(verdict), 0);  // expect-none
}

// strspn / memchr positions and a clamped length.
void nd_positions(int fd, const Shipment& s) {
  const char* trk = s.tracking_no.c_str();
  const std::size_t letters = std::strspn(trk, "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
  const void* dash = std::memchr(trk, '-', s.tracking_no.size());
  const long dash_at = dash ? static_cast<const char*>(dash) - trk : -1;
  const std::size_t shown = std::min<std::size_t>(s.tracking_no.size(), 12);
  char line[64];
  const int n = std::snprintf(line, sizeof line, "%zu,%ld,%zu", letters, dash_at, shown);
  send(fd, line, static_cast<size_t>(n), 0);  // expect-none
}

// rfind / find_first_of positions.
void nd_last_dot(int fd, const Customer& c) {
  const std::string msg = std::to_string(c.email.rfind('.')) + "/" + std::to_string(c.email.find_first_of("+-"));
  send(fd, msg.data(), msg.size(), 0);  // expect-none
}

// ---- Positives: the data itself next to the counts ----

// The vector sized from the e-mail, then filled with it.
void nd_email_block(int fd, const Customer& c) {
  std::vector<char> buf(c.email.size());
  std::copy(c.email.begin(), c.email.end(), buf.begin());
  send(fd, buf.data(), buf.size(), 0);  // expect: unresolved customer.contact
}

// make_unique<char[]> sized from the name, then the name copied in.
void nd_name_unique(int fd, const Customer& c) {
  const std::size_t n = c.name.size() + 1;
  auto buf = std::make_unique<char[]>(n);
  std::memcpy(buf.get(), c.name.c_str(), n);
  send(fd, buf.get(), n - 1, 0);  // expect: unresolved customer.identity
}

// Padding computed from the name's length, followed by the name (right-aligned column).
void nd_name_column(int fd, const Customer& c) {
  const std::string col = std::string(c.name.length() < 20 ? 20 - c.name.length() : 0, ' ') + c.name;
  send(fd, col.data(), col.size(), 0);  // expect: unresolved customer.identity
}

// find_if returns an iterator INTO the phone: the text from it on is the number.
void nd_phone_digits(int fd, const Customer& c) {
  const auto first = std::find_if(c.phone.begin(), c.phone.end(),
                                  [](unsigned char ch) { return std::isdigit(ch) != 0; });
  const std::string digits(first, c.phone.end());
  send(fd, digits.data(), digits.size(), 0);  // expect: unresolved customer.contact
}

// strchr returns a pointer INTO the e-mail: the domain.
void nd_email_domain(int fd, const Customer& c) {
  const char* at = std::strchr(c.email.c_str(), '@');
  if (!at) return;
  send(fd, at + 1, std::strlen(at + 1), 0);  // expect: unresolved customer.contact
}

// memchr returns a pointer INTO the tracking number: the part after the dash.
void nd_tracking_suffix(int fd, const Shipment& s) {
  const char* dash = static_cast<const char*>(std::memchr(s.tracking_no.data(), '-', s.tracking_no.size()));
  if (!dash) return;
  send(fd, dash + 1, s.tracking_no.size() - static_cast<size_t>(dash + 1 - s.tracking_no.data()), 0);  // expect: unresolved shipment.tracking
}

// std::min of two strings returns a reference to one of them.
void nd_first_tracking(int fd, const Shipment& a, const Shipment& b) {
  const std::string& first = std::min(a.tracking_no, b.tracking_no);
  send(fd, first.data(), first.size(), 0);  // expect: unresolved shipment.tracking
}
