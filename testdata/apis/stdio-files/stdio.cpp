#include <cstdio>
#include <cstring>
#include <string>

#include "common/model.h"

namespace {
constexpr const char* kSpoolDir = "/var/spool/depot/";
}  // namespace

// fopen on a literal path; fprintf/fputs/fwrite into it.
void spool_row(const Customer& c, const Shipment& s) {
  FILE* f = fopen("/var/spool/out.csv", "w");
  if (f == nullptr) return;
  fprintf(f, "%s;%s\n", c.name.c_str(), c.email.c_str());  // expect: unresolved customer.identity customer.contact
  fputs(c.street.c_str(), f);  // expect: unresolved customer.address
  fputc('\n', f);  // expect-none
  fwrite(s.tracking_no.data(), 1, s.tracking_no.size(), f);  // expect: unresolved shipment.tracking
  fprintf(f, "rows=%zu\n", c.name.size());  // expect-none
  fputs("# end\n", f);  // expect-none
  const double kg = s.weight_kg;
  fwrite(&kg, sizeof kg, 1, f);  // expect: unresolved shipment.metrics
  fclose(f);
}

// A path built from a constant directory; std:: spellings.
void spool_label(const Shipment& s) {
  const std::string path = std::string(kSpoolDir) + "labels.txt";
  std::FILE* out = std::fopen(path.c_str(), "a");
  char line[128];
  std::snprintf(line, sizeof line, "%s -> %s\n", s.origin.c_str(), s.destination.c_str());
  std::fputs(line, out);  // expect: unresolved shipment.routing
  std::snprintf(line, sizeof line, "%d\n", 42);
  std::fputs(line, out);  // expect-none
  std::fclose(out);
}

// A FILE* handed to a helper of the program: the sink in the helper is reached with
// the caller's file.
void write_contact(FILE* f, const Customer& c) {
  fprintf(f, "%s\n", c.phone.c_str());
}

void spool_contact(const Customer& c) {
  FILE* f = fopen("/var/spool/contacts.txt", "w");
  write_contact(f, c);  // expect: unresolved customer.contact
  fclose(f);
}

// The standard streams are not exports.
void log_row(const Customer& c) {
  fprintf(stderr, "bad phone %s\n", c.phone.c_str());  // expect-none
  fputs(c.email.c_str(), stdout);  // expect-none
  fwrite(c.name.data(), 1, c.name.size(), stdout);  // expect-none
  std::fprintf(stdout, "%s\n", c.city.c_str());  // expect-none
  printf("%s\n", c.email.c_str());  // expect-none
  puts(c.name.c_str());  // expect-none
}
