// Out-of-line members of Label: the constructor body assigns the fields.
#include "orders.h"

Label::Label(const Shipment& s) {
  text_ = s.tracking_no;
  mass_ = s.weight_kg;
}

const std::string& Label::text() const { return text_; }

double Label::mass() const { return mass_; }
