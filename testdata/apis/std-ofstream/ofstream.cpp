#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <sstream>
#include <string>

#include "common/model.h"

namespace {
const std::string kExportDir = "/var/export/";
}  // namespace

// ofstream constructed with a literal path; << chains with manipulators.
void export_contacts(const Customer& c) {
  std::ofstream out("/var/export/contacts.csv");
  out << c.name << ';' << c.email << '\n';                    // expect: unresolved customer.identity customer.contact
  out << std::left << std::setw(20) << c.phone << std::endl;  // expect: unresolved customer.contact
  out << "rows;" << 1 << '\n';                                // expect-none
  out << c.email.size() << '\n';                              // expect-none
}

// ofstream.open(path) on a path built from a constant directory; write().
void export_shipment(const Shipment& s) {
  std::ofstream out;
  out.open(kExportDir + "shipments.dat", std::ios::binary | std::ios::app);
  out.write(s.tracking_no.data(),  // expect: unresolved shipment.tracking
            static_cast<std::streamsize>(s.tracking_no.size()));
  out.write(reinterpret_cast<const char*>(&s.weight_kg), sizeof s.weight_kg);  // expect: unresolved shipment.metrics
  const std::string magic = "SHP1";
  out.write(magic.data(), static_cast<std::streamsize>(magic.size()));  // expect-none
}

// fstream, open() with a filesystem::path, and an ostream& bound to a file stream.
void export_routes(const Shipment& s) {
  std::fstream fs("/var/export/routes.txt", std::ios::out);
  fs << s.origin << " -> " << s.destination << '\n';  // expect: unresolved shipment.routing
  std::ofstream addr;
  addr.open(std::filesystem::path("/var/export/addresses.txt"));
  std::ostream& os = addr;
  os << s.recipient.street << ", " << s.recipient.city << '\n';  // expect: unresolved customer.address
}

// A stringstream that builds a line and then goes into a file.
void export_line(const Customer& c) {
  std::ostringstream line;
  line << c.name << '|' << c.phone;
  std::ofstream out("/var/export/lines.txt");
  out << line.str() << '\n';  // expect: unresolved customer.identity customer.contact
}

// Data replaced by a constant before it is written.
void export_masked(const Customer& c) {
  std::string email = c.email;
  email = "***";
  std::ofstream out("/var/export/masked.txt");
  out << email << '\n';  // expect-none
  const bool has_phone = !c.phone.empty();
  out << std::boolalpha << has_phone << '\n';  // expect-none
}

// A stringstream that is never written anywhere: nothing is exported.
std::size_t measure(const Customer& c) {
  std::stringstream ss;
  ss << c.name << ' ' << c.email << ' ' << c.street;  // expect-none
  return ss.str().size();
}

// A stringstream sent over a socket is a network sink, not a file.
void send_stats(const Customer& c) {
  std::ostringstream body;
  body << "len=" << c.email.size();
  std::ostringstream contact;
  contact << c.email;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(7300);
  inet_pton(AF_INET, "10.1.1.1", &addr.sin_addr);
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  const std::string b = body.str();
  send(fd, b.data(), b.size(), 0);  // expect-none
  const std::string ct = contact.str();
  send(fd, ct.data(), ct.size(), 0);  // expect: allowed customer.contact
  close(fd);
}

// A file stream held in a member: its writes call std::ostream's methods on the
// member, which is still an std::ofstream.
class ContactLog {
 public:
  ContactLog() : out_("/var/log/depot/contacts.log") {}
  void add(const Customer& c) {
    out_.write(c.phone.data(), c.phone.size());  // expect: unresolved customer.contact
  }

 private:
  std::ofstream out_;
};

void log_contact(const Customer& c) {
  ContactLog log;
  log.add(c);
}
