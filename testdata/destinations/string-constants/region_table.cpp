// A constant table of endpoints indexed by region: a constant index names one
// entry; an index known only at run time may be any of them.
#include <curl/curl.h>

#include "common/model.h"

namespace {

enum Region { kGermany, kChina };
constexpr const char* kRegionEndpoints[] = {"https://api.depot-partner.de/v1", "https://gw.depot-partner.cn/v1"};

void post(const char* url, const std::string& body) {
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url);
  curl_easy_setopt(h, CURLOPT_COPYPOSTFIELDS, body.c_str());
  curl_easy_perform(h);
}

}  // namespace

void send_to_germany(const Shipment& s) {
  post(kRegionEndpoints[kGermany], s.tracking_no);  // expect: allowed shipment.tracking
}

void send_to_china(const Shipment& s) {
  post(kRegionEndpoints[kChina], s.tracking_no);  // expect: violation shipment.tracking
}

void send_to_region(Region r, const Shipment& s) {
  post(kRegionEndpoints[r], s.tracking_no);  // expect: violation shipment.tracking
}
