// The request target travels in the request line (`req.target("/track?awb=" + no)`);
// beast::ostream(buffer) writes into a dynamic buffer that is then sent; streams over
// TLS (beast::ssl_stream) send like the plain ones, encrypted in the inventory.
#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>

#include <string>

#include "common/model.h"

namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
namespace net = boost::asio;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;

// A GET whose query string carries the tracking number.
void lookup_status(net::io_context& ioc, const Shipment& s) {
  tcp::resolver resolver(ioc);
  beast::tcp_stream stream(ioc);
  stream.connect(resolver.resolve("status.crossborder.example.cn", "80"));
  http::request<http::empty_body> req{http::verb::get, "/", 11};
  req.set(http::field::host, "status.crossborder.example.cn");
  req.target("/v1/status?awb=" + s.tracking_no);
  http::write(stream, req);  // expect: violation shipment.tracking
  http::request<http::empty_body> health{http::verb::get, "/", 11};
  health.target("/v1/health");
  http::write(stream, health);  // expect-none
}

// A WebSocket frame composed with beast::ostream into a flat_buffer.
void stream_positions(net::io_context& ioc, const Shipment& s) {
  tcp::resolver resolver(ioc);
  websocket::stream<beast::tcp_stream> ws(ioc);
  beast::get_lowest_layer(ws).connect(resolver.resolve("live.tracking.example.de", "80"));
  ws.handshake("live.tracking.example.de", "/positions");
  beast::flat_buffer frame;
  beast::ostream(frame) << "{\"to\":\"" << s.recipient.street << "\"}";
  ws.write(frame.data());  // expect: allowed customer.address
  beast::flat_buffer beat;
  beast::ostream(beat) << "{\"beat\":" << 1 << "}";
  ws.write(beat.data());  // expect-none
}

// HTTPS and WSS over beast::ssl_stream (encrypted in the inventory).
void post_secure(net::io_context& ioc, ssl::context& ctx, const Customer& c) {
  tcp::resolver resolver(ioc);
  beast::ssl_stream<beast::tcp_stream> stream(ioc, ctx);
  beast::get_lowest_layer(stream).connect(resolver.resolve("crm.saas-vendor.com", "443"));
  stream.handshake(ssl::stream_base::client);
  http::request<http::empty_body> req{http::verb::get, "/", 11};
  req.set(http::field::host, "crm.saas-vendor.com");
  req.target("/contacts/lookup?email=" + c.email);
  http::write(stream, req);  // expect: violation customer.contact
}

void live_secure(net::io_context& ioc, ssl::context& ctx, const Shipment& s) {
  tcp::resolver resolver(ioc);
  websocket::stream<beast::ssl_stream<beast::tcp_stream>> ws(ioc, ctx);
  beast::get_lowest_layer(ws).connect(resolver.resolve("live.crossborder.example.cn", "443"));
  ws.next_layer().handshake(ssl::stream_base::client);
  ws.handshake("live.crossborder.example.cn", "/ws");
  ws.text(true);
  beast::flat_buffer frame;
  beast::ostream(frame) << "{\"phone\":\"" << s.recipient.phone << "\"}";
  ws.write(frame.data());  // expect: violation customer.contact
}
