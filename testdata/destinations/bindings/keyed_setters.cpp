// A settings class filled line by line from a file: `apply(key, value)` compares the
// key with constant text (`==`, `compare`), so the value stored in each branch is
// that setting. The gateway host is config:gateway.host, which the folder's policy
// binds to a .cn host.
#include <curl/curl.h>

#include <fstream>
#include <string>

struct Consignee {
  std::string full_name;
  std::string email;
};

class RelaySettings {
 public:
  void apply(const std::string& key, const std::string& value) {
    if (key == "gateway.host")
      gateway_host_ = value;
    else if (key.compare("gateway.port") == 0)
      gateway_port_ = value;
  }
  void load(const std::string& path) {
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
      const auto eq = line.find('=');
      if (eq != std::string::npos) apply(line.substr(0, eq), line.substr(eq + 1));
    }
  }
  const std::string& gatewayHost() const { return gateway_host_; }

 private:
  std::string gateway_host_;
  std::string gateway_port_ = "443";
};

void forward_consignee(const Consignee& c) {
  RelaySettings settings;
  settings.load("/etc/relay/settings.conf");
  const std::string url = "https://" + settings.gatewayHost() + "/v2/consignees";
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, c.email.c_str());  // expect: violation customer.contact
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}
