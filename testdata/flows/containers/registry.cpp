// Adapters register a factory by name from a static initialiser; the registry's
// `add` returns whether `emplace` inserted (`.second` of its result pair). This TU
// never looks a factory up, so the map's own element pair is never instantiated:
// reading `.second` must not walk that pair's bases.
#include <curl/curl.h>

#include <map>
#include <memory>
#include <string>

#include "common/model.h"

template <class Port>
class AdapterRegistry {
 public:
  using Factory = std::unique_ptr<Port> (*)();
  static bool add(const std::string& name, Factory make) { return table().emplace(name, make).second; }

 private:
  static std::map<std::string, Factory>& table() {
    static std::map<std::string, Factory> t;
    return t;
  }
};

struct Publisher {
  virtual ~Publisher() = default;
  virtual void publish(const Shipment& s) = 0;
};

struct HubPublisher : Publisher {
  void publish(const Shipment& s) override {
    CURL* h = curl_easy_init();
    curl_easy_setopt(h, CURLOPT_URL, "https://events.hub-partner.cn/v1");
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, s.tracking_no.c_str());  // expect: violation shipment.tracking
    curl_easy_perform(h);
  }
};

std::unique_ptr<Publisher> makeHub() { return std::make_unique<HubPublisher>(); }
static const bool registered = AdapterRegistry<Publisher>::add("hub", &makeHub);
