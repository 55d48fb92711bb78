// std::filesystem paths keep their text: joined with `/`, appended to, converted
// back to strings. The file a stream is opened on is the export's destination,
// judged by this folder's policy.yaml (path matchers).
#include <filesystem>
#include <fstream>
#include <string>

#include "common/model.h"

namespace fs = std::filesystem;

struct SpoolLayout {
  fs::path root;
  fs::path outbox() const { return root / "outbox"; }
};

void spoolContact(const Customer& c, const std::string& day) {
  const SpoolLayout layout{"/var/spool/parcels"};
  std::ofstream out(layout.outbox() / ("contacts-" + day + ".csv"));
  out << c.email << '\n';  // expect: allowed customer.contact
}

void archiveLabel(const Shipment& s) {
  fs::path target("/srv/archive");
  target /= "labels";
  target.append("latest.txt");
  std::ofstream out(target.string());
  out << s.tracking_no;  // expect: allowed shipment.tracking
}
