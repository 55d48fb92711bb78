// Containers of pairs (issue 9, item 6): a map's keys are not its mapped values, and
// a vector of (waybill, count) pairs keeps the halves apart; entries filled by
// operator[], emplace, insert, push_back and emplace_back, read by iterator, range-for
// and structured bindings.
#include <sys/socket.h>
#include <map>
#include <unordered_map>
#include <list>
#include <string>
#include <utility>
#include <vector>
#include "common/model.h"

void keys_by_index(int fd, const std::vector<Customer>& customers) {
  std::map<std::string, int> per_email;
  for (const Customer& c : customers) per_email[c.email] += 1;
  for (const auto& kv : per_email) send(fd, kv.first.data(), kv.first.size(), 0);  // expect: unresolved customer.contact
}
void values_by_index(int fd, const std::vector<Customer>& customers) {
  std::map<std::string, int> per_email;
  for (const Customer& c : customers) per_email[c.email] += 1;
  for (const auto& kv : per_email) send(fd, &kv.second, sizeof kv.second, 0);  // expect-none
}
void values_are_data(int fd, const std::vector<Customer>& customers) {
  std::map<int, std::string> street_by_id;
  int i = 0;
  for (const Customer& c : customers) street_by_id[i++] = c.street;
  for (const auto& kv : street_by_id) send(fd, kv.second.data(), kv.second.size(), 0);  // expect: unresolved customer.address
}
void values_are_data_binding(int fd, const std::vector<Customer>& customers) {
  std::unordered_map<int, std::string> street_by_id;
  int i = 0;
  for (const Customer& c : customers) street_by_id.emplace(i++, c.street);
  for (const auto& [id, street] : street_by_id) send(fd, street.data(), street.size(), 0);  // expect: unresolved customer.address
}
void keys_after_emplace(int fd, const std::vector<Customer>& customers) {
  std::map<std::string, int> pieces_by_email;
  for (const Customer& c : customers) pieces_by_email.emplace(c.email, 2);
  for (const auto& [email, pieces] : pieces_by_email) send(fd, &pieces, sizeof pieces, 0);  // expect-none
}
void keys_after_emplace_used(int fd, const std::vector<Customer>& customers) {
  std::map<std::string, int> pieces_by_email;
  for (const Customer& c : customers) pieces_by_email.emplace(c.email, 2);
  for (const auto& [email, pieces] : pieces_by_email) send(fd, email.data(), email.size(), 0);  // expect: unresolved customer.contact
}
void vector_pairs_counts(int fd, const std::vector<Shipment>& shipments) {
  std::vector<std::pair<std::string, int>> lines;
  for (const Shipment& s : shipments) lines.emplace_back(s.tracking_no, 1);
  for (const auto& [waybill, count] : lines) send(fd, &count, sizeof count, 0);  // expect-none
}
void vector_pairs_waybills(int fd, const std::vector<Shipment>& shipments) {
  std::vector<std::pair<std::string, int>> lines;
  for (const Shipment& s : shipments) lines.emplace_back(s.tracking_no, 1);
  for (const auto& line : lines) send(fd, line.first.data(), line.first.size(), 0);  // expect: unresolved shipment.tracking
}
void vector_pairs_push(int fd, const std::vector<Shipment>& shipments) {
  std::vector<std::pair<std::string, int>> lines;
  for (const Shipment& s : shipments) lines.push_back({s.tracking_no, 1});
  for (const auto& line : lines) send(fd, &line.second, sizeof line.second, 0);  // expect-none
}
void vector_pairs_push_first(int fd, const std::vector<Shipment>& shipments) {
  std::vector<std::pair<std::string, int>> lines;
  for (const Shipment& s : shipments) lines.push_back(std::make_pair(s.tracking_no, 1));
  for (auto it = lines.begin(); it != lines.end(); ++it) send(fd, it->first.data(), it->first.size(), 0);  // expect: unresolved shipment.tracking
}
void whole_map_serialised(int fd, const std::vector<Customer>& customers) {
  std::map<std::string, int> per_email;
  for (const Customer& c : customers) per_email[c.email] += 1;
  std::string out;
  for (const auto& kv : per_email) out += kv.first + ";";
  send(fd, out.data(), out.size(), 0);  // expect: unresolved customer.contact
}
void map_lookup_value(int fd, const Customer& c) {
  std::map<std::string, std::string> street_by_email;
  street_by_email[c.email] = "Hauptstr. 1";
  send(fd, street_by_email[c.email].data(), 5, 0);  // expect-none
}
void map_insert_pair(int fd, const Customer& c) {
  std::map<std::string, int> m;
  m.insert({c.email, 3});
  for (const auto& kv : m) send(fd, &kv.second, sizeof kv.second, 0);  // expect-none
}
void map_insert_pair_key(int fd, const Customer& c) {
  std::map<std::string, int> m;
  m.insert(std::make_pair(c.email, 3));
  for (const auto& kv : m) send(fd, kv.first.data(), kv.first.size(), 0);  // expect: unresolved customer.contact
}
