// Bool flags, enum modes and a switch on a mode parameter, each passed as a constant.
#include <sys/socket.h>

#include <string>

#include "common/model.h"

enum class Mode { Summary, Full };
enum Format { kCsv = 0, kJson = 1, kXml = 2 };

// The flag guards the sink; the only caller passes false.
static void export_contact(int fd, const Customer& c, bool include_contact) {
  if (include_contact) {
    send(fd, c.phone.data(), c.phone.size(), 0);  // expect-none
  }
}

// Same, the only caller passes true.
static void export_contact_full(int fd, const Customer& c, bool include_contact) {
  if (include_contact) {
    send(fd, c.phone.data(), c.phone.size(), 0);  // expect: unresolved customer.contact
  }
}

// The flag guards the data, not the sink: with false only the literal goes out.
static void status_line(int fd, const Customer& c, bool with_email) {
  std::string body = "status:ok";
  if (with_email) body += ";" + c.email;
  send(fd, body.data(), body.size(), 0);  // expect-none
}

// With true the e-mail is appended.
static void status_line_verbose(int fd, const Customer& c, bool with_email) {
  std::string body = "status:ok";
  if (with_email) body += ";" + c.email;
  send(fd, body.data(), body.size(), 0);  // expect: unresolved customer.contact
}

// A negated flag: the only caller is quiet.
static void announce(int fd, const Customer& c, bool quiet) {
  if (!quiet) {
    send(fd, c.name.data(), c.name.size(), 0);  // expect-none
  }
}

// An enum mode: only Summary is ever passed, so the street is never sent.
static void dump_customer(int fd, const Customer& c, Mode m) {
  if (m == Mode::Full) {
    send(fd, c.street.data(), c.street.size(), 0);  // expect-none
  }
}

// Only Full is passed.
static void dump_customer_full(int fd, const Customer& c, Mode m) {
  if (m == Mode::Full) {
    send(fd, c.city.data(), c.city.size(), 0);  // expect: unresolved customer.address
  }
}

// A switch on the format; only kJson is ever passed.
static void serialize(int fd, const Shipment& s, Format f) {
  switch (f) {
    case kCsv: {
      const std::string row = s.tracking_no + ";" + s.destination;
      send(fd, row.data(), row.size(), 0);  // expect-none
      break;
    }
    case kJson: {
      const std::string doc = "{\"trk\":\"" + s.tracking_no + "\"}";
      send(fd, doc.data(), doc.size(), 0);  // expect: unresolved shipment.tracking
      break;
    }
    default: {
      const std::string ref = s.recipient.email;
      send(fd, ref.data(), ref.size(), 0);  // expect-none
      break;
    }
  }
}

void run_exports(int fd, const Customer& c, const Shipment& s) {
  export_contact(fd, c, false);
  export_contact_full(fd, c, true);
  status_line(fd, c, false);
  status_line_verbose(fd, c, true);
  announce(fd, c, true);
  dump_customer(fd, c, Mode::Summary);
  dump_customer_full(fd, c, Mode::Full);
  serialize(fd, s, kJson);
}
