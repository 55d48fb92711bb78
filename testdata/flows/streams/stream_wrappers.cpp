// A row writer taking any std::ostream: what it writes is an export where a
// caller hands it a file stream, and stays in memory where the caller hands it a
// string stream or writes to the console.
#include <fstream>
#include <iostream>
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

std::string preview(const Customer& c) {
  std::ostringstream text;
  writeRow(text, c);
  return text.str();
}

void showOnConsole(const Customer& c) { writeRow(std::cout, c); }
