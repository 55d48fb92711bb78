// PickupRequest, part 1: construction through the builder.
#include <utility>

#include "dispatch.h"

PickupRequest::PickupRequest(std::string ref, std::string reach, int from_hour, int to_hour)
    : ref_(std::move(ref)), reach_(std::move(reach)), from_hour_(from_hour), to_hour_(to_hour) {}

PickupRequest PickupRequest::Builder::build() const {
  return PickupRequest(ref_, reach_, from_hour_, to_hour_);
}
