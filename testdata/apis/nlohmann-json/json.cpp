#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <iomanip>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/model.h"

using nlohmann::json;

// operator[] assignment, dump() written to a file stream.
void export_contacts(const Customer& c) {
  json j;
  j["name"] = c.name;
  j["email"] = c.email;
  std::ofstream out("/var/export/contacts.json");
  out << j.dump();  // expect: unresolved customer.identity customer.contact
  json meta;
  meta["count"] = 1;
  meta["schema"] = "v2";
  out << meta.dump();  // expect-none
}

// Initializer lists; the value is streamed directly (operator<< on a json).
void export_shipment(const Shipment& s) {
  json j = {{"trk", s.tracking_no}, {"to", s.destination}, {"kg", s.weight_kg}};
  std::ofstream out;
  out.open("/var/export/shipments.json");
  out << j;  // expect: unresolved shipment.tracking shipment.routing shipment.metrics
  json sizes = {{"name_len", s.recipient.name.size()}, {"has_phone", !s.recipient.phone.empty()}};
  out << sizes;  // expect-none
}

// push_back into an array, dump() sent over a socket.
void push_batch(const std::vector<Customer>& batch) {
  json arr = json::array();
  for (const Customer& c : batch) arr.push_back(c.phone);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(7000);
  inet_pton(AF_INET, "10.20.0.5", &addr.sin_addr);
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  const std::string body = arr.dump();
  send(fd, body.data(), body.size(), 0);  // expect: allowed customer.contact
  json count;
  count["n"] = batch.size();
  const std::string stats = count.dump();
  send(fd, stats.data(), stats.size(), 0);  // expect-none
  close(fd);
}

// emplace/update/+= on an object; the result goes to a .cn collector.
void push_address(const Customer& c) {
  json addr = json::object();
  addr.emplace("street", c.street);
  json extra;
  extra["city"] = c.city;
  addr.update(extra);
  json items = json::array();
  items += c.name;
  addrinfo* res = nullptr;
  if (getaddrinfo("collector.crossborder.example.cn", "7001", nullptr, &res) != 0) return;
  const int fd = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
  connect(fd, res->ai_addr, res->ai_addrlen);
  const std::string a = addr.dump();
  send(fd, a.data(), a.size(), 0);  // expect: violation customer.address
  const std::string n = items.dump(2);
  send(fd, n.data(), n.size(), 0);  // expect: violation customer.identity
  freeaddrinfo(res);
}

// Nested keys read back with at()/get<>(), written with write(); a pretty-printed
// ordered_json through a manipulator chain.
void export_nested(const Shipment& s) {
  json j;
  j["recipient"]["phone"] = s.recipient.phone;
  const std::string phone = j.at("recipient").at("phone").get<std::string>();
  std::ofstream out("/var/export/nested.txt");
  out.write(phone.data(), phone.size());  // expect: unresolved customer.contact
  nlohmann::ordered_json o;
  o["origin"] = s.origin;
  out << std::setw(2) << o << '\n';  // expect: unresolved shipment.routing
  const std::string kind = j.at("recipient").is_object() ? "object" : "other";
  out.write(kind.data(), kind.size());  // expect-none
}

// Data replaced by a constant before export; only a flag is exported besides.
void export_masked(const Customer& c) {
  std::string email = c.email;
  email = "redacted@example.invalid";
  json j;
  j["email"] = email;
  std::ofstream out("/var/export/masked.json");
  out << j.dump();  // expect-none
  const bool has_phone = !c.phone.empty();
  json flags = {{"has_phone", has_phone}};
  out << flags;  // expect-none
}

// A json value kept only in memory (parsed back, counted) is not an export.
std::size_t count_fields(const Customer& c) {
  json j = {{"name", c.name}, {"email", c.email}};
  const json copy = json::parse(j.dump());
  return copy.size();
}
