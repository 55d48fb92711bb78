// libmosquitto: mosquitto_publish sends to the broker given to mosquitto_connect on the
// same handle.
#include <mosquitto.h>
#include <mqtt_protocol.h>

#include <cstdlib>
#include <cstring>
#include <string>

#include "common/model.h"

void publish_contact(const Customer& c) {
  mosquitto* mosq = mosquitto_new("depot-7", true, nullptr);
  mosquitto_connect(mosq, "iot.fleet-hub.example.cn", 1883, 60);  // expect-none
  int mid = 0;
  mosquitto_publish(mosq, &mid, "customers/phone", static_cast<int>(c.phone.size()), c.phone.data(), 1, false);  // expect: violation customer.contact
  const int n = static_cast<int>(c.phone.size());
  mosquitto_publish(mosq, &mid, "customers/len", sizeof n, &n, 0, false);  // expect-none
  mosquitto_destroy(mosq);
}

void publish_internal(const Shipment& s) {
  mosquitto* mosq = mosquitto_new("scanner", true, nullptr);
  mosquitto_connect(mosq, "10.0.0.9", 1883, 30);  // expect-none
  const std::string scan = s.tracking_no + ";" + s.recipient.street;
  mosquitto_publish(mosq, nullptr, "depot/scans", static_cast<int>(scan.size()), scan.c_str(), 1, false);  // expect: allowed shipment.tracking customer.address
  mosquitto_publish(mosq, nullptr, "depot/heartbeat", 5, "alive", 0, false);  // expect-none
}

void publish_generic_tld(const Customer& c, const Shipment& s, const Options& o) {
  mosquitto* mosq = mosquitto_new(nullptr, true, nullptr);
  const char* host = "mqtt.notifications.example.com";
  mosquitto_connect_async(mosq, host, 8883, 60);  // expect-none
  const std::string body = "{\"name\":\"" + c.name + "\"}";
  mosquitto_publish(mosq, nullptr, "customers/updates", static_cast<int>(body.size()), body.data(), 1, false);  // expect: violation customer.identity
  const std::string w = std::to_string(s.weight_kg);
  mosquitto_publish(mosq, nullptr, "parcels/weight", static_cast<int>(w.size()), w.data(), 0, false);  // expect: violation shipment.metrics
  const std::string flags = std::to_string(o.email_enabled) + "," + std::to_string(o.address_family);
  mosquitto_publish(mosq, nullptr, "customers/flags", static_cast<int>(flags.size()), flags.data(), 0, false);  // expect-none
  std::string local_copy = c.email;  // kept locally only
  mosquitto_publish(mosq, nullptr, "customers/count", 1, "1", 0, false);  // expect-none
}

void topic_carries_data(const Customer& c) {
  mosquitto* mosq = mosquitto_new(nullptr, true, nullptr);
  mosquitto_connect_bind(mosq, "broker.logistics-events.eu", 8883, 60, nullptr);  // expect-none
  const std::string topic = "customers/" + c.email + "/status";
  mosquitto_publish(mosq, nullptr, topic.c_str(), 2, "ok", 0, false);  // expect: allowed customer.contact
}

void env_broker(const Customer& c) {
  mosquitto* mosq = mosquitto_new(nullptr, true, nullptr);
  mosquitto_connect(mosq, std::getenv("MQTT_HOST"), 1883, 60);  // expect-none
  mosquitto_publish(mosq, nullptr, "addr", static_cast<int>(c.city.size()), c.city.c_str(), 1, false);  // expect: unresolved customer.address
}

void v5_properties(const Customer& c) {
  mosquitto* mosq = mosquitto_new(nullptr, true, nullptr);
  mosquitto_int_option(mosq, MOSQ_OPT_PROTOCOL_VERSION, MQTT_PROTOCOL_V5);
  mosquitto_connect(mosq, "192.168.40.2", 1883, 60);  // expect-none
  mosquitto_property* props = nullptr;
  mosquitto_property_add_string_pair(&props, MQTT_PROP_USER_PROPERTY, "recipient", c.name.c_str());
  mosquitto_publish_v5(mosq, nullptr, "scanner/event", 2, "{}", 1, false, props);  // expect: allowed customer.identity
  mosquitto_property* empty = nullptr;
  mosquitto_property_add_int32(&empty, MQTT_PROP_MESSAGE_EXPIRY_INTERVAL, static_cast<uint32_t>(c.name.size()));
  mosquitto_publish_v5(mosq, nullptr, "scanner/event", 2, "{}", 1, false, empty);  // expect-none
  mosquitto_property_free_all(&props);
  mosquitto_property_free_all(&empty);
}

void connect_as_customer(const Customer& c) {
  mosquitto* mosq = mosquitto_new(nullptr, true, nullptr);
  mosquitto_username_pw_set(mosq, c.email.c_str(), "secret");
  mosquitto_connect(mosq, "mqtt.partner-tracking.com", 8883, 60);  // expect: violation customer.contact
  mosquitto* anon = mosquitto_new(nullptr, true, nullptr);
  mosquitto_username_pw_set(anon, "portal", "secret");
  mosquitto_connect(anon, "mqtt.partner-tracking.com", 8883, 60);  // expect-none
}

void will_message(const Shipment& s) {
  mosquitto* mosq = mosquitto_new("scanner", true, nullptr);
  mosquitto_will_set(mosq, "scanner/offline", static_cast<int>(s.tracking_no.size()), s.tracking_no.data(), 1, false);
  mosquitto_connect(mosq, "iot.fleet-hub.example.cn", 1883, 60);  // expect: violation shipment.tracking
}
