// A file writer class hierarchy: the base opens its std::ofstream member on a path
// built in its member initializers; a subclass writes rows to that member in a
// chain of `<<`. The chain's later links write to the same file (its declared
// type is the base's std::ofstream member, not the std::ostream& a link returns),
// so neither the header nor the line end is read as the file's path: the spool
// file is allowed by the path rule.
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "common/model.h"

namespace {

class FileWriter {
 public:
  explicit FileWriter(std::string path) : path_(std::move(path)), temp_(path_ + ".part") { out_.open(temp_); }

 protected:
  std::ofstream out_;

 private:
  std::string path_;
  std::string temp_;
};

class CsvWriter : public FileWriter {
 public:
  explicit CsvWriter(std::string path) : FileWriter(std::move(path)) { out_ << "tracking;name" << "\r\n"; }
  void row(const std::string& a, const std::string& b) {
    out_ << a << ';' << b << "\r\n";  // expect: allowed shipment.tracking
  }
};

}  // namespace

void export_manifest(const std::vector<Shipment>& shipments) {
  CsvWriter csv("/var/spool/edi/manifest.csv");
  for (const Shipment& s : shipments) csv.row(s.tracking_no, s.destination);
}
