// MySQL / MariaDB C API: query text and bound parameters go to the host the
// connection was opened to.
#include <mysql.h>

#include <cstdlib>
#include <cstring>
#include <string>

#include "common/model.h"

void store_contact(const Customer& c) {
  MYSQL* db = mysql_init(nullptr);
  mysql_real_connect(db, "db.orders.example.cn", "app", "secret", "orders", 3306, nullptr, 0);
  const std::string sql = "INSERT INTO contacts(email) VALUES ('" + c.email + "')";
  mysql_query(db, sql.c_str());  // expect: violation customer.contact
  mysql_query(db, "DELETE FROM contacts WHERE created < NOW() - INTERVAL 30 DAY");  // expect-none
  mysql_close(db);
}

// Escaped text is still the value; the connection is kept in an object.
class OrderStore {
 public:
  explicit OrderStore(const char* host) {
    conn_ = mysql_init(nullptr);
    mysql_real_connect(conn_, host, "app", "secret", "orders", 0, nullptr, 0);
  }
  void exec(const std::string& sql) {
    mysql_real_query(conn_, sql.c_str(), sql.size());  // expect: allowed customer.address
  }
  void save(const Customer& c) {
    char quoted[256];
    mysql_real_escape_string(conn_, quoted, c.street.c_str(), c.street.size());
    exec(std::string("UPDATE customers SET street='") + quoted + "'");
  }

 private:
  MYSQL* conn_;
};

void save_street(const Customer& c) {
  OrderStore eu("db.orders.example.de");
  eu.save(c);
}

// Prepared statements: the bound buffers go to the server at execute.
void insert_tracking(const Shipment& s) {
  MYSQL* db = mysql_init(nullptr);
  mysql_real_connect(db, "db.scans.example.cn", "app", "secret", "orders", 0, nullptr, 0);
  MYSQL_STMT* st = mysql_stmt_init(db);
  const char* q = "INSERT INTO scans(tracking) VALUES (?)";
  mysql_stmt_prepare(st, q, std::strlen(q));
  MYSQL_BIND bind[1];
  std::memset(bind, 0, sizeof bind);
  bind[0].buffer_type = MYSQL_TYPE_STRING;
  bind[0].buffer = const_cast<char*>(s.tracking_no.c_str());
  bind[0].buffer_length = s.tracking_no.size();
  mysql_stmt_bind_param(st, bind);
  mysql_stmt_execute(st);  // expect: violation shipment.tracking
  mysql_stmt_close(st);
}

void env_host(const Customer& c) {
  MYSQL* db = mysql_init(nullptr);
  mysql_real_connect(db, std::getenv("ORDERS_DB_HOST"), "app", "secret", "orders", 0, nullptr, 0);
  const std::string sql = "UPDATE contacts SET phone='" + c.phone + "'";
  mysql_query(db, sql.c_str());  // expect: unresolved customer.contact
}
