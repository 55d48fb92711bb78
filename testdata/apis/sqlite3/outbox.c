/* SQLite: rows written into a database file are exports to that file, by SQL
 * text (sqlite3_exec, built with sqlite3_mprintf) or by values bound to a
 * prepared statement and stepped. */
#include <sqlite3.h>
#include <stddef.h>

struct recipient {
    const char *full_name;
    const char *email;
    const char *street;
};

struct parcel {
    const char *tracking_no;
    struct recipient to;
    int piece_count;
};

void queue_notification(const struct parcel *p)
{
    sqlite3 *db = NULL;
    if (sqlite3_open("/var/spool/edi/outbox/notify.db", &db) != SQLITE_OK)
        return;
    char *sql = sqlite3_mprintf("INSERT INTO outbox(email, awb) VALUES (%Q, %Q)", p->to.email, p->tracking_no);
    sqlite3_exec(db, sql, NULL, NULL, NULL); /* expect: unresolved customer.contact shipment.tracking */
    sqlite3_free(sql);
    char *count = sqlite3_mprintf("INSERT INTO stats(pieces) VALUES (%d)", p->piece_count);
    sqlite3_exec(db, count, NULL, NULL, NULL); /* expect-none */
    sqlite3_free(count);
    sqlite3_close(db);
}

void archive_recipient(const struct parcel *p)
{
    sqlite3 *db;
    sqlite3_open_v2("/home/exports/recipients.db", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    sqlite3_stmt *st = NULL;
    sqlite3_prepare_v2(db, "INSERT INTO recipients(name, street) VALUES (?, ?)", -1, &st, NULL);
    sqlite3_bind_text(st, 1, p->to.full_name, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, p->to.street, -1, SQLITE_STATIC);
    sqlite3_step(st); /* expect: unresolved customer.identity customer.address */
    sqlite3_finalize(st);
    sqlite3_close(db);
}
