// Records read from a manifest file into named fields are what the fields' names
// say; the same fields filled from a string stream over a pseudonymised value are not.
#include <sys/socket.h>

#include <fstream>
#include <sstream>
#include <string>

struct ManifestLine {
  std::string waybill;
  std::string consignee_name;
  std::string station;
};

std::string pseudonymize(const std::string& value);

void forward_manifest(int fd, const std::string& path) {
  std::ifstream in(path);
  ManifestLine m;
  std::getline(in, m.waybill, ';');
  in >> m.consignee_name;
  m.station = "D04";
  send(fd, m.waybill.data(), m.waybill.size(), 0);                // expect: unresolved shipment.tracking
  send(fd, m.consignee_name.data(), m.consignee_name.size(), 0);  // expect: unresolved customer.identity
  send(fd, m.station.data(), m.station.size(), 0);                // expect-none
}

void forward_keyed(int fd, const std::string& raw) {
  std::istringstream keyed(pseudonymize(raw));
  ManifestLine m;
  std::getline(keyed, m.waybill, ';');
  send(fd, m.waybill.data(), m.waybill.size(), 0);  // expect-none
}
