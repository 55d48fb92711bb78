// boost::property_tree as a payload builder and serializer: what is put into a tree
// is in the text write_json/write_xml/write_ini/write_info make of it, sent from an
// ostringstream or exported to a file. Trees read from configuration files give
// config:KEY reads (keys checked by the bindings in policy.yaml).
#include <boost/optional.hpp>
#include <boost/property_tree/info_parser.hpp>
#include <boost/property_tree/ini_parser.hpp>
#include <boost/property_tree/json_parser.hpp>
#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "common/model.h"
#include "common/post.h"

namespace pt = boost::property_tree;

std::string pseudonymize(const std::string& value);

// A JSON body built with put/add, serialized into an ostringstream and POSTed.
void push_recipient(const Shipment& s) {
  pt::ptree body;
  body.put("shipment.tracking_no", s.tracking_no);
  body.add("shipment.recipient.phone", s.recipient.phone);
  std::ostringstream out;
  pt::write_json(out, body, false);
  post("https://track.partner.example.cn/v2/recipients", out.str());  // expect: violation shipment.tracking customer.contact
  pt::ptree ping;
  ping.put("status", "alive");
  ping.put("parcels", 3);
  std::ostringstream pong;
  pt::write_json(pong, ping, false);
  post("https://track.partner.example.cn/v2/ping", pong.str());  // expect-none
}

// Children: an address subtree added with add_child, a list of legs pushed as
// unnamed children and hung under the tree with put_child.
void push_legs(const Shipment& s, const std::vector<Shipment>& legs) {
  pt::ptree doc;
  pt::ptree address;
  address.put("street", s.recipient.street);
  address.put("city", s.recipient.city);
  doc.add_child("delivery.address", address);
  pt::ptree list;
  for (const Shipment& leg : legs) {
    pt::ptree item;
    item.put_value(leg.origin);
    list.push_back(std::make_pair("", item));
  }
  doc.put_child("legs", list);
  std::ostringstream out;
  pt::write_xml(out, doc);
  post("https://routing.carrier.example.de/legs", out.str());  // expect: allowed customer.address shipment.routing
  // Only the address subtree, for the locker partner abroad.
  std::ostringstream part;
  pt::write_json(part, doc.get_child("delivery"));
  post("https://lockers.partner.example.cn/address", part.str());  // expect: violation customer.address
  if (const auto legs_only = doc.get_child_optional("legs")) {
    std::ostringstream route;
    pt::write_json(route, *legs_only);
    post("https://lockers.partner.example.cn/route", route.str());  // expect: violation shipment.routing
  }
}

// Writing to a file name: an export to that path (allowed in the spool, a violation
// anywhere else under this policy).
void export_manifest(const Shipment& s) {
  pt::ptree row;
  row.put("manifest.awb", s.tracking_no);
  row.put("manifest.weight", s.weight_kg);
  pt::write_ini("/var/spool/depot/manifest.ini", row);  // expect: allowed shipment.tracking shipment.metrics
  pt::write_json("/tmp/manifest-debug.json", row);  // expect: violation shipment.tracking
  pt::ptree pseudo;
  pseudo.put("manifest.awb", pseudonymize(s.tracking_no));
  pt::write_json("/tmp/manifest-pseudo.json", pseudo);  // expect-none
}

// Writing into a file stream: an export to the stream's file.
void export_contact(const Customer& c) {
  pt::ptree contact;
  contact.put("contact.name", c.name);
  contact.put("contact.email", c.email);
  std::ofstream file("/var/spool/depot/contacts.info");
  pt::write_info(file, contact);  // expect: allowed customer.identity customer.contact
  std::ofstream debug("/tmp/contact.xml");
  pt::write_xml(debug, contact);  // expect: violation customer.identity
}

// A stored document parsed back from a stream, amended and forwarded.
void forward_stored(const Customer& c) {
  std::stringstream stored;
  stored << "{\"email\":\"" << c.email << "\"}";
  pt::ptree doc;
  pt::read_json(stored, doc);
  doc.put("source", "crm");
  std::ostringstream out;
  pt::write_json(out, doc);
  post("https://crm.saas-vendor.example.cn/import", out.str());  // expect: violation customer.contact
}

// Configuration read with read_ini/read_json/read_xml: values read by key name the
// deployment's destinations. The bindings in policy.yaml resolve only the exact keys.
class UplinkConfig {
 public:
  explicit UplinkConfig(const std::string& path) { pt::read_ini(path, tree_); }
  const pt::ptree& tree() const { return tree_; }

 private:
  pt::ptree tree_;
};

void send_with(const pt::ptree& cfg, const Shipment& s) {
  // get_child("uplink").get<T>("host") reads uplink.host (bound to a .cn host).
  const std::string host = cfg.get_child("uplink").get<std::string>("host");
  post("https://" + host + "/scans", s.tracking_no);  // expect: violation shipment.tracking
  // get_optional: uplink.url, bound to a .de URL.
  const boost::optional<std::string> url = cfg.get_optional<std::string>("uplink.url");
  if (url) post(*url, s.origin);  // expect: allowed shipment.routing
  post(cfg.get_optional<std::string>("uplink.url").get(), s.destination);  // expect: allowed shipment.routing
  // A subtree's own value: archive.url, bound to a .cn URL.
  post(cfg.get_child("archive.url").get_value<std::string>(), s.tracking_no);  // expect: violation shipment.tracking
  // get with a default (config-accessors.yaml) on a section: customs.gateway, bound to .cn.
  post(cfg.get_child("customs").get<std::string>("gateway", "https://localhost:8443"), s.destination);  // expect: violation shipment.routing
  // An unbound key stays the deployment's to decide (config:url, bound in
  // policy.yaml, would be this read without its section).
  post(cfg.get_child("audit").get<std::string>("url"), s.recipient.email);  // expect: unresolved customer.contact
}

void run_uplink(const Shipment& s) {
  const UplinkConfig cfg("/etc/depot/uplink.ini");
  send_with(cfg.tree(), s);
  pt::ptree local;
  pt::read_xml("/etc/depot/uplink.xml", local);
  send_with(local, s);
  // A const reference bound to a subtree of a local tree is that section, so the
  // read below it keeps it (config:uplink.host, bound in policy.yaml), as does
  // nlohmann::json's `const auto& j = doc.at("x")`.
  const pt::ptree& uplink = local.get_child("uplink");
  post("https://" + uplink.get<std::string>("host") + "/manifests", s.tracking_no);  // expect: violation shipment.tracking
}
