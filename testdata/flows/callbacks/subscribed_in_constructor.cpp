// A service subscribes a handler capturing `this` in its constructor, after its
// initialisers stored the endpoint its caller gave. The bus keeps the handler and
// runs it later: what the handler sends goes where the constructor's caller said.
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "common/model.h"
#include "common/post.h"

struct Delivered {
  Shipment shipment;
};

class EventBus {
 public:
  void subscribe(std::function<void(const Delivered&)> handler) { handlers_.push_back(std::move(handler)); }
  void publish(const Delivered& e) const {
    for (const auto& h : handlers_) h(e);
  }

 private:
  std::vector<std::function<void(const Delivered&)>> handlers_;
};

class ProofOfDelivery {
 public:
  ProofOfDelivery(EventBus& bus, std::string portal) : portal_(std::move(portal)) {
    bus.subscribe([this](const Delivered& e) { upload(e); });
  }

 private:
  void upload(const Delivered& e) {
    post(portal_ + "/pod", e.shipment.recipient.name);  // expect: violation customer.identity
  }
  std::string portal_;
};

void wire_pod(EventBus& bus) { static ProofOfDelivery pod(bus, "https://pod.partner.example.cn"); }
