// Hosts a constexpr function computes from a constant argument: Clang evaluates the
// call (an enum-indexed `std::array<std::string_view, N>`, a `switch` returning
// `const char*`), so each call names one host, not any entry of the table.
#include <curl/curl.h>

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "common/model.h"

namespace {

enum class Site : std::size_t { Hamburg, Shenzhen, Count };

constexpr std::array<std::string_view, static_cast<std::size_t>(Site::Count)> kSiteHosts{
    "scans.depot-partner.de",
    "scans.depot-partner.cn",
};

constexpr std::string_view site_host(Site s) { return kSiteHosts[static_cast<std::size_t>(s)]; }

constexpr const char* mirror_url(bool eu) {
  switch (eu) {
    case true: return "https://mirror.depot-partner.de/in";
    default: return "https://mirror.depot-partner.cn/in";
  }
}

void post_url(const std::string& url, const std::string& body) {
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_COPYPOSTFIELDS, body.c_str());
  curl_easy_perform(h);
}

}  // namespace

void scan_to_hamburg(const Shipment& s) {
  post_url("https://" + std::string(site_host(Site::Hamburg)) + "/v1",
           s.tracking_no);  // expect: allowed shipment.tracking
}

void scan_to_shenzhen(const Shipment& s) {
  post_url("https://" + std::string(site_host(Site::Shenzhen)) + "/v1",
           s.tracking_no);  // expect: violation shipment.tracking
}

void mirror_in_eu(const Shipment& s) {
  post_url(mirror_url(true), s.tracking_no);  // expect: allowed shipment.tracking
}
