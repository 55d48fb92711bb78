// Field and element sensitivity for library aggregates (issue 9, item 6):
// std::pair .first/.second, std::get<N> of a tuple, map keys vs mapped values,
// std::optional contents, std::variant alternatives, structured bindings and
// std::tie. Logistics style: pair of (waybill, count), tuple of
// (tracking, weight, note). Negatives read only the element that carries no data.
#include <sys/socket.h>

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <variant>
#include <vector>

#include "common/model.h"

// --- Positives -------------------------------------------------------------

// pair(waybill, count): the waybill half goes out.
void pair_first(int fd, const Shipment& s) {
  const std::pair<std::string, int> entry{s.tracking_no, 3};
  send(fd, entry.first.data(), entry.first.size(), 0);  // expect: unresolved shipment.tracking
}

// pair(count, street) built with make_pair: .second carries the street.
void pair_second(int fd, const Customer& c) {
  const auto stop = std::make_pair(7, c.street);
  send(fd, stop.second.data(), stop.second.size(), 0);  // expect: unresolved customer.address
}

// Structured binding of the pair: the waybill name binds .first.
void binding_waybill(int fd, const Shipment& s) {
  const std::pair<std::string, int> pr{s.tracking_no, 2};
  auto [waybill, count] = pr;
  send(fd, waybill.data(), waybill.size(), 0);  // expect: unresolved shipment.tracking
}

// tuple(tracking, weight, note): std::get<0> is the tracking number.
void tuple_get_tracking(int fd, const Shipment& s) {
  const std::tuple<std::string, double, std::string> t{s.tracking_no, s.weight_kg, "fragile"};
  const std::string& tracking = std::get<0>(t);
  send(fd, tracking.data(), tracking.size(), 0);  // expect: unresolved shipment.tracking
}

// tuple(tracking, weight, note): std::get<1> is the shipment weight.
void tuple_get_weight(int fd, const Shipment& s) {
  const auto t = std::make_tuple(s.tracking_no, s.weight_kg, std::string("fragile"));
  const double weight = std::get<1>(t);
  send(fd, &weight, sizeof weight, 0);  // expect: unresolved shipment.metrics
}

// std::tie unpacks the pair into existing locals; the waybill local is sent.
void tie_unpack(int fd, const Shipment& s) {
  const std::pair<std::string, int> pr{s.tracking_no, 4};
  std::string waybill;
  int count = 0;
  std::tie(waybill, count) = pr;
  send(fd, waybill.data(), waybill.size(), 0);  // expect: unresolved shipment.tracking
}

// A map keyed by e-mail: the keys are sent.
void map_keys(int fd, const std::vector<Customer>& customers) {
  std::map<std::string, int> parcels_per_email;
  for (const Customer& c : customers) parcels_per_email[c.email] += 1;
  for (const auto& kv : parcels_per_email) send(fd, kv.first.data(), kv.first.size(), 0);  // expect: unresolved customer.contact
}

// A map whose mapped values are phones; the values are sent via structured bindings.
void map_values_tainted(int fd, const std::vector<Customer>& customers) {
  std::map<int, std::string> phone_by_slot;
  int slot = 0;
  for (const Customer& c : customers) phone_by_slot[slot++] = c.phone;
  for (const auto& [k, phone] : phone_by_slot) send(fd, phone.data(), phone.size(), 0);  // expect: unresolved customer.contact
}

// std::optional contents read with operator*.
void optional_deref(int fd, const Customer& c) {
  std::optional<std::string> callback;
  if (!c.phone.empty()) callback = c.phone;
  if (callback) send(fd, (*callback).data(), (*callback).size(), 0);  // expect: unresolved customer.contact
}

// std::optional contents read with value().
void optional_value(int fd, const Customer& c) {
  const std::optional<std::string> notify = c.email;
  const std::string to = notify.value();
  send(fd, to.data(), to.size(), 0);  // expect: unresolved customer.contact
}

// std::optional contents read with value_or(): the contents may be the city.
void optional_value_or(int fd, const Customer& c) {
  std::optional<std::string> depot_city;
  if (c.city.size() > 2) depot_city = c.city;
  const std::string city = depot_city.value_or("UNKNOWN");
  send(fd, city.data(), city.size(), 0);  // expect: unresolved customer.address
}

