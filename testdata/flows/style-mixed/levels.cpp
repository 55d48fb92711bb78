/*
 * scangw logging and event publishing (family 10: conditions on constant arguments).
 * Every helper is static, so all of its callers are in this file; the level, mode,
 * flag or field id they pass is always a constant. One helper (one sink) per case.
 */
#include <sys/socket.h>

#include <cstdio>
#include <cstring>
#include <string>

#include "gw.h"

/* ---- plain level threshold --------------------------------------------- */

/* Only ever called at DEBUG and TRACE: the early return always fires. */
static void log_scanner(int level, int fd, const char* msg) {
  if (level < GW_WARN) return;
  send(fd, msg, std::strlen(msg), 0);  // expect-none
}

/* Called at INFO with a literal and at ERROR with the barcode: the barcode goes out. */
static void log_tunnel(int level, int fd, const char* msg) {
  if (level >= GW_WARN) {
    send(fd, msg, std::strlen(msg), 0);  // expect: unresolved shipment.tracking
  }
}

/* Called at ERROR with a literal and at DEBUG with the e-mail: only the literal
 * passes the threshold. */
static void log_door(int level, int fd, const std::string& msg) {
  if (level >= GW_WARN) {
    send(fd, msg.data(), msg.size(), 0);  // expect-none
  }
}

void on_scan_logged(int fd, const parcel_scan* s, const Customer& c) {
  log_scanner(GW_DEBUG, fd, s->consignee_phone);
  log_scanner(GW_TRACE, fd, s->barcode);
  log_tunnel(GW_INFO, fd, "tunnel 3 up");
  log_tunnel(GW_ERROR, fd, s->barcode);
  log_door(GW_ERROR, fd, "door 7 jammed");
  log_door(GW_DEBUG, fd, c.email);
}

/* ---- macros over a level ----------------------------------------------- */

static void log_m1(int level, int fd, const char* msg) {
  if (level >= GW_WARN) send(fd, msg, std::strlen(msg), 0);  // expect: unresolved customer.identity
}

static void log_m2(int level, int fd, const char* msg) {
  if (level >= GW_WARN) send(fd, msg, std::strlen(msg), 0);  // expect-none
}

#define LOGE1(fd, m) log_m1(GW_ERROR, (fd), (m))
#define LOGD1(fd, m) log_m1(GW_DEBUG, (fd), (m))
#define LOGD2(fd, m) log_m2(GW_DEBUG, (fd), (m))
#define LOGT2(fd, m) log_m2(GW_TRACE, (fd), (m))

void on_manifest_logged(int fd, const parcel_scan* s) {
  LOGD1(fd, "manifest rx");
  LOGE1(fd, s->consignee); /* unknown consignee -> error with the name */
  LOGD2(fd, s->consignee);
  LOGT2(fd, s->consignee_phone);
}

/* ---- nested: the constant is passed two calls up ----------------------- */

static void log_core_a(int level, int fd, const char* m) {
  if (level >= GW_ERROR) send(fd, m, std::strlen(m), 0);  // expect-none
}
static void log_info_a(int fd, const char* m) { log_core_a(GW_INFO, fd, m); }
static void log_err_a(int fd, const char* m) { log_core_a(GW_ERROR, fd, m); }

static void log_core_b(int level, int fd, const char* m) {
  if (level >= GW_ERROR) send(fd, m, std::strlen(m), 0);  // expect: unresolved shipment.tracking
}
static void log_info_b(int fd, const char* m) { log_core_b(GW_INFO, fd, m); }
static void log_err_b(int fd, const char* m) { log_core_b(GW_ERROR, fd, m); }

/* The build verbosity is a constexpr constant below WARN. */
constexpr int kGwBuildLevel = GW_DEBUG;

static void log_build(int level, int fd, const char* m) {
  if (level >= GW_WARN) send(fd, m, std::strlen(m), 0);  // expect-none
}

/* Default argument: callers never pass the level. */
static void trace_scan(int fd, const parcel_scan* s, int level = GW_DEBUG) {
  if (level >= GW_WARN) send(fd, s->consignee_phone, std::strlen(s->consignee_phone), 0);  // expect-none
}

void on_sort_logged(int fd, const parcel_scan* s, const Customer& c) {
  log_info_a(fd, c.email.c_str());
  log_err_a(fd, "sorter fault");
  log_info_b(fd, "sorter ok");
  log_err_b(fd, s->barcode);
  log_build(kGwBuildLevel, fd, s->barcode);
  trace_scan(fd, s);
}

/* ---- publish flags (bit mask) ------------------------------------------ */

/* Called only without GW_F_CONTACT. */
static void publish_event(unsigned flags, int fd, const Customer& c) {
  std::string m = "EV";
  if (flags & GW_F_CONTACT) m += "|" + c.email;
  send(fd, m.data(), m.size(), 0);  // expect-none
}

