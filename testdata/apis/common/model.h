// Record types shared by the library model cases.
#pragma once

#include <string>

struct Customer {
  std::string name;
  std::string email;
  std::string phone;
  std::string street;
  std::string city;
};

struct Shipment {
  std::string tracking_no;
  std::string origin;
  std::string destination;
  double weight_kg = 0.0;
  Customer recipient;
};

struct Options {
  bool email_enabled = false;
  int address_family = 0;
  std::string site_code;
};
