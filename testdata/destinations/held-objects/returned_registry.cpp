// Sinks kept by name in a map a setup function returns, found with `find` and run
// through the iterator (`it->second->deliver(doc)`): the object is the element, so
// its fields are the element's (its URL), not fields of the map.
#include <curl/curl.h>

#include <map>
#include <memory>
#include <string>

struct Customer {
  std::string email;
};

class Sink {
 public:
  virtual ~Sink() = default;
  virtual bool deliver(const std::string& doc) = 0;
};

class HttpSink final : public Sink {
 public:
  explicit HttpSink(std::string url) : url_(std::move(url)) {}
  bool deliver(const std::string& doc) override {
    CURL* h = curl_easy_init();
    curl_easy_setopt(h, CURLOPT_URL, url_.c_str());
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, doc.c_str());  // expect: allowed customer.contact
    return curl_easy_perform(h) == CURLE_OK;
  }

 private:
  std::string url_;
};

using Registry = std::map<std::string, std::unique_ptr<Sink>>;

Registry setup_sinks() {
  Registry sinks;
  sinks["carrier"] = std::make_unique<HttpSink>("https://api.carrier.example.de/v1/returns");
  return sinks;
}

class Dispatcher {
 public:
  explicit Dispatcher(Registry& sinks) : sinks_(sinks) {}
  void route(const std::string& channel, const std::string& doc) {
    auto it = sinks_.find(channel);
    if (it != sinks_.end()) it->second->deliver(doc);
  }

 private:
  Registry& sinks_;
};

void announce(const Customer& c) {
  Registry sinks = setup_sinks();
  Dispatcher dispatcher(sinks);
  dispatcher.route("carrier", c.email);
}
