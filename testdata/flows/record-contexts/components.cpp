// A part of the program named for what it serves (`DeliveryService`) is no record of
// a delivery: the channel it holds has a `name_` that is the channel's own, not a
// person's. A delivery record's `name` still is the recipient's.
#include <curl/curl.h>

#include <string>

namespace parts {

class Channel {
 public:
  explicit Channel(std::string name) : name_(std::move(name)) {}
  void announce() { post("{\"channel\":\"" + name_ + "\"}"); }  // expect-none
  void publish(const std::string& body) { post(body); }

 private:
  static void post(const std::string& doc) {
    CURL* h = curl_easy_init();
    curl_easy_setopt(h, CURLOPT_URL, "https://events.example.eu/v1/deliveries");
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, doc.c_str());
    curl_easy_perform(h);
  }

  std::string name_;
};

struct Delivery {
  std::string name;
  std::string note;
};

class DeliveryService {
 public:
  explicit DeliveryService(std::string topic) : events_(std::move(topic)) {}
  void heartbeat() { events_.announce(); }
  void delivered(const Delivery& d) { events_.publish(d.name); }  // expect: allowed customer.identity

 private:
  Channel events_;
};

}  // namespace parts

void run_delivery_service(const std::string& topic, const parts::Delivery& d) {
  parts::DeliveryService service(topic);
  service.heartbeat();
  service.delivered(d);
}
