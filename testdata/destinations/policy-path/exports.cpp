// Judged by this folder's policy.yaml (path matchers on std::ofstream exports).
#include <curl/curl.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <string>

#include "common/model.h"

namespace {
const std::string kSpool = "/var/spool/edi/";
}  // namespace

void spool_export(const Shipment& s) {
  std::ofstream out("/var/spool/edi/x.csv");
  out << s.tracking_no << ';' << s.destination << '\n';  // expect: allowed shipment.tracking shipment.routing
  out << "EOF\n";                                        // expect-none
}

void spool_export_built_path(const Shipment& s) {
  std::ofstream out(kSpool + "manifest.csv");
  out << s.origin << '\n';  // expect: allowed shipment.routing
}

// Other paths: the shipment rule decides every file export of shipment data.
void other_exports(const Shipment& s) {
  std::ofstream archive("/var/spool/edi/archive/x.csv");
  archive << s.tracking_no << '\n';  // expect: violation shipment.tracking -- * does not cross /
  std::ofstream home("/home/depot/x.csv");
  home << s.tracking_no << '\n';  // expect: violation shipment.tracking
}

// Customer data: no path entry in its rule, so a file export stays unresolved...
void customer_export(const Customer& c) {
  std::ofstream out("/var/spool/edi/x.csv");
  out << c.email << '\n';  // expect: unresolved customer.contact
  std::ofstream other("/srv/crm/contacts.csv");
  other << c.phone << '\n';  // expect: unresolved customer.contact
}

// ...unless a deny entry with a path matches it.
void tmp_exports(const Customer& c, const Shipment& s) {
  std::ofstream out("/tmp/x.csv");
  out << c.email << '\n';        // expect: violation customer.contact
  out << s.tracking_no << '\n';  // expect: violation shipment.tracking
}

// A directory read at run time: the path is unknown (the empty string for `path`), so
// the shipment rule finds no match, and customer data stays unresolved.
void env_dir_exports(const Customer& c, const Shipment& s) {
  std::ofstream out(std::string(std::getenv("EDI_DIR")) + "/x.csv");
  out << s.tracking_no << '\n';  // expect: violation shipment.tracking
  out << c.email << '\n';        // expect: unresolved customer.contact
}

// The same allow list still judges network destinations.
void network(const Shipment& s) {
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, "https://edi.depot-partner.de/in");
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, s.tracking_no.c_str());  // expect: allowed shipment.tracking
  curl_easy_setopt(h, CURLOPT_URL, "https://edi.depot-partner.us/in");
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, s.tracking_no.c_str());  // expect: violation shipment.tracking
  curl_easy_cleanup(h);
}

// A dated file name from strftime: the format's directory stays known.
void spool_dated_export(const Shipment& s) {
  char path[96];
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  std::strftime(path, sizeof path, "/var/spool/edi/manifest-%Y%m%d.csv", &tm);
  std::FILE* f = std::fopen(path, "w");
  std::fputs(s.tracking_no.c_str(), f);  // expect: allowed shipment.tracking
  std::fclose(f);
}
