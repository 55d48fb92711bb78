// A settings class whose reader is named `text` and answers with an std::optional
// (`settings.text("gateway.url")`, dereferenced where it is set): its reads are
// configuration keys the deployment binds.
#include <map>
#include <optional>
#include <string>

#include "common/model.h"
#include "common/post.h"

class Settings {
 public:
  std::optional<std::string> text(const std::string& key) const {
    const auto it = values_.find(key);
    if (it == values_.end()) return std::nullopt;
    return it->second;
  }

 private:
  std::map<std::string, std::string> values_;
};

void send_leg(const Settings& settings, const Shipment& s) {
  if (std::optional<std::string> url = settings.text("gateway.url"))
    post(*url + "/legs", s.destination);  // expect: allowed shipment.routing
}
