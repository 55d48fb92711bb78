// Flows a reviewer accepted, written next to the code that sends the data.
#include <curl/curl.h>

#include <string>

#include "common/model.h"

static void post(const char* url, const std::string& body) {
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url);
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}

void sms(const Customer& c) {
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, "https://push.relay.example.cn/v1/sms");
  // egress-audit: allow customer.contact to *.relay.example.cn -- SMS relay under DPA-17, reviewed by the DPO until 2027-06-30
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, c.phone.c_str());
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}

void through_wrapper(const Customer& c) {
  post("https://mail.relay.example.cn/v1/mail", c.email);  // egress-audit: allow customer.* -- mail relay, DPA-18
}

void expired(const Customer& c) {
  // egress-audit: allow customer.contact -- pilot with the old relay until 2026-01-31
  post("https://old.relay.example.cn/v1/sms", c.phone);
}

void partial(const Customer& c, const Shipment& s) {
  // egress-audit: allow customer.contact -- only the phone was reviewed
  post("https://track.relay.example.cn/v1/t", c.phone + s.tracking_no);
}

void other_host(const Customer& c) {
  // egress-audit: allow customer.contact to *.relay.example.de -- the German relay only
  post("https://sms.example.ru/v1/sms", c.phone);
}
