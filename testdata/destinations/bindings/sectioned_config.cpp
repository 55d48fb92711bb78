// A configuration class over a JSON document read by section and key, both the
// accessor's parameters (`doc_.find(section)->find(key)`): each call names the
// whole key, customs.gateway_url, so the policy's binding applies to it.
#include <nlohmann/json.hpp>
#include <string>

#include "common/model.h"
#include "common/post.h"

class ServiceConfig {
 public:
  explicit ServiceConfig(nlohmann::json doc) : doc_(std::move(doc)) {}

  std::string get(const std::string& section, const std::string& key) const {
    const auto group = doc_.find(section);
    if (group == doc_.end()) return "";
    const auto value = group->find(key);
    if (value == group->end() || !value->is_string()) return "";
    return value->get<std::string>();
  }

  std::string customs(const std::string& key) const { return get("customs", key); }

 private:
  nlohmann::json doc_;
};

void send_declaration(const ServiceConfig& cfg, const Shipment& s) {
  post(cfg.get("customs", "gateway_url"), s.destination);  // expect: violation shipment.routing
}

void send_waybill(const ServiceConfig& cfg, const Shipment& s) {
  post(cfg.customs("gateway_url") + "/waybills", s.tracking_no);  // expect: violation shipment.tracking
}

// No accessor name to go by: the body reads the document by both parameters, so
// each call names the key, section and entry.
class Deployment {
 public:
  std::string url(const std::string& section, const std::string& entry) const {
    return doc_.at(section).at(entry).get<std::string>();
  }
  std::string found(const std::string& section, const std::string& entry) const {
    const auto group = doc_.find(section);
    if (group == doc_.end()) return "";
    const auto value = group->find(entry);
    return value == group->end() ? "" : value->get<std::string>();
  }

 private:
  nlohmann::json doc_;
};

void send_manifest(const Deployment& d, const Shipment& s) {
  post(d.url("customs", "gateway_url"), s.origin);  // expect: violation shipment.routing
}

void send_scan(const Deployment& d, const Shipment& s) {
  post(d.found("customs", "gateway_url"), s.tracking_no);  // expect: violation shipment.tracking
}
