// Clients built in a composition root with their endpoint and handed to services'
// constructors. The services' handlers (nobody in the scan calls them) send through
// the client they were given: its endpoint is what each caller of the service's
// constructor passed, through the client's own constructor.
#include <memory>
#include <string>

#include "common/model.h"
#include "common/post.h"

class Transport {
 public:
  explicit Transport(std::string base) : base_(std::move(base)) {}
  void send(const std::string& path, const std::string& body) { post(base_ + path, body); }

 private:
  std::string base_;
};

class ManifestService {
 public:
  explicit ManifestService(std::shared_ptr<Transport> uplink) : uplink_(std::move(uplink)) {}
  void onDeparture(const Shipment& s) {
    uplink_->send("/manifests", s.tracking_no);  // expect: violation shipment.tracking
  }

 private:
  std::shared_ptr<Transport> uplink_;
};

class ArchiveService {
 public:
  explicit ArchiveService(Transport* store) : store_(store) {}
  void onDelivered(const Shipment& s) {
    store_->send("/pod", s.recipient.name);  // expect: allowed customer.identity
  }

 private:
  Transport* store_;
};

// A service whose client comes from a caller outside the scan: it is one of the
// Transports the program builds, so one of their endpoints.
class RelayService {
 public:
  explicit RelayService(Transport* relay) : relay_(relay) {}
  void onScan(const Shipment& s) {
    relay_->send("/scan", s.tracking_no);  // expect: violation shipment.tracking
  }

 private:
  Transport* relay_;
};
RelayService* makeRelay(Transport* given) { return new RelayService(given); }

// The composition root: clients are its members, set once and handed on.
class Depot {
 public:
  void initialize() {
    uplink_ = std::make_shared<Transport>("https://manifest.hub.example.cn");
    archive_ = new Transport("https://archive.depot.example.de");
  }
  void start() {
    manifests_ = new ManifestService(uplink_);
    archives_ = new ArchiveService(archive_);
  }

 private:
  std::shared_ptr<Transport> uplink_;
  Transport* archive_ = nullptr;
  ManifestService* manifests_ = nullptr;
  ArchiveService* archives_ = nullptr;
};
