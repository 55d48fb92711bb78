// Nightly delivery manifest for the drivers, written as a CSV file into a directory
// chosen at deployment time.
#include <cstdlib>
#include <fstream>
#include <string>

#include "depot/services.h"

namespace depot {

bool export_manifest(const Batch& batch) {
  const char* dir = std::getenv("DEPOT_EXPORT_DIR");
  if (dir == nullptr) return false;
  const std::string path = std::string(dir) + "/manifest.csv";
  std::ofstream out(path);
  if (!out) return false;
  out << "waybill;recipient;street;zip;town\n";  // expect-none
  for (const Consignment& c : batch) {
    out << c.waybill_number << ';' << c.to.full_name << ';' << c.to.street_address << ';' << c.to.zip << ';' << c.to.town << '\n';  // expect: unresolved customer.identity customer.address shipment.tracking
  }
  return static_cast<bool>(out);
}

}  // namespace depot
