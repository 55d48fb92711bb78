// Propagation through the program's own functions: return values, out-parameters
// by reference and by pointer, getters/setters on a class, and constructors that
// store their parameters into fields (initializer list and assignment in the body).
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>

#include "common/model.h"

namespace {

std::string label_for(const Shipment& s) { return s.tracking_no + "@" + s.destination; }

std::string greeting(const Customer& c) {
  (void)c;
  return "Dear customer";
}

void fill_contact(const Customer& c, std::string& out) { out = c.phone; }

void fill_street(const Customer& c, std::string* out) { *out = c.street; }

void fill_constant(const Customer& c, std::string& out) {
  (void)c;
  out = "n/a";
}

std::size_t name_length(const Customer& c) { return c.name.size(); }

// A three-level chain, a default argument, overloads, recursion, and a record
// out-parameter.
std::string bracket(const std::string& x) { return "[" + x + "]"; }
std::string quoted(const std::string& x) { return bracket("'" + x + "'"); }
std::string phone_line(const Customer& c) { return quoted(c.phone); }
std::string name_line(const Customer& c, const std::string& sep = ";") { return c.name + sep; }
std::string render(int n) { return std::to_string(n); }
std::string render(const std::string& s) { return "s:" + s; }
std::string pad(const std::string& x, int n) { return n <= 0 ? x : pad(x + ".", n - 1); }
void copy_tracking(const Shipment& s, Shipment& out) { out.tracking_no = s.tracking_no; }

struct Labels {
  static std::string city_label(const Customer& c) { return "city:" + c.city; }
};

}  // namespace

// Setter/getter pair; the field name (handle) is not classified by itself.
class Contact {
 public:
  void set_handle(const std::string& h) { handle = h; }
  const std::string& get_handle() const { return handle; }
  std::string describe() const { return "contact:" + handle; }

 private:
  std::string handle;
};

// A constructor storing its parameters into fields with a member initializer
// list and with an assignment in the body.
class Envelope {
 public:
  Envelope(std::string addr_line, std::string kind) : line_(std::move(addr_line)) { kind_ = kind; }
  std::string line() const { return line_; }
  std::string kind() const { return kind_; }

 private:
  std::string line_;
  std::string kind_;
};

void via_functions_internal(const Shipment& s) {
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(7000);
  inet_pton(AF_INET, "10.50.0.1", &addr.sin_addr);
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);

  // A helper returning a string built from fields.
  const std::string label = label_for(s);
  send(fd, label.data(), label.size(), 0);  // expect: allowed shipment.tracking shipment.routing

  // Out-parameter by reference.
  std::string phone;
  fill_contact(s.recipient, phone);
  send(fd, phone.data(), phone.size(), 0);  // expect: allowed customer.contact

  // Out-parameter by pointer.
  std::string street;
  fill_street(s.recipient, &street);
  send(fd, street.data(), street.size(), 0);  // expect: allowed customer.address

  // Negatives: a helper that ignores its argument, an out-parameter set to a
  // constant, a helper returning a length.
  const std::string hello = greeting(s.recipient);
  send(fd, hello.data(), hello.size(), 0);  // expect-none
  std::string placeholder;
  fill_constant(s.recipient, placeholder);
  send(fd, placeholder.data(), placeholder.size(), 0);  // expect-none
  const std::string len = std::to_string(name_length(s.recipient));
  send(fd, len.data(), len.size(), 0);  // expect-none
  close(fd);
}

void via_classes_cn(const Customer& c) {
  addrinfo* res = nullptr;
  if (getaddrinfo("crm.partner.example.cn", "7001", nullptr, &res) != 0) return;
  const int fd = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
  connect(fd, res->ai_addr, res->ai_addrlen);

  // Setter then getter.
  Contact k;
  k.set_handle(c.email);
  const std::string h = k.get_handle();
  send(fd, h.data(), h.size(), 0);  // expect: violation customer.contact

  // Setter then a method building a string from the field.
  Contact d;
  d.set_handle(c.phone);
  const std::string desc = d.describe();
  send(fd, desc.data(), desc.size(), 0);  // expect: violation customer.contact

  // Constructor: member initializer.
  const Envelope e(c.street + " " + c.city, "postal");
  const std::string line = e.line();
  send(fd, line.data(), line.size(), 0);  // expect: violation customer.address

  // Constructor: assignment in the body.
  const Envelope named("-", c.name);
  const std::string kind = named.kind();
  send(fd, kind.data(), kind.size(), 0);  // expect: violation customer.identity

  // Negatives: a setter given a constant; an Envelope built from constants.
  Contact blank;
  blank.set_handle("nobody");
  const std::string b = blank.get_handle();
  send(fd, b.data(), b.size(), 0);  // expect-none
  const Envelope plain("PO Box 1", "postal");
  const std::string pl = plain.line();
  send(fd, pl.data(), pl.size(), 0);  // expect-none
  freeaddrinfo(res);
}

void chains_cn(const Shipment& s) {
  addrinfo* res = nullptr;
  if (getaddrinfo("chains.partner.example.cn", "7001", nullptr, &res) != 0) return;
  const int fd = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
  connect(fd, res->ai_addr, res->ai_addrlen);

  const std::string a = phone_line(s.recipient);
  send(fd, a.data(), a.size(), 0);  // expect: violation customer.contact
  const std::string b = name_line(s.recipient);
  send(fd, b.data(), b.size(), 0);  // expect: violation customer.identity
  const std::string c = render(s.recipient.street);
  send(fd, c.data(), c.size(), 0);  // expect: violation customer.address
  const std::string d = pad(s.origin, 3);
  send(fd, d.data(), d.size(), 0);  // expect: violation shipment.routing
  Shipment copy;
  copy_tracking(s, copy);
  send(fd, copy.tracking_no.data(), copy.tracking_no.size(), 0);  // expect: violation shipment.tracking
  const std::string e = Labels::city_label(s.recipient);
  send(fd, e.data(), e.size(), 0);  // expect: violation customer.address

  // Negatives: the int overload given a length; the chain given a constant.
  const std::string n = render(static_cast<int>(s.recipient.email.size()));
  send(fd, n.data(), n.size(), 0);  // expect-none
  const std::string q = quoted("n/a");
  send(fd, q.data(), q.size(), 0);  // expect-none
  freeaddrinfo(res);
}
