#include <functional>
#include <map>

#include "depot.h"

int main() {
  Depot::get().setup(Routes::load());
  Hub& hub = Hub::instance();
  hub.configure(Book::make());
  Relay::instance()->aim("https://relay.depot-partner.cn/in");

  std::map<std::string, std::function<std::unique_ptr<ParcelListener>()>> factories{
      {"crm", [] { return make_crm_listener(Depot::get()); }},
      {"scans", [] { return make_scan_listener(&Depot::get()); }},
  };
  std::vector<std::unique_ptr<ParcelListener>> listeners;
  for (auto& [name, make] : factories) listeners.push_back(make());

  Shipment s;
  for (auto& l : listeners) l->on_parcel(s);
  forward_carrier(s);
  forward_relay(s);
  hub_send(s);
  archive_day(s);
  return 0;
}
