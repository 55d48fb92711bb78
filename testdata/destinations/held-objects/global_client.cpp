// Clients kept in globals and opened by a method in an init function: the handle
// each open() stores in its object keeps that object's URL for the later posts.
#include <curl/curl.h>

#include <string>

#include "common/model.h"

namespace {

class Uplink {
 public:
  void open(const std::string& url) {
    curl_ = curl_easy_init();
    curl_easy_setopt(curl_, CURLOPT_URL, url.c_str());
  }
  void post(const std::string& body) {
    curl_easy_setopt(curl_, CURLOPT_COPYPOSTFIELDS, body.c_str());
    curl_easy_perform(curl_);
  }

 private:
  CURL* curl_ = nullptr;
};

Uplink g_crm_uplink;
Uplink g_partner_uplink;

}  // namespace

void uplinks_open() {
  g_crm_uplink.open("https://crm.depot-partner.cn/v1");
  g_partner_uplink.open("https://scans.depot-partner.de/v1");
}

void uplinks_sync(const Customer& c, const Shipment& s) {
  g_crm_uplink.post(c.email);            // expect: violation customer.contact
  g_partner_uplink.post(s.tracking_no);  // expect: allowed shipment.tracking
}
