// librdkafka C++ API: RdKafka::Producer::produce overloads are sinks; the broker comes
// from RdKafka::Conf::set("bootstrap.servers", ...) and travels to the Producer and its
// Topics. The brokers here come from the environment, so the destination is unresolved
// (constant brokers, and handles held in smart pointers: kafka_member.cpp).
#include <librdkafka/rdkafkacpp.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "common/model.h"

void stream_tracking(const Shipment& s) {
  std::string errstr;
  RdKafka::Conf* conf = RdKafka::Conf::create(RdKafka::Conf::CONF_GLOBAL);
  conf->set("bootstrap.servers", std::getenv("KAFKA_BROKERS"), errstr);
  conf->set("linger.ms", "5", errstr);
  RdKafka::Producer* producer = RdKafka::Producer::create(conf, errstr);
  std::string payload = s.tracking_no + "|" + s.origin;
  producer->produce("tracking", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, const_cast<char*>(payload.data()), payload.size(), nullptr, 0, 0, nullptr);  // expect: unresolved shipment.tracking shipment.routing
  const std::string n = std::to_string(payload.size());
  producer->produce("tracking", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, const_cast<char*>(n.data()), n.size(), nullptr, 0, 0, nullptr);  // expect-none
  producer->flush(1000);
  delete producer;
}

void sync_customers(const Customer& c) {
  std::string errstr;
  std::unique_ptr<RdKafka::Conf> conf(RdKafka::Conf::create(RdKafka::Conf::CONF_GLOBAL));
  conf->set("bootstrap.servers", std::getenv("CUSTOMER_BROKERS"), errstr);
  std::unique_ptr<RdKafka::Producer> producer(RdKafka::Producer::create(conf.get(), errstr));
  RdKafka::Topic* topic = RdKafka::Topic::create(producer.get(), "customers", nullptr, errstr);
  std::string email = c.email;
  producer->produce(topic, 0, RdKafka::Producer::RK_MSG_COPY, const_cast<char*>(email.data()), email.size(), nullptr, nullptr);  // expect: unresolved customer.contact
  const std::string key = c.name;
  producer->produce(topic, 0, RdKafka::Producer::RK_MSG_COPY, const_cast<char*>("{}"), 2, &key, nullptr);  // expect: unresolved customer.identity
  const std::vector<char> value(c.street.begin(), c.street.end());
  producer->produce(topic, 0, &value, nullptr, nullptr);  // expect: unresolved customer.address
  RdKafka::Headers* headers = RdKafka::Headers::create();
  headers->add("x-phone", c.phone);
  producer->produce("customers", 0, RdKafka::Producer::RK_MSG_COPY, const_cast<char*>("{}"), 2, nullptr, 0, 0, headers, nullptr);  // expect: unresolved customer.contact
  std::string masked = c.phone;
  masked = "***";
  producer->produce(topic, 0, RdKafka::Producer::RK_MSG_COPY, const_cast<char*>(masked.data()), masked.size(), nullptr, nullptr);  // expect-none
  const bool has_email = !c.email.empty();
  producer->produce(topic, 0, RdKafka::Producer::RK_MSG_COPY, const_cast<bool*>(&has_email), sizeof has_email, nullptr, nullptr);  // expect-none
}
