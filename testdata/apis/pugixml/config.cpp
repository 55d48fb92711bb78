// pugixml configuration: endpoints read from an XML file by constant element and
// attribute names are the deployment's (`doc.child("depot").child("carrier")
// .attribute("endpoint")` is config:depot.carrier.endpoint), whatever fallback the
// code gives; policy.yaml binds them. Orders loaded from a file hold what the
// fields they fill are named for.
#include <pugixml.hpp>

#include <sstream>
#include <string>

#include "common/model.h"
#include "common/post.h"

void send_pickup(const char* path, const Shipment& s) {
  pugi::xml_document doc;
  if (!doc.load_file(path)) return;
  const pugi::xml_node carrier = doc.child("depot").child("carrier");
  post(carrier.attribute("endpoint").as_string("https://localhost:8443"), s.tracking_no);  // expect: violation shipment.tracking -- bound to a .cn host
  post(doc.child("depot").child_value("customs_url"), s.destination);  // expect: allowed shipment.routing
  post(std::string(carrier.child("notify").text().get()) + "/sms", s.recipient.phone);  // expect: allowed customer.contact
  post("https://api.carrier.example.de/v1/ping", carrier.attribute("token").value());  // expect-none
}

struct InboundOrder {
  std::string tracking_no;
  std::string consignee_name;
  std::string station;
};

// An order file: the fields hold what the file says.
void forward_order(const char* path) {
  pugi::xml_document doc;
  if (!doc.load_file(path)) return;
  const pugi::xml_node order = doc.child("Order");
  InboundOrder o;
  o.tracking_no = order.attribute("awb").as_string();
  o.consignee_name = order.child_value("Consignee");
  o.station = "D04";
  post("https://hub.example.cn/orders", o.tracking_no);    // expect: violation shipment.tracking
  post("https://hub.example.cn/names", o.consignee_name);  // expect: violation customer.identity
  post("https://hub.example.cn/stations", o.station);      // expect-none
}

// A document loaded from a string or a stream holds what the text did, and only
// that: loaded again from a constant, the old content is gone.
void relay(const Customer& c) {
  const std::string text = "<Contact><Email>" + c.email + "</Email></Contact>";
  pugi::xml_document doc;
  doc.load_string(text.c_str());
  std::ostringstream os;
  doc.save(os);
  post("https://relay.example.cn/in", os.str());  // expect: violation customer.contact
  doc.load_string("<Ack/>");
  std::ostringstream ack;
  doc.save(ack);
  post("https://relay.example.cn/ack", ack.str());  // expect-none
  std::istringstream in("<Street>" + c.street + "</Street>");
  pugi::xml_document streamed;
  streamed.load(in);
  std::ostringstream out;
  streamed.save(out);
  post("https://relay.example.cn/street", out.str());  // expect: violation customer.address
}
