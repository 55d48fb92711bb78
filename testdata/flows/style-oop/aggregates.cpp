// Family 6, field and element sensitivity of library aggregates held by the
// program's classes: pair.first vs .second, std::get<N> and std::get<T>, map keys
// vs mapped values, optional and variant contents, structured bindings. A write to
// one element is not read back from another. One sink per function.
#include <sys/socket.h>

#include <cstdint>
#include <string>
#include <tuple>
#include <utility>
#include <variant>
#include <vector>

#include "ledger.h"

// pair.first holds the tracking number.
void send_last_booking_ref(int fd, const Shipment& s) {
  DepotLedger ledger;
  ledger.book(s, 3);
  const std::string& ref = ledger.last().first;
  send(fd, ref.data(), ref.size(), 0);  // expect: unresolved shipment.tracking
}

// std::get by type on the same pair picks the string half.
void send_last_booking_by_type(int fd, const Shipment& s) {
  DepotLedger ledger;
  ledger.book(s, 1);
  const std::string& ref = std::get<std::string>(ledger.last());
  send(fd, ref.data(), ref.size(), 0);  // expect: unresolved shipment.tracking
}

// Map keys are tracking numbers.
void send_booked_refs(int fd, const std::vector<Shipment>& shipments) {
  DepotLedger ledger;
  for (const Shipment& s : shipments) ledger.book(s, 1);
  for (const auto& [ref, pieces] : ledger.pieces_by_ref()) send(fd, ref.data(), ref.size(), 0);  // expect: unresolved shipment.tracking
}

// std::get<1> of the latest scan row is the origin.
void send_latest_origin(int fd, const Shipment& s) {
  ScanLog log;
  log.add(s);
  const std::string& from = std::get<1>(log.latest());
  send(fd, from.data(), from.size(), 0);  // expect: unresolved shipment.routing
}

// A structured binding of a row: the third element is the weight.
void send_scan_weights(int fd, const std::vector<Shipment>& shipments) {
  ScanLog log;
  for (const Shipment& s : shipments) log.add(s);
  for (const auto& [seq, from, kg] : log.rows()) send(fd, &kg, sizeof kg, 0);  // expect: unresolved shipment.metrics
}

// optional contents read with value_or().
void send_leave_with(int fd, const Customer& c) {
  Handover h;
  h.leave_with(c.name);
  const std::string who = h.leave_with().value_or("nobody");
  send(fd, who.data(), who.size(), 0);  // expect: unresolved customer.identity
}

// The string alternative of the proof variant, read with std::get.
void send_signatory(int fd, const Shipment& s) {
  Handover h;
  h.signed_by(s.recipient.name);
  const std::string& who = std::get<std::string>(h.proof());
  send(fd, who.data(), who.size(), 0);  // expect: unresolved customer.identity
}

// The proof rendered by std::visit.
void send_proof_text(int fd, const Customer& c) {
  Handover h;
  h.signed_by(c.name);
  const std::string text = std::visit(ProofText{}, h.proof());
  send(fd, text.data(), text.size(), 0);  // expect: unresolved customer.identity
}

// A mapped object's field: the belt card's text is the recipient's street.
void send_card_text(int fd, const Shipment& s) {
  SortPlan plan;
  plan.add(s, 2);
  const BeltCard& card = plan.cards().at(s.tracking_no);
  send(fd, card.text().data(), card.text().size(), 0);  // gap expect: unresolved customer.address
}

// Mapped values of the callback map are phone numbers.
void send_callback_numbers(int fd, const std::vector<Shipment>& shipments) {
  SortPlan plan;
  for (const Shipment& s : shipments) plan.add(s, 1);
  for (const auto& entry : plan.callbacks()) send(fd, entry.second.data(), entry.second.size(), 0);  // expect: unresolved customer.contact
}

// The second endpoint of the leg is built from the recipient.
void send_leg_to(int fd, const Shipment& s) {
  SortPlan plan;
  plan.add(s, 1);
  const Endpoint& to = plan.leg().second;
  send(fd, to.line().data(), to.line().size(), 0);  // expect: unresolved customer.address
}

// ---- Negatives ----

// pair.second is the piece count.
void send_last_booking_pieces(int fd, const Shipment& s) {
  DepotLedger ledger;
  ledger.book(s, 3);
  const int pieces = ledger.last().second;
  send(fd, &pieces, sizeof pieces, 0);  // expect-none
}

// std::get<int> on the same pair.
void send_last_booking_pieces_by_type(int fd, const Shipment& s) {
  DepotLedger ledger;
  ledger.book(s, 4);
  const int pieces = std::get<int>(ledger.last());
  send(fd, &pieces, sizeof pieces, 0);  // expect-none
}

// Mapped values of the ledger are counts, its keys tracking numbers.
void send_booked_counts(int fd, const std::vector<Shipment>& shipments) {
  DepotLedger ledger;
  for (const Shipment& s : shipments) ledger.book(s, 1);
  for (const auto& [ref, pieces] : ledger.pieces_by_ref()) send(fd, &pieces, sizeof pieces, 0);  // expect-none
}

// std::get<0> of the scan row is the sequence number.
void send_latest_seq(int fd, const Shipment& s) {
  ScanLog log;
  log.add(s);
  const std::uint32_t seq = std::get<0>(log.latest());
  send(fd, &seq, sizeof seq, 0);  // expect-none
}

// The optional was emptied before the fallback was read.
void send_leave_with_cleared(int fd, const Customer& c) {
  Handover h;
  h.leave_with(c.name);
  h.no_neighbour();
  const std::string who = h.leave_with().value_or("nobody");
  send(fd, who.data(), who.size(), 0);  // expect-none
}

// The signatory's name was replaced by a PIN; the PIN alternative is read.
void send_pin(int fd, const Customer& c) {
  Handover h;
  h.signed_by(c.name);
  h.pin(4711u);
  const std::uint32_t code = std::get<std::uint32_t>(h.proof());
  send(fd, &code, sizeof code, 0);  // expect-none
}

// The mapped belt card's piece count.
void send_card_pieces(int fd, const Shipment& s) {
  SortPlan plan;
  plan.add(s, 2);
  const int pieces = plan.cards().at(s.tracking_no).pieces();
  send(fd, &pieces, sizeof pieces, 0);  // expect-none
}

// Keys of the callback map are stop numbers.
void send_callback_stops(int fd, const std::vector<Shipment>& shipments) {
  SortPlan plan;
  for (const Shipment& s : shipments) plan.add(s, 1);
  for (const auto& [stop, number] : plan.callbacks()) send(fd, &stop, sizeof stop, 0);  // expect-none
}

// The first endpoint of the leg is the depot's dock.
void send_leg_from(int fd, const Shipment& s) {
  SortPlan plan;
  plan.add(s, 1);
  const Endpoint& from = plan.leg().first;
  send(fd, from.line().data(), from.line().size(), 0);  // expect-none
}
