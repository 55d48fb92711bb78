// cppzmq: socket_t::connect gives the endpoint; send(zmq::buffer(...)) and message_t
// sends go there.
#include <zmq.hpp>
#include <zmq_addon.hpp>

#include <string>
#include <vector>

#include "common/model.h"

void stream_scans(zmq::context_t& ctx, const Shipment& s) {
  zmq::socket_t sock(ctx, zmq::socket_type::push);
  sock.connect("tcp://scanner-gw.depot.de:5555");
  const std::string data = s.tracking_no + ";" + std::to_string(s.weight_kg);
  sock.send(zmq::buffer(data), zmq::send_flags::none);  // expect: allowed shipment.tracking shipment.metrics
  sock.send(zmq::str_buffer("hello"), zmq::send_flags::none);  // expect-none
  zmq::message_t msg(s.destination);
  sock.send(msg, zmq::send_flags::dontwait);  // expect: allowed shipment.routing
}

void export_customers(zmq::context_t& ctx, const Customer& c) {
  zmq::socket_t pub(ctx, zmq::socket_type::pub);
  const std::string endpoint = std::string("tcp://") + "events.crm-sync.com" + ":6000";
  pub.connect(endpoint);
  pub.send(zmq::buffer(c.name), zmq::send_flags::sndmore);  // expect: violation customer.identity
  pub.send(zmq::message_t(c.email.data(), c.email.size()), zmq::send_flags::none);  // expect: violation customer.contact
  zmq::message_t reused;
  reused.rebuild(c.city.data(), c.city.size());
  pub.send(reused, zmq::send_flags::none);  // expect: violation customer.address
  std::vector<zmq::const_buffer> parts = {zmq::str_buffer("addr"), zmq::buffer(c.street)};
  zmq::send_multipart(pub, parts);  // expect: violation customer.address
  zmq::multipart_t mp;
  mp.addstr("contact");
  mp.addstr(c.phone);
  mp.send(pub);  // expect: violation customer.contact
  const std::string count = std::to_string(c.phone.size());
  pub.send(zmq::buffer(count), zmq::send_flags::none);  // expect-none
  zmq::multipart_t header;
  header.addstr("v1");
  header.send(pub);  // expect-none
}

void to_cn(zmq::context_t& ctx, const Shipment& s) {
  zmq::socket_t req(ctx, zmq::socket_type::req);
  req.connect(std::string("tcp://customs.gateway.example.cn:9000"));
  req.send(s.tracking_no.data(), s.tracking_no.size());  // expect: violation shipment.tracking
}

void local_feed(zmq::context_t& ctx, const Shipment& s) {
  zmq::socket_t pub(ctx, zmq::socket_type::pub);
  pub.bind("tcp://127.0.0.1:9001");
  pub.send(zmq::buffer(s.tracking_no), zmq::send_flags::none);  // expect: allowed shipment.tracking
  zmq::socket_t wide(ctx, zmq::socket_type::pub);
  wide.bind("tcp://*:9002");
  wide.send(zmq::buffer(s.tracking_no), zmq::send_flags::none);  // expect: unresolved shipment.tracking
}
