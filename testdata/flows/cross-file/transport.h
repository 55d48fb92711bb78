// Declarations shared by the cross-file cases.
#pragma once

#include <string>
#include <utility>

#include "common/model.h"

// transport.cpp: network wrappers.
void post(const std::string& url, const std::string& body);
void send_to_depot(const std::string& payload);

// A client bound to a base URL by its constructor (inline here); post_json() is
// defined in transport.cpp.
class ApiClient {
 public:
  explicit ApiClient(std::string base) : base_(std::move(base)) {}
  void post_json(const std::string& path, const std::string& json);

 private:
  std::string base_;
};

// Defined in transport.cpp.
extern const std::string kPartnerBase;

// format.cpp: helpers returning (or not) classified data.
std::string contact_card(const Customer& c);
std::string route_summary(const Shipment& s);
std::string schema_version();

// A message queue whose methods are defined in transport.cpp: clear() empties the
// queue, set_contact() overwrites the contact, add() appends.
class Spool {
 public:
  void add(const std::string& line);
  void clear();
  void set_contact(const std::string& who);
  void flush(int fd) const;  // sends the queue and the contact

 private:
  std::string queue_;
  std::string contact_;
};
