// JsonCpp parsing: records read from a JSON file into named fields are what the
// fields' names say; a document parsed from a string or string stream holds what
// the text did, and only that.
#include <json/json.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "common/model.h"
#include "common/post.h"

struct InboundOrder {
  std::string tracking_no;
  std::string consignee_name;
  std::string station;
};

// An order file parsed with parseFromStream.
void forward_orders(const std::string& path) {
  std::ifstream in(path);
  Json::CharReaderBuilder builder;
  Json::Value doc;
  std::string errs;
  if (!Json::parseFromStream(builder, in, &doc, &errs)) return;
  InboundOrder o;
  o.tracking_no = doc["awb"].asString();
  o.consignee_name = doc["consignee"]["name"].asString();
  o.station = "D04";
  post("https://hub.example.cn/orders", o.tracking_no);     // expect: violation shipment.tracking
  post("https://hub.example.cn/names", o.consignee_name);   // expect: violation customer.identity
  post("https://hub.example.cn/stations", o.station);       // expect-none
}

// The older Reader, and operator>>, on files.
void forward_returns(const char* path, const char* rma_path) {
  std::ifstream in(path);
  Json::Reader reader;
  Json::Value doc;
  if (!reader.parse(in, doc)) return;
  InboundOrder o;
  o.consignee_name = doc["name"].asString();
  post("https://returns.example.cn/names", o.consignee_name);  // expect: violation customer.identity
  std::ifstream rma(rma_path);
  Json::Value r;
  rma >> r;
  o.tracking_no = r["awb"].asString();
  post("https://returns.example.cn/awb", o.tracking_no);  // expect: violation shipment.tracking
}

// From strings: the whole text, a range of it, a string stream.
void relay(const Customer& c) {
  const std::string text = "{\"phone\":\"" + c.phone + "\"}";
  Json::Reader reader;
  Json::Value v;
  reader.parse(text, v);
  post("https://relay.example.cn/in", Json::FastWriter().write(v));  // expect: violation customer.contact
  reader.parse("{\"ack\":true}", v);
  post("https://relay.example.cn/ack", Json::FastWriter().write(v));  // expect-none -- parsed again from a constant
  Json::Value range;
  reader.parse(text.data(), text.data() + text.size(), range);
  post("https://relay.example.cn/range", range.toStyledString());  // expect: violation customer.contact
  std::istringstream body("{\"n\":1}");
  Json::Value n;
  body >> n;
  post("https://relay.example.cn/n", Json::FastWriter().write(n));  // expect-none
}

void relay_address(const Customer& c) {
  const std::string text = "{\"street\":\"" + c.street + "\"}";
  std::unique_ptr<Json::CharReader> reader(Json::CharReaderBuilder().newCharReader());
  Json::Value v;
  std::string errs;
  reader->parse(text.c_str(), text.c_str() + text.size(), &v, &errs);
  post("https://relay.example.cn/addr", Json::FastWriter().write(v));  // expect: violation customer.address
  std::istringstream in(text);
  Json::Value streamed;
  Json::parseFromStream(Json::CharReaderBuilder(), in, &streamed, &errs);
  post("https://relay.example.cn/addr2", Json::FastWriter().write(streamed));  // expect: violation customer.address
}

// Values swapped: each holds what the other did.
void swap_slots(const Customer& c) {
  Json::Value outgoing;
  outgoing["kind"] = "status";
  Json::Value pending;
  pending["email"] = c.email;
  outgoing.swap(pending);
  post("https://relay.example.cn/out", Json::FastWriter().write(outgoing));  // expect: violation customer.contact
  post("https://relay.example.cn/pending", Json::FastWriter().write(pending));  // expect-none
}
