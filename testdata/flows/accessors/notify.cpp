// Getters read the field they return, in a second TU including the same header.
#include "parcel.h"

#include <vector>

void notify(const Parcel& p) {
  post_json("/notify", p.trackingNo() + ":" + p.consigneePhone());  // expect: violation customer.contact shipment.tracking
}

void notify_note(Parcel p) {
  p.setNote("handle with care");
  post_json("/note", p.note());  // expect-none
}

// One element of many: writing one does not clear the others.
void notify_all(std::vector<Parcel>& parcels, unsigned i) {
  parcels[i].clearContact();
  post_json("/all", parcels[0].consigneePhone());  // expect: violation customer.contact
}
