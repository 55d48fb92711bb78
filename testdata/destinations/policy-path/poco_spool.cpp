// A spool file named below a directory with Poco::Path: the file is in the directory.
#include <Poco/FileStream.h>
#include <Poco/Path.h>

#include <string>

#include "common/model.h"

void spool_with_poco_path(const Shipment& s, int n) {
  Poco::Path file("/var/spool/edi");
  file.setFileName("preadvice-" + std::to_string(n) + ".edi");
  Poco::FileOutputStream out(file.toString());
  out << s.tracking_no << '\n';  // expect: allowed shipment.tracking -- /var/spool/edi/preadvice-<n>.edi
}
