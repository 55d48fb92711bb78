// URLs assembled from constant parts. The host is resolved as long as it ends inside
// the constant text: .de hosts are allowed for shipment data, .cn hosts are denied.
#include <curl/curl.h>

#include <sstream>
#include <string>

#include "common/model.h"

namespace {
constexpr const char* kScheme = "https://";
const std::string kBaseDe = "https://hub.depot-partner.de";
const std::string kBaseCn = "https://hub.depot-partner.cn";
}  // namespace

void plus_operator(const Shipment& s) {
  CURL* h = curl_easy_init();
  const std::string de = kBaseDe + "/api/" + "events";
  curl_easy_setopt(h, CURLOPT_URL, de.c_str());
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, s.tracking_no.c_str());  // expect: allowed shipment.tracking
  const std::string cn = std::string(kScheme) + "hub.depot-partner.cn" + ":8443" + "/api";
  curl_easy_setopt(h, CURLOPT_URL, cn.c_str());
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, s.tracking_no.c_str());  // expect: violation shipment.tracking
}

void append_calls(const Shipment& s) {
  std::string de = kScheme;
  de.append("hub.depot-partner");
  de.append(".de");
  de.append("/api");
  CURL* a = curl_easy_init();
  curl_easy_setopt(a, CURLOPT_URL, de.c_str());
  curl_easy_setopt(a, CURLOPT_POSTFIELDS, s.origin.c_str());  // expect: allowed shipment.routing
  std::string cn = kBaseCn;
  cn.append("/api/v2");
  CURL* b = curl_easy_init();
  curl_easy_setopt(b, CURLOPT_URL, cn.c_str());
  curl_easy_setopt(b, CURLOPT_POSTFIELDS, s.origin.c_str());  // expect: violation shipment.routing
}

void plus_assign(const Shipment& s) {
  std::string cn = "https://";
  cn += "hub.depot-partner.cn";
  cn += "/api";
  CURL* a = curl_easy_init();
  curl_easy_setopt(a, CURLOPT_URL, cn.c_str());
  curl_easy_setopt(a, CURLOPT_POSTFIELDS, s.destination.c_str());  // expect: violation shipment.routing
  std::string de = kBaseDe;
  de += "/api";
  CURL* b = curl_easy_init();
  curl_easy_setopt(b, CURLOPT_URL, de.c_str());
  curl_easy_setopt(b, CURLOPT_POSTFIELDS, s.destination.c_str());  // expect: allowed shipment.routing
}

void string_stream(const Shipment& s) {
  std::ostringstream cn;
  cn << kScheme << "hub.depot-partner.cn" << ":" << 8443 << "/api";
  const std::string cn_url = cn.str();
  CURL* a = curl_easy_init();
  curl_easy_setopt(a, CURLOPT_URL, cn_url.c_str());
  curl_easy_setopt(a, CURLOPT_POSTFIELDS, s.tracking_no.c_str());  // expect: violation shipment.tracking
  std::ostringstream de;
  de << kBaseDe << "/api/events";
  CURL* b = curl_easy_init();
  curl_easy_setopt(b, CURLOPT_URL, de.str().c_str());
  curl_easy_setopt(b, CURLOPT_POSTFIELDS, s.tracking_no.c_str());  // expect: allowed shipment.tracking
}

// A path built from data after a constant host: the host is still known.
void data_in_path(const Shipment& s) {
  CURL* h = curl_easy_init();
  const std::string url = kBaseCn + "/track/" + s.tracking_no;
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, s.origin.c_str());  // expect: violation shipment.routing
}

// Unresolved: the host itself is assembled from a value that is not constant.
void data_in_host(const Shipment& s) {
  CURL* h = curl_easy_init();
  const std::string url = std::string(kScheme) + s.destination + ".hubs.depot-partner.de/api";
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, s.origin.c_str());  // expect: unresolved shipment.routing
}

// Negative: a constant URL built in a stream, but only a fixed status text is sent.
void status_only(const Shipment& s) {
  std::ostringstream cn;
  cn << kBaseCn << "/status";
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, cn.str().c_str());
  const std::string body = s.tracking_no.empty() ? "empty" : "ok";
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.c_str());  // expect-none
}

// A port written as a character and a number the caller holds (`<< ':' <<
// ep.port`): the host ends at the colon, so it is known whatever the port.
struct Endpoint {
  std::string host;
  int port = 443;
};

void port_after_character(const Shipment& s, const Endpoint& ep) {
  std::ostringstream u;
  u << kScheme << ep.host;
  if (ep.port != 443) u << ':' << ep.port;
  u << "/api";
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, u.str().c_str());
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, s.tracking_no.c_str());  // expect: allowed shipment.tracking
}

void post_to_hub(const Shipment& s) {
  const Endpoint hub{"hub.depot-partner.de", 8443};
  port_after_character(s, hub);
}
