// Endpoints read from a YAML file with yaml-cpp (`cfg["gateway"]["url"].as<...>(fallback)`),
// directly or through a settings struct a loader returns: the key, gateway.url, is
// the deployment's to bind, whatever fallback the code gives.
#include <yaml-cpp/yaml.h>

#include <string>

#include "common/model.h"
#include "common/post.h"

struct UplinkSettings {
  std::string gateway;
  std::string customs;
};

UplinkSettings readSettings(const std::string& path) {
  const YAML::Node cfg = YAML::LoadFile(path);
  UplinkSettings s;
  s.gateway = cfg["gateway"]["url"].as<std::string>("https://localhost:8443");
  s.customs = cfg["customs"]["gateway_url"].as<std::string>();
  return s;
}

void send_leg(const YAML::Node& cfg, const Shipment& s) {
  post(cfg["gateway"]["url"].as<std::string>("https://localhost:8443"), s.origin);  // expect: allowed shipment.routing
}

void send_waybill(const std::string& config_path, const Shipment& s) {
  const UplinkSettings settings = readSettings(config_path);
  post(settings.customs + "/waybills", s.tracking_no);  // expect: violation shipment.tracking
}
