// A service given its clients in a plain struct (`Deps`, shared pointers, no
// constructor), built in a composition root that says nothing of the clients'
// fields. The service's handlers (nobody in the scan calls them; one is a lambda
// handed to a thread pool of its own, outside the scan) send through the client in
// the struct: its endpoint is what the client's own class sets.
#include <functional>
#include <memory>
#include <string>

#include "common/model.h"
#include "common/post.h"

namespace {
constexpr const char* kCarrierBase = "https://api.carrier.example.de/v2";
constexpr const char* kMirrorBase = "https://mirror.parcel-sync.example.cn";
}  // namespace

class CarrierClient {
 public:
  CarrierClient() : base_(kCarrierBase) {}
  void book(const Shipment& s) { post(base_ + "/labels", s.recipient.name); }

 private:
  std::string base_;
};

class MirrorClient {
 public:
  MirrorClient() : base_(kMirrorBase) {}
  void copy(const Shipment& s) { post(base_ + "/copy", s.tracking_no); }

 private:
  std::string base_;
};

// Runs work later, on threads the scan does not see (its body is elsewhere).
void run_later(std::function<void()> work);

class DispatchService {
 public:
  struct Deps {
    std::shared_ptr<CarrierClient> carrier;
    std::shared_ptr<MirrorClient> mirror;
  };
  explicit DispatchService(Deps deps) : d_(std::move(deps)) {}

  void onBooked(const Shipment& s) {
    d_.carrier->book(s);  // expect: allowed customer.identity
  }
  void onDeparted(const Shipment& s) {
    run_later([this, s] {
      d_.mirror->copy(s);  // expect: violation shipment.tracking
    });
  }

 private:
  Deps d_;
};

// A retry helper runs a lambda written inside the handed-off one: the object the
// inner lambda reads is the one the outer lambda captured.
template <typename Fn>
void with_retry(int attempts, Fn&& fn) {
  for (int i = 0; i < attempts; ++i) fn();
}

class DriverClient {
 public:
  DriverClient() : base_("https://driver-api.fleet.example.de") {}
  void push(const Shipment& s) {
    run_later([this, s] {
      with_retry(3, [&] {
        post(base_ + "/stops", s.recipient.name);  // expect: allowed customer.identity
      });
    });
  }

 private:
  std::string base_;
};

std::shared_ptr<DispatchService> compose(DispatchService::Deps deps) {
  return std::make_shared<DispatchService>(std::move(deps));
}
