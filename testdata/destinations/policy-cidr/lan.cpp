// Judged by this folder's policy.yaml (cidr matchers).
#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>

#include "common/model.h"
#include "common/post.h"

void customer_addresses(const Customer& c) {
  post("http://10.20.3.4:8080/crm", c.email);  // expect: allowed customer.contact
  post("http://10.20.255.255/crm", c.email);  // expect: allowed customer.contact
  post("http://10.21.0.1/crm", c.email);  // expect: violation customer.contact -- internal, but outside 10.20.0.0/16
  post("http://[2001:db8:42::7]:8080/crm", c.name);  // expect: allowed customer.identity
  post("http://[2001:db8:43::7]:8080/crm", c.name);  // expect: violation customer.identity
  post("https://crm.depot.example.de/api", c.street);  // expect: violation customer.address -- a host name is no IP address
  post("http://localhost:8080/crm", c.street);  // expect: violation customer.address -- localhost is a name, not 127.0.0.1
}

void shipment_addresses(const Shipment& s) {
  post("http://192.168.1.5/labels", s.tracking_no);  // expect: allowed shipment.tracking
  post("http://192.168.99.5/labels", s.tracking_no);  // expect: violation shipment.tracking -- the deny entry comes first
  post("http://10.99.1.1/labels", s.tracking_no);  // expect: allowed shipment.tracking
  post("http://203.0.113.5/labels", s.tracking_no);  // expect: violation shipment.tracking
}

// Sockets: the address given to inet_pton is matched the same way.
void printer(const Shipment& s) {
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(9100);
  inet_pton(AF_INET, "192.168.99.40", &addr.sin_addr);
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr);
  send(fd, s.destination.data(), s.destination.size(), 0);  // expect: violation shipment.routing
  const std::string ping = "~HS";
  send(fd, ping.data(), ping.size(), 0);  // expect-none
  close(fd);
}
