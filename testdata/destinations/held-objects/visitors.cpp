// A dispatcher holding its transport runs lambdas that capture `this`: a set of
// them std::visit picks from by the event's type, and a local lambda called in
// place. Each run reads the transport of the dispatcher it belongs to.
#include <memory>
#include <utility>
#include <variant>

#include "common/model.h"
#include "transports.h"

namespace {

template <class... Fs> struct overloaded : Fs... {
  using Fs::operator()...;
};
template <class... Fs> overloaded(Fs...) -> overloaded<Fs...>;

struct Picked {
  Shipment shipment;
};
struct Heartbeat {
  int uptime = 0;
};
using Event = std::variant<Picked, Heartbeat>;

class Dispatcher {
 public:
  explicit Dispatcher(std::shared_ptr<Transport> out) : out_(std::move(out)) {}
  void dispatch(const Event& e) {
    std::visit(
        overloaded{[this](const Picked& p) { out_->send("/picked", p.shipment.tracking_no); }, [](const Heartbeat&) {}},
        e);
  }
  void later(const Shipment& s) {
    auto job = [this, &s] { out_->send("/later", s.origin); };
    job();
  }

 private:
  std::shared_ptr<Transport> out_;
};

// A visitor class holding the transport by reference: std::visit runs its
// overload for the alternative, with the transport it was built with.
class Forwarder {
 public:
  explicit Forwarder(Transport& out) : out_(out) {}
  void operator()(const Picked& p) { out_.send("/forward", p.shipment.recipient.city); }
  void operator()(const Heartbeat&) {}

 private:
  Transport& out_;
};

void forward(Transport& out, const Event& e) { std::visit(Forwarder{out}, e); }

}  // namespace

void run_forward(const Shipment& s) {
  HttpTransport offshore("https://forward.depot-partner.cn");
  forward(offshore, Picked{s});  // expect: violation customer.address
}

void run_dispatch(const Shipment& s) {
  Dispatcher offshore(std::make_shared<HttpTransport>("https://events.depot-partner.cn"));
  offshore.dispatch(Picked{s});  // expect: violation shipment.tracking
  Dispatcher local(std::make_shared<HttpTransport>("https://events.depot-partner.eu"));
  local.later(s);  // expect: allowed shipment.routing
}
