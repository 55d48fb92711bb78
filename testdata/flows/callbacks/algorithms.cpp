// Lambdas run by standard algorithms: std::for_each filling a captured container,
// std::transform writing each lambda result to an output, a named lambda variable.
#include <curl/curl.h>

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

#include "common/model.h"

namespace {

void post(const char* url, const std::string& body) {
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url);
  curl_easy_setopt(h, CURLOPT_COPYPOSTFIELDS, body.c_str());
  curl_easy_perform(h);
}

}  // namespace

void collect_with_for_each(const std::vector<Shipment>& shipments) {
  std::string batch;
  std::for_each(shipments.begin(), shipments.end(), [&batch](const Shipment& s) { batch += s.tracking_no + ";"; });
  post("https://batch.depot-partner.cn/in", batch);  // expect: violation shipment.tracking
}

void rows_with_transform(const std::vector<Customer>& customers) {
  std::vector<std::string> rows;
  std::transform(customers.begin(), customers.end(), std::back_inserter(rows),
                 [](const Customer& c) { return c.name + "," + c.city; });
  for (const std::string& row : rows) post("https://crm.depot-partner.cn/rows", row);  // expect: violation customer.identity customer.address
}

void named_lambda(const std::vector<Shipment>& shipments) {
  std::vector<std::string> seen;
  const auto remember = [&seen](const Shipment& s) { seen.push_back(s.destination); };
  std::for_each(shipments.begin(), shipments.end(), remember);
  for (const std::string& d : seen) post("https://routes.depot-partner.de/in", d);  // expect: allowed shipment.routing
}

void counts_only(const std::vector<Shipment>& shipments) {
  std::size_t heavy = 0;
  std::for_each(shipments.begin(), shipments.end(), [&heavy](const Shipment& s) { heavy += s.weight_kg > 30 ? 1 : 0; });
  post("https://stats.depot-partner.cn/in", std::to_string(heavy));  // expect-none
}
