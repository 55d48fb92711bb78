// A function of the program that calls the lambda it is handed (a field visitor, a
// reflection table walked with std::apply): what the lambda accumulates in a
// variable it captures by reference is in that variable after the call.
#include <curl/curl.h>

#include <string>
#include <tuple>
#include <utility>

#include "common/model.h"

namespace {

template <class F>
void each_text_field(const Shipment& s, F&& f) {
  f("tracking_no", s.tracking_no);
  f("destination", s.destination);
}

std::string to_query(const Shipment& s) {
  std::string out;
  each_text_field(s, [&](const char* key, const std::string& value) {
    out += key;
    out += "=";
    out += value;
    out += "&";
  });
  return out;
}

// Records that list their fields as member pointers; a template walks the list.
struct Stop {
  std::string consignee;
  std::string street;
  int parcels = 0;
  static constexpr auto fields = std::make_tuple(std::pair{"consignee", &Stop::consignee},
                                                 std::pair{"street", &Stop::street},
                                                 std::pair{"parcels", &Stop::parcels});
};

struct DepotTotals {
  int delivered = 0;
  int returned = 0;
  static constexpr auto fields =
      std::make_tuple(std::pair{"delivered", &DepotTotals::delivered}, std::pair{"returned", &DepotTotals::returned});
};

template <class T, class F>
void for_each_field(const T& record, F&& f) {
  std::apply([&](const auto&... field) { (f(field.first, record.*(field.second)), ...); }, T::fields);
}

std::string cell(const std::string& s) { return s; }
std::string cell(int n) { return std::to_string(n); }

template <class T>
std::string to_csv_row(const T& record) {
  std::string row;
  for_each_field(record, [&](const char*, const auto& value) {
    row += cell(value);
    row += ";";
  });
  return row;
}

void post(const std::string& url, const std::string& body) {
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_perform(h);
}

}  // namespace

void publish_visited(const Shipment& s, const Stop& stop, const DepotTotals& totals) {
  post("https://track.partner.example.cn/q", to_query(s));  // expect: violation shipment.tracking shipment.routing
  post("https://stops.partner.example.cn/csv", to_csv_row(stop));  // expect: violation customer.identity customer.address
  post("https://stats.partner.example.cn/csv", to_csv_row(totals));  // expect-none
}
