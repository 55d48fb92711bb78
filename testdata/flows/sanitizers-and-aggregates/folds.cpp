// Folds: std::accumulate / std::reduce are what their function makes of the
// elements. A parcel's total weight is still a weight; a count of units, built from
// a field no category names, carries nothing; a plain sum of weights is a weight.
#include <sys/socket.h>

#include <numeric>
#include <string>
#include <vector>

struct ParcelLine {
  std::string sku;
  int weight_g = 0;
  int quantity = 1;
};

struct Parcel {
  std::string tracking_no;
  std::vector<ParcelLine> lines;
  std::vector<int> piece_weights;  // weights of the pieces, in grams
};

void report_totals(int fd, const Parcel& p) {
  const int weight = std::accumulate(p.lines.begin(), p.lines.end(), 0,
                                     [](int sum, const ParcelLine& l) { return sum + l.weight_g * l.quantity; });
  send(fd, &weight, sizeof weight, 0);  // expect: unresolved shipment.metrics

  const int units = std::accumulate(p.lines.begin(), p.lines.end(), 0,
                                    [](int sum, const ParcelLine& l) { return sum + l.quantity; });
  send(fd, &units, sizeof units, 0);  // expect-none

  const int pieces = std::reduce(p.piece_weights.begin(), p.piece_weights.end(), 0);
  send(fd, &pieces, sizeof pieces, 0);  // expect: unresolved shipment.metrics
}
