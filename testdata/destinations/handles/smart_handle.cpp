// A client keeps its libcurl handle in a std::unique_ptr with a deleter, behind a
// pointer to its implementation; a method takes the raw handle into a local
// (`CURL* h = impl_->handle.get()`): that is the handle, with the URL set on it,
// not a buffer the method writes into.
#include <curl/curl.h>

#include <memory>
#include <string>

#include "common/model.h"

namespace {

struct CurlDeleter {
  void operator()(CURL* h) const noexcept { curl_easy_cleanup(h); }
};

class LabelClient {
 public:
  LabelClient() : impl_(std::make_unique<Impl>()) { impl_->handle.reset(curl_easy_init()); }

  long post(const std::string& url, const std::string& body) {
    CURL* h = impl_->handle.get();
    if (!h) return -1;
    curl_easy_setopt(h, CURLOPT_URL, url.c_str());
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.c_str());
    return curl_easy_perform(h) == CURLE_OK ? 0 : -1;
  }

 private:
  struct Impl {
    std::unique_ptr<CURL, CurlDeleter> handle;
  };
  std::unique_ptr<Impl> impl_;
};

}  // namespace

void book_labels(const Shipment& s) {
  LabelClient client;
  client.post("https://labels.partner.example.cn/v1", s.recipient.name);   // expect: violation customer.identity
  client.post("https://api.carrier.example.de/v1/labels", s.tracking_no);  // expect: allowed shipment.tracking
}

// A RAII wrapper whose getter hands out what its smart pointer manages
// (`CURL* get() const { return handle_.get(); }`): each `handle.get()` is the same
// handle, so the URL set through one call is where the next one posts.
namespace {

class EasyHandle {
 public:
  EasyHandle() : handle_(curl_easy_init()) {}
  CURL* get() const noexcept { return handle_.get(); }

 private:
  std::unique_ptr<CURL, CurlDeleter> handle_;
};

class HandoverApi {
 public:
  HandoverApi() : url_(std::string("https://") + "api.carrier.example.de" + "/handovers") {}

  void hand_over(const Shipment& s) {
    EasyHandle handle;
    curl_easy_setopt(handle.get(), CURLOPT_URL, url_.c_str());
    curl_easy_setopt(handle.get(), CURLOPT_POSTFIELDS, s.recipient.name.c_str());  // expect: allowed customer.identity
    curl_easy_perform(handle.get());
  }

 private:
  std::string url_;
};

}  // namespace

void hand_over_all(const Shipment& s) { HandoverApi().hand_over(s); }
