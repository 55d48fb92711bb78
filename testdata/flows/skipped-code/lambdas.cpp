// Generic lambdas (auto parameters) and GNU statement expressions.
#include <sys/socket.h>

#include <string>

#include "common/model.h"

void generic_lambda_cases(int fd, const Customer& c, const Shipment& s) {
  // A generic lambda with the sink, applied to a field.
  auto put = [fd](const auto& x) {
    send(fd, x.data(), x.size(), 0);  // expect: unresolved customer.contact
  };
  put(c.phone);

  // A generic lambda with the sink, applied only to a constant.
  auto put_const = [fd](const auto& x) {
    send(fd, x.data(), x.size(), 0);  // expect-none
  };
  put_const(std::string("PING"));

  // A generic lambda returning a value built from its argument.
  auto wrap = [](const auto& x) { return "<" + x + ">"; };
  const std::string w = wrap(s.tracking_no);
  send(fd, w.data(), w.size(), 0);  // expect: unresolved shipment.tracking

  auto wrap_const = [](const auto& x) { return "<" + x + ">"; };
  const std::string k = wrap_const(std::string("keepalive"));
  send(fd, k.data(), k.size(), 0);  // expect-none

  // A generic lambda that ignores its argument.
  auto ack = [](const auto&) { return std::string("ACK"); };
  const std::string a = ack(c.email);
  send(fd, a.data(), a.size(), 0);  // expect-none

  // A generic lambda taking a whole record and reading a field of it.
  auto city_of = [](const auto& rec) { return rec.city; };
  const std::string city = city_of(c);
  send(fd, city.data(), city.size(), 0);  // expect: unresolved customer.address

  // A generic lambda given a length only.
  auto as_text = [](auto n) { return std::to_string(n); };
  const std::string n = as_text(c.email.size());
  send(fd, n.data(), n.size(), 0);  // expect-none
}

void statement_expression_cases(int fd, const Customer& c, const Shipment& s) {
  // A GNU statement expression whose value is built from a field.
  const std::string body = ({
    std::string t = c.email;
    t + ";";
  });
  send(fd, body.data(), body.size(), 0);  // expect: unresolved customer.contact

  // A statement expression selecting a field of a shipment.
  const std::string trk = ({
    const Shipment& ref = s;
    ref.tracking_no;
  });
  send(fd, trk.data(), trk.size(), 0);  // expect: unresolved shipment.tracking

  // A statement expression that reads a field but yields a literal.
  const std::string tag = ({
    std::string t = c.phone;
    (void)t;
    std::string("tag");
  });
  send(fd, tag.data(), tag.size(), 0);  // expect-none
}
