// What a call returns or leaves in an object, read one field at a time: a getter
// handing out a member pair, a record built and returned by value, and an object
// whose members were filled by a method defined out of line. Reading one field
// carries what the call left in that field, not in the others.
#include <sys/socket.h>

#include <string>
#include <tuple>
#include <utility>

#include "common/model.h"

// The last scan as (tracking number, piece count).
class ScanDesk {
 public:
  void scan(const Shipment& s, int pieces);
  const std::pair<std::string, int>& last() const { return last_; }

 private:
  std::pair<std::string, int> last_;
  int scans_ = 0;
};

void ScanDesk::scan(const Shipment& s, int pieces) {
  last_ = std::make_pair(s.tracking_no, pieces);
  ++scans_;
}

// A delivery notice: the text is for the recipient, the code and hub are not.
struct Notice {
  std::string text;
  int code = 0;
  std::string hub = "HUB-7";
};

Notice notice_for(const Customer& c) {
  Notice n;
  n.text = "Your parcel arrives today, " + c.name;
  n.code = 200;
  return n;
}

// A label whose members have defaults, filled by a method defined out of line.
class Label {
 public:
  void print_for(const Shipment& s);
  const std::string& barcode() const { return barcode_; }
  const std::string& printer() const { return printer_; }

 private:
  std::string barcode_ = "0000";
  std::string printer_ = "dock-4";
  int copies_ = 1;
};

void Label::print_for(const Shipment& s) {
  barcode_ = s.tracking_no;
  copies_ = 2;
}

void send_last_scan_ref(int fd, const Shipment& s) {
  ScanDesk desk;
  desk.scan(s, 2);
  const std::string& ref = desk.last().first;
  send(fd, ref.data(), ref.size(), 0);  // expect: unresolved shipment.tracking
}

void send_last_scan_pieces(int fd, const Shipment& s) {
  ScanDesk desk;
  desk.scan(s, 2);
  const int pieces = desk.last().second;
  send(fd, &pieces, sizeof pieces, 0);  // expect-none
}

void send_last_scan_pieces_by_type(int fd, const Shipment& s) {
  ScanDesk desk;
  desk.scan(s, 5);
  const int pieces = std::get<int>(desk.last());
  send(fd, &pieces, sizeof pieces, 0);  // expect-none
}

void send_last_scan_ref_by_index(int fd, const Shipment& s) {
  ScanDesk desk;
  desk.scan(s, 5);
  const std::string ref = std::get<0>(desk.last());
  send(fd, ref.data(), ref.size(), 0);  // expect: unresolved shipment.tracking
}

void send_notice_text(int fd, const Customer& c) {
  const Notice n = notice_for(c);
  send(fd, n.text.data(), n.text.size(), 0);  // expect: unresolved customer.identity
}

void send_notice_hub(int fd, const Customer& c) {
  const Notice n = notice_for(c);
  send(fd, n.hub.data(), n.hub.size(), 0);  // expect-none
}

void send_notice_code(int fd, const Customer& c) {
  const int code = notice_for(c).code;
  send(fd, &code, sizeof code, 0);  // expect-none
}

void send_notice_text_inline(int fd, const Customer& c) {
  send(fd, notice_for(c).text.data(), notice_for(c).text.size(), 0);  // expect: unresolved customer.identity
}

// The barcode's default was overwritten by print_for().
void send_label_barcode(int fd, const Shipment& s) {
  Label label;
  label.print_for(s);
  send(fd, label.barcode().data(), label.barcode().size(), 0);  // expect: unresolved shipment.tracking
}

void send_label_printer(int fd, const Shipment& s) {
  Label label;
  label.print_for(s);
  send(fd, label.printer().data(), label.printer().size(), 0);  // expect-none
}
