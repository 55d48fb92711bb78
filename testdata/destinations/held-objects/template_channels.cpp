// A class template's constructor that only `std::make_shared` runs. The library's
// body is not parsed, so the compiler never instantiates that constructor; the scan
// does, and the channel's handler sends to the endpoint its builder passed.
#include <memory>
#include <string>

#include "common/model.h"
#include "common/post.h"

struct LabelJob {
  std::string payload;
};
struct RouteJob {
  std::string payload;
};

template <typename Job> class Channel {
 public:
  explicit Channel(std::string endpoint) : endpoint_(std::move(endpoint)) {}
  void push(const std::string& body) { post(endpoint_, body); }

 private:
  std::string endpoint_;
};

class Dispatcher {
 public:
  Dispatcher(std::shared_ptr<Channel<LabelJob>> labels, std::shared_ptr<Channel<RouteJob>> routes)
      : labels_(std::move(labels)), routes_(std::move(routes)) {}
  void onBooked(const Shipment& s) {
    labels_->push(s.recipient.name);  // expect: allowed customer.identity
  }
  void onLoaded(const Shipment& s) {
    routes_->push(s.tracking_no);  // expect: violation shipment.tracking
  }

 private:
  std::shared_ptr<Channel<LabelJob>> labels_;
  std::shared_ptr<Channel<RouteJob>> routes_;
};

Dispatcher* wireDispatcher() {
  auto labels = std::make_shared<Channel<LabelJob>>("https://labels.depot.example.de/jobs");
  auto routes = std::make_shared<Channel<RouteJob>>("https://routes.partner.example.cn/jobs");
  return new Dispatcher(labels, routes);
}
