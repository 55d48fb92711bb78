// A copy of a customer's pick-up stop whose person and address are replaced by the
// hub's own constants before a helper serialises it: the helper's field reads find
// the constants the caller stored (a constant record copied over the address
// included), so only what was left (the time window) could be data.
#include <sys/socket.h>

#include <string>

namespace {

struct Address {
  std::string street;
  std::string city;
};
struct PickupStop {
  std::string contact_name;
  Address address;
  std::string window;
};

const Address kHubDock{"Hafenstrasse 1", "Hamburg"};

std::string stop_line(const PickupStop& s) {
  return s.contact_name + ";" + s.address.street + ";" + s.address.city + ";" + s.window;
}

}  // namespace

void book_hub_collection(int fd, const PickupStop& original) {
  PickupStop collection = original;
  collection.contact_name = "Dock 3";
  collection.address = kHubDock;
  const std::string line = stop_line(collection);
  send(fd, line.data(), line.size(), 0);  // expect-none
}

void book_pickup(int fd, const PickupStop& stop) {
  const std::string line = stop_line(stop);
  send(fd, line.data(), line.size(), 0);  // expect: unresolved customer.identity customer.address
}
