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
