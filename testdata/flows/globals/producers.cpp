// Callers: each writes a global, then calls the formatter that reads it.
#include <cstring>
#include <string>

#include "state.h"

// Caller A: the shared buffer gets the customer's e-mail before the formatter runs.
void send_contact_frame(int fd, const Customer& c) {
  std::strcpy(g_wire_buf, c.email.c_str());
  emit_wire_contact(fd);
}

// Caller B: the same buffer gets a keep-alive literal before its formatter runs.
void send_keepalive(int fd) {
  std::strcpy(g_wire_buf, "ping");
  emit_wire_ping(fd);
}

void sync_session(int fd, const Customer& c) {
  Session::s_phone = c.phone;
  Session::s_token = "tok-static-0001";
  emit_session_phone(fd);
  emit_session_token(fd);
}

void queue_address(int fd, const Customer& c) {
  outbox::pending_addr = c.street + ", " + c.city;
  emit_pending_addr(fd);
}

void queue_pending(int fd, const Customer& c) {
  eu::pending = c.phone;
  audit::pending = "heartbeat";
  emit_eu_pending(fd);
  emit_audit_pending(fd);
}

void queue_entry(int fd, const Customer& c) {
  g_entry.body = c.email;
  g_entry.status = "queued";
  emit_entry_body(fd);
  emit_entry_status(fd);
}

void select_customer(int fd, const Customer& c) {
  g_selection.who = c;
  g_selection.slot = 7;
  emit_selection(fd);
}

void print_label(int fd, const Customer& c) {
  g_label = Label{"Attn: " + c.name, c.city};
  emit_label_line2(fd);
}

void point_at_phone(int fd, const Customer& c) {
  g_active_text = &c.phone;
  emit_active_text(fd);
}

void stage_and_dispatch(int fd, const Shipment& s) {
  g_dest = s.destination;
  dispatch_dest(fd);
}

void count_email(int fd, const Customer& c) {
  g_email_len = c.email.size();
  emit_email_len(fd);
}
