// Field names that qualify what they hold: a tracking number named for its leg
// (`return_tracking`, `outbound_tracking`), money named for its currency
// (`net_refund_eur`), and values held in std::optional (of the held type's class).
#include <sys/socket.h>

#include <optional>
#include <string>
#include <vector>

struct ReturnLine {
  std::string sku;
  int weight_g = 0;  // a shipment's: the return request holds its lines
};

struct ReturnRequest {
  std::string rma_id;
  std::string outbound_tracking;               // evidence: a shipment record
  std::optional<std::string> return_tracking;  // an optional string is a string
  std::vector<ReturnLine> lines;
  bool tracking_enabled = false;  // a flag, not a number
};

struct RefundQuote {
  std::string rma_id;
  double gross_eur = 0;
  double net_refund_eur = 0;
  int lines_refunded = 0;
};

void report(int fd, const ReturnRequest& r, const RefundQuote& q) {
  send(fd, r.outbound_tracking.data(), r.outbound_tracking.size(), 0);  // expect: unresolved shipment.tracking
  const std::string back = r.return_tracking.value_or("");
  send(fd, back.data(), back.size(), 0);           // expect: unresolved shipment.tracking
  send(fd, &r.lines[0].weight_g, sizeof(int), 0);  // expect: unresolved shipment.metrics
  send(fd, &r.tracking_enabled, sizeof(bool), 0);  // expect-none
  send(fd, &q.net_refund_eur, sizeof(double), 0);  // expect: unresolved seller.commercial
  send(fd, &q.lines_refunded, sizeof(int), 0);     // expect-none
  send(fd, q.rma_id.data(), q.rma_id.size(), 0);   // expect-none
}

struct ProofOfDelivery {
  std::string signer_name;
  int gps_lat_e7 = 0;  // degrees x 10^7
  int gps_lon_e7 = 0;
  int battery_e2 = 0;
};

void report_pod(int fd, const ProofOfDelivery& pod) {
  send(fd, &pod.gps_lat_e7, sizeof(int), 0);  // expect: unresolved customer.location
  send(fd, &pod.battery_e2, sizeof(int), 0);  // expect-none
}