/* Called with GW_F_CONTACT. */
static void publish_event_full(unsigned flags, int fd, const Customer& c) {
  std::string m = "EV";
  if (flags & GW_F_CONTACT) m += "|" + c.email;
  send(fd, m.data(), m.size(), 0);  // expect: unresolved customer.contact
}

/* Called with GW_F_WEIGHT. */
static void publish_weight(unsigned flags, int fd, const parcel_scan* s) {
  char m[48];
  if (flags & GW_F_WEIGHT)
    std::snprintf(m, sizeof m, "W|%u", static_cast<unsigned>(s->weight_g));
  else
    std::snprintf(m, sizeof m, "W|-");
  send(fd, m, std::strlen(m), 0);  // expect: unresolved shipment.metrics
}

void on_publish(int fd, const Customer& c, const parcel_scan* s) {
  publish_event(GW_F_COMPACT | GW_F_WEIGHT, fd, c);
  publish_event(0u, fd, c);
  publish_event_full(GW_F_CONTACT | GW_F_COMPACT, fd, c);
  publish_weight(GW_F_WEIGHT, fd, s);
}

/* ---- enum switch on a constant field id -------------------------------- */

enum field_id { FLD_DOCK, FLD_BARCODE, FLD_CONSIGNEE };

/* Called with FLD_DOCK only. */
static void put_field(field_id id, int fd, const parcel_scan* s) {
  char v[48];
  switch (id) {
    case FLD_DOCK:
      std::snprintf(v, sizeof v, "%u", static_cast<unsigned>(s->dock));
      break;
    case FLD_BARCODE:
      std::snprintf(v, sizeof v, "%s", s->barcode);
      break;
    case FLD_CONSIGNEE:
      std::snprintf(v, sizeof v, "%s", s->consignee);
      break;
    default:
      std::strcpy(v, "?");
      break;
  }
  send(fd, v, std::strlen(v), 0);  // expect-none
}

/* Same shape, called with FLD_CONSIGNEE. */
static void put_field_b(field_id id, int fd, const parcel_scan* s) {
  char v[48];
  switch (id) {
    case FLD_DOCK:
      std::snprintf(v, sizeof v, "%u", static_cast<unsigned>(s->dock));
      break;
    case FLD_BARCODE:
      std::snprintf(v, sizeof v, "%s", s->barcode);
      break;
    case FLD_CONSIGNEE:
      std::snprintf(v, sizeof v, "%s", s->consignee);
      break;
    default:
      std::strcpy(v, "?");
      break;
  }
  send(fd, v, std::strlen(v), 0);  // expect: unresolved customer.identity
}

void on_field_request(int fd, const parcel_scan* s) {
  put_field(FLD_DOCK, fd, s);
  put_field_b(FLD_CONSIGNEE, fd, s);
}

/* ---- run modes ---------------------------------------------------------- */

/* Mirrors scans to the replay recorder only in REPLAY mode; called in LIVE mode. */
static void mirror_scan(int mode, int fd, const parcel_scan* s) {
  if (mode != GW_MODE_REPLAY) return;
  send(fd, s->barcode, std::strlen(s->barcode), 0);  // expect-none
}

/* Same, called in REPLAY mode. */
static void mirror_scan_replay(int mode, int fd, const parcel_scan* s) {
  if (mode != GW_MODE_REPLAY) return;
  send(fd, s->barcode, std::strlen(s->barcode), 0);  // expect: unresolved shipment.tracking
}

/* The mode comes in a config struct built from constants by the caller. */
static void mirror_scan_cfg(const gw_config& cfg, int fd, const parcel_scan* s) {
  if (cfg.mode == GW_MODE_REPLAY) {
    send(fd, s->consignee_phone, std::strlen(s->consignee_phone), 0);  // gap expect-none
  }
}

void on_mirror(int fd, const parcel_scan* s) {
  mirror_scan(GW_MODE_LIVE, fd, s);
  mirror_scan_replay(GW_MODE_REPLAY, fd, s);
  const gw_config cfg = {GW_MODE_OFFLINE, GW_INFO, GW_F_COMPACT, "LGG2", "localhost"};
  mirror_scan_cfg(cfg, fd, s);
}

/* ---- redaction flag ----------------------------------------------------- */

/* Always called with redact = true. */
static void dump_contact(int fd, const Customer& c, bool redact) {
  const std::string v = redact ? std::string("***") : c.phone;
  send(fd, v.data(), v.size(), 0);  // expect-none
}

/* Called with redact = false. */
static void dump_contact_raw(int fd, const Customer& c, bool redact) {
  const std::string v = redact ? std::string("***") : c.phone;
  send(fd, v.data(), v.size(), 0);  // expect: unresolved customer.contact
}

void on_dump(int fd, const Customer& c) {
  dump_contact(fd, c, true);
  dump_contact_raw(fd, c, false);
}
