/*
 * scangw uplink: reads the globals filled in gw_state.cpp and ships them to the WMS
 * (family 8: globals across functions and two files, flow-sensitive per call site).
 * The formatters gw_frame()/gw_render_label() are shared; the sink is in each
 * caller, after the formatter returned, so every caller has its own sink line.
 */
#include <sys/socket.h>

#include <cstdio>
#include <cstring>
#include <string>

#include "gw.h"

/* Caller 1 of gw_frame(): stages the consignee's phone -> the frame carries it. */
void uplink_contact_frame(int fd, const parcel_scan* s) {
  std::strncpy(g_stage, s->consignee_phone, sizeof g_stage - 1);
  g_stage[sizeof g_stage - 1] = '\0';
  const char* f = gw_frame();
  send(fd, f, std::strlen(f), 0);  // expect: unresolved customer.contact
}

/* Caller 2 of gw_frame(): stages a heartbeat literal -> nothing but "HB" goes out. */
void uplink_heartbeat(int fd) {
  std::strcpy(g_stage, "HB");
  const char* f = gw_frame();
  send(fd, f, std::strlen(f), 0);  // expect-none
}

/* Caller 3 of gw_frame(): stages through the function-pointer table, entry 1 (the
 * consignee's name). */
void uplink_consignee_frame(int fd, const parcel_scan* s) {
  gw_stage_by(1, s);
  const char* f = gw_frame();
  send(fd, f, std::strlen(f), 0);  // gap expect: unresolved customer.identity
}

/* Caller 1 of gw_render_label(): the label text is the customer's name. */
void print_customer_label(int fd, const Customer& c) {
  g_label_text = c.name;
  const std::string zpl = gw_render_label();
  send(fd, zpl.data(), zpl.size(), 0);  // expect: unresolved customer.identity
}

/* Caller 2 of gw_render_label(): a no-read label, constant text. */
void print_noread_label(int fd) {
  g_label_text = "NO-READ";
  const std::string zpl = gw_render_label();
  send(fd, zpl.data(), zpl.size(), 0);  // expect-none
}

/* Caller 3 of gw_render_label(): the e-mail was staged, then replaced by a constant
 * before the formatter ran. */
void print_idle_label(int fd, const Customer& c) {
  g_label_text = c.email;
  g_label_text = "IDLE";
  const std::string zpl = gw_render_label();
  send(fd, zpl.data(), zpl.size(), 0);  // expect-none
}

/* g_last_scan was assigned the whole scan in gw_ingest_scan(): its barcode is data... */
void flush_last_barcode(int fd) {
  send(fd, g_last_scan.barcode, std::strlen(g_last_scan.barcode), 0);  // expect: unresolved shipment.tracking
}

/* ...its dock door number is not. */
void flush_last_dock(int fd) {
  const std::uint16_t dock = g_last_scan.dock;
  send(fd, &dock, sizeof dock, 0);  // expect-none
}

/* Global pointer to the customer being served, set in gw_remember_customer(). */
void flush_active_city(int fd) {
  if (!g_active_customer) return;
  const std::string& city = g_active_customer->city;
  send(fd, city.data(), city.size(), 0);  // expect: unresolved customer.address
}

/* Global queue of e-mails filled by gw_queue_email(). */
void flush_outq(int fd) {
  for (unsigned i = 0; i < g_outq_len; ++i) {
    send(fd, g_outq[i].data(), g_outq[i].size(), 0);  // expect: unresolved customer.contact
  }
  g_outq_len = 0;
}

/* Global header buffer formatted with the e-mail in gw_prepare_mail(). */
void flush_mail_hdr(int fd) {
  send(fd, g_mail_hdr, std::strlen(g_mail_hdr), 0);  // expect: unresolved customer.contact
}

/* Scan counter: a count, not data. */
void report_scan_count(int fd) {
  char line[32];
  std::snprintf(line, sizeof line, "scans=%lu\n", g_scan_count);
  send(fd, line, std::strlen(line), 0);  // expect-none
}

/* Only the length of the last phone number was kept globally. */
void report_phone_len(int fd) {
  char line[32];
  std::snprintf(line, sizeof line, "plen=%zu\n", g_last_phone_len);
  send(fd, line, std::strlen(line), 0);  // expect-none
}

/* Firmware version: a constant-initialised global. */
void report_fw(int fd) {
  send(fd, g_fw_version, std::strlen(g_fw_version), 0);  // expect-none
}

/* Site code: set from a literal in gw_config_defaults(). */
void report_site(int fd) {
  send(fd, g_cfg.site_code, std::strlen(g_cfg.site_code), 0);  // expect-none
}

/* Writes the scale weight into a global; gw_state.cpp sends it. */
static void stage_weight(const parcel_scan* s) {
  std::snprintf(g_weight_txt, sizeof g_weight_txt, "%u", static_cast<unsigned>(s->weight_g));
}

/* The daemon's main poll step: ingest first, then flush everything. */
void gw_poll_once(int fd, const parcel_scan* s, const Customer& c) {
  gw_config_defaults();
  gw_ingest_scan(s);
  gw_remember_customer(&c);
  gw_queue_email(c);
  gw_prepare_mail(&c);

  uplink_contact_frame(fd, s);
  uplink_heartbeat(fd);
  uplink_consignee_frame(fd, s);
  print_customer_label(fd, c);
  print_noread_label(fd);
  print_idle_label(fd, c);

  flush_last_barcode(fd);
  flush_last_dock(fd);
  flush_active_city(fd);
  flush_outq(fd);
  flush_mail_hdr(fd);
  report_scan_count(fd);
  report_phone_len(fd);
  report_fw(fd);
  report_site(fd);

  stage_weight(s);
  gw_emit_weight(fd);
}
