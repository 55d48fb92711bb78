// Work run later or elsewhere: a std::function member set in one method and called
// in another, a queue of jobs filled by one method and drained by another, a local
// queue (the captures travel with the queued job), and functions run on another
// thread by std::thread and std::async (what they send is sent all the same).
#include <curl/curl.h>

#include <deque>
#include <functional>
#include <future>
#include <string>
#include <thread>

#include "common/model.h"

namespace {

void post_to_crm(const std::string& body) {
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, "https://crm.depot-partner.cn/v1");
  curl_easy_setopt(h, CURLOPT_COPYPOSTFIELDS, body.c_str());
  curl_easy_perform(h);
}

class Outbox {
 public:
  void queue_contact(const Customer& c) {
    jobs_.emplace_back([body = c.email] { post_to_crm(body); });  // expect: violation customer.contact
  }
  void queue_ping() {
    jobs_.emplace_back([] { post_to_crm("ping"); });
  }
  void on_close(const Customer& c) {
    finisher_ = [body = c.phone] { post_to_crm(body); };  // expect: violation customer.contact
  }
  void drain() {
    while (!jobs_.empty()) {
      auto job = std::move(jobs_.front());
      jobs_.pop_front();
      job();
    }
    if (finisher_) finisher_();
  }

 private:
  std::deque<std::function<void()>> jobs_;
  std::function<void()> finisher_;
};

}  // namespace

void send_outbox(const Customer& c) {
  Outbox box;
  box.queue_contact(c);
  box.queue_ping();
  box.on_close(c);
  box.drain();
}

void send_local_queue(const Shipment& s) {
  std::deque<std::function<void()>> jobs;
  jobs.push_back([body = s.tracking_no] { post_to_crm(body); });        // expect: violation shipment.tracking
  jobs.push_back([body = std::string("ping")] { post_to_crm(body); });  // a later job does not replace it
  auto job = jobs.front();
  job();
}

void sync_on_threads(const Customer& c) {
  std::thread by_lambda([body = c.name] { post_to_crm(body); });  // expect: violation customer.identity
  by_lambda.join();
  std::thread by_function(post_to_crm, c.email);  // expect: violation customer.contact
  by_function.join();
  std::thread idle([] { post_to_crm("ping"); });  // expect-none
  idle.join();
}

void sync_as_tasks(const Customer& c) {
  auto now =
      std::async(std::launch::async, [body = c.email] { post_to_crm(body); });  // expect: violation customer.contact
  now.get();
  auto later = std::async(post_to_crm, c.name);  // expect: violation customer.identity
  later.get();
}
