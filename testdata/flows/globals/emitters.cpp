// Formatters that read a global and send it. Each is called from producers.cpp only,
// right after its caller wrote the global; what they send is what that caller wrote.
#include <sys/socket.h>

#include <cstring>
#include <string>

#include "state.h"

// Called after g_wire_buf received the customer's e-mail.
void emit_wire_contact(int fd) {
  send(fd, g_wire_buf, std::strlen(g_wire_buf), 0);  // expect: unresolved customer.contact
}

// Called after g_wire_buf was overwritten with "ping": the same buffer, but at this
// call site it holds only the literal.
void emit_wire_ping(int fd) {
  send(fd, g_wire_buf, std::strlen(g_wire_buf), 0);  // expect-none
}

// A static member holding a phone number.
void emit_session_phone(int fd) {
  send(fd, Session::s_phone.data(), Session::s_phone.size(), 0);  // expect: unresolved customer.contact
}

// The other static member is only ever assigned constants.
void emit_session_token(int fd) {
  send(fd, Session::s_token.data(), Session::s_token.size(), 0);  // expect-none
}

// A namespaced global holding street and city.
void emit_pending_addr(int fd) {
  const std::string line = "ADDR " + outbox::pending_addr;
  send(fd, line.data(), line.size(), 0);  // expect: unresolved customer.address
}

// eu::pending holds a phone number; audit::pending, of the same name, a heartbeat.
void emit_eu_pending(int fd) {
  send(fd, eu::pending.data(), eu::pending.size(), 0);  // expect: unresolved customer.contact
}

void emit_audit_pending(int fd) {
  send(fd, audit::pending.data(), audit::pending.size(), 0);  // expect-none
}

// A global record: its body field carries an e-mail, its status field a literal.
void emit_entry_body(int fd) {
  send(fd, g_entry.body.data(), g_entry.body.size(), 0);  // expect: unresolved customer.contact
}

void emit_entry_status(int fd) {
  send(fd, g_entry.status.data(), g_entry.status.size(), 0);  // expect-none
}

// A whole Customer copied into a global record; only its slot number is sent.
void emit_selection(int fd) {
  send(fd, &g_selection.slot, sizeof g_selection.slot, 0);  // expect-none
}

// A global record assigned whole from a brace list; line2 holds the city.
void emit_label_line2(int fd) {
  send(fd, g_label.line2.data(), g_label.line2.size(), 0);  // expect: unresolved customer.address
}

// A global pointer to the caller's string (a phone number).
void emit_active_text(int fd) {
  if (g_active_text == nullptr) return;
  send(fd, g_active_text->data(), g_active_text->size(), 0);  // expect: unresolved customer.contact
}

// Reached two calls deep: stage_and_dispatch() -> dispatch_dest() -> emit_dest().
void emit_dest(int fd) {
  const std::string msg = "{\"dest\":\"" + g_dest + "\"}";
  send(fd, msg.data(), msg.size(), 0);  // expect: unresolved shipment.routing
}

void dispatch_dest(int fd) { emit_dest(fd); }

// Only the length of an e-mail address was stored.
void emit_email_len(int fd) {
  const std::string n = std::to_string(g_email_len);
  send(fd, n.data(), n.size(), 0);  // expect-none
}
