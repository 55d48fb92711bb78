/*
 * scangw - warehouse scanner gateway (tunnel + handheld scanners -> uplink).
 * Shared types, log levels, mode flags and the gateway's global state.
 * The globals are defined in gw_state.cpp; gw_uplink.cpp reads and sends them.
 */
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "common/model.h"

/* ---- log levels ------------------------------------------------------- */
enum gw_level { GW_TRACE = 0, GW_DEBUG = 1, GW_INFO = 2, GW_WARN = 3, GW_ERROR = 4 };

/* ---- run modes and publish flags --------------------------------------- */
#define GW_MODE_OFFLINE 0
#define GW_MODE_LIVE 1
#define GW_MODE_REPLAY 2

#define GW_F_CONTACT 0x01u /* include consignee contact in events */
#define GW_F_WEIGHT 0x02u  /* include scale weight */
#define GW_F_COMPACT 0x04u /* short frame format */

#define GW_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* ---- records ----------------------------------------------------------- */

/* One read from a tunnel or handheld scanner. A parcel_* record: weight_g is a
 * shipment metric here, barcode a tracking number, consignee a person's name. */
struct parcel_scan {
  char barcode[32];
  char consignee[48];
  char consignee_phone[24];
  std::uint32_t weight_g;
  std::uint16_t dock; /* door number: not data */
  std::uint8_t flags;
};

/* A device attached to the gateway. Its name is a device name, not a person's. */
struct gw_sensor {
  std::string name;
  int channel = 0;
};

struct gw_config {
  int mode;
  int log_level;
  unsigned flags;
  char site_code[8];
  char uplink_host[64];
};

/* ---- global state (gw_state.cpp) --------------------------------------- */
extern gw_config g_cfg;
extern char g_stage[128];  /* staging buffer read by gw_frame() */
extern char g_frame[256];  /* frame produced by gw_frame() */
extern std::string g_label_text; /* read by gw_render_label() */
extern parcel_scan g_last_scan;
extern const Customer* g_active_customer;
extern std::string g_outq[16];
extern unsigned g_outq_len;
extern char g_mail_hdr[160];
extern char g_weight_txt[16];
extern unsigned long g_scan_count;
extern std::size_t g_last_phone_len;
extern char g_fw_version[16];

/* ---- gw_state.cpp ------------------------------------------------------ */
void gw_config_defaults(void);
const char* gw_frame(void);
std::string gw_render_label(void);
void gw_ingest_scan(const parcel_scan* s);
void gw_remember_customer(const Customer* c);
void gw_queue_email(const Customer& c);
void gw_prepare_mail(const Customer* c);
void gw_stage_by(int which, const parcel_scan* s);
void gw_emit_weight(int fd);

/* ---- gw_uplink.cpp ----------------------------------------------------- */
void gw_poll_once(int fd, const parcel_scan* s, const Customer& c);
