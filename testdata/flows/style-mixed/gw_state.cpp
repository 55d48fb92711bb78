/*
 * scangw global state: definitions, the ingest side that fills the globals, and the
 * shared formatters that read them (family 8: globals across functions and files).
 * The senders live in gw_uplink.cpp.
 */
#include <sys/socket.h>

#include <cstdio>
#include <cstring>
#include <string>

#include "gw.h"

gw_config g_cfg;
char g_stage[128];
char g_frame[256];
std::string g_label_text;
parcel_scan g_last_scan;
const Customer* g_active_customer = nullptr;
std::string g_outq[16];
unsigned g_outq_len = 0;
char g_mail_hdr[160];
char g_weight_txt[16];
unsigned long g_scan_count = 0;
std::size_t g_last_phone_len = 0;
char g_fw_version[16] = "scangw-2.4.1";

void gw_config_defaults(void) {
  g_cfg.mode = GW_MODE_LIVE;
  g_cfg.log_level = GW_INFO;
  g_cfg.flags = GW_F_COMPACT;
  std::strcpy(g_cfg.site_code, "LGG2");
  std::strcpy(g_cfg.uplink_host, "wms-uplink.local");
}

/* Shared formatter: wraps whatever is staged in g_stage into a frame. What it
 * returns depends on what the caller staged (see gw_uplink.cpp). */
const char* gw_frame(void) {
  std::snprintf(g_frame, sizeof g_frame, "\x02%s\x03", g_stage);
  return g_frame;
}

/* Shared formatter over a std::string global. */
std::string gw_render_label(void) {
  return "^XA^FO50,50^FD" + g_label_text + "^FS^XZ";
}

/* Ingest: keep the last scan, count scans, remember the phone length only. */
void gw_ingest_scan(const parcel_scan* s) {
  g_last_scan = *s;
  ++g_scan_count;
  g_last_phone_len = std::strlen(s->consignee_phone);
}

void gw_remember_customer(const Customer* c) { g_active_customer = c; }

void gw_queue_email(const Customer& c) {
  if (g_outq_len < GW_ARRAY_LEN(g_outq)) g_outq[g_outq_len++] = c.email;
}

void gw_prepare_mail(const Customer* c) {
  std::snprintf(g_mail_hdr, sizeof g_mail_hdr, "To: %s\r\n", c->email.c_str());
}

/* C-style stager table: entry 0 stages the barcode, entry 1 the consignee. */
typedef void (*stage_fn)(const parcel_scan*);

static void stage_barcode(const parcel_scan* s) {
  std::strncpy(g_stage, s->barcode, sizeof g_stage - 1);
  g_stage[sizeof g_stage - 1] = '\0';
}

static void stage_consignee(const parcel_scan* s) {
  std::strncpy(g_stage, s->consignee, sizeof g_stage - 1);
  g_stage[sizeof g_stage - 1] = '\0';
}

static const stage_fn kStagers[] = {stage_barcode, stage_consignee};

void gw_stage_by(int which, const parcel_scan* s) { kStagers[which](s); }

/* The reverse direction: g_weight_txt is written in gw_uplink.cpp (from the scale
 * weight of a parcel) and sent here. */
void gw_emit_weight(int fd) {
  send(fd, g_weight_txt, std::strlen(g_weight_txt), 0);  // expect: unresolved shipment.metrics
}
