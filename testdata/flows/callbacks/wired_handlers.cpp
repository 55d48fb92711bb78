// Handlers put into an object's field by another function (a wiring function the
// object is handed to), and run later through that field by a method of the
// object: the send happens in the handler that was stored.
#include <curl/curl.h>

#include <functional>
#include <string>

#include "common/model.h"

namespace {

void postTo(const char* url, const std::string& body) {
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url);
  curl_easy_setopt(h, CURLOPT_COPYPOSTFIELDS, body.c_str());
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}

struct Notifier {
  std::function<void(const std::string&)> onSend;
  std::function<void(const std::string&)> onLog;
  void fire(const std::string& text) { onSend(text); }
  void note(const std::string& text) { onLog(text); }
};

// The sender goes abroad; the logger only counts.
void wire(Notifier& n) {
  n.onSend = [](const std::string& s) { postTo("https://notify.example.cn/send", s); };
  n.onLog = [](const std::string& s) { (void)s.size(); };
}

// A wrapper that hands its object on to the wiring function.
void wireAll(Notifier& n) { wire(n); }

}  // namespace

void notifyCustomer(const Customer& c) {
  Notifier n;
  wire(n);
  n.fire(c.email);  // expect: violation customer.contact
  n.note(c.phone);  // expect-none
}

// Called through the field in the function that had it wired.
void notifyCustomerHere(const Customer& c) {
  Notifier n;
  wire(n);
  n.onSend(c.email);  // expect: violation customer.contact
  n.onLog(c.phone);   // expect-none
}

// Wired through a wrapper: the handlers stored are those the wiring function stores.
void notifyCustomerWrapped(const Customer& c) {
  Notifier n;
  wireAll(n);
  n.fire(c.email);  // expect: violation customer.contact
  n.note(c.phone);  // expect-none
}
