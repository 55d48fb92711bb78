// A session that queues its payload in a member from a posted lambda and writes it
// later from a completion handler chain (resolve, connect, write), each handler
// capturing `[this, self]` and calling the next step as a plain member call: the
// queued payload reaches the write, and the socket is aimed at the session's host.
#include <boost/asio.hpp>

#include <deque>
#include <memory>
#include <string>

namespace queued {

struct Stop {
  std::string recipient_name;
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  using tcp = boost::asio::ip::tcp;
  Session(boost::asio::io_context& io, std::string host, std::uint16_t port)
      : strand_(boost::asio::make_strand(io)), resolver_(strand_), socket_(strand_), host_(std::move(host)),
        port_(port) {}

  void start(std::string payload) {
    auto self = shared_from_this();
    boost::asio::post(strand_, [this, self, payload = std::move(payload)]() mutable {
      outbox_.push_back(std::move(payload));
      resolver_.async_resolve(host_, std::to_string(port_),
                              [this, self](const boost::system::error_code& ec, tcp::resolver::results_type results) {
                                on_resolved(ec, results);
                              });
    });
  }

 private:
  void on_resolved(const boost::system::error_code& ec, const tcp::resolver::results_type& results) {
    if (ec) return;
    auto self = shared_from_this();
    boost::asio::async_connect(socket_, results, [this, self](const boost::system::error_code& ec, const tcp::endpoint&) {
      if (!ec) write_next();
    });
  }

  void write_next() {
    auto self = shared_from_this();
    boost::asio::async_write(socket_, boost::asio::buffer(outbox_.front()),
                             [this, self](const boost::system::error_code& ec, std::size_t) {
                               if (ec) return;
                               outbox_.pop_front();
                               if (!outbox_.empty()) write_next();
                             });
  }

  boost::asio::strand<boost::asio::io_context::executor_type> strand_;
  tcp::resolver resolver_;
  tcp::socket socket_;
  std::string host_;
  std::uint16_t port_;
  std::deque<std::string> outbox_;
};

}  // namespace queued

void hand_over_stop(boost::asio::io_context& io, const queued::Stop& s) {
  std::make_shared<queued::Session>(io, "10.40.2.15", 7001)->start(s.recipient_name);  // expect: allowed customer.identity
}
