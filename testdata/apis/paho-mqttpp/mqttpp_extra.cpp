// Paho MQTT C++: mqtt::topic, message_ptr_builder, message::set_payload, CONNECT options,
// publishing through an iasync_client reference.
#include <mqtt/async_client.h>
#include <mqtt/topic.h>

#include <string>

#include "common/model.h"

void topic_publish(const Customer& c) {
  mqtt::async_client cli("ssl://iot.fleet-hub.example.cn:8883", "topics");
  mqtt::topic top(cli, "customers/city", 1);
  top.publish(c.city);  // expect: violation customer.address
  top.publish(std::string("0"));  // expect-none
}

void builder_and_setters(const Customer& c, const Shipment& s) {
  mqtt::async_client cli("tcp://broker.depot.example.de:1883", "builder");
  auto msg = mqtt::message_ptr_builder().topic("customers/mail").payload(c.email).qos(1).finalize();
  cli.publish(msg);  // expect: allowed customer.contact
  auto m2 = mqtt::make_message("parcels/route", "");
  m2->set_payload(s.origin + ">" + s.destination);
  cli.publish(m2);  // expect: allowed shipment.routing
  auto m3 = mqtt::make_message("parcels/route", "");
  m3->set_qos(static_cast<int>(s.tracking_no.size()) % 2);
  cli.publish(m3);  // expect-none
}

void connect_as_customer(const Customer& c) {
  mqtt::async_client cli("ssl://mqtt.partner-tracking.com:8883", "portal");
  mqtt::connect_options opts;
  opts.set_user_name(c.email);
  cli.connect(opts);  // expect: violation customer.contact
  mqtt::connect_options anon;
  anon.set_user_name("portal");
  anon.set_keep_alive_interval(static_cast<int>(c.phone.size()));
  cli.connect(anon);  // expect-none
}

void via_interface(mqtt::iasync_client& cli, const Customer& c) {
  cli.publish("customers/phone", c.phone.data(), c.phone.size(), 1, false);  // expect: violation customer.contact
}

void use_interface(const Customer& c) {
  mqtt::async_client cli("tcp://iot.fleet-hub.example.cn:1883", "iface");
  via_interface(cli, c);  // expect: violation customer.contact
}
