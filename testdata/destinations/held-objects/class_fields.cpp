// Methods nobody in the scan calls (a slot, a callback wired up elsewhere) send to a
// field of their object: its values are what the class's own methods store there,
// when every such store is known. One the caller gives stays unresolved.
#include <string>

#include "common/model.h"
#include "common/post.h"

class SorterFeed {
 public:
  SorterFeed() : plc_("10.40.0.20") {}
  void reroute() { plc_ = "10.40.0.21"; }
  void announce(const Shipment& s) {
    post("http://" + plc_ + "/sort", s.tracking_no);  // expect: allowed shipment.tracking
  }

 private:
  std::string plc_;
};

class PartnerFeed {
 public:
  explicit PartnerFeed(std::string url) : url_(std::move(url)) {}
  void announce(const Shipment& s) {
    post(url_, s.tracking_no);  // expect: unresolved shipment.tracking
  }

 private:
  std::string url_;
};

// A controller nobody calls holds a feed: the feed's field is whatever the feed's
// class sets it to, whichever feed the controller holds.
class Controller {
 public:
  explicit Controller(SorterFeed* feed) : feed_(feed) {}
  void onScan(const Shipment& s) { feed_->announce(s); }  // expect: allowed shipment.tracking

 private:
  SorterFeed* feed_;
};
