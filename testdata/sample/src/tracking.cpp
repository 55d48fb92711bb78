// Tracking events for the marketplace's status hook, and the hand-over of parcels
// to whichever linehaul partner the deployment configures.
#include <curl/curl.h>

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>

#include "depot/services.h"

namespace depot {

const std::string kStatusHookBase = "https://hooks.cargowatch-tianjin.cn";

// Scan event: which parcel, where it came from and where it is heading.
bool publish_status(const Consignment& c) {
  nlohmann::json event;
  event["waybill"] = c.waybill_number;
  event["from_hub"] = c.origin_hub;
  event["to_hub"] = c.destination_hub;
  event["status"] = "SORTED";
  return post_json(kStatusHookBase + "/v1/scan-events", event.dump());  // expect: violation shipment.tracking shipment.routing
}

// Linehaul hand-over; the partner's endpoint is only known at deployment time.
bool hand_over_to_linehaul(const Consignment& c) {
  const char* endpoint = std::getenv("LINEHAUL_PARTNER_URL");
  if (endpoint == nullptr) return false;
  const std::string form = "waybill=" + c.waybill_number + "&dest=" + c.destination_hub;
  CURL* h = curl_easy_init();
  if (h == nullptr) return false;
  curl_easy_setopt(h, CURLOPT_URL, endpoint);
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, form.c_str());  // expect: unresolved shipment.tracking shipment.routing
  const CURLcode rc = curl_easy_perform(h);
  curl_easy_cleanup(h);
  return rc == CURLE_OK;
}

}  // namespace depot
