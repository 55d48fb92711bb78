// Eclipse Paho MQTT C: published messages go to the broker given to MQTTClient_create /
// MQTTAsync_create.
#include <MQTTAsync.h>
#include <MQTTClient.h>

#include <cstdlib>
#include <string>

#include "common/model.h"

void report_position(const Shipment& s) {
  MQTTClient client;
  MQTTClient_create(&client, "tcp://10.0.0.9:1883", "depot-7", MQTTCLIENT_PERSISTENCE_NONE, nullptr);
  MQTTClient_connectOptions opts = MQTTClient_connectOptions_initializer;
  MQTTClient_connect(client, &opts);  // expect-none
  const std::string data = s.tracking_no + ";" + s.recipient.street + ";" + s.recipient.city;
  MQTTClient_message msg = MQTTClient_message_initializer;
  msg.payload = const_cast<char*>(data.c_str());
  msg.payloadlen = static_cast<int>(data.size());
  msg.qos = 1;
  MQTTClient_deliveryToken token;
  MQTTClient_publishMessage(client, "depot/scans", &msg, &token);  // expect: allowed shipment.tracking customer.address
  MQTTClient_message ping = MQTTClient_message_initializer;
  ping.payload = const_cast<char*>("alive");
  ping.payloadlen = 5;
  MQTTClient_publishMessage(client, "depot/heartbeat", &ping, &token);  // expect-none
  MQTTClient_disconnect(client, 1000);
  MQTTClient_destroy(&client);
}

void telemetry_cloud(const Customer& c, const Shipment& s) {
  MQTTClient client;
  MQTTClient_create(&client, "ssl://iot.telemetry-hub.example.cn:8883", "fleet", MQTTCLIENT_PERSISTENCE_NONE, nullptr);
  MQTTClient_publish(client, "fleet/contact", static_cast<int>(c.phone.size()), c.phone.data(), 1, 0, nullptr);  // expect: violation customer.contact
  const std::string w = std::to_string(s.weight_kg);
  MQTTClient_publish(client, "fleet/weight", static_cast<int>(w.size()), w.data(), 0, 0, nullptr);  // expect: violation shipment.metrics
  const int n = static_cast<int>(c.email.size());
  MQTTClient_publish(client, "fleet/len", sizeof n, &n, 0, 0, nullptr);  // expect-none
}

void async_updates(const Customer& c, const Options& o) {
  MQTTAsync client;
  MQTTAsync_create(&client, "wss://mqtt.notifications.example.com:443/mqtt", "notifier", MQTTCLIENT_PERSISTENCE_NONE, nullptr);
  MQTTAsync_message msg = MQTTAsync_message_initializer;
  std::string body = "{\"email\":\"" + c.email + "\"}";
  msg.payload = const_cast<char*>(body.c_str());
  msg.payloadlen = static_cast<int>(body.size());
  MQTTAsync_responseOptions ropts = MQTTAsync_responseOptions_initializer;
  MQTTAsync_sendMessage(client, "customers/updates", &msg, &ropts);  // expect: violation customer.contact
  MQTTAsync_send(client, "customers/name", static_cast<int>(c.name.size()), c.name.data(), 1, 0, &ropts);  // expect: violation customer.identity
  const std::string flags = std::to_string(o.email_enabled) + "," + std::to_string(o.address_family);
  MQTTAsync_send(client, "customers/flags", static_cast<int>(flags.size()), flags.data(), 0, 0, &ropts);  // expect-none
}

void eu_and_env(const Customer& c) {
  MQTTAsync eu;
  MQTTAsync_createWithOptions(&eu, "mqtts://broker.logistics-events.eu:8883", "eu", MQTTCLIENT_PERSISTENCE_NONE, nullptr, nullptr);
  MQTTAsync_send(eu, "addr", static_cast<int>(c.city.size()), c.city.data(), 1, 0, nullptr);  // expect: allowed customer.address
  MQTTClient env;
  const char* uri = std::getenv("MQTT_BROKER");
  MQTTClient_create(&env, uri, "env", MQTTCLIENT_PERSISTENCE_NONE, nullptr);
  MQTTClient_publish(env, "addr", static_cast<int>(c.street.size()), c.street.data(), 1, 0, nullptr);  // expect: unresolved customer.address
}

void v5_and_will(const Customer& c, const Shipment& s) {
  MQTTClient client;
  MQTTClient_create(&client, "tcp://192.168.40.2:1883", "scanner", MQTTCLIENT_PERSISTENCE_NONE, nullptr);
  MQTTClient_willOptions will = MQTTClient_willOptions_initializer;
  will.topicName = "scanner/offline";
  will.message = s.tracking_no.c_str();
  MQTTClient_connectOptions opts = MQTTClient_connectOptions_initializer;
  opts.will = &will;
  MQTTClient_connect(client, &opts);  // expect: allowed shipment.tracking
  MQTTProperties props = MQTTProperties_initializer;
  MQTTProperty prop;
  prop.identifier = MQTTPROPERTY_CODE_USER_PROPERTY;
  prop.value.data.data = const_cast<char*>("recipient");
  prop.value.data.len = 9;
  prop.value.value.data = const_cast<char*>(c.name.c_str());
  prop.value.value.len = static_cast<int>(c.name.size());
  MQTTProperties_add(&props, &prop);
  MQTTClient_publish5(client, "scanner/event", 2, "{}", 1, 0, &props, nullptr);  // expect: allowed customer.identity
  MQTTProperties empty = MQTTProperties_initializer;
  MQTTClient_publish5(client, "scanner/event", 2, "{}", 1, 0, &empty, nullptr);  // expect-none
}

void connect_as_customer(const Customer& c) {
  MQTTClient client;
  MQTTClient_create(&client, "ssl://mqtt.partner-tracking.com:8883", "portal", MQTTCLIENT_PERSISTENCE_NONE, nullptr);
  MQTTClient_connectOptions opts = MQTTClient_connectOptions_initializer;
  opts.username = c.email.c_str();
  MQTTClient_connect(client, &opts);  // expect: violation customer.contact
  MQTTClient_connectOptions anon = MQTTClient_connectOptions_initializer;
  anon.username = "portal";
  anon.keepAliveInterval = static_cast<int>(c.phone.size());
  MQTTClient_connect(client, &anon);  // expect-none
}
