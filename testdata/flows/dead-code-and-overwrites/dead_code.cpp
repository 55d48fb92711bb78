// Dead code and overwrites: sinks in unreachable branches, values replaced by
// constants before sending, record fields overwritten. Positives next to them.
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>

#include "common/model.h"

constexpr bool kDebugDump = false;
constexpr bool kAuditTrail = true;

struct Contact {
  std::string email;
  int id = 0;
};

void dead_branches(const Customer& c, bool verbose) {
  addrinfo* res = nullptr;
  if (getaddrinfo("debug.partner.example.cn", "7001", nullptr, &res) != 0) return;
  const int fd = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
  connect(fd, res->ai_addr, res->ai_addrlen);

  // A sink inside if (false) is never reached.
  if (false) {
    send(fd, c.email.data(), c.email.size(), 0);  // expect-none
  }

  // Data assigned only inside if (false), sent afterwards.
  std::string body = "PING";
  if (false) body = c.phone;
  send(fd, body.data(), body.size(), 0);  // expect-none

  // The live else branch of the same kind of test.
  std::string other = "PING";
  if (false) {
    other = "never";
  } else {
    other = c.street;
  }
  send(fd, other.data(), other.size(), 0);  // expect: violation customer.address

  // A condition that depends on a parameter: both branches are live.
  std::string maybe = "PING";
  if (verbose) maybe = c.name;
  send(fd, maybe.data(), maybe.size(), 0);  // expect: violation customer.identity

  // A sink inside while (false).
  while (false) {
    send(fd, c.phone.data(), c.phone.size(), 0);  // expect-none
  }

  // Conditions on constexpr flags, plain and with if constexpr.
  if (kDebugDump) {
    send(fd, c.name.data(), c.name.size(), 0);  // expect-none
  }
  if constexpr (kDebugDump) {
    send(fd, c.email.data(), c.email.size(), 0);  // expect-none
  }
  if (kAuditTrail) {
    send(fd, c.phone.data(), c.phone.size(), 0);  // expect: violation customer.contact
  }
  freeaddrinfo(res);
}

// A sink after an unconditional return.
void early_return(const Customer& c) {
  addrinfo* res = nullptr;
  if (getaddrinfo("debug.partner.example.cn", "7001", nullptr, &res) != 0) return;
  const int fd = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
  connect(fd, res->ai_addr, res->ai_addrlen);
  send(fd, c.city.data(), c.city.size(), 0);  // expect: violation customer.address
  freeaddrinfo(res);
  return;
  send(fd, c.street.data(), c.street.size(), 0);  // expect-none
}

void overwrites(const Customer& c, Contact contact) {
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(7000);
  inet_pton(AF_INET, "10.90.0.5", &addr.sin_addr);
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);

  // Overwritten with a constant before sending.
  std::string email = c.email;
  email = "redacted@example.invalid";
  send(fd, email.data(), email.size(), 0);  // expect-none

  // Sent first, overwritten afterwards: the send carries the data.
  std::string phone = c.phone;
  send(fd, phone.data(), phone.size(), 0);  // expect: allowed customer.contact
  phone = "000";
  send(fd, phone.data(), phone.size(), 0);  // expect-none

  // Overwritten only in one branch: still tainted afterwards.
  std::string city = c.city;
  if (city.empty()) city = "unknown";
  send(fd, city.data(), city.size(), 0);  // expect: allowed customer.address

  // A record field overwritten with a constant: the field and the whole record
  // (whose only classified field is email) carry nothing.
  Customer copy = c;
  copy.email = "redacted@example.invalid";
  send(fd, copy.email.data(), copy.email.size(), 0);  // expect-none
  send(fd, copy.name.data(), copy.name.size(), 0);  // expect: allowed customer.identity
  contact.email = "redacted@example.invalid";
  send(fd, &contact, sizeof contact, 0);  // expect-none

  // A record field overwritten with another classified field.
  Customer swapped = c;
  swapped.email = c.phone;
  send(fd, swapped.email.data(), swapped.email.size(), 0);  // expect: allowed customer.contact
  close(fd);
}
