// librdkafka C++ handles held in smart pointers: the configuration in a
// std::unique_ptr handed on with get(), the producer kept in a member reset from
// Producer::create. The broker set on the configuration is where produce() sends.
#include <librdkafka/rdkafkacpp.h>

#include <memory>
#include <string>

#include "common/model.h"

class TrackingPublisher {
 public:
  explicit TrackingPublisher(const std::string& brokers) {
    std::string err;
    std::unique_ptr<RdKafka::Conf> conf(RdKafka::Conf::create(RdKafka::Conf::CONF_GLOBAL));
    conf->set("bootstrap.servers", brokers, err);
    producer_.reset(RdKafka::Producer::create(conf.get(), err));
  }
  void publish(const std::string& payload) {
    if (!producer_) return;
    producer_->produce("tracking", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                       const_cast<char*>(payload.data()), payload.size(), nullptr, 0, 0, nullptr);
  }
  // Dropping the producer leaves nothing to send through.
  void close() { producer_.reset(); }

 private:
  std::unique_ptr<RdKafka::Producer> producer_;
};

void publish_to_partner(const Shipment& s) {
  TrackingPublisher partner("kafka.depot-partner.cn:9092");
  partner.publish(s.tracking_no);  // expect: violation shipment.tracking
}

void publish_routes(const Shipment& s) {
  std::string err;
  std::unique_ptr<RdKafka::Conf> conf(RdKafka::Conf::create(RdKafka::Conf::CONF_GLOBAL));
  conf->set("bootstrap.servers", "kafka.depot-partner.de:9092", err);
  std::unique_ptr<RdKafka::Producer> producer(RdKafka::Producer::create(conf.get(), err));
  producer->produce("routes", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                    const_cast<char*>(s.destination.data()), s.destination.size(), nullptr, 0, 0, nullptr);  // expect: allowed shipment.routing
}
