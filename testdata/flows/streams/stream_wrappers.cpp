// A row writer taking any std::ostream: what it writes is an export where a
// caller hands it a file stream, and stays in memory where the caller hands it a
// string stream or writes to the console. The same for a stream a factory returns
// as an std::ostream: a file stream is an export to the path it was opened on.
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

#include "common/model.h"

void writeRow(std::ostream& out, const Customer& c) {
  out << c.name << ';' << c.email << '\n';  // expect: unresolved customer.identity customer.contact
}

void writeBlock(std::ostream& out, const Shipment& s) {
  const std::string& id = s.tracking_no;
  out.write(id.data(), static_cast<std::streamsize>(id.size()));  // expect: unresolved shipment.tracking
}

void exportCustomers(const Customer& c, const Shipment& s) {
  std::ofstream file("/var/spool/export/customers.csv");
  writeRow(file, c);
  writeBlock(file, s);
}

// Only ever handed a string stream or the console: no export.
void writeNote(std::ostream& out, const Customer& c) {
  out << "note for " << c.name;  // expect-none
}

// Nobody in the scan calls it: which stream it gets is not known, so no export.
void dumpCustomer(std::ostream& out, const Customer& c) {
  out << c.phone;  // expect-none
}

// A file stream handed through a wrapper taking std::ofstream&: still a file.
void writeRowTo(std::ofstream& file, const Customer& c) { writeRow(file, c); }

void exportThroughWrapper(const Customer& c) {
  std::ofstream file("/var/spool/export/wrapped.csv");
  writeRowTo(file, c);
}

std::string preview(const Customer& c) {
  std::ostringstream text;
  writeRow(text, c);
  return text.str();
}

void showOnConsole(const Customer& c) {
  writeRow(std::cout, c);
  writeNote(std::cout, c);
  std::ostringstream text;
  writeNote(text, c);
}

std::unique_ptr<std::ostream> openSpool(const std::string& name) {
  auto out = std::make_unique<std::ofstream>("/var/spool/export/" + name, std::ios::app);
  return out;
}

std::unique_ptr<std::ostream> openScratch() { return std::make_unique<std::ostringstream>(); }

void spoolCustomer(const Customer& c) {
  auto out = openSpool("contacts.csv");
  out->write(c.email.data(), static_cast<std::streamsize>(c.email.size()));  // expect: unresolved customer.contact
  *out << c.name << '\n';                                                    // expect: unresolved customer.identity
  auto scratch = openScratch();
  *scratch << c.phone;  // expect-none
}
