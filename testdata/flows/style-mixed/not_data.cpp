/*
 * scangw diagnostics and frame builders (family 7: what is not data).
 * Lengths, positions, comparison results, conversion counts, booleans and buffers
 * that are only SIZED from a field say something about the data but do not carry it;
 * the field's bytes (or a part of them, or a number that is itself a field) do.
 */
#include <arpa/inet.h>
#include <sys/socket.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "gw.h"

/* ---------------------------------------------------------------- negatives */

/* Length prefix of a barcode, in network byte order. */
void diag_barcode_len(int fd, const parcel_scan* s) {
  const std::uint32_t n = htonl(static_cast<std::uint32_t>(std::strlen(s->barcode)));
  send(fd, &n, sizeof n, 0);  // expect-none
}

/* Size of the e-mail as text. */
void diag_email_size(int fd, const Customer& c) {
  const std::string t = "elen=" + std::to_string(c.email.size());
  send(fd, t.data(), t.size(), 0);  // expect-none
}

/* Where the '@' is. */
void diag_at_pos(int fd, const Customer& c) {
  const std::string::size_type at = c.email.find('@');
  const std::string t = std::to_string(at == std::string::npos ? -1L : static_cast<long>(at));
  send(fd, t.data(), t.size(), 0);  // expect-none
}

/* strcmp() result of the barcode against the no-read marker. */
void diag_noread_cmp(int fd, const parcel_scan* s) {
  const int cmp = std::strcmp(s->barcode, "NOREAD");
  send(fd, &cmp, sizeof cmp, 0);  // expect-none
}

/* memcmp() on the phone prefix, reduced to a one-letter country flag. */
void diag_phone_country(int fd, const Customer& c) {
  const char flag = (c.phone.size() >= 3 && std::memcmp(c.phone.data(), "+49", 3) == 0) ? 'D' : 'X';
  send(fd, &flag, 1, 0);  // expect-none
}

/* sscanf() splits the barcode, but only its return value (the number of converted
 * fields) is reported. */
void diag_barcode_fields(int fd, const parcel_scan* s) {
  char pfx[4] = {0};
  char serial[24] = {0};
  const int got = std::sscanf(s->barcode, "%2s%23s", pfx, serial);
  char msg[32];
  std::snprintf(msg, sizeof msg, "fields=%d", got);
  send(fd, msg, std::strlen(msg), 0);  // expect-none
}

/* A scratch buffer only SIZED from the e-mail: all zeros. */
void pad_to_email(int fd, const Customer& c) {
  std::vector<char> pad(c.email.size());
  send(fd, pad.data(), pad.size(), 0);  // expect-none
}

/* A smart-pointer buffer sized from the phone, value-initialised (zeros). */
void pad_to_phone(int fd, const parcel_scan* s) {
  const std::size_t n = std::strlen(s->consignee_phone) + 1;
  std::unique_ptr<char[]> tmp = std::make_unique<char[]>(n);
  send(fd, tmp.get(), n, 0);  // expect-none
}

/* Reachability flag: booleans derived from the fields. */
void diag_reachable(int fd, const Customer& c) {
  const bool reachable = !c.phone.empty() && !c.email.empty();
  const char b = reachable ? '1' : '0';
  send(fd, &b, 1, 0);  // expect-none
}

/* std::hash of the e-mail used ONLY to pick one of eight constant queue names.
 * Decision: what is sent is one of the eight literals; the hash value itself is
 * never sent. Not data (the choice of literal reveals 3 bits of a non-reversible
 * hash, which is not the e-mail). */
static const char* const kShardQueues[8] = {"q0", "q1", "q2", "q3", "q4", "q5", "q6", "q7"};

void route_to_shard(int fd, const Customer& c) {
  const std::size_t shard = std::hash<std::string>{}(c.email) % GW_ARRAY_LEN(kShardQueues);
  const char* q = kShardQueues[shard];
  send(fd, q, std::strlen(q), 0);  // expect-none
}

