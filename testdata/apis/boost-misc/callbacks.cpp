// Callables: a boost::signals2::signal runs the slots connected to it (lambdas,
// boost::bind / std::bind of a member on an object, plain functions) with the
// arguments it is emitted with; bind results, boost::function and boost::thread run
// what they hold; boost::apply_visitor runs the visitor on the variant's value.
#include <boost/bind/bind.hpp>
#include <boost/function.hpp>
#include <boost/signals2.hpp>
#include <boost/thread.hpp>
#include <boost/variant.hpp>

#include <functional>
#include <sstream>
#include <string>

#include "common/model.h"
#include "common/post.h"

using namespace boost::placeholders;

// A client keeps its base URL: a slot bound to it sends there.
class Webhook {
 public:
  explicit Webhook(std::string base) : base_(std::move(base)) {}
  void deliver(const std::string& body) { post(base_ + "/hooks", body); }  // expect: violation customer.contact

 private:
  std::string base_;
};

// A scanner emits its signals from its own method; others connect to them.
class ScanStation {
 public:
  boost::signals2::signal<void(const std::string&)> labelled;
  boost::signals2::signal<void(const std::string&, int)> sorted;
  void scan(const Shipment& s) {
    labelled(s.recipient.phone);  // expect: violation customer.contact
    sorted(s.recipient.city, 7);
  }
};

void log_chute(const std::string& city, int chute) {
  post("https://sorter.partner.example.cn/chutes", city + std::to_string(chute));  // expect: violation customer.address
}

void wire_station(ScanStation& station, Webhook* partner) {
  station.labelled.connect(boost::bind(&Webhook::deliver, partner, _1));
  station.sorted.connect(&log_chute);
}

void run_station(const Shipment& s) {
  ScanStation station;
  Webhook partner("https://hooks.partner.example.cn");
  wire_station(station, &partner);
  station.scan(s);
}

// A local signal with a lambda slot and a std::bind slot on a client in the EU.
void notify_delivery(const Customer& c) {
  Webhook eu("https://hooks.carrier.example.de");
  boost::signals2::signal<void(const std::string&)> delivered;
  delivered.connect([](const std::string& who) {
    post("https://pod.saas-vendor.example.cn/signed", who);  // expect: violation customer.identity
  });
  delivered.connect(std::bind(&Webhook::deliver, &eu, std::placeholders::_1));
  delivered(c.name);  // expect: allowed customer.identity -- the std::bind slot, to the EU client
  boost::signals2::signal<void(int)> counted;
  counted.connect([](int n) { post("https://pod.saas-vendor.example.cn/count", std::to_string(n)); });  // expect-none
  counted(1);
}

// Bind results and boost::function called directly.
void call_bound(const Customer& c) {
  Webhook cn("https://hooks.partner.example.cn");
  auto to_partner = boost::bind(&Webhook::deliver, &cn, _1);
  to_partner(c.email);  // expect: violation customer.contact
  Webhook de("https://hooks.carrier.example.de");
  auto to_carrier = std::bind(&Webhook::deliver, &de, std::placeholders::_1);
  to_carrier(c.street);  // expect: allowed customer.address
  boost::function<void(const std::string&)> on_city = [](const std::string& city) {
    post("https://geo.partner.example.cn/city", city);  // expect: violation customer.address
  };
  on_city(c.city);
}

// A worker thread runs its function with the arguments it was started with.
void upload_async(const Shipment& s) {
  boost::thread worker([](const std::string& awb) {
    post("https://async.partner.example.cn/awb", awb);  // expect: violation shipment.tracking
  }, s.tracking_no);
  worker.join();
}

// apply_visitor runs the visitor on the value the variant holds.
struct Forwarder : boost::static_visitor<void> {
  void operator()(const std::string& text) const {
    post("https://relay.partner.example.cn/text", text);  // expect: violation customer.contact
  }
  void operator()(double kg) const { (void)kg; }
};

void forward_value(const Customer& c) {
  boost::variant<double, std::string> v = c.phone;
  boost::apply_visitor(Forwarder(), v);
  boost::variant<double, std::string> w = std::string("ping");
  boost::apply_visitor([](const auto& x) {
    std::ostringstream os;
    os << x;
    post("https://relay.partner.example.cn/any", os.str());  // expect-none
  }, w);
}
