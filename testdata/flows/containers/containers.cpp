// Propagation through containers of strings and of records: vector, map,
// optional, C arrays; push_back, range-for, operator[], at(), front()/back().
// Negatives send only size(), empty() or count().
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <map>
#include <optional>
#include <array>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/model.h"

void vectors(const std::vector<Customer>& customers, const Shipment& s) {
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(7000);
  inet_pton(AF_INET, "10.30.0.4", &addr.sin_addr);
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);

  // push_back of a field, the element read back with operator[].
  std::vector<std::string> phones;
  phones.push_back(s.recipient.phone);
  send(fd, phones[0].data(), phones[0].size(), 0);  // expect: allowed customer.contact

  // Range-for over a vector of records.
  for (const Customer& c : customers) {
    send(fd, c.email.data(), c.email.size(), 0);  // expect: allowed customer.contact
  }

  // Whole elements copied out with front()/back()/at().
  const Customer first = customers.front();
  send(fd, first.name.data(), first.name.size(), 0);  // expect: allowed customer.identity
  const std::string last_city = customers.back().city;
  send(fd, last_city.data(), last_city.size(), 0);  // expect: allowed customer.address
  const std::string second_street = customers.at(1).street;
  send(fd, second_street.data(), second_street.size(), 0);  // expect: allowed customer.address

  // emplace_back of a string built from a field; the vector iterated.
  std::vector<std::string> lines;
  lines.emplace_back("trk=" + s.tracking_no);
  for (const std::string& l : lines) send(fd, l.data(), l.size(), 0);  // expect: allowed shipment.tracking

  // Negatives: only the size, emptiness and a count go out.
  const std::string n = std::to_string(customers.size());
  send(fd, n.data(), n.size(), 0);  // expect-none
  const std::string empty = phones.empty() ? "0" : "1";
  send(fd, empty.data(), empty.size(), 0);  // expect-none
  const int count = static_cast<int>(lines.size());
  send(fd, &count, sizeof count, 0);  // expect-none
  close(fd);
}

void maps_optionals_arrays(const Shipment& s, const std::optional<Customer>& maybe) {
  addrinfo* res = nullptr;
  if (getaddrinfo("bulk.partner.example.cn", "7001", nullptr, &res) != 0) return;
  const int fd = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
  connect(fd, res->ai_addr, res->ai_addrlen);

  // std::map: operator[] store, at() read.
  std::map<std::string, std::string> by_trk;
  by_trk[s.tracking_no] = s.recipient.email;
  const std::string mail = by_trk.at(s.tracking_no);
  send(fd, mail.data(), mail.size(), 0);  // expect: violation customer.contact

  // std::map iterated with structured bindings.
  std::map<std::string, std::string> routes;
  routes.insert({s.origin, s.destination});
  for (const auto& [from, to] : routes) send(fd, to.data(), to.size(), 0);  // expect: violation shipment.routing

  // std::optional of a record: value() and ->.
  if (maybe.has_value()) {
    const std::string name = maybe->name;
    send(fd, name.data(), name.size(), 0);  // expect: violation customer.identity
    send(fd, maybe.value().phone.data(), maybe.value().phone.size(), 0);  // expect: violation customer.contact
  }

  // A C array of records filled from a field.
  Customer pair[2];
  pair[0] = s.recipient;
  send(fd, pair[0].street.data(), pair[0].street.size(), 0);  // expect: violation customer.address

  // A C array of strings.
  std::string slots[3];
  slots[1] = s.tracking_no;
  send(fd, slots[1].data(), slots[1].size(), 0);  // expect: violation shipment.tracking

  // Negatives: map size, count(), optional presence.
  const std::string sz = std::to_string(by_trk.size());
  send(fd, sz.data(), sz.size(), 0);  // expect-none
  const std::string known = std::to_string(by_trk.count(s.tracking_no));
  send(fd, known.data(), known.size(), 0);  // expect-none
  const char present = maybe.has_value() ? 'y' : 'n';
  send(fd, &present, 1, 0);  // expect-none
  freeaddrinfo(res);
}

void iterators_and_lookups(const std::vector<Customer>& customers, const Shipment& s) {
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(7000);
  inet_pton(AF_INET, "10.30.0.5", &addr.sin_addr);
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);

  // An explicit iterator loop.
  for (auto it = customers.begin(); it != customers.end(); ++it) {
    send(fd, it->phone.data(), it->phone.size(), 0);  // expect: allowed customer.contact
  }

  // unordered_map find()->second.
  std::unordered_map<std::string, std::string> by_name;
  by_name.emplace(s.recipient.name, s.recipient.street);
  const auto hit = by_name.find(s.recipient.name);
  if (hit != by_name.end()) send(fd, hit->second.data(), hit->second.size(), 0);  // expect: allowed customer.address

  // std::set and std::array.
  std::set<std::string> seen;
  seen.insert(s.tracking_no);
  for (const std::string& t : seen) send(fd, t.data(), t.size(), 0);  // expect: allowed shipment.tracking
  std::array<std::string, 2> legs{s.origin, s.destination};
  send(fd, legs[1].data(), legs[1].size(), 0);  // expect: allowed shipment.routing

  // Negatives: a container filled only with constants, and a set's size.
  std::vector<std::string> headers;
  headers.push_back("X-Depot: 42");
  headers.push_back("X-Version: 3");
  for (const std::string& h : headers) send(fd, h.data(), h.size(), 0);  // expect-none
  const std::string distinct = std::to_string(seen.size());
  send(fd, distinct.data(), distinct.size(), 0);  // expect-none
  close(fd);
}
