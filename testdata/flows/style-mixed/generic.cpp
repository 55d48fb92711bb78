/*
 * scangw codec layer (family 11: code an engine may skip). Function and class
 * templates instantiated with records, generic lambdas, GNU statement expressions,
 * printf-style va_list wrappers, and library functions declared here but defined
 * nowhere in the program.
 */
#include <sys/socket.h>

#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <string>

#include "gw.h"

/* ---- function templates ------------------------------------------------ */

/* Instantiated with parcel_scan only. */
template <typename Rec>
static void emit_rec_barcode(int fd, const Rec& r) {
  send(fd, r.barcode, std::strlen(r.barcode), 0);  // expect: unresolved shipment.tracking
}

/* Instantiated with Customer only: Customer::name is a person's name. */
template <typename Rec>
static void emit_display_name(int fd, const Rec& r) {
  send(fd, r.name.data(), r.name.size(), 0);  // expect: unresolved customer.identity
}

/* Instantiated with gw_sensor only: a device name, not data. */
template <typename Rec>
static void emit_device_name(int fd, const Rec& r) {
  send(fd, r.name.data(), r.name.size(), 0);  // expect-none
}

void codec_templates(int fd, const parcel_scan* s, const Customer& c) {
  emit_rec_barcode(fd, *s);
  emit_display_name(fd, c);
  gw_sensor tunnel_cam{"tunnel-cam-3", 2};
  emit_device_name(fd, tunnel_cam);
}

/* ---- class templates ----------------------------------------------------- */

/* Fixed-size ring used for outbound messages. */
template <typename T, unsigned N>
class tx_ring {
 public:
  bool push(const T& v) {
    if (count_ == N) return false;
    slots_[(head_ + count_) % N] = v;
    ++count_;
    return true;
  }
  T pop() {
    T v = slots_[head_];
    head_ = (head_ + 1) % N;
    --count_;
    return v;
  }
  unsigned size() const { return count_; }

 private:
  T slots_[N];
  unsigned head_ = 0;
  unsigned count_ = 0;
};

/* The ring holds an e-mail; what is popped is sent by the caller. */
void drain_mail_ring(int fd, const Customer& c) {
  tx_ring<std::string, 8> q;
  q.push(c.email);
  const std::string m = q.pop();
  send(fd, m.data(), m.size(), 0);  // expect: unresolved customer.contact
}

/* Same instantiation, another object: only heartbeats are pushed. */
void drain_hb_ring(int fd) {
  tx_ring<std::string, 8> hb;
  hb.push("HB");
  hb.push("HB2");
  const std::string m = hb.pop();
  send(fd, m.data(), m.size(), 0);  // expect-none
}

/* The ring's occupancy only. */
void report_ring_fill(int fd, const Customer& c) {
  tx_ring<std::string, 8> q;
  q.push(c.phone);
  const unsigned fill = q.size();
  send(fd, &fill, sizeof fill, 0);  // expect-none
}

/* A class template with the sink in a member, instantiated with Customer. */
template <typename Rec>
struct sms_writer {
  int fd;
  void put_phone(const Rec& r) const {
    send(fd, r.phone.data(), r.phone.size(), 0);  // expect: unresolved customer.contact
  }
};

void notify_by_sms(int fd, const Customer& c) {
  const sms_writer<Customer> w{fd};
  w.put_phone(c);
}

/* ---- generic lambdas ----------------------------------------------------- */

void codec_lambdas(int fd, const parcel_scan* s) {
  /* Sends the consignee of whatever record it is given: a parcel_scan here. */
  auto put_consignee = [fd](const auto& rec) {
    send(fd, rec.consignee, std::strlen(rec.consignee), 0);  // expect: unresolved customer.identity
  };
  put_consignee(*s);

  /* Sends a number as text: given only the dock door number. */
  auto put_num = [fd](const auto& v) {
    const std::string t = std::to_string(v);
    send(fd, t.data(), t.size(), 0);  // expect-none
  };
  put_num(s->dock);
}

/* ---- GNU statement expressions ------------------------------------------- */

/* First non-empty string of two, as a statement-expression macro. */
#define GW_STR_OR(p, dflt)                   \
  ({                                         \
    const char* _s = (p);                    \
    (_s != nullptr && *_s) ? _s : (dflt);    \
  })

void codec_stmt_expr_barcode(int fd, const parcel_scan* s) {
  const char* v = GW_STR_OR(s->barcode, "NOREAD");
  send(fd, v, std::strlen(v), 0);  // expect: unresolved shipment.tracking
}

/* A statement expression that looks at the barcode's length but yields a literal. */
void codec_stmt_expr_class(int fd, const parcel_scan* s) {
  const char* v = ({
    const std::size_t _n = std::strlen(s->barcode);
    _n > 12 ? "LONG" : "SHORT";
  });
  send(fd, v, std::strlen(v), 0);  // expect-none
}

/* ---- printf-style wrappers (va_list + vsnprintf) ------------------------- */

/* Formats into a caller buffer; returns vsnprintf's count. */
static int gw_fmt(char* out, std::size_t cap, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  const int r = std::vsnprintf(out, cap, fmt, ap);
  va_end(ap);
  return r;
}