// std::variant holding the e-mail, read back with std::get<std::string>.
void variant_get_string(int fd, const Customer& c) {
  std::variant<int, std::string> handle = c.email;
  const std::string& h = std::get<std::string>(handle);
  send(fd, h.data(), h.size(), 0);  // expect: unresolved customer.contact
}

// Vector of (waybill, count) pairs: the first members go out.
void pairs_in_vector(int fd, const std::vector<Shipment>& shipments) {
  std::vector<std::pair<std::string, int>> lines;
  for (const Shipment& s : shipments) lines.emplace_back(s.tracking_no, 1);
  for (const auto& [waybill, count] : lines) send(fd, waybill.data(), waybill.size(), 0);  // expect: unresolved shipment.tracking
}

// --- Negatives -------------------------------------------------------------

// pair(waybill, count): only the count goes out.
void pair_count_only(int fd, const Shipment& s) {
  const std::pair<std::string, int> entry{s.tracking_no, 3};
  send(fd, &entry.second, sizeof entry.second, 0);  // expect-none
}

// Structured binding of the pair: only the count binding is sent.
void binding_count(int fd, const Shipment& s) {
  const std::pair<std::string, int> pr{s.tracking_no, 2};
  auto [waybill, count] = pr;
  send(fd, &count, sizeof count, 0);  // expect-none
}

// tuple(tracking, weight, note): only the constant note (std::get<2>) goes out.
void tuple_note_only(int fd, const Shipment& s) {
  const std::tuple<std::string, double, std::string> t{s.tracking_no, s.weight_kg, "handle with care"};
  const std::string& note = std::get<2>(t);
  send(fd, note.data(), note.size(), 0);  // expect-none
}

// A map keyed by e-mail: only the int values are summed and sent.
void map_values_only(int fd, const std::vector<Customer>& customers) {
  std::map<std::string, int> parcels_per_email;
  for (const Customer& c : customers) parcels_per_email[c.email] += 1;
  for (const auto& kv : parcels_per_email) send(fd, &kv.second, sizeof kv.second, 0);  // expect-none
}

// Same through structured bindings: the email key binding is never used.
void map_values_binding(int fd, const std::vector<Customer>& customers) {
  std::map<std::string, int> parcels_per_email;
  for (const Customer& c : customers) parcels_per_email[c.email] += 1;
  for (const auto& [email, n] : parcels_per_email) send(fd, &n, sizeof n, 0);  // expect-none
}

// Keys inserted with emplace(): the mapped piece counts alone are sent.
void map_values_after_emplace(int fd, const std::vector<Customer>& customers) {
  std::map<std::string, int> pieces_by_email;
  for (const Customer& c : customers) pieces_by_email.emplace(c.email, 2);
  for (const auto& [email, pieces] : pieces_by_email) send(fd, &pieces, sizeof pieces, 0);  // expect-none
}

// A write to p.first is not read back from p.second.
void write_first_read_second(int fd, const Customer& c) {
  std::pair<std::string, std::string> header{"", "v2"};
  header.first = c.email;
  send(fd, header.second.data(), header.second.size(), 0);  // expect-none
}

// pair(e-mail, region): only the constant region goes out.
void pair_second_constant(int fd, const Customer& c) {
  const auto route_hint = std::make_pair(c.email, std::string("EU-WEST"));
  send(fd, route_hint.second.data(), route_hint.second.size(), 0);  // expect-none
}

// std::tie unpacks the pair; only the count local is sent.
void tie_count(int fd, const Shipment& s) {
  const std::pair<std::string, int> pr{s.tracking_no, 4};
  std::string waybill;
  int count = 0;
  std::tie(waybill, count) = pr;
  send(fd, &count, sizeof count, 0);  // expect-none
}

// Vector of (waybill, count) pairs: only the counts go out.
void pairs_in_vector_counts(int fd, const std::vector<Shipment>& shipments) {
  std::vector<std::pair<std::string, int>> lines;
  for (const Shipment& s : shipments) lines.emplace_back(s.tracking_no, 1);
  for (const auto& [waybill, count] : lines) send(fd, &count, sizeof count, 0);  // expect-none
}