/* Count of digits in the phone number. */
void diag_phone_digits(int fd, const Customer& c) {
  const long digits = std::count_if(c.phone.begin(), c.phone.end(),
                                    [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)) != 0; });
  send(fd, &digits, sizeof digits, 0);  // expect-none
}

/* ---------------------------------------------------------------- positives */

/* The contrast to pad_to_email(): the vector is FILLED from the e-mail. */
void frame_email_bytes(int fd, const Customer& c) {
  std::vector<char> buf(c.email.begin(), c.email.end());
  send(fd, buf.data(), buf.size(), 0);  // expect: unresolved customer.contact
}

/* The serial part that sscanf() extracted from the barcode. */
void frame_barcode_serial(int fd, const parcel_scan* s) {
  char pfx[4] = {0};
  char serial[24] = {0};
  if (std::sscanf(s->barcode, "%2s%23s", pfx, serial) != 2) return;
  send(fd, serial, std::strlen(serial), 0);  // expect: unresolved shipment.tracking
}

/* A strcmp() guard, then the barcode itself. */
void frame_barcode_if_read(int fd, const parcel_scan* s) {
  if (std::strcmp(s->barcode, "NOREAD") == 0) return;
  send(fd, s->barcode, std::strlen(s->barcode), 0);  // expect: unresolved shipment.tracking
}

/* The local part of the e-mail, cut with find(). */
void frame_email_local(int fd, const Customer& c) {
  const std::string local = c.email.substr(0, c.email.find('@'));
  send(fd, local.data(), local.size(), 0);  // expect: unresolved customer.contact
}

/* A masked phone: stars sized from the phone plus its last four digits. The last
 * four digits are still part of the number. */
void frame_phone_masked(int fd, const Customer& c) {
  if (c.phone.size() < 4) return;
  std::string masked(c.phone.size() - 4, '*');
  masked += c.phone.substr(c.phone.size() - 4);
  send(fd, masked.data(), masked.size(), 0);  // expect: unresolved customer.contact
}

/* The hash picks the bucket, but the e-mail itself goes into it and is sent. */
void frame_shard_member(int fd, const Customer& c) {
  std::vector<std::string> shards[8];
  const std::size_t h = std::hash<std::string>{}(c.email) % 8;
  shards[h].push_back(c.email);
  const std::string& m = shards[h].back();
  send(fd, m.data(), m.size(), 0);  // expect: unresolved customer.contact
}

/* An integer that IS a field: the scale weight, byte-swapped. */
void frame_weight(int fd, const parcel_scan* s) {
  const std::uint32_t w = htonl(s->weight_g);
  send(fd, &w, sizeof w, 0);  // expect: unresolved shipment.metrics
}

/* memcpy with a length from strlen(): the length is not data, the bytes are. */
void frame_phone_tlv(int fd, const parcel_scan* s) {
  unsigned char frame[64] = {0};
  const std::size_t n = std::strlen(s->consignee_phone);
  frame[0] = 0x21;
  frame[1] = static_cast<unsigned char>(n);
  std::memcpy(frame + 2, s->consignee_phone, n);
  send(fd, frame, n + 2, 0);  // expect: unresolved customer.contact
}

/* Upper-cased consignee name, char by char. */
void frame_consignee_upper(int fd, const parcel_scan* s) {
  char up[48] = {0};
  const std::size_t n = std::strlen(s->consignee);
  for (std::size_t i = 0; i < n && i + 1 < sizeof up; ++i) {
    up[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(s->consignee[i])));
  }
  send(fd, up, std::strlen(up), 0);  // expect: unresolved customer.identity
}

/* reserve() sized from the city, then the city appended. */
void frame_city(int fd, const Customer& c) {
  std::string row;
  row.reserve(c.city.size() + 8);
  row = "CITY:" + c.city;
  send(fd, row.data(), row.size(), 0);  // expect: unresolved customer.address
}
