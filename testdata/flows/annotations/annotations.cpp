// Sources declared in code with [[clang::annotate("egress:<category>")]]: on a
// field whose name the data rules do not recognise, on a local variable and on
// a function parameter. The same names without the annotation are not sources.
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>

struct Lead {
  [[clang::annotate("egress:customer.contact")]] std::string handle;
  [[clang::annotate("egress:customer.address")]] std::string drop_spot;
  std::string channel;
};

struct Ticket {
  std::string handle;
  std::string drop_spot;
};

// Annotated and plain declarations of functions defined elsewhere, and globals.
[[clang::annotate("egress:customer.contact")]] std::string lookup_handle(int id);
std::string lookup_label(int id);
[[clang::annotate("egress:customer.contact")]] const std::string g_escalation_handle = "+49 30 1234";
const std::string g_banner = "depot-42";

void fields_to_cn(const Lead& lead, const Ticket& ticket) {
  addrinfo* res = nullptr;
  if (getaddrinfo("leads.partner.example.cn", "7001", nullptr, &res) != 0) return;
  const int fd = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
  connect(fd, res->ai_addr, res->ai_addrlen);

  // Annotated fields.
  send(fd, lead.handle.data(), lead.handle.size(), 0);  // expect: violation customer.contact
  const std::string where = "at " + lead.drop_spot;
  send(fd, where.data(), where.size(), 0);  // expect: violation customer.address

  // Same names, no annotation; and the unannotated field of Lead.
  send(fd, ticket.handle.data(), ticket.handle.size(), 0);  // expect-none
  const std::string spot = "at " + ticket.drop_spot;
  send(fd, spot.data(), spot.size(), 0);  // expect-none
  send(fd, lead.channel.data(), lead.channel.size(), 0);  // expect-none
  freeaddrinfo(res);
}

void locals_to_internal(const std::string& raw) {
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(7000);
  inet_pton(AF_INET, "10.80.0.2", &addr.sin_addr);
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);

  // An annotated local: its value and anything built from it are sources.
  [[clang::annotate("egress:customer.identity")]] const std::string handle = raw;
  const std::string greeting = "hello " + handle;
  send(fd, greeting.data(), greeting.size(), 0);  // expect: allowed customer.identity

  // The same name without annotation, from the same input.
  const std::string other = raw;
  send(fd, other.data(), other.size(), 0);  // expect-none

  // An annotated function's result and an annotated global; plain counterparts.
  const std::string h = lookup_handle(7);
  send(fd, h.data(), h.size(), 0);  // expect: allowed customer.contact
  send(fd, g_escalation_handle.data(), g_escalation_handle.size(), 0);  // expect: allowed customer.contact
  const std::string l = lookup_label(7);
  send(fd, l.data(), l.size(), 0);  // expect-none
  send(fd, g_banner.data(), g_banner.size(), 0);  // expect-none
  close(fd);
}

void notify_annotated([[clang::annotate("egress:customer.contact")]] const std::string& handle) {
  addrinfo* res = nullptr;
  if (getaddrinfo("sms.partner.example.cn", "7001", nullptr, &res) != 0) return;
  const int fd = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
  connect(fd, res->ai_addr, res->ai_addrlen);
  send(fd, handle.data(), handle.size(), 0);  // expect: violation customer.contact
  freeaddrinfo(res);
}

void notify_plain(const std::string& handle) {
  addrinfo* res = nullptr;
  if (getaddrinfo("sms.partner.example.cn", "7001", nullptr, &res) != 0) return;
  const int fd = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
  connect(fd, res->ai_addr, res->ai_addrlen);
  send(fd, handle.data(), handle.size(), 0);  // expect-none
  freeaddrinfo(res);
}

void run(const std::string& who) {
  notify_annotated(who);
  notify_plain(who);
}
