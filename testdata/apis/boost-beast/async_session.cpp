// Completion handlers chained as Boost.Beast clients write them: async_resolve runs its
// handler with the resolved host, the handler connects the stream to it, and nested
// lambdas holding `self = shared_from_this()` write the request the object built.
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <memory>
#include <string>

#include "common/model.h"

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(net::io_context& ioc, std::string host) : resolver_(ioc), stream_(ioc), host_(std::move(host)) {}
  void request(const std::string& target, std::string payload) {
    req_.method(http::verb::post);
    req_.target(target);
    req_.set(http::field::host, host_);
    req_.body() = std::move(payload);
    req_.prepare_payload();
    resolver_.async_resolve(host_, "443", [self = shared_from_this()](beast::error_code ec, tcp::resolver::results_type results) {
      if (ec) return;
      self->stream_.async_connect(results, [self](beast::error_code ec, tcp::resolver::results_type::endpoint_type) {
        if (ec) return;
        http::async_write(self->stream_, self->req_, [self](beast::error_code, std::size_t) {});  // expect: violation customer.contact
      });
    });
  }

 private:
  tcp::resolver resolver_;
  beast::tcp_stream stream_;
  http::request<http::string_body> req_;
  std::string host_;
};

void announce(net::io_context& ioc, const Customer& c) {
  auto s = std::make_shared<Session>(ioc, "api.parcel-partner.example.cn");
  s->request("/v1/notify", c.email);
}

void heartbeat(net::io_context& ioc, tcp::socket& sock) {
  net::steady_timer timer(ioc);
  timer.async_wait([&sock](beast::error_code) {
    net::write(sock, net::buffer(std::string("PING")));  // expect-none
  });
}

// A timer's handler runs later with what it captured.
void retry_later(net::io_context& ioc, tcp::socket& sock, const Shipment& s) {
  auto timer = std::make_shared<net::steady_timer>(ioc);
  const std::string line = s.tracking_no;
  timer->async_wait([&sock, line, timer](beast::error_code) {
    net::write(sock, net::buffer(line));  // expect: unresolved shipment.tracking
  });
}
