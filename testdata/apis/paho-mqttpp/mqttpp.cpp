// Eclipse Paho MQTT C++: messages published with mqtt::async_client / mqtt::client go to
// the broker URI the client was constructed with.
#include <mqtt/async_client.h>
#include <mqtt/client.h>

#include <cstdlib>
#include <string>

#include "common/model.h"

void async_raw_payload(const Customer& c) {
  mqtt::async_client cli("ssl://iot.fleet-hub.example.cn:8883", "depot-7");
  cli.connect()->wait();  // expect-none
  cli.publish("customers/phone", c.phone.data(), c.phone.size(), 1, false);  // expect: violation customer.contact
  const std::string len = std::to_string(c.phone.size());
  cli.publish("customers/len", len.data(), len.size(), 0, false);  // expect-none
}

void async_string_payload(const Customer& c, const Shipment& s) {
  mqtt::async_client cli("tcp://10.0.0.9:1883", "scanner");
  const std::string scan = s.tracking_no + ";" + s.recipient.city;
  cli.publish("depot/scans", scan);  // expect: allowed shipment.tracking customer.address
  cli.publish("customers/email", c.email);  // expect: allowed customer.contact
  cli.publish("depot/heartbeat", std::string("alive"));  // expect-none
}

void async_message(const Customer& c, const Shipment& s) {
  mqtt::async_client cli("mqtts://broker.notifications.example.com:8883", "notifier");
  mqtt::message_ptr msg = mqtt::make_message("customers/updates", "{\"name\":\"" + c.name + "\"}");
  cli.publish(msg);  // expect: violation customer.identity
  auto w = mqtt::make_message("parcels/weight", std::to_string(s.weight_kg), 1, false);
  cli.publish(w)->wait();  // expect: violation shipment.metrics
  auto ping = mqtt::make_message("parcels/ping", "1");
  cli.publish(ping);  // expect-none
}

void eu_broker(const Customer& c) {
  mqtt::async_client cli("mqtts://broker.logistics-events.eu:8883", "eu");
  cli.publish(mqtt::make_message("addr", c.street));  // expect: allowed customer.address
}

void env_broker(const Customer& c) {
  const char* uri = std::getenv("MQTT_BROKER");
  mqtt::async_client cli(uri, "env");
  cli.publish("addr", c.street.data(), c.street.size(), 1, false);  // expect: unresolved customer.address
}

void sync_client(const Customer& c, const Options& o) {
  mqtt::client cli("tcp://mqtt.partner-tracking.com:1883", "portal");
  cli.connect();  // expect-none
  cli.publish("customers/email", c.email.data(), c.email.size(), 1, false);  // expect: violation customer.contact
  cli.publish(mqtt::make_message("customers/name", c.name));  // expect: violation customer.identity
  const std::string flags = std::to_string(o.email_enabled) + "," + std::to_string(o.address_family);
  cli.publish("customers/flags", flags.data(), flags.size(), 0, false);  // expect-none
  std::string kept = c.phone;  // data only kept locally
  cli.publish("customers/count", "1", 1);  // expect-none
}

void sync_internal(const Shipment& s) {
  mqtt::client cli("tcp://192.168.40.2:1883", "scanner");
  cli.publish(mqtt::make_message("scan", s.tracking_no, 1, false));  // expect: allowed shipment.tracking
}
