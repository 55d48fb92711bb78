#include <boost/asio.hpp>

#include <string>
#include <vector>

#include "common/model.h"

namespace net = boost::asio;
using net::ip::tcp;
using net::ip::udp;

namespace {
const std::string kTrackingHost = "tracking.partner-logistics.de";
}  // namespace

// Resolver + free connect to a .de host: shipment data allowed, customer data too (.de is EU).
void push_events(net::io_context& io, const Shipment& s) {
  tcp::resolver resolver(io);
  tcp::socket sock(io);
  net::connect(sock, resolver.resolve(kTrackingHost, "443"));
  const std::string ev = s.tracking_no + ";" + s.destination;
  net::write(sock, net::buffer(ev));  // expect: allowed shipment.tracking shipment.routing
  const std::string hello = "HELLO\n";
  net::write(sock, net::buffer(hello));  // expect-none
}

// socket.connect(endpoint(make_address(...))) to an internal address.
void to_label_printer(net::io_context& io, const Shipment& s) {
  tcp::socket sock(io);
  sock.connect(tcp::endpoint(net::ip::make_address("10.0.0.5"), 9100));
  const std::string label = s.recipient.name + "\n" + s.recipient.street;
  sock.send(net::buffer(label));  // expect: allowed customer.identity customer.address
  sock.write_some(net::buffer(label.data(), label.size()));  // expect: allowed customer.identity
}

// A resolver named with a .com host: customer data to an unknown location.
void sync_crm(net::io_context& io, const Customer& c, const Options& o) {
  tcp::resolver resolver(io);
  auto endpoints = resolver.resolve("crm.saas-vendor.com", "https");
  tcp::socket sock(io);
  net::connect(sock, endpoints);
  std::vector<net::const_buffer> parts;
  parts.push_back(net::buffer(c.email));
  parts.push_back(net::buffer(c.phone));
  net::write(sock, parts);  // expect: violation customer.contact
  const std::string flags = std::to_string(o.email_enabled) + std::to_string(o.address_family);
  sock.async_send(net::buffer(flags), [](const boost::system::error_code&, std::size_t) {});  // expect-none
  net::async_write(sock, net::buffer(c.name), [](const boost::system::error_code&, std::size_t) {});  // expect: violation customer.identity
}

// resolve(protocol, host, service) to a host in China, through a streambuf.
void export_to_cn(net::io_context& io, const Shipment& s) {
  tcp::resolver resolver(io);
  tcp::socket sock(io);
  net::connect(sock, resolver.resolve(tcp::v4(), "gw.crossborder.example.cn", "7001"));
  net::streambuf buf;
  std::ostream os(&buf);
  os << s.tracking_no << ';' << s.weight_kg << '\n';
  net::write(sock, buf);  // expect: violation shipment.tracking shipment.metrics
  const std::string count = std::to_string(s.tracking_no.size());
  sock.async_write_some(net::buffer(count), [](const boost::system::error_code&, std::size_t) {});  // expect-none
}

// UDP send_to an endpoint variable.
void metrics(net::io_context& io, const Shipment& s) {
  udp::socket sock(io, udp::v4());
  const udp::endpoint collector(net::ip::make_address_v4("192.168.7.20"), 8125);
  const std::string w = "weight:" + std::to_string(s.weight_kg);
  sock.send_to(net::buffer(w), collector);  // expect: allowed shipment.metrics
  const std::string local = s.recipient.email;  // only kept locally
  (void)local.size();
}
