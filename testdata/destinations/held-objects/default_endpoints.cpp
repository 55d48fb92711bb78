// Endpoints given as a member's default (`Endpoint driver_gateway{"10.40.2.15",
// 7400};`) keep each field: a config built by a loader that never overwrites them,
// and a member the constructor leaves at its default, aim at that host.
#include <curl/curl.h>

#include <cstdint>
#include <string>

namespace defaults {

struct Endpoint {
  std::string host;
  std::uint16_t port = 0;
};

struct FleetConfig {
  std::string depot_code = "BER-01";
  Endpoint driver_gateway{"10.40.2.15", 7400};
  Endpoint partner;
};

struct Stop {
  std::string recipient_name;
};

FleetConfig load_config(const char* relay) {
  FleetConfig cfg;
  cfg.partner.host = relay;
  return cfg;
}

class Transport {
 public:
  explicit Transport(Endpoint e) : endpoint_(std::move(e)) {}
  void deliver(const std::string& body) {
    CURL* h = curl_easy_init();
    curl_easy_setopt(h, CURLOPT_URL, ("http://" + endpoint_.host + "/stops").c_str());
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_perform(h);
  }

 private:
  Endpoint endpoint_;
};

class Printer {
 public:
  explicit Printer(std::string model) : model_(std::move(model)) {}
  void print(const std::string& label) {
    CURL* h = curl_easy_init();
    curl_easy_setopt(h, CURLOPT_URL, ("http://" + spooler_.host + "/print").c_str());
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, label.c_str());
    curl_easy_perform(h);
  }

 private:
  std::string model_;
  Endpoint spooler_{"127.0.0.1", 9100};
};

class Dispatch {
 public:
  explicit Dispatch(const FleetConfig& cfg) : gateway_(cfg.driver_gateway), printer_("zebra") {}
  void send(const Stop& s) { gateway_.deliver(s.recipient_name); }  // expect: allowed customer.identity
  void label(const Stop& s) { printer_.print(s.recipient_name); }  // expect: allowed customer.identity

 private:
  Transport gateway_;
  Printer printer_;
};

}  // namespace defaults

void dispatch_with_defaults(const defaults::Stop& s, const char* relay) {
  const defaults::FleetConfig cfg = defaults::load_config(relay);
  defaults::Dispatch dispatch(cfg);
  dispatch.send(s);
  dispatch.label(s);
}
