// PickupRequest, part 2: the wire form and an edit.
#include <string>

#include "dispatch.h"

std::string PickupRequest::to_wire() const {
  return ref_ + "|" + reach_ + "|" + std::to_string(from_hour_) + "-" + std::to_string(to_hour_);
}

void PickupRequest::route_calls_to_depot() { reach_ = "+49 000 0000 (depot desk)"; }
