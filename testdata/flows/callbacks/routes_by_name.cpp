// Senders bound by route name in a registry: a std::function per route, kept in a
// std::map under a name the wiring reads from a table, looked up again by name
// with find() and run through the iterator. A planner holds the registry by
// reference; the data reaches the channel the route was bound to. (Which channel
// that is, picked from a second map by a name the table holds, is not followed yet:
// the destination is unresolved.)
#include <curl/curl.h>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>

#include "common/model.h"

namespace {

class Channel {
 public:
  explicit Channel(std::string base) : base_(std::move(base)) {}
  bool send(const std::string& body) {
    const std::string url = base_ + "/events";
    CURL* h = curl_easy_init();
    curl_easy_setopt(h, CURLOPT_URL, url.c_str());
    curl_easy_setopt(h, CURLOPT_COPYPOSTFIELDS, body.c_str());  // expect: unresolved shipment.tracking
    return curl_easy_perform(h) == CURLE_OK;
  }

 private:
  std::string base_;
};

using SendFn = std::function<bool(const std::string&)>;

class Registry {
 public:
  void add_channel(const std::string& name, std::shared_ptr<Channel> ch) { channels_[name] = std::move(ch); }
  void bind(const std::string& route, SendFn fn) { routes_[route] = std::move(fn); }
  void wire(const std::map<std::string, std::string>& table) {
    for (const auto& [route, channel] : table) {
      auto it = channels_.find(channel);
      if (it == channels_.end()) continue;
      std::shared_ptr<Channel> ch = it->second;
      bind(route, [ch](const std::string& body) { return ch->send(body); });
    }
  }
  bool publish(const std::string& route, const std::string& body) const {
    auto it = routes_.find(route);
    return it != routes_.end() && it->second(body);
  }

 private:
  std::map<std::string, std::shared_ptr<Channel>> channels_;
  std::map<std::string, SendFn> routes_;
};

class Planner {
 public:
  explicit Planner(const Registry& registry) : registry_(registry) {}
  void announce(const Shipment& s) const { registry_.publish("plan.legs", s.tracking_no); }
  void heartbeat() const { registry_.publish("plan.legs", "alive"); }

 private:
  const Registry& registry_;
};

}  // namespace

void run_planner(const Shipment& s) {
  Registry registry;
  registry.add_channel("partner", std::make_shared<Channel>("https://bus.cbec-partner.example.cn"));
  registry.wire({{"plan.legs", "partner"}});
  Planner planner(registry);
  planner.announce(s);
  planner.heartbeat();
}
