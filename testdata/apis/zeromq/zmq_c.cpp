// libzmq C API: sends go to the endpoint given to zmq_connect.
#include <zmq.h>

#include <cstdlib>
#include <cstring>
#include <string>

#include "common/model.h"

void push_labels(void* ctx, const Shipment& s) {
  void* sock = zmq_socket(ctx, ZMQ_PUSH);
  zmq_connect(sock, "tcp://10.4.0.12:5555");
  const std::string label = s.recipient.name + "\n" + s.recipient.street + "\n" + s.tracking_no;
  zmq_send(sock, label.data(), label.size(), 0);  // expect: allowed customer.identity customer.address shipment.tracking
  zmq_send(sock, "READY", 5, 0);  // expect-none
  zmq_close(sock);
}

void publish_contacts(void* ctx, const Customer& c) {
  void* pub = zmq_socket(ctx, ZMQ_PUB);
  zmq_connect(pub, "tcp://bus.marketing-partner.example.cn:5556");
  zmq_send(pub, c.email.c_str(), c.email.size(), ZMQ_SNDMORE);  // expect: violation customer.contact
  zmq_msg_t msg;
  zmq_msg_init_data(&msg, const_cast<char*>(c.phone.data()), c.phone.size(), nullptr, nullptr);
  zmq_msg_send(&msg, pub, 0);  // expect: violation customer.contact
  zmq_msg_t copy;
  zmq_msg_init(&copy);
  zmq_msg_copy(&copy, &msg);
  zmq_sendmsg(pub, &copy, 0);  // expect: violation customer.contact
  const int len = static_cast<int>(c.email.size());
  zmq_send(pub, &len, sizeof len, 0);  // expect-none
  zmq_msg_t flag;
  const std::string on = c.email.empty() ? "0" : "1";
  zmq_msg_init_data(&flag, const_cast<char*>(on.data()), on.size(), nullptr, nullptr);
  zmq_msg_send(&flag, pub, 0);  // expect-none
}

void routed(void* ctx, const Shipment& s) {
  void* eu = zmq_socket(ctx, ZMQ_DEALER);
  zmq_connect(eu, "tcp://router.hub-frankfurt.de:7000");
  const std::string route = s.origin + ">" + s.destination;
  zmq_send(eu, route.data(), route.size(), 0);  // expect: allowed shipment.routing
  void* cloud = zmq_socket(ctx, ZMQ_DEALER);
  zmq_connect(cloud, "tcp://ingest.metrics-cloud.com:7000");
  zmq_send(cloud, route.data(), route.size(), 0);  // expect: violation shipment.routing
  void* configured = zmq_socket(ctx, ZMQ_DEALER);
  zmq_connect(configured, std::getenv("ROUTER_ENDPOINT"));
  zmq_send(configured, s.tracking_no.data(), s.tracking_no.size(), 0);  // expect: unresolved shipment.tracking
  void* bound = zmq_socket(ctx, ZMQ_PUB);
  zmq_bind(bound, "tcp://*:7100");
  zmq_send(bound, s.tracking_no.data(), s.tracking_no.size(), 0);  // expect: unresolved shipment.tracking
}

void local_bus(void* ctx, const Shipment& s) {
  void* loopback = zmq_socket(ctx, ZMQ_PUB);
  zmq_bind(loopback, "tcp://127.0.0.1:7101");
  zmq_send(loopback, s.tracking_no.data(), s.tracking_no.size(), 0);  // expect: allowed shipment.tracking
  void* any = zmq_socket(ctx, ZMQ_PUB);
  zmq_bind(any, "tcp://0.0.0.0:7102");
  zmq_send(any, s.tracking_no.data(), s.tracking_no.size(), 0);  // expect: unresolved shipment.tracking
}
