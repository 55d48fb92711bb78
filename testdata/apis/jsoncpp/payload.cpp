// JsonCpp: a Json::Value filled by key (`v["consignee"] = s.name`), nested and with
// append, carries what was put in through every writer's text.
#include <json/json.h>

#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "common/model.h"
#include "common/post.h"

std::string pseudonymize(const std::string& value);

// Member assignment, a nested object, writeString with a StreamWriterBuilder.
void book_pickup(const Shipment& s) {
  Json::Value v;
  v["awb"] = s.tracking_no;
  v["consignee"]["name"] = s.recipient.name;
  v["consignee"]["phone"] = s.recipient.phone;
  v["pieces"].append(s.weight_kg);
  Json::StreamWriterBuilder builder;
  builder["indentation"] = "";
  const std::string body = Json::writeString(builder, v);
  post("https://api.carrier.example.de/v2/pickups", body);  // expect: allowed shipment.tracking shipment.metrics customer.identity customer.contact
  post("https://api.forwarder.example.cn/v2/pickups", body);  // expect: violation shipment.metrics customer.contact
}

// Items appended to an array member; FastWriter text to a .cn forwarder.
void push_manifest(const std::vector<Shipment>& batch) {
  Json::Value doc;
  doc["kind"] = "manifest";
  for (const Shipment& s : batch) {
    Json::Value item;
    item["to"] = s.destination;
    item["kg"] = s.weight_kg;
    doc["items"].append(item);
  }
  Json::FastWriter fast;
  post("https://edi.forwarder.example.cn/manifest", fast.write(doc));  // expect: violation shipment.routing shipment.metrics
  Json::Value count;
  count["n"] = static_cast<Json::UInt>(batch.size());
  count["schema"] = "v3";
  post("https://edi.forwarder.example.cn/count", fast.write(count));  // expect-none
}

// Values built apart and appended or inserted; StyledWriter and toStyledString.
void notify_recipient(const Customer& c) {
  Json::Value contact(Json::objectValue);
  contact["email"] = c.email;
  Json::Value msg;
  msg["subject"] = "Your parcel is on its way";
  msg["recipients"].append(contact);
  Json::StyledWriter styled;
  post("https://notify.example.cn/send", styled.write(msg));  // expect: violation customer.contact
  Json::Value lines(Json::arrayValue);
  lines.insert(0, c.street);
  Json::Value address;
  address["lines"] = lines;
  post("https://notify.example.cn/addr", address.toStyledString());  // expect: violation customer.address
}

// A pseudonymised key and constants only: nothing to report.
void push_keyed(const Customer& c) {
  Json::Value v;
  v["ref"] = pseudonymize(c.email);
  v["source"] = "depot-04";
  post("https://api.partner.example.cn/refs", Json::writeString(Json::StreamWriterBuilder(), v));  // expect-none
}

// A StreamWriter writing into a string stream only fills it; its text is sent.
void push_stream(const Customer& c) {
  Json::Value v;
  v["name"] = c.name;
  Json::StreamWriterBuilder builder;
  const std::unique_ptr<Json::StreamWriter> writer(builder.newStreamWriter());
  std::ostringstream os;
  writer->write(v, &os);
  post("https://crm.example.cn/contacts", os.str());  // expect: violation customer.identity
  std::ostringstream plain;
  plain << v;
  post("https://crm.example.cn/contacts2", plain.str());  // expect: violation customer.identity
}
