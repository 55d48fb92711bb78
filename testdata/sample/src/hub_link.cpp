// Plain TCP links: the route planner on the depot LAN, the merchant settlement
// service of the parent company, and the depot heartbeat.
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <map>
#include <sstream>
#include <string>

#include "depot/services.h"

namespace depot {

// The route planner runs on the depot's own network.
bool push_route_plan(const Consignment& c) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return false;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(7400);
  inet_pton(AF_INET, "10.20.0.15", &addr.sin_addr);
  if (connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return false;
  }
  char line[256];
  std::snprintf(line, sizeof line, "ROUTE %s %s>%s %dg\n", c.waybill_number.c_str(), c.origin_hub.c_str(), c.destination_hub.c_str(), c.weight_grams);
  send(fd, line, std::strlen(line), 0);  // expect: allowed shipment.tracking shipment.routing shipment.metrics
  close(fd);
  return true;
}

// Nightly settlement with the parent company's ledger in Shenzhen.
bool sync_merchant_ledger(const Merchant& m) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (getaddrinfo("ledger.shenzhen-tradelink.cn", "7443", &hints, &found) != 0) return false;
  const int fd = socket(found->ai_family, found->ai_socktype, found->ai_protocol);
  const bool up = fd >= 0 && connect(fd, found->ai_addr, found->ai_addrlen) == 0;
  freeaddrinfo(found);
  if (!up) return false;
  std::ostringstream msg;
  msg << "MERCHANT " << m.merchant_id << ' ' << m.vat_number << ' ' << m.company_name << '\n';
  const std::string wire = msg.str();
  const ssize_t n = write(fd, wire.data(), wire.size());  // expect: violation seller.identity
  close(fd);
  return n == static_cast<ssize_t>(wire.size());
}

// Liveness ping: only switches and numbers that describe the depot itself.
bool send_heartbeat(const DepotConfig& cfg) {
  const int fd = socket(cfg.address_family, SOCK_DGRAM, 0);
  if (fd < 0) return false;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(7401);
  inet_pton(AF_INET, "10.20.0.15", &addr.sin_addr);
  connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr);
  char beat[64];
  std::snprintf(beat, sizeof beat, "HB af=%d mail=%d\n", cfg.address_family, cfg.email_enabled ? 1 : 0);
  send(fd, beat, std::strlen(beat), 0);  // expect-none
  send(fd, &cfg.email_enabled, sizeof cfg.email_enabled, 0);  // expect-none
  close(fd);
  return true;
}

// Builds the phone lookup table the drivers' app queries; the table stays here.
bool rebuild_phone_index(const Batch& batch) {
  std::map<std::string, std::string> phone_by_waybill;
  for (const Consignment& c : batch) phone_by_waybill[c.waybill_number] = c.to.phone_number;
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return false;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(7402);
  inet_pton(AF_INET, "10.20.0.16", &addr.sin_addr);
  connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr);
  static const char kAck[] = "INDEX READY\n";
  send(fd, kAck, sizeof kAck - 1, 0);  // expect-none
  if (false) {
    send(fd, batch.front().to.email.data(), batch.front().to.email.size(), 0);  // expect-none
  }
  close(fd);
  return !phone_by_waybill.empty();
}

}  // namespace depot
