// Globals shared by the files of this program (issue 9, family 8): data written into
// a global by one function and read by another, here or in another file.
#pragma once

#include <cstddef>
#include <string>

#include "common/model.h"

// One shared text buffer: callers fill it, then call a formatter that sends it.
extern char g_wire_buf[256];

// A session object with static members.
struct Session {
  static std::string s_phone;
  static std::string s_token;
};

// Namespaced globals; two namespaces use the same member name.
namespace outbox {
extern std::string pending_addr;
}
namespace eu {
extern std::string pending;
}
namespace audit {
extern std::string pending;
}

// A global record (its field names are not classified): the body gets data, the
// status a literal.
struct OutboxEntry {
  std::string body;
  std::string status;
};
extern OutboxEntry g_entry;

// A record holding a copy of a whole Customer, and a pointer to a caller's string.
struct Selection {
  Customer who;
  int slot = 0;
};
extern Selection g_selection;

// A label record built whole from a customer's fields (field names not classified).
struct Label {
  std::string line1;
  std::string line2;
};
extern Label g_label;
extern const std::string* g_active_text;

// The destination of the shipment being staged, and a length.
extern std::string g_dest;
extern std::size_t g_email_len;

// emitters.cpp: one formatter per case, each with its own send().
void emit_wire_contact(int fd);
void emit_wire_ping(int fd);
void emit_session_phone(int fd);
void emit_session_token(int fd);
void emit_pending_addr(int fd);
void emit_eu_pending(int fd);
void emit_audit_pending(int fd);
void emit_entry_body(int fd);
void emit_entry_status(int fd);
void emit_selection(int fd);
void emit_label_line2(int fd);
void emit_active_text(int fd);
void emit_dest(int fd);
void emit_email_len(int fd);
void dispatch_dest(int fd);
