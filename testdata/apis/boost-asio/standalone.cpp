#include <asio.hpp>

#include <string>

#include "common/model.h"

// Standalone Asio (namespace asio), connected to a .com host.
void standalone_push(asio::io_context& io, const Customer& c) {
  asio::ip::tcp::resolver resolver(io);
  asio::ip::tcp::socket sock(io);
  asio::connect(sock, resolver.resolve("api.courier-hub.com", "443"));
  const std::string body = "{\"city\":\"" + c.city + "\"}";
  asio::write(sock, asio::buffer(body));  // expect: violation customer.address
  sock.send(asio::buffer(std::to_string(body.size())));  // expect-none
  asio::ip::tcp::socket internal(io);
  internal.connect(asio::ip::tcp::endpoint(asio::ip::make_address("192.168.1.40"), 7000));
  internal.write_some(asio::buffer(c.phone));  // expect: allowed customer.contact
}
