// A manifest built in one long chain on a temporary, spread over many lines, and a
// tally sheet handed to an RAII link that sends it when it goes out of scope.
#include <vector>

#include "common/model.h"
#include "manifest_builder.h"

void postManifest(const Shipment& s) {
  ManifestRequest("https://manifests.carrier-hub.example.de/v2/manifest")
      .header("X-Depot", "FRA3")
      .header("X-Format", "form")
      .field("tracking", s.tracking_no)
      .field("origin_depot", "FRA3")
      .field("recipient", s.recipient.name)
      .field("email", s.recipient.email)
      .field("street", s.recipient.street)
      .field("city", s.recipient.city)
      .field("service", "express")
      .field("weight_kg", s.weight_kg)
      .post();
}

void sendTallySheet(const std::vector<Shipment>& inbound) {
  TerminalLink link("yard-terminal.sorting-hub.example.cn");
  for (const Shipment& s : inbound) link << s.tracking_no << ";" << s.recipient.name << "\n";
}  // the link sends the sheet here

void sendHeartbeat(int shift) {
  TerminalLink link("yard-terminal.sorting-hub.example.cn");
  link << "HB;" << std::to_string(shift) << "\n";
}
