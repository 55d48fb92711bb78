// A lambda that captures a local object and runs its method: the method reads the
// object's fields as the caller filled them (`[&q] { q.flush(); }` is `q.flush()`).
#include <curl/curl.h>

#include <functional>
#include <string>

#include "common/model.h"

namespace {

class Outbox {
 public:
  Outbox() : url_("https://events.parcel-mirror.example.cn/v1") {}
  void add(const Shipment& s) { body_ = s.tracking_no; }
  void note(int depot) { depot_ = std::to_string(depot); }
  void flush() {
    CURL* h = curl_easy_init();
    curl_easy_setopt(h, CURLOPT_URL, url_.c_str());
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, body_.c_str());  // expect: violation shipment.tracking
    curl_easy_perform(h);
  }
  void beat() {
    CURL* h = curl_easy_init();
    curl_easy_setopt(h, CURLOPT_URL, url_.c_str());
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, depot_.c_str());  // expect-none
    curl_easy_perform(h);
  }

 private:
  std::string url_;
  std::string body_;
  std::string depot_;
};

void run_later(const std::function<void()>& job) { job(); }

}  // namespace

void close_shift(const Shipment& s) {
  Outbox box;
  box.add(s);
  box.note(7);
  auto flush = [&box] { box.flush(); };
  flush();
  run_later([&] { box.beat(); });
}
