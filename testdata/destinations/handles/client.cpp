// A client class of the program itself: the constructor keeps the base URL in a field
// and the member function that sends uses it.
#include <curl/curl.h>

#include <string>
#include <utility>

#include "common/model.h"

class TrackingClient {
 public:
  explicit TrackingClient(std::string base_url) : base_url_(std::move(base_url)) {}

  void post(const std::string& path, const std::string& body) const {
    CURL* h = curl_easy_init();
    const std::string url = base_url_ + path;
    curl_easy_setopt(h, CURLOPT_URL, url.c_str());
    curl_easy_setopt(h, CURLOPT_COPYPOSTFIELDS, body.c_str());  // verdict per object, see the callers below
    curl_easy_perform(h);
    curl_easy_cleanup(h);
  }

 private:
  std::string base_url_;
};

// The same, but the field is set in the constructor body.
class CrmClient {
 public:
  explicit CrmClient(const char* host) { base_url_ = std::string("https://") + host; }

  void upload(const Customer& c) const {
    CURL* h = curl_easy_init();
    curl_easy_setopt(h, CURLOPT_URL, (base_url_ + "/contacts").c_str());
    curl_easy_setopt(h, CURLOPT_COPYPOSTFIELDS, c.email.c_str());  // verdict per object, see the callers below
    curl_easy_cleanup(h);
  }

 private:
  std::string base_url_;
};

void via_constructor(const Shipment& s) {
  const TrackingClient cn("https://api.depot-partner.cn");
  cn.post("/events", s.tracking_no);  // expect: violation shipment.tracking
  const TrackingClient de("https://api.depot-partner.de");
  de.post("/events", s.tracking_no);  // expect: allowed shipment.tracking
  const TrackingClient internal("http://10.0.8.15:8080");
  internal.post("/events", s.destination);  // expect: allowed shipment.routing
}

void via_constructor_body(const Customer& c) {
  const CrmClient eu("crm.depot-partner.eu");
  eu.upload(c);  // expect: allowed customer.contact
  const CrmClient us("crm.depot-partner.com");
  us.upload(c);  // expect: violation customer.contact
}

void no_data(const Shipment& s) {
  const TrackingClient cn("https://api.depot-partner.cn");
  cn.post("/ping", s.tracking_no.empty() ? "empty" : "ok");  // expect-none
}
