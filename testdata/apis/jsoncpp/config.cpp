// JsonCpp configuration: endpoints read from a JSON file by constant keys are the
// deployment's (config:carrier.endpoint), whatever default the code falls back on;
// policy.yaml binds them.
#include <json/json.h>

#include <fstream>
#include <string>

#include "common/model.h"
#include "common/post.h"

Json::Value load_config(const std::string& path) {
  std::ifstream in(path);
  Json::CharReaderBuilder builder;
  Json::Value root;
  std::string errs;
  Json::parseFromStream(builder, in, &root, &errs);
  return root;
}

void send_pickup(const Json::Value& root, const Shipment& s) {
  const std::string endpoint = root["carrier"]["endpoint"].asString();
  post(endpoint, s.tracking_no);  // expect: violation shipment.tracking -- bound to a .cn host
  const Json::Value& customs = root["customs"];
  post(customs.get("url", "https://localhost:9000").asString(), s.destination);  // expect: allowed shipment.routing
  post("https://api.carrier.example.de/v1/ping", root["carrier"]["token"].asString());  // expect-none
}

void run_pickups(const std::string& path, const Shipment& s) { send_pickup(load_config(path), s); }

// The older Reader API on a file.
void send_contact(const char* path, const Customer& c) {
  std::ifstream in(path);
  Json::Reader reader;
  Json::Value cfg;
  if (!reader.parse(in, cfg)) return;
  post(cfg["crm"].get("base_url", "").asString() + "/contacts", c.email);  // expect: allowed customer.contact
}

// A getter handed a section of the document: each call names the section and key.
std::string optional_member(const Json::Value& section, const char* key) {
  if (!section.isMember(key)) return {};
  return section[key].asString();
}

void send_sms(const Json::Value& root, const Customer& c) {
  post(optional_member(root["notifications"], "sms_url"), c.phone);  // expect: violation customer.contact -- bound to a .cn host
}
