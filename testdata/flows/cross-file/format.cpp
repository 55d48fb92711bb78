// Helpers returning values built from records; used from callers.cpp.
#include "transport.h"

std::string contact_card(const Customer& c) { return c.name + " <" + c.email + ">"; }

std::string route_summary(const Shipment& s) { return s.origin + "->" + s.destination; }

std::string schema_version() { return "logistics/v4"; }
