// A template method: the base's run() writes what the virtual row() gives to the
// file the virtual path() names. Each exporter object writes to its own path: the
// override reading a field the object's class lacks does not run for it.
#include <fstream>
#include <string>
#include <vector>

#include "common/model.h"

class Exporter {
 public:
  virtual ~Exporter() = default;
  void run(const std::vector<Customer>& customers) {
    std::ofstream out(path());
    for (const Customer& c : customers) out << row(c);  // expect: unresolved customer.identity customer.contact
  }

 protected:
  virtual std::string path() const = 0;
  virtual std::string row(const Customer& c) const = 0;
};

class ManifestExporter : public Exporter {
 public:
  explicit ManifestExporter(std::string spool) : spool_(std::move(spool)) {}

 protected:
  std::string path() const override { return spool_ + "/manifest.csv"; }
  std::string row(const Customer& c) const override { return c.name + ";\n"; }

 private:
  std::string spool_;
};

class NoticeExporter : public Exporter {
 public:
  explicit NoticeExporter(std::string outbox) : outbox_(std::move(outbox)) {}

 protected:
  std::string path() const override { return outbox_ + "/notices.edi"; }
  std::string row(const Customer& c) const override { return "NAD+" + c.email + "'\n"; }

 private:
  std::string outbox_;
};

// Only the notice exporter runs: its file is the destination.
void nightly_notices(const std::vector<Customer>& customers) {
  NoticeExporter notices("/var/spool/edi/notices");
  notices.run(customers);
}