void uplink_scan_line(int fd, const parcel_scan* s) {
  char buf[96];
  gw_fmt(buf, sizeof buf, "SCAN %s D%u", s->barcode, static_cast<unsigned>(s->dock));
  send(fd, buf, std::strlen(buf), 0);  // expect: unresolved shipment.tracking
}

void uplink_hb_line(int fd, unsigned long uptime_s) {
  char buf[64];
  gw_fmt(buf, sizeof buf, "HB %lu", uptime_s);
  send(fd, buf, std::strlen(buf), 0);  // expect-none
}

/* Only the formatted length of the e-mail is reported. */
void uplink_mail_len(int fd, const Customer& c) {
  char tmp[128];
  const int n = gw_fmt(tmp, sizeof tmp, "%s", c.email.c_str());
  char msg[32];
  std::snprintf(msg, sizeof msg, "len=%d", n);
  send(fd, msg, std::strlen(msg), 0);  // expect-none
}

/* A wrapper that formats and sends itself; one caller passes the phone number. */
static void gw_sendf(int fd, const char* fmt, ...) {
  char b[256];
  va_list ap;
  va_start(ap, fmt);
  std::vsnprintf(b, sizeof b, fmt, ap);
  va_end(ap);
  send(fd, b, std::strlen(b), 0);  // expect: unresolved customer.contact
}

/* The same wrapper shape, only ever called with counters. */
static void gw_sendf_status(int fd, const char* fmt, ...) {
  char b[256];
  va_list ap;
  va_start(ap, fmt);
  std::vsnprintf(b, sizeof b, fmt, ap);
  va_end(ap);
  send(fd, b, std::strlen(b), 0);  // expect-none
}

void uplink_callback_request(int fd, const parcel_scan* s, unsigned queued) {
  gw_sendf(fd, "CALLBACK %s", s->consignee_phone);
  gw_sendf_status(fd, "queued=%u dock=%u", queued, static_cast<unsigned>(s->dock));
}

/* ---- declared, defined nowhere in the program ---------------------------- */
/* A careful engine cannot see these bodies. It should assume that what goes in
 * through the arguments may come out through the non-const pointer arguments (and
 * must not assume that a call wipes data already in a buffer), and that a record
 * filled through a pointer holds data in its classified fields. Only when nothing
 * data-carrying reaches the call is the output clean. */
extern "C" std::size_t codec_b64(char* out, std::size_t cap, const char* in, std::size_t n);
extern "C" void hal_obfuscate_inplace(char* buf, std::size_t n);
extern "C" int hal_get_uptime(unsigned long* out_s);
extern "C" void scanner_decode(const unsigned char* raw, std::size_t n, parcel_scan* out);
extern "C" void label_fill_header(char* hdr, std::size_t cap, const parcel_scan* s);
void crm_lookup(const char* key, Customer* out);

/* Base64 of the barcode: reversible, still the barcode. */
void uplink_b64_barcode(int fd, const parcel_scan* s) {
  char out[64];
  codec_b64(out, sizeof out, s->barcode, std::strlen(s->barcode));
  send(fd, out, std::strlen(out), 0);  // expect: unresolved shipment.tracking
}

/* An unknown in-place transform of a buffer that holds the phone: the engine cannot
 * know it removed anything (it is not a recognised sanitizer). */
void uplink_obfuscated_phone(int fd, const parcel_scan* s) {
  char buf[24];
  std::memcpy(buf, s->consignee_phone, sizeof buf);
  hal_obfuscate_inplace(buf, sizeof buf);
  send(fd, buf, sizeof buf, 0);  // expect: unresolved customer.contact
}

/* Uptime from the HAL: nothing data-carrying goes into the call (no record, no
 * data-holding buffer), so its output cannot carry record data. */
void uplink_uptime(int fd) {
  unsigned long up = 0;
  hal_get_uptime(&up);
  send(fd, &up, sizeof up, 0);  // expect-none
}

/* The decoder fills a parcel_scan from raw scanner bytes: its barcode field is a
 * tracking number whatever produced it. */
void uplink_decoded_barcode(int fd, const unsigned char* raw, std::size_t n) {
  parcel_scan ps{};
  scanner_decode(raw, n, &ps);
  send(fd, ps.barcode, std::strlen(ps.barcode), 0);  // expect: unresolved shipment.tracking
}

/* The decoded record's dock number is still not data. */
void uplink_decoded_dock(int fd, const unsigned char* raw, std::size_t n) {
  parcel_scan ps{};
  scanner_decode(raw, n, &ps);
  const unsigned d = ps.dock;
  send(fd, &d, sizeof d, 0);  // expect-none
}

/* A CRM lookup fills a Customer by key: its e-mail is an e-mail. */
void uplink_crm_email(int fd) {
  Customer c;
  crm_lookup("K-1001", &c);
  send(fd, c.email.data(), c.email.size(), 0);  // expect: unresolved customer.contact
}

/* A header built by an unknown function from the whole scan record: it may carry any
 * field of it (barcode, consignee, phone, weight). Listed: the two most likely. */
void uplink_label_header(int fd, const parcel_scan* s) {
  char hdr[128];
  label_fill_header(hdr, sizeof hdr, s);
  send(fd, hdr, std::strlen(hdr), 0);  // gap expect: unresolved shipment.tracking customer.identity
}
