// Propagation through nlohmann::json values: operator[] stores, initializer
// lists, push_back into arrays, nested objects, and dump().
#include <arpa/inet.h>
#include <curl/curl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/model.h"

using nlohmann::json;

void json_to_internal(const Shipment& s, const std::vector<Customer>& batch) {
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(7000);
  inet_pton(AF_INET, "10.40.2.2", &addr.sin_addr);
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);

  // operator[] stores, dump().
  json j;
  j["trk"] = s.tracking_no;
  j["kg"] = s.weight_kg;
  const std::string a = j.dump();
  send(fd, a.data(), a.size(), 0);  // expect: allowed shipment.tracking shipment.metrics

  // Nested objects through chained operator[].
  json n;
  n["recipient"]["contact"]["phone"] = s.recipient.phone;
  const std::string b = n.dump();
  send(fd, b.data(), b.size(), 0);  // expect: allowed customer.contact

  // push_back into an array inside a loop.
  json arr = json::array();
  for (const Customer& c : batch) arr.push_back(c.email);
  const std::string c = arr.dump();
  send(fd, c.data(), c.size(), 0);  // expect: allowed customer.contact

  // Negative: only counts and a schema name.
  json meta;
  meta["count"] = batch.size();
  meta["schema"] = "v3";
  meta["has_recipient"] = !s.recipient.name.empty();
  const std::string m = meta.dump();
  send(fd, m.data(), m.size(), 0);  // expect-none
  close(fd);
}

void json_to_cn(const Customer& cust, const Shipment& s) {
  addrinfo* res = nullptr;
  if (getaddrinfo("json.partner.example.cn", "7001", nullptr, &res) != 0) return;
  const int fd = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
  connect(fd, res->ai_addr, res->ai_addrlen);

  // Initializer list with nested braces.
  const json j = {{"name", cust.name}, {"address", {{"street", cust.street}, {"city", cust.city}}}};
  const std::string a = j.dump();
  send(fd, a.data(), a.size(), 0);  // expect: violation customer.identity customer.address

  // A json value copied into another object, then dumped with indentation.
  json inner;
  inner["to"] = s.destination;
  json outer;
  outer["leg"] = inner;
  const std::string b = outer.dump(2);
  send(fd, b.data(), b.size(), 0);  // expect: violation shipment.routing

  // A value read back out of the json and sent on its own.
  json k;
  k["email"] = cust.email;
  const std::string mail = k["email"].get<std::string>();
  send(fd, mail.data(), mail.size(), 0);  // expect: violation customer.contact

  // Negatives: the number of keys, and a json built from constants.
  const std::string keys = std::to_string(j.size());
  send(fd, keys.data(), keys.size(), 0);  // expect-none
  const json hello = {{"hello", "world"}, {"version", 3}};
  const std::string h = hello.dump();
  send(fd, h.data(), h.size(), 0);  // expect-none
  freeaddrinfo(res);
}

void json_to_curl(const Shipment& s) {
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, "https://api.customs-broker.example.de/v1/declarations");
  json body = {{"awb", s.tracking_no}, {"route", {s.origin, s.destination}}};
  const std::string text = body.dump();
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, text.c_str());  // expect: allowed shipment.tracking shipment.routing
  json ack = {{"ack", true}};
  const std::string ack_text = ack.dump();
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, ack_text.c_str());  // expect-none
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}

void json_reads_to_internal(const Customer& c) {
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(7000);
  inet_pton(AF_INET, "10.40.2.3", &addr.sin_addr);
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);

  json j;
  j["e"] = c.email;

  // value() with a default, and iteration over items().
  const std::string v = j.value("e", std::string());
  send(fd, v.data(), v.size(), 0);  // expect: allowed customer.contact
  for (const auto& item : j.items()) {
    const std::string s = item.value().get<std::string>();
    send(fd, s.data(), s.size(), 0);  // expect: allowed customer.contact
  }

  // parse() of a string built from a field; emplace_back; binary CBOR.
  const json p = json::parse("{\"a\":\"" + c.phone + "\"}");
  const std::string d = p.dump();
  send(fd, d.data(), d.size(), 0);  // expect: allowed customer.contact
  json arr = json::array();
  arr.emplace_back(c.city);
  const std::string a = arr.dump();
  send(fd, a.data(), a.size(), 0);  // expect: allowed customer.address
  const std::vector<std::uint8_t> cbor = json::to_cbor(j);
  send(fd, cbor.data(), cbor.size(), 0);  // expect: allowed customer.contact

  // Negatives: count() and contains() of keys.
  const std::string n = std::to_string(j.count("e")) + (j.contains("x") ? "1" : "0");
  send(fd, n.data(), n.size(), 0);  // expect-none
  close(fd);
}
