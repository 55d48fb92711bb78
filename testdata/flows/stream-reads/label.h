// A C-style label record as filled from a carrier's fixed-width feed.
#pragma once

struct parcel_label {
  char waybill[32];          // shipment.tracking
  char recipient_phone[24];  // customer.contact
  char declared_value[16];   // shipment.contents ("129.90")
  int pieces;                // not classified
};
