// libpq: SQL and parameter values go to the server the connection was opened to.
#include <libpq-fe.h>

#include <cstdlib>
#include <string>

#include "common/model.h"

void insert_contact(const Customer& c) {
  PGconn* conn = PQconnectdb("postgresql://db.fleet-hub.example.cn:5432/depot?sslmode=require");
  const std::string sql = "INSERT INTO contacts(email) VALUES ('" + c.email + "')";
  PGresult* res = PQexec(conn, sql.c_str());  // expect: violation customer.contact
  PQclear(res);
  PQclear(PQexec(conn, "SELECT count(*) FROM contacts"));  // expect-none
  PQfinish(conn);
}

void params_generic_tld(const Customer& c, const Shipment& s, const Options& o) {
  PGconn* conn = PQconnectdb("postgres://app@pg.analytics.example.com/depot");
  const char* values[] = {c.name.c_str(), c.phone.c_str()};
  PQexecParams(conn, "INSERT INTO customers(name, phone) VALUES ($1, $2)", 2, nullptr, values, nullptr, nullptr, 0);  // expect: violation customer.identity customer.contact
  const std::string w = std::to_string(s.weight_kg);
  const char* wv[] = {w.c_str()};
  PQexecParams(conn, "INSERT INTO weights VALUES ($1)", 1, nullptr, wv, nullptr, nullptr, 0);  // expect: violation shipment.metrics
  const std::string flags = std::to_string(o.email_enabled) + "," + std::to_string(o.address_family);
  const char* fv[] = {flags.c_str()};
  PQexecParams(conn, "INSERT INTO flags VALUES ($1)", 1, nullptr, fv, nullptr, nullptr, 0);  // expect-none
  const std::string n = std::to_string(c.email.size());
  const char* nv[] = {n.c_str()};
  PQexecParams(conn, "INSERT INTO lens VALUES ($1)", 1, nullptr, nv, nullptr, nullptr, 0);  // expect-none
  std::string local = c.street;  // kept locally only
  PQfinish(conn);
}

void eu_and_internal(const Customer& c, const Shipment& s) {
  PGconn* eu = PQconnectdb("postgresql://db.depot.example.de/depot");
  const char* v[] = {c.street.c_str(), c.city.c_str()};
  PQexecParams(eu, "UPDATE customers SET street=$1, city=$2", 2, nullptr, v, nullptr, nullptr, 0);  // expect: allowed customer.address
  PGconn* local = PQsetdbLogin("10.0.0.20", "5432", nullptr, nullptr, "depot", "scanner", "secret");
  const std::string sql = "INSERT INTO scans VALUES ('" + s.tracking_no + "')";
  PQexec(local, sql.c_str());  // expect: allowed shipment.tracking
  PGconn* cn = PQsetdb("pg.fleet-hub.example.cn", "5432", nullptr, nullptr, "depot");
  PQexec(cn, sql.c_str());  // expect: violation shipment.tracking
}

void env_conninfo(const Customer& c) {
  PGconn* conn = PQconnectdb(std::getenv("DATABASE_URL"));
  const char* v[] = {c.email.c_str()};
  PQexecParams(conn, "INSERT INTO contacts VALUES ($1)", 1, nullptr, v, nullptr, nullptr, 0);  // expect: unresolved customer.contact
}

void prepared_and_async(const Customer& c) {
  PGconn* conn = PQconnectdb("postgresql://db.fleet-hub.example.cn/depot");
  PQprepare(conn, "ins", "INSERT INTO contacts(phone) VALUES ($1)", 1, nullptr);  // expect-none
  const char* v[] = {c.phone.c_str()};
  PQexecPrepared(conn, "ins", 1, v, nullptr, nullptr, 0);  // expect: violation customer.contact
  const std::string q = "SELECT * FROM customers WHERE name = '" + c.name + "'";
  PQsendQuery(conn, q.c_str());  // expect: violation customer.identity
  char* lit = PQescapeLiteral(conn, c.city.c_str(), c.city.size());
  const std::string upd = std::string("UPDATE customers SET city = ") + lit;
  PQexec(conn, upd.c_str());  // expect: violation customer.address
  PQfreemem(lit);
}

void copy_in(const Shipment& s) {
  PGconn* conn = PQconnectdb("postgresql://10.0.0.20/depot");
  PQexec(conn, "COPY scans FROM STDIN");  // expect-none
  const std::string row = s.tracking_no + "\t" + s.destination + "\n";
  PQputCopyData(conn, row.data(), static_cast<int>(row.size()));  // expect: allowed shipment.tracking shipment.routing
  PQputCopyEnd(conn, nullptr);
}

// A key=value conninfo is located by its host=; PQconnectdbParams keeps its host in a
// values array, which stays unresolved.
void keyword_conninfo(const Customer& c) {
  PGconn* kv = PQconnectdb("host=db.fleet-hub.example.cn dbname=depot");
  PQexec(kv, ("INSERT INTO contacts VALUES ('" + c.email + "')").c_str());  // expect: violation customer.contact -- host= of a key=value conninfo
  const char* keys[] = {"host", "dbname", nullptr};
  const char* vals[] = {"db.depot.example.de", "depot", nullptr};
  PGconn* params = PQconnectdbParams(keys, vals, 0);
  PQexec(params, ("INSERT INTO contacts VALUES ('" + c.phone + "')").c_str());  // expect: unresolved customer.contact -- host inside the values array
}
