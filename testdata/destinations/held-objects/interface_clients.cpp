// A service holds its client through an interface, handed in by a caller outside
// the scan. Its handler (nobody in the scan calls it) sends through the interface:
// the object is one of the program's implementations, built with its endpoint.
#include <memory>
#include <string>

#include "common/model.h"
#include "common/post.h"

class Publisher {
 public:
  virtual ~Publisher() = default;
  virtual void publish(const std::string& body) = 0;
};

class HubPublisher : public Publisher {
 public:
  explicit HubPublisher(std::string base) : base_(std::move(base)) {}
  void publish(const std::string& body) override { post(base_ + "/events", body); }

 private:
  std::string base_;
};

class ScanService {
 public:
  explicit ScanService(std::shared_ptr<Publisher> events) : events_(std::move(events)) {}
  void onScan(const Shipment& s) {
    events_->publish(s.tracking_no);  // expect: violation shipment.tracking
  }

 private:
  std::shared_ptr<Publisher> events_;
};

ScanService* makeScanService(std::shared_ptr<Publisher> given) { return new ScanService(std::move(given)); }

std::shared_ptr<Publisher> hubPublisher() { return std::make_shared<HubPublisher>("https://events.hub.example.cn"); }
