// A waybill line as a dispatch system keeps it.
#pragma once

#include <string>

struct WaybillEntry {
  std::string waybill_no;      // shipment.tracking
  std::string consignee_name;  // customer.identity
  std::string phone;           // customer.contact
  std::string depot;           // not data: the depot code
};
