// A prepared statement kept in a struct by the function that opens the journal,
// bound and stepped by another: the rows go to the database file it was prepared
// on, not to its SQL text or to the values bound to it.
#include <sqlite3.h>

#include <cstdlib>

struct manifest_line {
  const char* tracking_no;
  int pieces;
};

struct journal {
  sqlite3* db;
  sqlite3_stmt* insert;
};

journal* journal_open() {
  auto* j = static_cast<journal*>(calloc(1, sizeof(journal)));
  if (sqlite3_open("/var/spool/edi/journal.db", &j->db) != SQLITE_OK) return nullptr;
  sqlite3_prepare_v2(j->db, "INSERT INTO lines VALUES (?, ?, ?)", -1, &j->insert, nullptr);
  return j;
}

void journal_record(journal* j, const manifest_line* m) {
  sqlite3_stmt* st = j->insert;
  sqlite3_reset(st);
  sqlite3_bind_text(st, 1, "gate/7", -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 2, m->tracking_no, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int(st, 3, m->pieces);
  sqlite3_step(st);
}

void journal_day(const manifest_line* m) {
  journal* j = journal_open();
  if (!j) return;
  journal_record(j, m);  // expect: allowed shipment.tracking
  sqlite3_close(j->db);
}
