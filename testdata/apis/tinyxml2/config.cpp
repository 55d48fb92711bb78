// TinyXML-2 configuration: endpoints read from an XML file by constant element
// and attribute names are the deployment's (`doc.FirstChildElement("depot")
// ->FirstChildElement("carrier")->Attribute("endpoint")` is
// config:depot.carrier.endpoint); policy.yaml binds them. Orders loaded from a file
// hold what the fields they fill are named for.
#include <tinyxml2.h>

#include <string>

#include "common/model.h"
#include "common/post.h"

using tinyxml2::XMLDocument;
using tinyxml2::XMLElement;
using tinyxml2::XMLHandle;
using tinyxml2::XMLPrinter;

void send_pickup(const char* path, const Shipment& s) {
  XMLDocument doc;
  if (doc.LoadFile(path) != tinyxml2::XML_SUCCESS) return;
  const XMLElement* depot = doc.FirstChildElement("depot");
  const XMLElement* carrier = depot->FirstChildElement("carrier");
  post(carrier->Attribute("endpoint"), s.tracking_no);  // expect: violation shipment.tracking -- bound to a .cn host
  post(depot->FirstChildElement("customs_url")->GetText(), s.destination);  // expect: allowed shipment.routing
  const char* notify = nullptr;
  carrier->QueryStringAttribute("notify", &notify);
  post(std::string(notify) + "/sms", s.recipient.phone);  // expect: allowed customer.contact
  XMLHandle root(&doc);
  post(root.FirstChildElement("depot").FirstChildElement("crm").ToElement()->GetText(), s.recipient.email);  // expect: violation customer.contact -- bound to a .cn host
  post("https://api.carrier.example.de/v1/ping", carrier->FindAttribute("token")->Value());  // expect-none
}

struct InboundOrder {
  std::string tracking_no;
  std::string consignee_name;
  std::string station;
};

// An order file: the fields hold what the file says.
void forward_order(const char* path) {
  XMLDocument doc;
  if (doc.LoadFile(path) != tinyxml2::XML_SUCCESS) return;
  const XMLElement* order = doc.RootElement();
  InboundOrder o;
  o.tracking_no = order->Attribute("awb");
  o.consignee_name = order->FirstChildElement("Consignee")->GetText();
  o.station = "D04";
  post("https://hub.example.cn/orders", o.tracking_no);    // expect: violation shipment.tracking
  post("https://hub.example.cn/names", o.consignee_name);  // expect: violation customer.identity
  post("https://hub.example.cn/stations", o.station);      // expect-none
}

// A document parsed from a string holds what the text did, and only that: parsed
// again from a constant, the old content is gone. Clones and copies keep it.
void relay(const Customer& c) {
  const std::string text = "<Contact><Email>" + c.email + "</Email></Contact>";
  XMLDocument doc;
  doc.Parse(text.c_str());
  XMLDocument copy;
  doc.DeepCopy(&copy);
  XMLPrinter printer;
  copy.Print(&printer);
  post("https://relay.example.cn/in", printer.CStr());  // expect: violation customer.contact
  XMLDocument outbox;
  outbox.InsertEndChild(doc.RootElement()->DeepClone(&outbox));
  XMLPrinter cloned;
  outbox.Print(&cloned);
  post("https://relay.example.cn/clone", cloned.CStr());  // expect: violation customer.contact
  doc.Parse("<Ack/>");
  XMLPrinter ack;
  doc.Print(&ack);
  post("https://relay.example.cn/ack", ack.CStr());  // expect-none
}
