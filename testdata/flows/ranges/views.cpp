// Range adaptors: a `transform` view holds what its function returns for each
// element, not the elements; a `filter` view holds the elements it keeps.
#include <sys/socket.h>

#include <ranges>
#include <span>
#include <string>
#include <vector>

#include "common/model.h"

std::string lane_row(const std::string& origin, double weight_kg) { return origin + ";" + std::to_string(weight_kg); }

void send_lanes(int fd, std::span<const Shipment> shipments) {
  auto rows = shipments | std::views::transform([](const Shipment& s) { return lane_row(s.origin, s.weight_kg); });
  std::string body;
  for (const auto& row : rows) body += row;
  send(fd, body.data(), body.size(), 0);  // expect: unresolved shipment.routing shipment.metrics
}

void send_origins(int fd, const std::vector<Shipment>& shipments) {
  std::string body;
  for (const auto& origin : std::views::transform(shipments, [](const Shipment& s) { return s.origin; })) body += origin;
  send(fd, body.data(), body.size(), 0);  // expect: unresolved shipment.routing
}

void send_heavy(int fd, const std::vector<Shipment>& shipments) {
  std::string body;
  for (const auto& s : shipments | std::views::filter([](const Shipment& s) { return s.weight_kg > 30; }))
    body += s.tracking_no;
  send(fd, body.data(), body.size(), 0);  // expect: unresolved shipment.tracking
}

// What the view holds is only the function's constant labels: no shipment data.
void send_classes(int fd, const std::vector<Shipment>& shipments) {
  std::string body;
  for (const auto& label :
       shipments | std::views::transform([](const Shipment& s) { return std::string(s.weight_kg > 30 ? "H" : "L"); }))
    body += label;
  send(fd, body.data(), body.size(), 0);  // expect-none
}
