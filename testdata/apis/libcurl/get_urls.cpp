// What a URL carries is sent: a GET whose path or query holds a tracking number hands
// it to the server named by that same URL. A class whose base URL is a default member
// initializer (no constructor written) holds it in every object.
#include <curl/curl.h>

#include <string>

#include "common/model.h"

void lookup(const Shipment& s) {
  CURL* h = curl_easy_init();
  const std::string url = "https://track.parcel-mirror.example.cn/v3/" + s.tracking_no + "?lang=en";
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());  // expect: violation shipment.tracking
  curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
  curl_easy_perform(h);
  curl_easy_setopt(h, CURLOPT_URL, "https://track.parcel-mirror.example.cn/v3/status");  // expect-none
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}

struct Request {
  std::string url;
  std::string body;
};

class Client {
 public:
  void get(const Request& r) {
    CURL* h = curl_easy_init();
    curl_easy_setopt(h, CURLOPT_URL, r.url.c_str());
    curl_easy_perform(h);
    curl_easy_cleanup(h);
  }
};

class Tracker {
 public:
  void latest(const Shipment& s) {
    client_.get({base_ + "/" + s.tracking_no, ""});  // expect: violation shipment.tracking
  }

 private:
  Client client_;
  std::string base_ = "https://api.track-relay.example.cn/parcel/v3";
};

Tracker* make_tracker() { return new Tracker; }
