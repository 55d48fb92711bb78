// yaml-cpp: a document built with an Emitter or a Node and written to a file is an
// export of what was put in; a value read by key names a configured destination.
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <string>

#include "common/model.h"
#include "common/post.h"

// An Emitter's text, written to a file stream.
void export_recipient(const Customer& c) {
  YAML::Emitter out;
  out << YAML::BeginMap;
  out << YAML::Key << "name" << YAML::Value << c.name;
  out << YAML::Key << "email" << YAML::Value << c.email;
  out << YAML::EndMap;
  std::ofstream file("/var/spool/yaml/recipient.yaml");
  file << out.c_str();  // expect: unresolved customer.identity customer.contact
  YAML::Emitter counts;
  counts << YAML::BeginMap << YAML::Key << "count" << YAML::Value << 1 << YAML::EndMap;
  file << counts.c_str();  // expect-none
}

// A Node filled by key and dumped.
void export_leg(const Shipment& s) {
  YAML::Node leg;
  leg["from"] = s.origin;
  leg["weight"] = s.weight_kg;
  std::ofstream file("/var/spool/yaml/leg.yaml");
  file << YAML::Dump(leg);  // expect: unresolved shipment.routing shipment.metrics
  YAML::Node meta;
  meta["schema"] = "v1";
  file << YAML::Dump(meta);  // expect-none
}

// A destination read from configuration is the deployment's.
void upload(const YAML::Node& cfg, const Shipment& s) {
  post(cfg["archive"]["url"].as<std::string>(), s.tracking_no);  // expect: unresolved shipment.tracking
}
