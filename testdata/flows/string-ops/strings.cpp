// Propagation through std::string operations and C string functions into char
// buffers. Sinks: send() to an internal 10.x address (allowed) or a .cn host
// (violation), and libcurl POSTFIELDS to an EU host (allowed).
#include <arpa/inet.h>
#include <curl/curl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <string>

#include "common/model.h"

void std_string_ops(const Shipment& s) {
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(7000);
  inet_pton(AF_INET, "10.8.1.1", &addr.sin_addr);
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);

  // operator+ with literals on both sides.
  const std::string line = "name=" + s.recipient.name + ";";
  send(fd, line.data(), line.size(), 0);  // expect: allowed customer.identity

  // append() on an initially clean string.
  std::string a = "to:";
  a.append(s.recipient.phone);
  send(fd, a.c_str(), a.size(), 0);  // expect: allowed customer.contact

  // += on an initially clean string.
  std::string b = "trk:";
  b += s.tracking_no;
  send(fd, b.data(), b.size(), 0);  // expect: allowed shipment.tracking

  // substr() of a tainted string.
  const std::string domain = s.recipient.email.substr(s.recipient.email.find('@') + 1);
  send(fd, domain.data(), domain.size(), 0);  // expect: allowed customer.contact

  // std::to_string of a classified number.
  const std::string kg = std::to_string(s.weight_kg);
  send(fd, kg.data(), kg.size(), 0);  // expect: allowed shipment.metrics

  // c_str() kept in a const char*, then sent.
  const char* city = s.recipient.city.c_str();
  send(fd, city, std::strlen(city), 0);  // expect: allowed customer.address

  // A string built from a field's iterators, then lower-cased in place.
  std::string lower(s.recipient.email.begin(), s.recipient.email.end());
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char ch) { return std::tolower(ch); });
  send(fd, lower.data(), lower.size(), 0);  // expect: allowed customer.contact

  // Negatives: lengths, a find() position and a comparison result.
  const std::string n = std::to_string(s.recipient.name.size());
  send(fd, n.data(), n.size(), 0);  // expect-none
  const std::string at = std::to_string(s.recipient.email.find('@'));
  send(fd, at.data(), at.size(), 0);  // expect-none
  const std::string same = s.origin == s.destination ? "local" : "remote";
  send(fd, same.data(), same.size(), 0);  // expect-none
  close(fd);
}

void c_buffers(const Shipment& s) {
  addrinfo* res = nullptr;
  if (getaddrinfo("buffers.partner.example.cn", "7001", nullptr, &res) != 0) return;
  const int fd = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
  connect(fd, res->ai_addr, res->ai_addrlen);

  // strcpy into a buffer.
  char phone[64];
  std::strcpy(phone, s.recipient.phone.c_str());
  send(fd, phone, std::strlen(phone), 0);  // expect: violation customer.contact

  // strcat onto a clean prefix.
  char addr_line[128] = "street=";
  std::strcat(addr_line, s.recipient.street.c_str());
  send(fd, addr_line, std::strlen(addr_line), 0);  // expect: violation customer.address

  // memcpy of the raw bytes.
  char raw[64] = {};
  std::memcpy(raw, s.destination.data(), s.destination.size());
  send(fd, raw, sizeof raw, 0);  // expect: violation shipment.routing

  // snprintf with %s.
  char msg[128];
  std::snprintf(msg, sizeof msg, "trk=%s", s.tracking_no.c_str());
  send(fd, msg, std::strlen(msg), 0);  // expect: violation shipment.tracking

  // sprintf with %s.
  char who[128];
  std::sprintf(who, "%s <%s>", s.recipient.name.c_str(), s.recipient.email.c_str());
  send(fd, who, std::strlen(who), 0);  // expect: violation customer.identity customer.contact

  // strcpy replaces what the buffer held: only the constant remains.
  char reused[64];
  std::strcpy(reused, s.recipient.phone.c_str());
  std::strcpy(reused, "n/a");
  send(fd, reused, std::strlen(reused), 0);  // expect-none

  // snprintf of sizes only.
  char sizes[64];
  std::snprintf(sizes, sizeof sizes, "%zu/%zu", s.recipient.name.size(), s.tracking_no.size());
  send(fd, sizes, std::strlen(sizes), 0);  // expect-none
  freeaddrinfo(res);
}

void curl_body(const Shipment& s) {
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, "https://events.carrier-hub.example.de/v1/scan");
  std::string body = "{\"trk\":\"";
  body += s.tracking_no;
  body.append("\",\"to\":\"").append(s.destination).append("\"}");
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.c_str());  // expect: allowed shipment.tracking shipment.routing
  const std::string ok = "{\"status\":\"ok\"}";
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, ok.c_str());  // expect-none
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}
