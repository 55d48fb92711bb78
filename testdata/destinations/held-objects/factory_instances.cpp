// Sinks built by a factory from a settings struct, each handed its own instance of
// one client class (`std::make_shared<Client>(ep.eu)`), then kept in a container
// and run through their interface. Each sink's client is the instance its own
// construction was given, not every instance of the class in the program.
#include <memory>
#include <string>
#include <vector>

#include "common/model.h"
#include "common/post.h"

struct Endpoints {
  std::string labels;
  std::string mirror;
};

class Client {
 public:
  explicit Client(std::string base) : base_(std::move(base)) {}
  void push(const std::string& path, const std::string& body) { post(base_ + path, body); }

 private:
  std::string base_;
};

class ShipmentSink {
 public:
  virtual ~ShipmentSink() = default;
  virtual void accept(const Shipment& s) = 0;
};

class LabelSink : public ShipmentSink {
 public:
  explicit LabelSink(std::shared_ptr<Client> client) : client_(std::move(client)) {}
  void accept(const Shipment& s) override {
    client_->push("/labels", s.recipient.name);  // expect: allowed customer.identity
  }

 private:
  std::shared_ptr<Client> client_;
};

class MirrorSink : public ShipmentSink {
 public:
  explicit MirrorSink(std::shared_ptr<Client> client) : client_(std::move(client)) {}
  void accept(const Shipment& s) override {
    client_->push("/copy", s.tracking_no);  // expect: violation shipment.tracking
  }

 private:
  std::shared_ptr<Client> client_;
};

Endpoints loadEndpoints() {
  Endpoints ep;
  ep.labels = "https://api.carrier.example.de";
  ep.mirror = "https://mirror.parcel-sync.example.cn";
  return ep;
}

std::unique_ptr<ShipmentSink> makeSink(const std::string& kind, const Endpoints& ep) {
  if (kind == "labels") {
    auto client = std::make_shared<Client>(ep.labels);
    return std::make_unique<LabelSink>(std::move(client));
  }
  return std::make_unique<MirrorSink>(std::make_shared<Client>(ep.mirror));
}

void wireSinks(std::vector<std::unique_ptr<ShipmentSink>>& sinks) {
  const Endpoints ep = loadEndpoints();
  sinks.push_back(makeSink("labels", ep));
  sinks.push_back(makeSink("mirror", ep));
}
