// WebSocket++: messages sent on a client go to the URI of the connection it
// opened (get_connection, then connect).
#include <websocketpp/client.hpp>
#include <websocketpp/config/asio_no_tls_client.hpp>

#include <string>

#include "common/model.h"

using WsClient = websocketpp::client<websocketpp::config::asio_client>;

class DriverFeed {
 public:
  explicit DriverFeed(std::string uri) : uri_(std::move(uri)) { client_.init_asio(); }

  void push(const Shipment& s) {
    websocketpp::lib::error_code ec;
    WsClient::connection_ptr con = client_.get_connection(uri_, ec);
    client_.connect(con);
    hdl_ = con->get_handle();
    client_.send(hdl_, s.recipient.street, websocketpp::frame::opcode::text);   // expect: violation customer.address
    client_.send(hdl_, std::string("ping"), websocketpp::frame::opcode::text);  // expect-none
  }

 private:
  std::string uri_;
  WsClient client_;
  websocketpp::connection_hdl hdl_;
};

void feed_drivers(const Shipment& s) {
  DriverFeed feed("ws://dispatch.fleet-hub.example.cn:9002/drivers");
  feed.push(s);
}

void send_on_connection(const Shipment& s) {
  WsClient c;
  c.init_asio();
  websocketpp::lib::error_code ec;
  WsClient::connection_ptr con = c.get_connection("ws://10.0.0.30:9002/scans", ec);
  c.connect(con);
  con->send(s.tracking_no, websocketpp::frame::opcode::text);  // expect: allowed shipment.tracking
}
