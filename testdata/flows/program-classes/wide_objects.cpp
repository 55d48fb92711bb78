// A routine reading more fields of one object than the link keeps apart (a dock
// board's 30 slot sizes; docs/architecture.md, kMaxFieldInputs): they become one
// input standing for any field of the object, which must still carry the one field
// a caller filled with record data. A caller filling no field with data stays clean.
#include <sys/socket.h>

#include <string>

#include "orders.h"

struct DockBoard {
  int slot0, slot1, slot2, slot3, slot4, slot5, slot6, slot7, slot8, slot9, slot10, slot11, slot12, slot13, slot14, slot15, slot16, slot17, slot18, slot19, slot20, slot21, slot22, slot23, slot24, slot25, slot26, slot27, slot28, slot29;
  std::string contact;
};

static void send_board(int fd, const DockBoard& p) {
  const int total = p.slot0 + p.slot1 + p.slot2 + p.slot3 + p.slot4 + p.slot5 + p.slot6 + p.slot7 + p.slot8 + p.slot9 + p.slot10 + p.slot11 + p.slot12 + p.slot13 + p.slot14 + p.slot15 + p.slot16 + p.slot17 + p.slot18 + p.slot19 + p.slot20 + p.slot21 + p.slot22 + p.slot23 + p.slot24 + p.slot25 + p.slot26 + p.slot27 + p.slot28 + p.slot29;
  const std::string line = std::to_string(total) + ";" + p.contact;
  send(fd, line.data(), line.size(), 0);
}

void announce_board(int fd, const Customer& c) {
  DockBoard board{};
  board.contact = c.email;
  send_board(fd, board);  // expect: unresolved customer.contact
}

void announce_empty_board(int fd) {
  DockBoard board{};
  board.slot3 = 12;
  board.contact = "dock 7";
  send_board(fd, board);  // expect-none
}
