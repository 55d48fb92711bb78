// A client whose constructor takes its base URL as a default argument, built by
// std::make_shared with no arguments in a composition root. The handlers (nobody
// in the scan calls them) add their own parameter to the path: the base is still
// known, the parameter is left as it is.
#include <memory>
#include <string>

#include "common/model.h"
#include "common/post.h"

class Uploader {
 public:
  explicit Uploader(std::string base = "https://upload.parcel-mirror.example.cn") : base_(std::move(base)) {}
  void put(const std::string& path, const std::string& body) { post(base_ + path, body); }

 private:
  std::string base_;
};

class Nightly {
 public:
  Nightly() { uploader_ = std::make_shared<Uploader>(); }
  void onClose(const std::string& day, const Shipment& s) {
    uploader_->put("/days/" + day, s.tracking_no);  // expect: violation shipment.tracking
  }

 private:
  std::shared_ptr<Uploader> uploader_;
};
