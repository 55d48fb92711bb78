// Constant records are no data: a constant global record's fields, read directly or
// copied over part of a record that held a customer's stop, carry no category (the
// field names `lat`/`lon` alone would say customer.location).
#include <curl/curl.h>

#include <string>
#include <vector>

namespace {

struct GeoPoint {
  double lat = 0.0;
  double lon = 0.0;
};
struct Recipient {
  std::string name;
  std::string postcode;
  GeoPoint position;
};
struct Parcel {
  std::string tracking_no;
  Recipient recipient;
};
struct Stop {
  Parcel parcel;
  int sequence = 0;
};
struct Tour {
  std::vector<Stop> stops;
};

const GeoPoint kDepot{51.41662, 12.22391};

void solve(const std::string& body) {
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, "https://vrp.solver-cloud.cn/v3/solve");
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_perform(h);
}

}  // namespace

void send_depot_start() {
  solve(std::to_string(kDepot.lat) + "," + std::to_string(kDepot.lon));  // expect-none
}

// A sample stop with its position and postcode replaced by the depot's before the
// warm-up request: only the sequence number and constants go out.
void warm_up(const Tour& tour) {
  Stop probe = tour.stops.empty() ? Stop{} : tour.stops.front();
  probe.parcel.recipient.position = kDepot;
  probe.parcel.recipient.postcode = "04435";
  solve(std::to_string(probe.parcel.recipient.position.lon) + probe.parcel.recipient.postcode);  // expect-none
  solve(probe.parcel.recipient.name);  // expect: violation customer.identity
}
