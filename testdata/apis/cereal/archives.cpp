// cereal: an output archive writes into the stream it was built over. Over a file
// stream that is an export to the file; over an ostringstream the text is only
// collected, and is sent where the program sends it.
#include <curl/curl.h>

#include <cstddef>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <cereal/archives/binary.hpp>
#include <cereal/archives/xml.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>

struct Consignee {
  std::string name;
  std::string email;

  template <class Archive>
  void serialize(Archive& ar) {
    ar(CEREAL_NVP(name), CEREAL_NVP(email));
  }
};

struct HouseFiling {
  std::string tracking_no;
  Consignee consignee;

  template <class Archive>
  void serialize(Archive& ar) {
    ar(cereal::make_nvp("awb", tracking_no), cereal::make_nvp("consignee", consignee));
  }
};

// Only counters: nothing classified.
struct BatchStats {
  std::size_t filings = 0;
  int rejected = 0;

  template <class Archive>
  void serialize(Archive& ar) {
    ar(filings, rejected);
  }
};

void write_filing(const HouseFiling& f) {
  std::ofstream out("/var/spool/broker/outbox/" + f.tracking_no + ".xml");
  cereal::XMLOutputArchive ar(out);
  ar(cereal::make_nvp("filing", f));  // expect: unresolved shipment.tracking customer.contact
}

void write_binary(const std::vector<HouseFiling>& all) {
  std::ofstream out("/var/spool/broker/outbox/batch.bin", std::ios::binary);
  cereal::BinaryOutputArchive ar(out);
  ar << all;  // expect: unresolved shipment.tracking
}

void write_stats(const BatchStats& s) {
  std::ofstream out("/var/spool/broker/stats.bin", std::ios::binary);
  cereal::BinaryOutputArchive ar(out);
  ar(s);  // expect-none
}

void post_filing(const HouseFiling& f) {
  std::ostringstream body;
  {
    cereal::XMLOutputArchive ar(body);
    ar(cereal::make_nvp("filing", f));
  }
  const std::string text = body.str();
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, "https://ics2.customs.example.cn/filings");
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, text.c_str());  // expect: violation shipment.tracking
  curl_easy_perform(h);
}
