// A hand-written INI reader whose body the tool sees: a method of a configuration
// class (`SiteIni::get`) reads configuration by key, whatever its default, so the
// key is bound by the policy like any `config:` value.
#include <curl/curl.h>

#include <map>
#include <string>

#include "common/model.h"

class SiteIni {
 public:
  std::string get(const std::string& key, const std::string& fallback = "") const {
    auto it = values_.find(key);
    return it == values_.end() ? fallback : it->second;
  }

 private:
  std::map<std::string, std::string> values_;
};

void host_from_ini(const SiteIni& ini, const Shipment& s) {
  const std::string url = "https://" + ini.get("gateway.host") + "/manifests";
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, s.origin.c_str());  // expect: violation shipment.routing
  curl_easy_cleanup(h);
}
