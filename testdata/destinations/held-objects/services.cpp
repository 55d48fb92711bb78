// The services send through whatever transport main() gave them; main.cpp says which.
#include "services.h"

void TrackingFeed::publish(const Shipment& s) { out_->send("/events", s.tracking_no); }

void ContactSync::push(const Customer& c) { out_->send("/contacts", c.email); }

void RouteMirror::mirror(const Shipment& s) { out_.send("/routes", s.destination); }

void Archiver::archive(const Shipment& s) { table_.at("archive")->send("shipments", s.tracking_no); }

void Archiver::archive_contact(const Customer& c) {
  Transport& mirror = *table_.at("mirror");
  mirror.send("contacts", c.phone);
}
