// Handlers kept in a std::function list and run later by a method that calls them
// through the list: no call site names them, so where their data goes comes from
// what they captured where they were registered (a client by reference, a client
// pointer from a table, a client built with a constant host).
#include <curl/curl.h>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "common/model.h"

namespace {

class Uplink {
 public:
  explicit Uplink(std::string base) : base_(std::move(base)) {}
  void put(const std::string& path, const std::string& body) {
    const std::string url = base_ + path;
    CURL* h = curl_easy_init();
    curl_easy_setopt(h, CURLOPT_URL, url.c_str());
    curl_easy_setopt(h, CURLOPT_COPYPOSTFIELDS, body.c_str());
    curl_easy_perform(h);
    curl_easy_cleanup(h);
  }

 private:
  std::string base_;
};

class ShipmentBus {
 public:
  using Handler = std::function<void(const Shipment&)>;
  void subscribe(Handler handler) { handlers_.push_back(std::move(handler)); }
  void publish(const Shipment& s) {
    for (Handler& handler : handlers_) handler(s);
  }

 private:
  std::vector<Handler> handlers_;
};

}  // namespace

// The client comes in by reference: its host is known only to the caller below.
void wire_partner(ShipmentBus& bus, Uplink& partner) {
  bus.subscribe([&partner](const Shipment& s) {
    partner.put("/track", s.tracking_no);  // expect: violation shipment.tracking
  });
}

// The client is looked up by name in a table filled by the caller.
void wire_from_table(ShipmentBus& bus, std::map<std::string, std::unique_ptr<Uplink>>& uplinks) {
  Uplink* depot = uplinks.at("depot").get();
  bus.subscribe([depot](const Shipment& s) {
    depot->put("/routes", s.destination);  // expect: allowed shipment.routing
  });
}

// Built here with a constant host, captured by value.
void wire_local(ShipmentBus& bus) {
  auto audit = std::make_shared<Uplink>("https://audit.depot-partner.cn");
  bus.subscribe([audit](const Shipment& s) {
    audit->put("/seen", s.tracking_no);  // expect: violation shipment.tracking
  });
}

void run_bus(const Shipment& s) {
  ShipmentBus bus;
  Uplink partner("https://events.depot-partner.cn");
  std::map<std::string, std::unique_ptr<Uplink>> uplinks;
  uplinks.emplace("depot", std::make_unique<Uplink>("https://routes.depot-partner.de"));
  wire_partner(bus, partner);
  wire_from_table(bus, uplinks);
  wire_local(bus);
  bus.publish(s);
}
