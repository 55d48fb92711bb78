// librdkafka C API: the broker comes from bootstrap.servers on the rd_kafka_conf_t
// (or rd_kafka_brokers_add) and travels to the rd_kafka_t and its topics.
#include <librdkafka/rdkafka.h>

#include <cstdlib>
#include <string>

#include "common/model.h"

namespace {
constexpr const char* kEuBrokers = "kafka-1.events.logistics.de:9092,kafka-2.events.logistics.de:9092";
}  // namespace

void publish_event(const Shipment& s) {
  char errstr[512];
  rd_kafka_conf_t* conf = rd_kafka_conf_new();
  rd_kafka_conf_set(conf, "client.id", "depot-7", errstr, sizeof errstr);
  rd_kafka_conf_set(conf, "bootstrap.servers", kEuBrokers, errstr, sizeof errstr);
  rd_kafka_t* rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr);
  rd_kafka_topic_t* rkt = rd_kafka_topic_new(rk, "shipments", nullptr);
  const std::string body = s.tracking_no + ";" + s.destination;
  rd_kafka_produce(rkt, RD_KAFKA_PARTITION_UA, RD_KAFKA_MSG_F_COPY, const_cast<char*>(body.data()), body.size(), nullptr, 0, nullptr);  // expect: allowed shipment.tracking shipment.routing
  const std::string weight = std::to_string(s.weight_kg);
  rd_kafka_producev(rk, RD_KAFKA_V_TOPIC("metrics"), RD_KAFKA_V_VALUE(const_cast<char*>(weight.data()), weight.size()), RD_KAFKA_V_END);  // expect: allowed shipment.metrics
  const std::string size = std::to_string(body.size());
  rd_kafka_produce(rkt, RD_KAFKA_PARTITION_UA, RD_KAFKA_MSG_F_COPY, const_cast<char*>(size.data()), size.size(), nullptr, 0, nullptr);  // expect-none
  rd_kafka_destroy(rk);
}

void mirror_contacts(const Customer& c) {
  char errstr[512];
  rd_kafka_conf_t* conf = rd_kafka_conf_new();
  rd_kafka_conf_set(conf, "metadata.broker.list", "kafka.crossborder.example.cn:9093", errstr, sizeof errstr);
  rd_kafka_t* rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr);
  rd_kafka_topic_t* rkt = rd_kafka_topic_new(rk, "contacts", nullptr);
  // Customer e-mail as the message key, phone in the payload.
  rd_kafka_produce(rkt, 0, RD_KAFKA_MSG_F_COPY, const_cast<char*>("v1"), 2, c.email.data(), c.email.size(), nullptr);  // expect: violation customer.contact
  rd_kafka_producev(rk, RD_KAFKA_V_TOPIC("contacts"), RD_KAFKA_V_KEY(c.name.data(), c.name.size()), RD_KAFKA_V_VALUE(const_cast<char*>(c.phone.data()), c.phone.size()), RD_KAFKA_V_END);  // expect: violation customer.contact customer.identity
  // Headers built separately and handed over with RD_KAFKA_V_HEADERS.
  rd_kafka_headers_t* hdrs = rd_kafka_headers_new(2);
  rd_kafka_header_add(hdrs, "x-city", -1, c.city.c_str(), -1);
  rd_kafka_producev(rk, RD_KAFKA_V_TOPIC("contacts"), RD_KAFKA_V_VALUE(const_cast<char*>("{}"), 2), RD_KAFKA_V_HEADERS(hdrs), RD_KAFKA_V_END);  // expect: violation customer.address
  // Only a flag and a length leave the process.
  const std::string flags = std::to_string(c.email.empty() ? 0 : 1) + ":" + std::to_string(c.phone.size());
  rd_kafka_producev(rk, RD_KAFKA_V_TOPIC("stats"), RD_KAFKA_V_VALUE(const_cast<char*>(flags.data()), flags.size()), RD_KAFKA_V_END);  // expect-none
}

void to_generic_broker(const Customer& c) {
  char errstr[512];
  rd_kafka_t* rk = rd_kafka_new(RD_KAFKA_PRODUCER, rd_kafka_conf_new(), errstr, sizeof errstr);
  rd_kafka_brokers_add(rk, "pkc-41wq6.westeurope.azure.confluent.cloud:9092");
  rd_kafka_producev(rk, RD_KAFKA_V_TOPIC("addresses"), RD_KAFKA_V_VALUE(const_cast<char*>(c.street.data()), c.street.size()), RD_KAFKA_V_END);  // expect: violation customer.address
}

void to_internal_and_env(const Shipment& s) {
  char errstr[512];
  rd_kafka_conf_t* local = rd_kafka_conf_new();
  rd_kafka_conf_set(local, "bootstrap.servers", "10.20.0.5:9092", errstr, sizeof errstr);
  rd_kafka_t* rk = rd_kafka_new(RD_KAFKA_PRODUCER, local, errstr, sizeof errstr);
  rd_kafka_topic_t* rkt = rd_kafka_topic_new(rk, "labels", nullptr);
  const std::string label = s.recipient.name + "\n" + s.recipient.street;
  rd_kafka_produce(rkt, RD_KAFKA_PARTITION_UA, RD_KAFKA_MSG_F_COPY, const_cast<char*>(label.data()), label.size(), nullptr, 0, nullptr);  // expect: allowed customer.identity customer.address

  rd_kafka_conf_t* remote = rd_kafka_conf_new();
  rd_kafka_conf_set(remote, "bootstrap.servers", std::getenv("KAFKA_BROKERS"), errstr, sizeof errstr);
  rd_kafka_t* rk2 = rd_kafka_new(RD_KAFKA_PRODUCER, rd_kafka_conf_dup(remote), errstr, sizeof errstr);
  rd_kafka_producev(rk2, RD_KAFKA_V_TOPIC("labels"), RD_KAFKA_V_VALUE(const_cast<char*>(label.data()), label.size()), RD_KAFKA_V_END);  // expect: unresolved customer.identity
  // A batch: the message array carries the payloads.
  rd_kafka_message_t msgs[1] = {};
  msgs[0].payload = const_cast<char*>(s.tracking_no.data());
  msgs[0].len = s.tracking_no.size();
  rd_kafka_topic_t* rkt2 = rd_kafka_topic_new(rk2, "batch", nullptr);
  rd_kafka_produce_batch(rkt2, 0, RD_KAFKA_MSG_F_COPY, msgs, 1);  // expect: unresolved shipment.tracking
}
