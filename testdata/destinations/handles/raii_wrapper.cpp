// A RAII wrapper owns the libcurl handle and hands it out through a getter
// returning the pointer: each `h.get()` is the same handle, with the URL set on it.
#include <curl/curl.h>

#include <string>

#include "common/model.h"

namespace {

class EasyHandle {
 public:
  EasyHandle() : handle_(curl_easy_init()) {}
  ~EasyHandle() { curl_easy_cleanup(handle_); }
  CURL* get() const noexcept { return handle_; }
  explicit operator bool() const noexcept { return handle_ != nullptr; }

 private:
  CURL* handle_ = nullptr;
};

}  // namespace

void hand_over_label(const Shipment& s) {
  EasyHandle h;
  if (!h) return;
  curl_easy_setopt(h.get(), CURLOPT_URL, "https://api.carrier.example.de/v1/labels");
  curl_easy_setopt(h.get(), CURLOPT_POSTFIELDS, s.recipient.name.c_str());  // expect: allowed customer.identity
  curl_easy_perform(h.get());
}

void mirror_label(const Shipment& s) {
  EasyHandle h;
  curl_easy_setopt(h.get(), CURLOPT_URL, "https://labels.mirror.example.cn/v1");
  curl_easy_setopt(h.get(), CURLOPT_POSTFIELDS, s.tracking_no.c_str());  // expect: violation shipment.tracking
  curl_easy_perform(h.get());
}
