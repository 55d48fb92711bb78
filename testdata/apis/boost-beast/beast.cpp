#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>

#include <cstdlib>
#include <string>

#include "common/model.h"

namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
namespace net = boost::asio;
using tcp = net::ip::tcp;

// tcp_stream connected through get_lowest_layer to a host in China.
void post_contacts(net::io_context& ioc, const Customer& c) {
  tcp::resolver resolver(ioc);
  beast::tcp_stream stream(ioc);
  const auto results = resolver.resolve("api.crossborder.example.cn", "80");
  beast::get_lowest_layer(stream).connect(results);
  http::request<http::string_body> req{http::verb::post, "/contacts", 11};
  req.set(http::field::host, "api.crossborder.example.cn");
  req.set(http::field::content_type, "application/json");
  req.body() = "{\"email\":\"" + c.email + "\"}";
  req.prepare_payload();
  http::write(stream, req);  // expect: violation customer.contact
  http::request<http::string_body> ping{http::verb::get, "/health", 11};
  ping.set(http::field::host, "api.crossborder.example.cn");
  http::write(stream, ping);  // expect-none
}

// Plain tcp::socket connected with Boost.Asio to a .de host; a header carries the data.
void post_event(net::io_context& ioc, const Shipment& s) {
  tcp::resolver resolver(ioc);
  tcp::socket sock(ioc);
  net::connect(sock, resolver.resolve("events.carrier.example.de", "80"));
  http::request<http::string_body> req{http::verb::put, "/v1/events", 11};
  req.set(http::field::host, "events.carrier.example.de");
  req.set("X-Tracking", s.tracking_no);
  req.body() = s.destination;
  http::write(sock, req);  // expect: allowed shipment.tracking shipment.routing
  http::request<http::string_body> stats{http::verb::post, "/v1/stats", 11};
  stats.set(http::field::host, "events.carrier.example.de");
  stats.body() = std::to_string(s.tracking_no.size());
  http::write(sock, stats);  // expect-none
}

// A stream handed in by the caller, which connected it to a .com host.
void sync_crm(beast::tcp_stream& stream, const Customer& c, const Options& o) {
  http::request<http::string_body> req{http::verb::patch, "/crm/customers", 11};
  req.set(http::field::host, "crm.saas-vendor.com");
  req.body() = c.name + ";" + c.phone;
  http::async_write(stream, req, [](beast::error_code, std::size_t) {});  // expect: violation customer.identity customer.contact
  http::request<http::string_body> flags{http::verb::post, "/flags", 11};
  flags.set(http::field::host, "crm.saas-vendor.com");
  flags.body() = std::to_string(o.email_enabled) + std::to_string(o.address_family);
  http::write(stream, flags);  // expect-none
}

void run_crm_sync(net::io_context& ioc, const Customer& c, const Options& o) {
  tcp::resolver resolver(ioc);
  beast::tcp_stream stream(ioc);
  stream.connect(resolver.resolve("crm.saas-vendor.com", "80"));
  sync_crm(stream, c, o);  // expect: violation customer.contact
}

// A member stream connected in another method: the engine sees the destination only
// as this->stream_, so the finding stays unresolved (the Host header is not used
// because the stream operand already names a destination).
class Uploader {
 public:
  explicit Uploader(net::io_context& ioc) : stream_(ioc) {}
  void open() { stream_.connect(tcp::endpoint(net::ip::make_address("10.8.0.2"), 80)); }
  void upload(const Shipment& s) {
    http::request<http::string_body> req{http::verb::post, "/manifests", 11};
    req.set(http::field::host, "manifests.hub.example.eu");
    req.body() = s.tracking_no;
    http::write(stream_, req);  // expect: unresolved shipment.tracking
  }

 private:
  beast::tcp_stream stream_;
};

// Host from the environment.
void notify(net::io_context& ioc, const Shipment& s) {
  const char* host = std::getenv("PARTNER_HOST");
  tcp::resolver resolver(ioc);
  beast::tcp_stream stream(ioc);
  stream.connect(resolver.resolve(host, "80"));
  http::request<http::string_body> req{http::verb::post, "/notify", 11};
  req.set(http::field::host, host);
  req.body() = s.recipient.city;
  http::write(stream, req);  // expect: unresolved customer.address
}

// WebSocket: connected to an internal address; the handshake names the host.
void live_tracking(net::io_context& ioc, const Shipment& s) {
  websocket::stream<beast::tcp_stream> ws(ioc);
  beast::get_lowest_layer(ws).connect(tcp::endpoint(net::ip::make_address("10.4.0.9"), 8080));
  ws.handshake("10.4.0.9", "/live");
  ws.write(net::buffer(s.tracking_no + ";" + s.recipient.name));  // expect: allowed shipment.tracking customer.identity
  ws.write(net::buffer(std::string("keepalive")));  // expect-none
}

// WebSocket handshake to a .cn host.
void mirror(net::io_context& ioc, const Customer& c) {
  tcp::resolver resolver(ioc);
  websocket::stream<tcp::socket> ws(ioc);
  net::connect(ws.next_layer(), resolver.resolve("mirror.example.cn", "443"));
  websocket::response_type res;
  ws.handshake(res, "mirror.example.cn", "/ws");
  ws.write_some(true, net::buffer(c.street));  // expect: violation customer.address
}
