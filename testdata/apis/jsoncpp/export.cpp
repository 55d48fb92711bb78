// JsonCpp writers into file streams: a StreamWriter, a StyledStreamWriter and
// operator<< writing a value into an std::ofstream export it to that file.
#include <json/json.h>

#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "common/model.h"

void export_contacts(const std::vector<Customer>& customers) {
  Json::Value arr(Json::arrayValue);
  for (const Customer& c : customers) {
    Json::Value row;
    row["name"] = c.name;
    row["email"] = c.email;
    arr.append(row);
  }
  std::ofstream out("/var/export/contacts.json");
  Json::StreamWriterBuilder builder;
  builder["indentation"] = "  ";
  std::unique_ptr<Json::StreamWriter> writer(builder.newStreamWriter());
  writer->write(arr, &out);  // expect: unresolved customer.identity customer.contact
  Json::Value meta;
  meta["rows"] = static_cast<Json::UInt>(customers.size());
  writer->write(meta, &out);  // expect-none
}

void export_route(const Shipment& s) {
  Json::Value leg;
  leg["from"] = s.origin;
  leg["to"] = s.destination;
  std::ofstream out("/var/export/route.json");
  Json::StyledStreamWriter styled("  ");
  styled.write(out, leg);  // expect: unresolved shipment.routing
  Json::Value stop;
  stop["city"] = s.recipient.city;
  out << stop;  // expect: unresolved customer.address
  Json::Value version;
  version["v"] = 2;
  out << version;  // expect-none
}
