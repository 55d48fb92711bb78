// A hand-written properties class (`PropertiesLoader::getString(key, fallback)`)
// over a map filled from a file: its reads are configuration keys the deployment
// binds, as any configuration class's are.
#include <map>
#include <string>

#include "common/model.h"
#include "common/post.h"

class PropertiesLoader {
 public:
  void set(const std::string& key, const std::string& value) { values_[key] = value; }
  std::string getString(const std::string& key, const std::string& fallback) const {
    const auto it = values_.find(key);
    return it == values_.end() ? fallback : it->second;
  }

 private:
  std::map<std::string, std::string> values_;
};

void send_booking(const PropertiesLoader& props, const Shipment& s) {
  post(props.getString("gateway.host", "localhost") + "/bookings", s.destination);  // expect: violation shipment.routing
}
