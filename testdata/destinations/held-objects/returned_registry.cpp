// Sinks kept by name in a map a setup function returns, found with `find` and run
// through the iterator (`it->second->deliver(doc)`): the object is the element, so
// its fields are the element's (its URL), not fields of the map. The key is the
// caller's (`channel` a parameter each caller gives as a constant, maybe through
// another wrapper): each call reaches the sink registered under its own key, not
// every sink of the map.
#include <curl/curl.h>

#include <map>
#include <memory>
#include <string>

struct Customer {
  std::string email;
  std::string full_name;
};

class Sink {
 public:
  virtual ~Sink() = default;
  virtual void deliver(const std::string& doc) = 0;
};

class HttpSink final : public Sink {
 public:
  explicit HttpSink(std::string url) : url_(std::move(url)) {}
  void deliver(const std::string& doc) override {
    CURL* h = curl_easy_init();
    curl_easy_setopt(h, CURLOPT_URL, url_.c_str());
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, doc.c_str());
    curl_easy_perform(h);
  }

 private:
  std::string url_;
};

using Registry = std::map<std::string, std::unique_ptr<Sink>>;

Registry setup_sinks() {
  Registry sinks;
  sinks["carrier"] = std::make_unique<HttpSink>("https://api.carrier.example.de/v1/returns");
  sinks["mirror"] = std::make_unique<HttpSink>("https://grading.oss-cn-shanghai.aliyuncs.com/units");
  return sinks;
}

class Dispatcher {
 public:
  explicit Dispatcher(Registry& sinks) : sinks_(sinks) {}
  void route(const std::string& channel, const std::string& doc) {
    auto it = sinks_.find(channel);
    if (it == sinks_.end()) return;
    it->second->deliver(doc);
  }
  void forward(const std::string& channel, const std::string& doc) { route(channel, "{" + doc + "}"); }
  void label(const Customer& c) { route("carrier", c.email); }  // expect: allowed customer.contact
  void grade(const Customer& c) { forward("mirror", c.full_name); }  // expect: violation customer.identity

 private:
  Registry& sinks_;
};

void announce(const Customer& c) {
  Registry sinks = setup_sinks();
  Dispatcher dispatcher(sinks);
  dispatcher.label(c);
  dispatcher.grade(c);
}
