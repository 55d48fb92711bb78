// A justification must say why.
#include <curl/curl.h>

#include "common/model.h"

void sms(const Customer& c) {
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, "https://push.relay.example.cn/v1/sms");
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, c.phone.c_str());  // egress-audit: allow customer.contact
}
