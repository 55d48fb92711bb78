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

}  // namespace

void run_dispatch(const Shipment& s) {
  Dispatcher offshore(std::make_shared<HttpTransport>("https://events.depot-partner.cn"));
  offshore.dispatch(Picked{s});  // expect: violation shipment.tracking
  Dispatcher local(std::make_shared<HttpTransport>("https://events.depot-partner.eu"));
  local.later(s);  // expect: allowed shipment.routing
}
