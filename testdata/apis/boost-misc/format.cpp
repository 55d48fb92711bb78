// boost::format (`boost::format(f) % a % b`, then .str(), boost::str or streamed),
// boost::lexical_cast and the in-place string algorithms: the text they make carries
// the pieces it was made of, and constant text before the first placeholder (a URL's
// host) is kept.
#include <boost/algorithm/string/join.hpp>
#include <boost/algorithm/string/replace.hpp>
#include <boost/format.hpp>
#include <boost/lexical_cast.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "common/model.h"
#include "common/post.h"

std::string sha256_hex(const std::string& value);

// A chained temporary: the body is the format filled with the arguments; the URL's
// host is constant text of another format.
void post_scan(const Shipment& s, const std::string& depot) {
  const std::string url = boost::str(boost::format("https://customs.broker.example.cn/v1/%1%/scans") % depot);
  post(url, (boost::format("awb=%1%;kg=%2%") % s.tracking_no % s.weight_kg).str());  // expect: violation shipment.tracking shipment.metrics
  post(url, boost::str(boost::format("depot=%1%;count=%2%") % depot % 12));  // expect-none
}

// Boost's placeholders close with '%': `%1%` is filled whole, so the host is read.
void post_weight(const Shipment& s) {
  const std::string host = "weights.carrier.example.de";
  post(boost::str(boost::format("https://%1%/v1/weights") % host), std::to_string(s.weight_kg));  // expect: allowed shipment.metrics
}

// A format object filled by statements, read with .str().
void post_contact(const Customer& c) {
  boost::format body("{\"name\":\"%1%\",\"phone\":\"%2%\"}");
  body % c.name;
  body % c.phone;
  boost::format url("https://notify.carrier.example.de/v1/%1%");
  url % "sms";
  post(url.str(), body.str());  // expect: allowed customer.identity customer.contact
}

// Streaming a format: into a file stream an export (one CSV line per leg), into an
// ostringstream the text of the message.
void export_legs(const std::vector<Shipment>& legs) {
  std::ofstream csv("/var/spool/depot/legs.csv");
  for (const Shipment& leg : legs) {
    csv << boost::format("%1%;%2%;%3%\n") % leg.tracking_no % leg.origin % leg.destination;  // expect: allowed shipment.tracking shipment.routing
    csv << boost::format("%1%;%2%\n") % sha256_hex(leg.tracking_no) % legs.size();  // expect-none
  }
  std::ofstream audit("/tmp/legs-audit.log");
  for (const Shipment& leg : legs) audit << boost::format("%s -> %s\n") % leg.recipient.name % leg.recipient.city;  // expect: violation customer.identity customer.address
}

void mail_summary(const Customer& c) {
  std::ostringstream text;
  text << boost::format("Dear %1%, your parcel is on its way.") % c.name;
  post("https://mailer.saas-vendor.example.cn/send", text.str());  // expect: violation customer.identity
}

// lexical_cast to a number still carries what the text was; so does
// try_lexical_convert. A count is no data.
void post_numbers(const Shipment& s, const std::vector<std::string>& labels) {
  const long long awb = boost::lexical_cast<long long>(s.tracking_no);
  post("https://numbers.partner.example.cn/awb", std::to_string(awb));  // expect: violation shipment.tracking
  long long origin = 0;
  if (boost::conversion::try_lexical_convert(s.origin, origin))
    post("https://numbers.partner.example.cn/origin", std::to_string(origin));  // expect: violation shipment.routing
  long long dest = 0;
  if (boost::conversion::try_lexical_convert(s.destination.data(), s.destination.size(), dest))
    post("https://numbers.partner.example.cn/dest", std::to_string(dest));  // expect: violation shipment.routing
  post("https://numbers.partner.example.cn/count", boost::lexical_cast<std::string>(labels.size()));  // expect-none
}

// A message template filled in place with replace_all; a joined list.
void fill_template(const Customer& c, const std::vector<std::string>& tags) {
  std::string msg = "To: {email}\nTags: {tags}\n";
  boost::algorithm::replace_all(msg, "{email}", c.email);
  boost::algorithm::replace_first(msg, "{tags}", boost::algorithm::join(tags, ","));
  post("https://mailer.saas-vendor.example.cn/raw", msg);  // expect: violation customer.contact
}
