// Listeners keep the depot by reference or pointer; they are built behind a
// factory and run through a base pointer, so no call chain says which depot they
// hold: the depot's class has one object only.
#include "common/post.h"
#include "depot.h"

namespace {

class CrmListener : public ParcelListener {
 public:
  explicit CrmListener(Depot& d) : depot_(d) {}
  void on_parcel(const Shipment& s) override {
    post(depot_.routes().crm_base + "/contacts", s.recipient.email);  // expect: violation customer.contact
  }

 private:
  Depot& depot_;
};

class ScanListener : public ParcelListener {
 public:
  explicit ScanListener(const Depot* d) : depot_(d) {}
  void on_parcel(const Shipment& s) override {
    post(depot_->routes().scans_base + "/scans", s.tracking_no);  // expect: allowed shipment.tracking
  }

 private:
  const Depot* depot_;
};

}  // namespace

std::unique_ptr<ParcelListener> make_crm_listener(Depot& depot) { return std::make_unique<CrmListener>(depot); }

std::unique_ptr<ParcelListener> make_scan_listener(const Depot* depot) { return std::make_unique<ScanListener>(depot); }

void forward_carrier(const Shipment& s) {
  const Routes& r = Depot::get().routes();
  post(r.carrier_base + "/handover", s.recipient.street);  // expect: unresolved customer.address
}

void forward_relay(const Shipment& s) {
  post(Relay::instance()->url(), s.origin);  // expect: violation shipment.routing
}
void hub_send(const Shipment& s) {
  post(Hub::instance().book().crm.join("/x"), s.recipient.email);  // expect: violation customer.contact
}

namespace {

// A facade built with a reference to one of the hub's records and a copy of
// another: its URL is the copy's, not a field read through the reference's getter.
class Archive {
 public:
  Archive(Url& mirror, Url where) : mirror_(mirror), where_(std::move(where)) {}
  void put(const std::string& key, const std::string& body) { post(where_.join("/" + key), body); }

 private:
  Url& mirror_;
  Url where_;
};

}  // namespace

void archive_day(const Shipment& s) {
  Hub& hub = Hub::instance();
  Archive archive(hub.mirror(), hub.book().crm);
  archive.put("day.csv", s.recipient.name);  // expect: violation customer.identity
}
