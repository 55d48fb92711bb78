// A hub scanner's record of one parcel scan, as a third-party test would define it.
#pragma once

#include <string>

struct ParcelScan {
  std::string waybill;       // shipment.tracking
  std::string gross_weight;  // shipment.metrics, as scanned text ("12.40")
  std::string scanner_id;    // not classified
  std::string depot_code;    // not classified
};
