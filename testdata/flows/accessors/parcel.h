// A record behind accessors, defined inline as most code does: callers read and write
// the fields through them.
#pragma once
#include <string>

class Parcel {
 public:
  const std::string& trackingNo() const { return tracking_no_; }
  const std::string& consigneeName() const { return consignee_name_; }
  const std::string& consigneePhone() const { return consignee_phone_; }
  const std::string& note() const { return note_; }
  void setConsigneeName(const std::string& v) { consignee_name_ = v; }
  void setConsigneePhone(std::string v) { consignee_phone_ = std::move(v); }
  void setNote(const std::string& v) { note_ = v; }
  void clearContact() {
    consignee_name_ = "";
    consignee_phone_ = "";
  }

 private:
  std::string tracking_no_;
  std::string consignee_name_;
  std::string consignee_phone_;
  std::string note_;
};

extern const char* const kClaimsDesk;
extern const char* const kClaimsPhone;
void post_json(const std::string& path, const std::string& body);
