// The same chain written with member functions bound to the session
// (`beast::bind_front_handler(&Session::on_resolve, shared_from_this())`, std::bind):
// each handler runs on the session that bound it, so the last one writes the request
// the first one built, to the host it was constructed with.
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <functional>
#include <memory>
#include <string>

#include "common/model.h"

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;
using std::placeholders::_1;

struct Endpoint {
  std::string host;
  std::string port;
};

class Upload : public std::enable_shared_from_this<Upload> {
 public:
  Upload(net::io_context& ioc, Endpoint to)
      : resolver_(net::make_strand(ioc)), stream_(net::make_strand(ioc)), to_(std::move(to)) {}
  void start(std::string target, std::string body) {
    req_.method(http::verb::put);
    req_.target(target);
    req_.set(http::field::host, to_.host);
    req_.body() = std::move(body);
    req_.prepare_payload();
    resolver_.async_resolve(to_.host, to_.port, beast::bind_front_handler(&Upload::on_resolve, shared_from_this()));
  }

 private:
  void on_resolve(beast::error_code ec, tcp::resolver::results_type results) {
    if (ec) return;
    stream_.async_connect(results, beast::bind_front_handler(&Upload::on_connect, shared_from_this()));
  }
  void on_connect(beast::error_code ec, tcp::resolver::results_type::endpoint_type) {
    if (ec) return;
    http::async_write(stream_, req_, std::bind(&Upload::done, shared_from_this(), _1));  // expect: violation customer.identity
  }
  void done(beast::error_code) {}

  tcp::resolver resolver_;
  beast::tcp_stream stream_;
  http::request<http::string_body> req_;
  Endpoint to_;
};

class Uploader {
 public:
  explicit Uploader(net::io_context& ioc) : ioc_(ioc) {}
  void put(const Endpoint& to, std::string target, std::string body) {
    std::make_shared<Upload>(ioc_, to)->start(std::move(target), std::move(body));
  }

 private:
  net::io_context& ioc_;
};

void archive_customer(Uploader& up, const Customer& c) {
  up.put(Endpoint{"archive.oss-cn-shanghai.aliyuncs.com", "80"}, "/customers/" + c.name, c.name);
}

// A bound function that is no member runs as any handler does: nothing is bound as
// its object.
void log_status(const std::string& status);
void report(net::io_context& ioc, tcp::socket& sock) {
  net::post(ioc, std::bind(&log_status, std::string("up")));
  net::write(sock, net::buffer(std::string("STATUS")));  // expect-none
}
