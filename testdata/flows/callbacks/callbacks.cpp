// Propagation through callables: lambdas called directly, lambdas stored in
// std::function fields and invoked later from another method, function pointers
// with a known target, and virtual calls (every override counts).
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <functional>
#include <string>
#include <utility>

#include "common/model.h"

namespace {

std::string pick_email(const Customer& c) { return c.email; }
std::string pick_nothing(const Customer& c) { return c.name.empty() ? "empty" : "set"; }

void ship(int fd, const std::string& s) {
  send(fd, s.data(), s.size(), 0);  // expect: allowed customer.contact
}

}  // namespace

// Virtual dispatch with the sink in one override; the other drops the data.
class Channel {
 public:
  virtual ~Channel() = default;
  virtual void put(int fd, const std::string& s) = 0;
};

class SocketChannel : public Channel {
 public:
  void put(int fd, const std::string& s) override {
    send(fd, s.data(), s.size(), 0);  // expect: allowed customer.address
  }
};

class NullChannel : public Channel {
 public:
  void put(int, const std::string&) override {}
};

// Virtual dispatch: the caller only sees the base class.
class Formatter {
 public:
  virtual ~Formatter() = default;
  virtual std::string render(const Customer& c) const = 0;
};

class PhoneFormatter : public Formatter {
 public:
  std::string render(const Customer& c) const override { return "tel:" + c.phone; }
};

class CityFormatter : public Formatter {
 public:
  std::string render(const Customer& c) const override { return c.city; }
};

class Banner {
 public:
  virtual ~Banner() = default;
  virtual std::string text(const Customer& c) const { return c.name.empty() ? "hi" : "hello"; }
};

class LoudBanner : public Banner {
 public:
  std::string text(const Customer& c) const override { return c.email.empty() ? "HI" : "HELLO"; }
};

// A std::function field, assigned by the caller and invoked from methods.
struct Dispatcher {
  std::function<void(const std::string&)> handler;
  void deliver(const Customer& c) { handler(c.street); }
  void heartbeat() { handler("PING"); }
};

void lambdas_and_pointers(const Customer& c, const Formatter& f, const Banner& b, Channel& ch) {
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(7000);
  inet_pton(AF_INET, "10.60.0.3", &addr.sin_addr);
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);

  // A lambda returning a field, called directly.
  const auto name_of = [](const Customer& x) { return x.name; };
  const std::string n = name_of(c);
  send(fd, n.data(), n.size(), 0);  // expect: allowed customer.identity

  // A lambda capturing a field value by copy.
  const std::string phone = c.phone;
  const auto with_prefix = [phone]() { return "tel:" + phone; };
  const std::string p = with_prefix();
  send(fd, p.data(), p.size(), 0);  // expect: allowed customer.contact

  // A std::function local assigned a lambda, then called.
  std::function<std::string(const Customer&)> street_of;
  street_of = [](const Customer& x) { return x.street; };
  const std::string st = street_of(c);
  send(fd, st.data(), st.size(), 0);  // expect: allowed customer.address
  std::function<std::string(const Customer&)> tag_of;
  tag_of = [](const Customer&) { return std::string("customer"); };
  const std::string tg = tag_of(c);
  send(fd, tg.data(), tg.size(), 0);  // expect-none

  // A function pointer with a known target.
  std::string (*pick)(const Customer&) = &pick_email;
  const std::string e = pick(c);
  send(fd, e.data(), e.size(), 0);  // expect: allowed customer.contact

  // A virtual call: PhoneFormatter and CityFormatter both count.
  const std::string r = f.render(c);
  send(fd, r.data(), r.size(), 0);  // expect: allowed customer.contact customer.address

  // A function pointer whose target holds the sink.
  void (*out)(int, const std::string&) = &ship;
  out(fd, c.phone);  // expect: allowed customer.contact
  out(fd, "PING");  // expect-none

  // A virtual call whose SocketChannel override holds the sink.
  ch.put(fd, c.street);  // expect: allowed customer.address
  ch.put(fd, "PING");  // expect-none

  // Negatives: a lambda ignoring the data, a function pointer to a function
  // returning constants, a virtual call whose overrides all return constants.
  const auto constant = [](const Customer&) { return std::string("ok"); };
  const std::string k = constant(c);
  send(fd, k.data(), k.size(), 0);  // expect-none
  std::string (*flag)(const Customer&) = &pick_nothing;
  const std::string fl = flag(c);
  send(fd, fl.data(), fl.size(), 0);  // expect-none
  const std::string t = b.text(c);
  send(fd, t.data(), t.size(), 0);  // expect-none
  close(fd);
}

void stored_callback_to_cn(const Customer& c) {
  addrinfo* res = nullptr;
  if (getaddrinfo("events.partner.example.cn", "7001", nullptr, &res) != 0) return;
  const int fd = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
  connect(fd, res->ai_addr, res->ai_addrlen);

  // A lambda with the sink, capturing the connected descriptor, called directly.
  const auto push = [fd](const std::string& body) {
    send(fd, body.data(), body.size(), 0);  // expect: violation customer.contact
  };
  push(c.email);  // expect: violation customer.contact
  push("HELLO");  // expect-none

  // The same kind of lambda stored in a Dispatcher's field and invoked from deliver().
  Dispatcher d;
  d.handler = [fd](const std::string& body) {
    send(fd, body.data(), body.size(), 0);  // expect: violation customer.address
  };
  d.deliver(c);  // expect: violation customer.address
  d.heartbeat();  // expect-none
  freeaddrinfo(res);
}

void use_all() {
  const Customer c{"A", "a@example.org", "+49", "Main St 1", "Berlin"};
  const PhoneFormatter pf;
  const CityFormatter cf;
  const LoudBanner lb;
  SocketChannel sc;
  NullChannel nc;
  lambdas_and_pointers(c, pf, lb, sc);
  lambdas_and_pointers(c, cf, lb, nc);
  stored_callback_to_cn(c);
}
