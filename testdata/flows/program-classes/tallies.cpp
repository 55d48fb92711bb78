// Member maps handed out by reference getters and iterated by the caller: the keys
// and the mapped values were filled from different sources, so what is sent
// depends on which half of each entry the loop reads.
#include <sys/socket.h>

#include <map>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

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

// Rows of (dock number, tracking number, customer phone), one per arrival.
class ArrivalBoard {
 public:
  void arrive(int dock, const Shipment& s, const Customer& c) { rows_.emplace_back(dock, s.tracking_no, c.phone); }
  const std::tuple<int, std::string, std::string>& newest() const { return rows_.back(); }
  const std::vector<std::tuple<int, std::string, std::string>>& rows() const { return rows_; }

 private:
  std::vector<std::tuple<int, std::string, std::string>> rows_;
};

void upload_newest_dock(int fd, const Shipment& s, const Customer& c) {
  ArrivalBoard board;
  board.arrive(4, s, c);
  const int dock = std::get<0>(board.newest());
  send(fd, &dock, sizeof dock, 0);  // expect-none
}

void upload_arrival_phones(int fd, const Shipment& s, const Customer& c) {
  ArrivalBoard board;
  board.arrive(4, s, c);
  for (const auto& [dock, ref, phone] : board.rows()) send(fd, phone.data(), phone.size(), 0);  // expect: unresolved customer.contact
}

void upload_arrival_docks(int fd, const Shipment& s, const Customer& c) {
  ArrivalBoard board;
  board.arrive(4, s, c);
  for (const auto& row : board.rows()) send(fd, &std::get<0>(row), sizeof(int), 0);  // expect-none
}

// A route sheet's customer remark, wiped by a method defined in the class.
class RouteSheet {
 public:
  void remark(const Customer& c) { remark_ = c.phone; }
  void wipe() { remark_.clear(); }
  const std::string& remark() const { return remark_; }

 private:
  std::string remark_;
};

void upload_wiped_remark(int fd, const Customer& c) {
  RouteSheet sheet;
  sheet.remark(c);
  sheet.wipe();
  send(fd, sheet.remark().data(), sheet.remark().size(), 0);  // expect-none
}

void upload_remark(int fd, const Customer& c) {
  RouteSheet sheet;
  sheet.remark(c);
  send(fd, sheet.remark().data(), sheet.remark().size(), 0);  // expect: unresolved customer.contact
}

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
