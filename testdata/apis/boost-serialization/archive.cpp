#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstddef>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <boost/archive/binary_oarchive.hpp>
#include <boost/archive/text_oarchive.hpp>
#include <boost/archive/xml_oarchive.hpp>
#include <boost/serialization/nvp.hpp>
#include <boost/serialization/string.hpp>
#include <boost/serialization/vector.hpp>

#include "common/model.h"

// An export row with an intrusive serialize() member.
struct ExportRow {
  std::string customer_name;
  std::string email;
  std::string city;

  template <class Archive>
  void serialize(Archive& ar, const unsigned int /*version*/) {
    ar & customer_name;
    ar & email;
    ar & city;
  }
};

// Only counters: nothing classified.
struct BatchStats {
  std::size_t rows = 0;
  int failed = 0;

  template <class Archive>
  void serialize(Archive& ar, const unsigned int /*version*/) {
    ar & rows;
    ar & failed;
  }
};

// Non-intrusive serialize() for the shared Shipment record.
namespace boost {
namespace serialization {
template <class Archive>
void serialize(Archive& ar, Customer& c, const unsigned int /*version*/) {
  ar & c.name & c.email & c.phone & c.street & c.city;
}
template <class Archive>
void serialize(Archive& ar, Shipment& s, const unsigned int /*version*/) {
  ar & s.tracking_no & s.origin & s.destination & s.weight_kg & s.recipient;
}
}  // namespace serialization
}  // namespace boost

// text_oarchive over a file stream: the record is exported to that file.
void export_row(const Customer& c) {
  ExportRow row{c.name, c.email, c.city};
  std::ofstream ofs("/var/export/x.txt");
  boost::archive::text_oarchive oa(ofs);
  oa << row;  // expect: unresolved customer.identity customer.contact customer.address
  BatchStats stats;
  stats.rows = 1;
  oa << stats;  // expect-none
}

// binary_oarchive over a stream opened later; operator& with a record and with a count.
void export_shipments(const Shipment& s, const std::vector<Shipment>& batch) {
  std::ofstream ofs;
  ofs.open("/var/export/shipments.bin", std::ios::binary);
  boost::archive::binary_oarchive oa(ofs);
  oa & s;  // expect: unresolved shipment.tracking shipment.routing customer.contact
  for (const Shipment& item : batch) oa << item.recipient;  // expect: unresolved customer.identity customer.contact
  const std::size_t n = batch.size();
  oa & n;  // expect-none
}

// xml_oarchive with name-value pairs.
void export_xml(const Shipment& s) {
  std::ofstream ofs("/var/export/shipment.xml");
  boost::archive::xml_oarchive oa(ofs);
  const std::string trk = s.tracking_no;
  oa << boost::serialization::make_nvp("trk", trk);  // expect: unresolved shipment.tracking
  const double kg = s.weight_kg;
  oa << BOOST_SERIALIZATION_NVP(kg);  // expect: unresolved shipment.metrics
  const std::string version = "v3";
  oa << BOOST_SERIALIZATION_NVP(version);  // expect-none
}

// An archive into an ostringstream: the stream collects the record, sent over a socket.
void push_archive(const Customer& c) {
  std::ostringstream os;
  {
    boost::archive::text_oarchive oa(os);
    oa << c;
  }
  const std::string wire = os.str();
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(7200);
  inet_pton(AF_INET, "10.8.0.4", &addr.sin_addr);
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  send(fd, wire.data(), wire.size(), 0);  // expect: allowed customer.identity customer.contact
  close(fd);
}

// An archive kept in memory only.
std::size_t archived_size(const Customer& c) {
  std::ostringstream os;
  boost::archive::text_oarchive oa(os);
  oa << c;  // expect-none
  return os.str().size();
}
