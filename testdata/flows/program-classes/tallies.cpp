// Member maps handed out by reference getters and iterated by the caller: the keys
// and the mapped values were filled from different sources, so what is sent
// depends on which half of each entry the loop reads.
#include <sys/socket.h>

#include <map>
#include <string>
#include <unordered_map>

#include "common/model.h"

// Per route stop: its sequence number -> the customer's street.
class DropSheet {
 public:
  void add_drop(const Customer& c) { streets_[++next_] = c.street; }
  const std::map<int, std::string>& streets() const { return streets_; }

 private:
  std::map<int, std::string> streets_;
  int next_ = 0;
};

// Per tracking number -> the weight booked for it.
class WeighBridge {
 public:
  void weigh(const Shipment& s) { kilos_[s.tracking_no] += s.weight_kg; }
  const std::unordered_map<std::string, double>& kilos() const { return kilos_; }

 private:
  std::unordered_map<std::string, double> kilos_;
};

void upload_drop_streets(int fd, const Customer& c) {
  DropSheet sheet;
  sheet.add_drop(c);
  for (const auto& [seq, street] : sheet.streets()) send(fd, street.data(), street.size(), 0);  // expect: unresolved customer.address
}

void upload_drop_numbers(int fd, const Customer& c) {
  DropSheet sheet;
  sheet.add_drop(c);
  for (const auto& [seq, street] : sheet.streets()) send(fd, &seq, sizeof seq, 0);  // expect-none
}

void upload_weighed_refs(int fd, const Shipment& s) {
  WeighBridge bridge;
  bridge.weigh(s);
  for (const auto& entry : bridge.kilos()) send(fd, entry.first.data(), entry.first.size(), 0);  // expect: unresolved shipment.tracking
}

void upload_weights(int fd, const Shipment& s) {
  WeighBridge bridge;
  bridge.weigh(s);
  for (const auto& entry : bridge.kilos()) send(fd, &entry.second, sizeof entry.second, 0);  // expect: unresolved shipment.metrics
}
