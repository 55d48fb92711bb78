// The destination of a socket is the address it was connected to: an address filled
// in by inet_pton, or one found by getaddrinfo.
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>

#include "common/model.h"

void to_label_printer(const Customer& c) {
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(9100);
  inet_pton(AF_INET, "192.168.40.12", &addr.sin_addr);
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr);
  const std::string label = c.name + "\n" + c.street + "\n" + c.city;
  send(fd, label.data(), label.size(), 0);  // expect: allowed customer.identity customer.address
  close(fd);
}

void to_public_address(const Customer& c) {
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(9100);
  inet_pton(AF_INET, "203.0.113.5", &addr.sin_addr);
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr);
  send(fd, c.phone.data(), c.phone.size(), 0);  // expect: violation customer.contact
  close(fd);
}

void to_resolved_host(const Shipment& s) {
  addrinfo hints{};
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* res = nullptr;
  if (getaddrinfo("relay.depot-partner.cn", "7001", &hints, &res) != 0) return;
  const int fd = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
  connect(fd, res->ai_addr, res->ai_addrlen);
  freeaddrinfo(res);
  write(fd, s.tracking_no.data(), s.tracking_no.size());  // expect: violation shipment.tracking
  close(fd);
}

void to_resolved_eu_host(const Shipment& s) {
  addrinfo* res = nullptr;
  if (getaddrinfo("relay.depot-partner.at", "7001", nullptr, &res) != 0) return;
  const int fd = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
  connect(fd, res->ai_addr, res->ai_addrlen);
  write(fd, s.tracking_no.data(), s.tracking_no.size());  // expect: allowed shipment.tracking
  const std::string hello = "HELLO depot";
  write(fd, hello.data(), hello.size());  // expect-none
  freeaddrinfo(res);
  close(fd);
}
