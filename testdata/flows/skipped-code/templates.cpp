// Function templates, member templates and class templates, analysed per
// instantiation (issue 9, family 11). One template per case, so each sink line has
// one instantiation and one expectation.
#include <sys/socket.h>

#include <string>
#include <utility>

#include "common/model.h"

// A printer record: its `name` is not a person's name (no customer context).
struct Printer {
  std::string name;
  int dpi = 300;
};

// A function template sending a field of whatever record it gets: with a Customer.
template <typename Rec>
void push_name(int fd, const Rec& r) {
  send(fd, r.name.data(), r.name.size(), 0);  // expect: unresolved customer.identity
}

// The same template shape instantiated only with a Printer: no data.
template <typename Rec>
void push_device_name(int fd, const Rec& r) {
  send(fd, r.name.data(), r.name.size(), 0);  // expect-none
}

// A template forwarding a value of its parameter type to the sink.
template <typename T>
void push_value(int fd, const T& v) {
  const std::string s = "v=" + v;
  send(fd, s.data(), s.size(), 0);  // expect: unresolved customer.contact
}

// A template returning a value built from its argument; the sink is in the caller.
template <typename T>
std::string bracketed(const T& v) {
  return "[" + v + "]";
}

// A template that ignores its argument and returns a constant.
template <typename T>
std::string schema_tag(const T& v) {
  (void)v;
  return "schema/v4";
}

// A variadic template joining its arguments with a fold expression.
template <typename... Args>
std::string join_fields(const Args&... a) {
  std::string out;
  ((out += a, out += ";"), ...);
  return out;
}

// A non-type template parameter choosing, with if constexpr, whether data is added.
template <bool WithContact>
void export_line(int fd, const Customer& c) {
  std::string line = "row";
  if constexpr (WithContact) line += ";" + c.email;
  send(fd, line.data(), line.size(), 0);  // expect-none
}

template <bool WithContact>
void export_line_full(int fd, const Customer& c) {
  std::string line = "row";
  if constexpr (WithContact) line += ";" + c.phone;
  send(fd, line.data(), line.size(), 0);  // expect: unresolved customer.contact
}

// A class template holding one value, with the sink in a member function.
template <typename T>
class Outbox {
 public:
  void put(const T& v) { item_ = v; }
  void flush(int fd) const {
    send(fd, item_.data(), item_.size(), 0);  // expect: unresolved shipment.tracking
  }

 private:
  T item_;
};

// Another class template used only with a literal.
template <typename T>
class Heartbeat {
 public:
  explicit Heartbeat(T v) : item_(std::move(v)) {}
  void flush(int fd) const {
    send(fd, item_.data(), item_.size(), 0);  // expect-none
  }

 private:
  T item_;
};

// A class template whose member returns its stored value; the sink is in the caller.
template <typename T>
struct Box {
  T value;
  const T& get() const { return value; }
};

// A member function template of an ordinary class.
struct Encoder {
  template <typename T>
  std::string encode(const T& v) const {
    return "enc:" + v;
  }
};

// A template taking a callable whose result it sends.
template <typename F>
void with_payload(int fd, F make) {
  const std::string s = make();
  send(fd, s.data(), s.size(), 0);  // expect: unresolved customer.address
}

void template_cases(int fd, const Customer& c, const Shipment& s) {
  push_name(fd, c);

  Printer p{"label-printer-3", 600};
  push_device_name(fd, p);

  push_value(fd, c.email);

  const std::string b = bracketed(s.destination);
  send(fd, b.data(), b.size(), 0);  // expect: unresolved shipment.routing
  const std::string v = bracketed(std::string("v4"));
  send(fd, v.data(), v.size(), 0);  // expect-none

  const std::string tag = schema_tag(c.email);
  send(fd, tag.data(), tag.size(), 0);  // expect-none

  const std::string j = join_fields(s.tracking_no, std::string("EU"));
  send(fd, j.data(), j.size(), 0);  // expect: unresolved shipment.tracking

  export_line<false>(fd, c);
  export_line_full<true>(fd, c);

  Outbox<std::string> box;
  box.put(s.tracking_no);
  box.flush(fd);

  Heartbeat<std::string> hb("alive");
  hb.flush(fd);

  Box<std::string> phone_box{c.phone};
  send(fd, phone_box.get().data(), phone_box.get().size(), 0);  // expect: unresolved customer.contact
  Box<std::string> len_box{std::to_string(c.phone.size())};
  send(fd, len_box.get().data(), len_box.get().size(), 0);  // expect-none

  const std::string e = Encoder{}.encode(c.name);
  send(fd, e.data(), e.size(), 0);  // expect: unresolved customer.identity

  with_payload(fd, [&c] { return c.street; });
}
