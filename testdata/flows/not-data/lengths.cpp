// Lengths, counts, comparisons and search positions say something about the data,
// but they are not the data (issue 9, family 7). The data itself next to them is.
#include <sys/socket.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "common/model.h"

static void out(int fd, const std::string& s) { send(fd, s.data(), s.size(), 0); }

void lengths(int fd, const Customer& c) {
  out(fd, std::to_string(c.email.size()));                   // expect-none
  out(fd, std::to_string(std::strlen(c.phone.c_str())));     // expect-none
  out(fd, std::to_string(c.email.find('@')));                // expect-none
  out(fd, std::to_string(c.name.compare("x")));              // expect-none
  out(fd, std::to_string(std::memcmp(c.phone.data(), "+49", 3)));  // expect-none
  out(fd, c.email.empty() ? "none" : "some");                // expect-none
  out(fd, std::to_string(std::count(c.phone.begin(), c.phone.end(), '0')));  // expect-none
  out(fd, c.email.substr(0, c.email.find('@')));             // expect: unresolved customer.contact
}

void containers(int fd, const std::vector<Shipment>& shipments, const std::map<std::string, Customer>& byId) {
  out(fd, std::to_string(shipments.size()));                 // expect-none
  out(fd, std::to_string(byId.count("k1")));                 // expect-none
  auto buffer = std::make_unique<char[]>(shipments.front().tracking_no.size() + 1);
  out(fd, std::string(buffer.get(), 0));                     // expect-none
  out(fd, shipments.front().tracking_no);                    // expect: unresolved shipment.tracking
}
