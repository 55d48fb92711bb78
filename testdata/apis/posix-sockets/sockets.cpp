#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include <cstring>
#include <string>

#include "common/model.h"

void to_printer(const Shipment& s) {
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(9100);
  inet_pton(AF_INET, "10.1.2.3", &addr.sin_addr);
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  const std::string label = s.recipient.name + "\n" + s.tracking_no;
  send(fd, label.data(), label.size(), 0);  // expect: allowed customer.identity shipment.tracking
  const std::string hello = "PING";
  send(fd, hello.data(), hello.size(), 0);  // expect-none
  close(fd);
}

void to_relay(const Shipment& s, const Options& o) {
  addrinfo* res = nullptr;
  if (getaddrinfo("relay.partner.example.cn", "7001", nullptr, &res) != 0) return;
  const int fd = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
  connect(fd, res->ai_addr, res->ai_addrlen);
  char buf[256];
  std::snprintf(buf, sizeof buf, "%s;%s", s.recipient.phone.c_str(), s.destination.c_str());
  write(fd, buf, std::strlen(buf));  // expect: violation customer.contact shipment.routing
  std::snprintf(buf, sizeof buf, "%d;%d", o.email_enabled ? 1 : 0, o.address_family);
  write(fd, buf, std::strlen(buf));  // expect-none
  iovec iov[1] = {{const_cast<char*>(s.recipient.email.data()), s.recipient.email.size()}};
  writev(fd, iov, 1);  // expect: violation customer.contact
  freeaddrinfo(res);
}

void to_collector(const Shipment& s) {
  sockaddr_in to{};
  to.sin_family = AF_INET;
  inet_pton(AF_INET, "192.168.7.20", &to.sin_addr);
  const int fd = socket(AF_INET, SOCK_DGRAM, 0);
  const std::string w = std::to_string(s.weight_kg);
  sendto(fd, w.data(), w.size(), 0, reinterpret_cast<sockaddr*>(&to), sizeof to);  // expect: allowed shipment.metrics
}
