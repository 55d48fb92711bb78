// Endpoints taken out of resolver results (`*results.begin()`, `results->endpoint()`)
// keep the host that was resolved; handlers handed to post/dispatch (and the older
// io_context::post) run later with what they captured; TLS streams (ssl::stream)
// send encrypted once their handshake is made.
#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>

#include <string>

#include "common/model.h"

namespace net = boost::asio;
using net::ip::tcp;
using net::ip::udp;

// A statsd-style UDP metric to the first resolved address.
void push_weight(net::io_context& io, const Shipment& s) {
  udp::resolver resolver(io);
  const udp::endpoint collector = *resolver.resolve(udp::v4(), "metrics.partner.example.cn", "8125").begin();
  udp::socket sock(io, udp::v4());
  sock.send_to(net::buffer("kg:" + std::to_string(s.weight_kg)), collector);  // expect: violation shipment.metrics
  sock.send_to(net::buffer(std::string("up:1")), collector);  // expect-none
}

// A TCP connection to the endpoint of the first entry.
void push_label(net::io_context& io, const Shipment& s) {
  tcp::resolver resolver(io);
  const auto results = resolver.resolve("labels.hub.example.de", "9100");
  tcp::socket sock(io);
  sock.connect(results.begin()->endpoint());
  sock.send(net::buffer(s.recipient.name));  // expect: allowed customer.identity
}

// Sends posted to the io_context or dispatched on a strand run the lambda later.
class Notifier {
 public:
  explicit Notifier(net::io_context& io) : io_(io), strand_(net::make_strand(io)), sock_(io) {
    net::connect(sock_, tcp::resolver(io).resolve("push.saas-vendor.example.cn", "7000"));
  }
  void notify_sms(const Customer& c) {
    net::post(io_, [this, phone = c.phone] {
      net::write(sock_, net::buffer(phone));  // expect: violation customer.contact
    });
  }
  void notify_mail(const Customer& c) {
    net::dispatch(strand_, [this, mail = c.email] {
      net::write(sock_, net::buffer(mail));  // expect: violation customer.contact
    });
  }
  void notify_name(const Customer& c) {
    io_.post([this, who = c.name] {
      sock_.send(net::buffer(who));  // expect: violation customer.identity
    });
  }
  void notify_city(const Customer& c) {  // on the system executor
    net::defer([this, city = c.city] {
      sock_.send(net::buffer(city));  // expect: violation customer.address
    });
  }
  void keepalive() {
    net::post(io_, [this] { sock_.send(net::buffer(std::string("ping"))); });  // expect-none
  }

 private:
  net::io_context& io_;
  net::strand<net::io_context::executor_type> strand_;
  tcp::socket sock_;
};

// A TLS stream: the same sink, encrypted in the inventory after the handshake.
void push_secure(net::io_context& io, net::ssl::context& ctx, const Customer& c) {
  tcp::resolver resolver(io);
  net::ssl::stream<tcp::socket> tls(io, ctx);
  tls.lowest_layer().connect(*resolver.resolve("secure.carrier.example.de", "443").begin());
  tls.handshake(net::ssl::stream_base::client);
  net::write(tls, net::buffer(c.street));  // expect: allowed customer.address
}
