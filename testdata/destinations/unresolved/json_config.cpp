// Destinations read from a JSON configuration file: unresolved config:KEY.
#include <curl/curl.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "common/model.h"

void post_from_json_config(const Shipment& s) {
  std::ifstream in("/etc/depot/partners.json");
  const nlohmann::json cfg = nlohmann::json::parse(in);
  const std::string url = cfg["linehaul_url"].get<std::string>();
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, s.tracking_no.c_str());  // expect: unresolved shipment.tracking
  const std::string backup = cfg.value("backup_url", std::string());
  CURL* g = curl_easy_init();
  curl_easy_setopt(g, CURLOPT_URL, backup.c_str());
  const std::string count = std::to_string(s.recipient.name.size());
  curl_easy_setopt(g, CURLOPT_POSTFIELDS, count.c_str());  // expect-none
}
