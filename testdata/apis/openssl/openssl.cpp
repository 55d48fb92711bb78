#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <openssl/bio.h>
#include <openssl/ssl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "common/model.h"

namespace {
constexpr const char* kCrmHost = "api.crm-partner.com";
}  // namespace

// SSL over a socket connected to an internal label printer.
void print_label(SSL_CTX* ctx, const Shipment& s) {
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(9443);
  inet_pton(AF_INET, "10.20.0.7", &addr.sin_addr);
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  SSL* ssl = SSL_new(ctx);
  SSL_set_fd(ssl, fd);
  SSL_connect(ssl);
  const std::string label = s.recipient.name + "\n" + s.tracking_no;
  SSL_write(ssl, label.data(), static_cast<int>(label.size()));  // expect: allowed customer.identity shipment.tracking
  SSL_free(ssl);
  close(fd);
}

// SSL over a socket connected through getaddrinfo to a host in China.
void relay_contact(SSL_CTX* ctx, const Customer& c) {
  addrinfo* res = nullptr;
  if (getaddrinfo("relay.partner.example.cn", "443", nullptr, &res) != 0) return;
  const int fd = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
  connect(fd, res->ai_addr, res->ai_addrlen);
  SSL* ssl = SSL_new(ctx);
  SSL_set_fd(ssl, fd);
  SSL_connect(ssl);
  const std::string msg = "phone=" + c.phone;
  size_t written = 0;
  SSL_write_ex(ssl, msg.data(), msg.size(), &written);  // expect: violation customer.contact
  const std::string n = std::to_string(c.phone.size());
  SSL_write_ex(ssl, n.data(), n.size(), &written);  // expect-none
  freeaddrinfo(res);
}

// SNI host name on a .com host: customer data to an unknown location.
void sync_crm(SSL_CTX* ctx, int fd, const Customer& c, const Options& o) {
  SSL* ssl = SSL_new(ctx);
  SSL_set_fd(ssl, fd);
  SSL_set_tlsext_host_name(ssl, kCrmHost);
  SSL_connect(ssl);
  SSL_write(ssl, c.email.c_str(), static_cast<int>(c.email.size()));  // expect: violation customer.contact
  const std::string flags = std::to_string(o.email_enabled) + ";" + std::to_string(o.address_family);
  SSL_write(ssl, flags.c_str(), static_cast<int>(flags.size()));  // expect-none
}

// SNI host name from the environment.
void notify_partner(SSL_CTX* ctx, const Shipment& s) {
  SSL* ssl = SSL_new(ctx);
  SSL_set_tlsext_host_name(ssl, std::getenv("PARTNER_HOST"));
  SSL_connect(ssl);
  SSL_write(ssl, s.recipient.city.data(), static_cast<int>(s.recipient.city.size()));  // expect: unresolved customer.address
}

// Connect BIO created on host:port.
void post_events(const Shipment& s) {
  BIO* bio = BIO_new_connect("events.carrier.example.de:443");
  BIO_do_connect(bio);
  const std::string ev = s.tracking_no + ";" + s.destination;
  BIO_write(bio, ev.data(), static_cast<int>(ev.size()));  // expect: allowed shipment.tracking shipment.routing
  BIO_puts(bio, "PING\n");  // expect-none
  BIO_free_all(bio);
}

// SSL BIO whose host is set with BIO_set_conn_hostname.
void export_to_cn(SSL_CTX* ctx, const Shipment& s, const Customer& c) {
  BIO* bio = BIO_new_ssl_connect(ctx);
  BIO_set_conn_hostname(bio, "ingest.crossborder.example.cn:443");
  BIO_do_connect(bio);
  BIO_puts(bio, s.tracking_no.c_str());  // expect: violation shipment.tracking
  BIO_printf(bio, "phone=%s\n", c.phone.c_str());  // expect: violation customer.contact
  BIO_printf(bio, "len=%zu\n", c.phone.size());  // expect-none
  BIO_free_all(bio);
}

// An SSL filter BIO pushed onto a connect BIO, and an SSL object given that BIO.
void chained(SSL_CTX* ctx, const Customer& c) {
  BIO* conn = BIO_new_connect("crm.depot.example.eu:443");
  BIO* ssl_bio = BIO_new_ssl(ctx, 1);
  BIO* chain = BIO_push(ssl_bio, conn);
  BIO_write(chain, c.street.data(), static_cast<int>(c.street.size()));  // expect: allowed customer.address
  SSL* ssl = SSL_new(ctx);
  BIO* wire = BIO_new_connect("backup.example.cn:443");
  SSL_set_bio(ssl, wire, wire);
  char line[128];
  BIO_snprintf(line, sizeof line, "%s", c.name.c_str());
  SSL_write(ssl, line, static_cast<int>(sizeof line));  // expect: violation customer.identity
  const std::string fixed = "name=<redacted>";
  SSL_write(ssl, fixed.data(), static_cast<int>(fixed.size()));  // expect-none
}

// A socket BIO over a connected descriptor, and BIO_set_fd on a fresh socket BIO.
void socket_bios(const Shipment& s) {
  addrinfo* res = nullptr;
  if (getaddrinfo("hub.linehaul.example.nl", "7000", nullptr, &res) != 0) return;
  const int fd = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
  connect(fd, res->ai_addr, res->ai_addrlen);
  BIO* b = BIO_new_socket(fd, BIO_NOCLOSE);
  BIO_write(b, s.recipient.email.data(), static_cast<int>(s.recipient.email.size()));  // expect: allowed customer.contact
  BIO* b2 = BIO_new(BIO_s_socket());
  BIO_set_fd(b2, fd, BIO_NOCLOSE);
  const std::string w = std::to_string(s.weight_kg);
  BIO_puts(b2, w.c_str());  // expect: allowed shipment.metrics
  freeaddrinfo(res);
}
