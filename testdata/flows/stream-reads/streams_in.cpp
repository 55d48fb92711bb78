// Reading data back OUT of C++ streams and buffers (issue 9, family 4): whatever was
// written into a stream, or the string a stream was built on, comes back out through
// >>, getline, get, read, str(), iterators and rdbuf(). Each case sends once to a
// caller-supplied socket, so the destination is unresolved.
#include <sys/socket.h>

#include <charconv>
#include <cstring>
#include <iterator>
#include <sstream>
#include <string>

#include "common/model.h"

// `>>` pulls the first token of a stream that an e-mail was written into.
void send_login_token(int fd, const Customer& c) {
  std::stringstream ss;
  ss << c.email << ' ' << 42;
  std::string login;
  ss >> login;
  send(fd, login.data(), login.size(), 0);  // expect: unresolved customer.contact
}

// std::getline over an istringstream constructed from the address block: the second
// line is the city.
void send_city_line(int fd, const Customer& c) {
  std::istringstream block(c.street + "\n" + c.city + "\n");
  std::string line;
  std::getline(block, line);
  std::getline(block, line);
  send(fd, line.data(), line.size(), 0);  // expect: unresolved customer.address
}

// get() one character at a time: the recipient's initial for a shelf label.
void send_shelf_initial(int fd, const Shipment& s) {
  std::istringstream in(s.recipient.name);
  const char initial = static_cast<char>(in.get());
  send(fd, &initial, 1, 0);  // expect: unresolved customer.identity
}

// read(buf, n) into a fixed frame field.
void send_tracking_frame(int fd, const Shipment& s) {
  std::istringstream in(s.tracking_no);
  char frame[16] = {};
  in.read(frame, sizeof frame);
  send(fd, frame, sizeof frame, 0);  // expect: unresolved shipment.tracking
}

// write() of the raw bytes into a stringstream, then str().
void send_phone_blob(int fd, const Customer& c) {
  std::stringstream ss;
  ss.write(c.phone.data(), static_cast<std::streamsize>(c.phone.size()));
  const std::string blob = ss.str();
  send(fd, blob.data(), blob.size(), 0);  // expect: unresolved customer.contact
}

// put() character by character (escaping '@'), then str().
void send_escaped_email(int fd, const Customer& c) {
  std::ostringstream os;
  for (const char ch : c.email) {
    if (ch == '@') os.put('\\');
    os.put(ch);
  }
  send(fd, os.str().data(), os.str().size(), 0);  // expect: unresolved customer.contact
}

// The whole remaining content through istreambuf_iterator.
void send_rest_of_stream(int fd, const Customer& c) {
  std::istringstream in(c.phone);
  in.ignore(3);  // drop the country prefix
  const std::string local((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  send(fd, local.data(), local.size(), 0);  // expect: unresolved customer.contact
}

// One stream's buffer streamed into another with rdbuf().
void send_relayed(int fd, const Shipment& s) {
  std::istringstream src(s.destination);
  std::ostringstream dst;
  dst << "to=" << src.rdbuf();
  const std::string msg = dst.str();
  send(fd, msg.data(), msg.size(), 0);  // expect: unresolved shipment.routing
}

// std::string::copy(buf, n) into a C buffer.
void send_name_field(int fd, const Customer& c) {
  char field[24] = {};
  c.name.copy(field, sizeof field - 1);
  send(fd, field, std::strlen(field), 0);  // expect: unresolved customer.identity
}

// std::to_chars of a classified number.
void send_weight_chars(int fd, const Shipment& s) {
  char buf[32];
  const auto res = std::to_chars(buf, buf + sizeof buf, s.weight_kg);
  send(fd, buf, static_cast<size_t>(res.ptr - buf), 0);  // expect: unresolved shipment.metrics
}

// std::from_chars of the numeric part of a tracking number: the number is the data.
void send_tracking_serial(int fd, const Shipment& s) {
  unsigned long long serial = 0;
  std::from_chars(s.tracking_no.data() + 2, s.tracking_no.data() + s.tracking_no.size(), serial);
  const std::string out = std::to_string(serial);
  send(fd, out.data(), out.size(), 0);  // expect: unresolved shipment.tracking
}

// ---- Negatives ----

// A stream that only ever got constants; read back with >> and getline.
void send_status_token(int fd, const Customer& c) {
  std::stringstream ss;
  ss << "status ok " << 200 << "\n";
  std::string word;
  ss >> word;
  (void)c;
  send(fd, word.data(), word.size(), 0);  // expect-none
}

// Two streams in one function: only the first got the e-mail; the second is sent.
void send_header_only(int fd, const Customer& c) {
  std::stringstream body;
  std::stringstream header;
  body << "email=" << c.email;
  header << "X-Kind: contact-update";
  const std::string h = header.str();
  send(fd, h.data(), h.size(), 0);  // expect-none
}

// gcount() after read(): how many bytes there were, not the bytes.
void send_read_count(int fd, const Shipment& s) {
  std::istringstream in(s.tracking_no);
  char frame[16];
  in.read(frame, sizeof frame);
  const std::string n = std::to_string(in.gcount());
  send(fd, n.data(), n.size(), 0);  // expect-none
}

// A stream that held the phone number is emptied with str("") and reused for a ping.
void send_after_reset(int fd, const Customer& c) {
  std::ostringstream os;
  os << c.phone;
  os.str("");
  os << "PING";
  const std::string ping = os.str();
  send(fd, ping.data(), ping.size(), 0);  // expect-none
}

// std::string::copy's return value is a count.
void send_copied_count(int fd, const Customer& c) {
  char field[24];
  const std::size_t n = c.name.copy(field, sizeof field);
  const std::string msg = std::to_string(n);
  send(fd, msg.data(), msg.size(), 0);  // expect-none
}

// from_chars' error code decides between two literals.
void send_parse_status(int fd, const Shipment& s) {
  unsigned long long serial = 0;
  const auto res = std::from_chars(s.tracking_no.data(), s.tracking_no.data() + s.tracking_no.size(), serial);
  const char* status = res.ec == std::errc() ? "numeric" : "alnum";
  send(fd, status, std::strlen(status), 0);  // expect-none
}
