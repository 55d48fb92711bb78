// std::tie unpacks a pair or tuple into existing variables element by element
// (issue 9, item 6): each variable gets its own element only.
#include <sys/socket.h>

#include <string>
#include <tuple>
#include <utility>

#include "common/model.h"

std::pair<std::string, int> next_stop(const Shipment& s);

// The tracking number half is sent.
void tie_waybill(int fd, const Shipment& s) {
  const auto entry = std::make_pair(s.tracking_no, 2);
  std::string waybill;
  int pieces = 0;
  std::tie(waybill, pieces) = entry;
  send(fd, waybill.data(), waybill.size(), 0);  // expect: unresolved shipment.tracking
}

// Only the constant half of a tuple of three is sent.
void tie_tuple_constant(int fd, const Customer& c) {
  const std::tuple<std::string, std::string, int> row{c.email, "EU-WEST", 1};
  std::string email, region;
  int n = 0;
  std::tie(email, region, n) = row;
  send(fd, region.data(), region.size(), 0);  // expect-none
}

// std::ignore swallows the data half; the count is sent.
void tie_ignore(int fd, const Customer& c) {
  const auto entry = std::make_pair(c.email, 1);
  int n = 0;
  std::tie(std::ignore, n) = entry;
  send(fd, &n, sizeof n, 0);  // expect-none
}

// A pair returned by a function of the program: its halves are not known apart,
// so the variable may hold either.
void tie_from_call(int fd, const Shipment& s) {
  std::string stop;
  int eta = 0;
  std::tie(stop, eta) = next_stop(s);
  send(fd, stop.data(), stop.size(), 0);  // expect: unresolved shipment.tracking
}

std::pair<std::string, int> next_stop(const Shipment& s) { return {s.tracking_no, 5}; }

// The earlier value of a tied variable is overwritten.
void tie_overwrites(int fd, const Customer& c) {
  std::string name = c.name;
  int n = 0;
  std::tie(name, n) = std::make_pair(std::string("depot"), 3);
  send(fd, name.data(), name.size(), 0);  // expect-none
}
