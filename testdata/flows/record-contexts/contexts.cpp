// Generic field names (width, lat, name, company, description) are data only in
// records of the right context: by an unambiguous record name, by a sibling field
// of an evidence category, or because a record in that context holds the record
// (directly, or through containers, pointers and other records).
#include <sys/socket.h>

#include <memory>
#include <string>
#include <vector>

// A GUI's size, a game's company and a plugin's description: no context.
struct Dimension {
  int width = 0;
  int height = 0;
};
struct HighScore {
  std::string company;
  int score = 0;
};
struct PluginInfo {
  std::string description;
};

// The same kind of record held by a shipment record is shipment metrics.
struct BoxSize {
  int width = 0;
  int height = 0;
};
struct Piece {
  std::string tracking_no;  // evidence: a shipment record
  BoxSize size;
  std::string description;
};

// A coordinate pair held, through records and a container, by customer visits.
struct GeoPoint {
  double lat = 0;
  double lon = 0;
};
struct Place {
  GeoPoint pos;
};
struct Visit {
  Place where;
};
struct Route {
  std::vector<Visit> visits;
};
// A truck's own coordinates are not a customer's.
struct Truck {
  double lat = 0;
  double lon = 0;
};

// A seller record by its name; a record with a seller id by evidence.
struct Seller {
  std::string company;
};
struct LedgerLine {
  std::string merchant_id;
  std::string name;
};
// A user's profile is about a person.
struct UserProfile {
  std::string name;
  std::unique_ptr<GeoPoint> home;
};

void gui(int fd, const Dimension& d, const HighScore& h, const PluginInfo& p, const Truck& t) {
  send(fd, &d.width, sizeof d.width, 0);                     // expect-none
  send(fd, h.company.data(), h.company.size(), 0);           // expect-none
  send(fd, p.description.data(), p.description.size(), 0);  // expect-none
  send(fd, &t.lat, sizeof t.lat, 0);                         // expect-none
}

void shipment(int fd, const Piece& piece, const BoxSize& loose) {
  send(fd, &piece.size.height, sizeof(int), 0);                        // expect: unresolved shipment.metrics
  send(fd, &loose.width, sizeof(int), 0);                              // expect: unresolved shipment.metrics
  send(fd, piece.description.data(), piece.description.size(), 0);     // expect: unresolved shipment.contents
}

void customer(int fd, const GeoPoint& p) {
  send(fd, &p.lon, sizeof p.lon, 0);  // expect: unresolved customer.location
}

void seller(int fd, const Seller& s, const LedgerLine& l, const UserProfile& u) {
  send(fd, s.company.data(), s.company.size(), 0);  // expect: unresolved seller.identity
  send(fd, l.name.data(), l.name.size(), 0);        // expect: unresolved seller.identity
  send(fd, u.name.data(), u.name.size(), 0);        // expect: unresolved customer.identity
}

// A consignee's country, however its code is spelled, is part of the address; a
// currency table's ISO country code is not a person's.
struct ConsigneeRecord {
  std::string full_name;
  std::string country_iso;
  std::string country_iso3;
};
struct CurrencyInfo {
  std::string country_iso;
};

void countries(int fd, const ConsigneeRecord& c, const CurrencyInfo& k) {
  send(fd, c.country_iso.data(), c.country_iso.size(), 0);    // expect: unresolved customer.address
  send(fd, c.country_iso3.data(), c.country_iso3.size(), 0);  // expect: unresolved customer.address
  send(fd, k.country_iso.data(), k.country_iso.size(), 0);    // expect-none
}

// A route's leg is a shipment's way: its depots are routing wherever it is held
// (here by a dispatch job, a customer's record). A legend is no leg.
struct RouteLeg {
  std::string origin_depot;
  std::string destination_depot;
};
struct DispatchJob {
  std::string consignee_name;
  std::vector<RouteLeg> legs;
};
struct ChartLegend {
  std::string origin_depot;
};

void legs(int fd, const DispatchJob& j, const ChartLegend& c) {
  const RouteLeg& first = j.legs.front();
  send(fd, first.origin_depot.data(), first.origin_depot.size(), 0);  // expect: unresolved shipment.routing
  send(fd, c.origin_depot.data(), c.origin_depot.size(), 0);          // expect-none
}
