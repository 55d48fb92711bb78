// Domain model of the courier depot: who receives a consignment, which merchant
// shipped it, and the consignment itself.
#pragma once

#include <string>
#include <vector>

namespace depot {

// The person a parcel is delivered to.
struct Recipient {
  std::string full_name;
  std::string email;
  std::string phone_number;
  std::string street_address;
  std::string zip;
  std::string town;
  double latitude = 0.0;
  double longitude = 0.0;
};

// The web shop or trader that hands parcels to the depot.
struct Merchant {
  std::string merchant_id;
  std::string company_name;
  std::string vat_number;
};

// One parcel moving through the depot.
struct Consignment {
  std::string waybill_number;
  std::string contents_description;
  std::string hs_code;
  double declared_value = 0.0;
  int weight_grams = 0;
  std::string origin_hub;
  std::string destination_hub;
  Recipient to;
  Merchant from;
};

// Runtime switches of a depot. None of these is customer, seller or shipment data.
struct DepotConfig {
  bool email_enabled = true;
  int address_family = 2;  // AF_INET
  std::string depot_code;
};

using Batch = std::vector<Consignment>;

}  // namespace depot
