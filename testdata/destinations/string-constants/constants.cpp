// String constants of every kind as the URL of a libcurl handle. Shipment data may go
// to any EU-located host (.de) but nothing may go to China (.cn), so each verdict shows
// that the constant was resolved to its host.
#include <curl/curl.h>

#include <string>
#include <string_view>

#include "common/model.h"
#include "endpoints.h"

#define TRACKING_URL_DE "https://tracking.depot-partner.de/v1/events"
#define TRACKING_URL_CN "https://tracking.depot-partner.cn/v1/events"

namespace {
constexpr const char* kConstexprDe = "https://constexpr.depot-partner.de/in";
constexpr const char* kConstexprCn = "https://constexpr.depot-partner.cn/in";
static const char kArrayDe[] = "https://array.depot-partner.de/in";
static const char kArrayCn[] = "https://array.depot-partner.cn/in";
const std::string kStringDe = "https://string.depot-partner.de/in";
const std::string kStringCn = "https://string.depot-partner.cn/in";
constexpr std::string_view kViewCn = "https://view.depot-partner.cn/in";
}  // namespace

struct Endpoints {
  static constexpr const char* kMemberDe = "https://member.depot-partner.de/in";
  static const std::string kMemberCn;
};
const std::string Endpoints::kMemberCn = "https://member.depot-partner.cn/in";

void post_literal(const Shipment& s) {
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, "https://literal.depot-partner.de/in");
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, s.tracking_no.c_str());  // expect: allowed shipment.tracking
  curl_easy_setopt(h, CURLOPT_URL, "https://literal.depot-partner.cn/in");
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, s.tracking_no.c_str());  // expect: violation shipment.tracking
  curl_easy_cleanup(h);
}

void post_constexpr(const Shipment& s) {
  CURL* de = curl_easy_init();
  curl_easy_setopt(de, CURLOPT_URL, kConstexprDe);
  curl_easy_setopt(de, CURLOPT_POSTFIELDS, s.origin.c_str());  // expect: allowed shipment.routing
  CURL* cn = curl_easy_init();
  curl_easy_setopt(cn, CURLOPT_URL, kConstexprCn);
  curl_easy_setopt(cn, CURLOPT_POSTFIELDS, s.origin.c_str());  // expect: violation shipment.routing
}

void post_static_array(const Shipment& s) {
  CURL* de = curl_easy_init();
  curl_easy_setopt(de, CURLOPT_URL, kArrayDe);
  curl_easy_setopt(de, CURLOPT_POSTFIELDS, s.destination.c_str());  // expect: allowed shipment.routing
  CURL* cn = curl_easy_init();
  curl_easy_setopt(cn, CURLOPT_URL, kArrayCn);
  curl_easy_setopt(cn, CURLOPT_POSTFIELDS, s.destination.c_str());  // expect: violation shipment.routing
}

void post_std_string(const Shipment& s) {
  CURL* de = curl_easy_init();
  curl_easy_setopt(de, CURLOPT_URL, kStringDe.c_str());
  curl_easy_setopt(de, CURLOPT_POSTFIELDS, s.tracking_no.c_str());  // expect: allowed shipment.tracking
  CURL* cn = curl_easy_init();
  curl_easy_setopt(cn, CURLOPT_URL, kStringCn.c_str());
  curl_easy_setopt(cn, CURLOPT_POSTFIELDS, s.tracking_no.c_str());  // expect: violation shipment.tracking
}

void post_macro(const Shipment& s) {
  CURL* de = curl_easy_init();
  curl_easy_setopt(de, CURLOPT_URL, TRACKING_URL_DE);
  curl_easy_setopt(de, CURLOPT_POSTFIELDS, s.tracking_no.c_str());  // expect: allowed shipment.tracking
  CURL* cn = curl_easy_init();
  curl_easy_setopt(cn, CURLOPT_URL, TRACKING_URL_CN);
  curl_easy_setopt(cn, CURLOPT_POSTFIELDS, s.tracking_no.c_str());  // expect: violation shipment.tracking
}

void post_extern(const Shipment& s) {
  CURL* cn = curl_easy_init();
  curl_easy_setopt(cn, CURLOPT_URL, kArchiveUrl);
  curl_easy_setopt(cn, CURLOPT_POSTFIELDS, s.destination.c_str());  // expect: violation shipment.routing
  CURL* de = curl_easy_init();
  curl_easy_setopt(de, CURLOPT_URL, kExportUrl);
  curl_easy_setopt(de, CURLOPT_POSTFIELDS, s.destination.c_str());  // expect: allowed shipment.routing
  CURL* labels = curl_easy_init();
  curl_easy_setopt(labels, CURLOPT_URL, (kLabelUrl + "?format=zpl").c_str());
  curl_easy_setopt(labels, CURLOPT_POSTFIELDS, s.tracking_no.c_str());  // expect: violation shipment.tracking
}

void post_class_member_and_view(const Shipment& s) {
  CURL* de = curl_easy_init();
  curl_easy_setopt(de, CURLOPT_URL, Endpoints::kMemberDe);
  curl_easy_setopt(de, CURLOPT_POSTFIELDS, s.origin.c_str());  // expect: allowed shipment.routing
  CURL* cn = curl_easy_init();
  curl_easy_setopt(cn, CURLOPT_URL, Endpoints::kMemberCn.c_str());
  curl_easy_setopt(cn, CURLOPT_POSTFIELDS, s.origin.c_str());  // expect: violation shipment.routing
  CURL* view = curl_easy_init();
  curl_easy_setopt(view, CURLOPT_URL, std::string(kViewCn).c_str());
  curl_easy_setopt(view, CURLOPT_POSTFIELDS, s.origin.c_str());  // expect: violation shipment.routing
}

// Negatives: the same constants, but only a count or a fixed text is sent.
void post_counts(const Shipment& s) {
  CURL* cn = curl_easy_init();
  curl_easy_setopt(cn, CURLOPT_URL, kConstexprCn);
  const std::string size = std::to_string(s.tracking_no.size());
  curl_easy_setopt(cn, CURLOPT_POSTFIELDS, size.c_str());  // expect-none
  curl_easy_setopt(cn, CURLOPT_URL, kArchiveUrl);
  curl_easy_setopt(cn, CURLOPT_POSTFIELDS, "ping");  // expect-none
}

// Unresolved: an extern constant that no source of the program defines.
void post_vendor(const Shipment& s) {
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, kVendorUrl);
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, s.tracking_no.c_str());  // expect: unresolved shipment.tracking
}
