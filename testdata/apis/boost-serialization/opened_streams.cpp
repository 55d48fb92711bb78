// An archive over a file stream the program's own helper opened and returned:
// the archive writes to that file (its path is known at the link), not into a
// buffer of this function.
#include <fstream>
#include <string>

#include <boost/archive/text_oarchive.hpp>
#include <boost/serialization/string.hpp>

struct ArchivedParcel {
  std::string awb;
  std::string consignee_name;

  template <class Archive>
  void serialize(Archive& ar, const unsigned int /*version*/) {
    ar & awb & consignee_name;
  }
};

struct DailyCount {
  unsigned parcels = 0;

  template <class Archive>
  void serialize(Archive& ar, const unsigned int /*version*/) {
    ar & parcels;
  }
};

std::ofstream open_for_write(const std::string& path) { return std::ofstream(path, std::ios::trunc); }

void archive_parcel(const ArchivedParcel& p) {
  std::ofstream ofs = open_for_write("/var/spool/depot/archive/" + p.awb + ".txt");
  boost::archive::text_oarchive oa(ofs);
  oa << p;  // expect: unresolved shipment.tracking customer.identity
}

void archive_count(const DailyCount& c) {
  std::ofstream ofs = open_for_write("/var/spool/depot/archive/count.txt");
  boost::archive::text_oarchive oa(ofs);
  oa << c;  // expect-none
}
