// A function returning one of its inputs whole: a builder's `return req_;`, a
// pass-through `return q;`, fluent setters' `return *this;`. A callee reading a
// field of that result reads what the input holds there. A result built from
// several inputs is read through its own fields only.
#include <sys/socket.h>

#include <string>

#include "common/model.h"

struct Envelope {
  std::string to;
  std::string body;
};

// Each reads one field of what it is handed.
void transmit_built(int fd, const Envelope& e) {
  send(fd, e.body.data(), e.body.size(), 0);  // expect: unresolved customer.contact
}
void transmit_temporary(int fd, const Envelope& e) {
  send(fd, e.body.data(), e.body.size(), 0);  // expect: unresolved customer.contact
}
void transmit_copy(int fd, const Envelope& e) {
  send(fd, e.body.data(), e.body.size(), 0);  // expect: unresolved customer.contact
}

class EnvelopeBuilder {
 public:
  EnvelopeBuilder& to(const std::string& t) {
    env_.to = t;
    return *this;
  }
  EnvelopeBuilder& body(const std::string& b) {
    env_.body = b;
    return *this;
  }
  Envelope build() const { return env_; }

 private:
  Envelope env_;
};

void built_then_sent(int fd, const Customer& c) {
  EnvelopeBuilder b;
  b.to("desk").body(c.email);
  transmit_built(fd, b.build());
}

void built_on_a_temporary(int fd, const Customer& c) {
  const Envelope e = EnvelopeBuilder().to("desk").body(c.email).build();
  transmit_temporary(fd, e);
}

Envelope passed_through(const Envelope& e) { return e; }

void copied_through_a_function(int fd, const Customer& c) {
  Envelope e;
  e.body = c.email;
  transmit_copy(fd, passed_through(e));
}

// Only the `to` field of the returned envelope holds the customer's name; the body
// read by the sink is a constant.
struct Pair {
  Envelope first;
  Envelope second;
};
Envelope pick(const Pair& p) { return p.second; }

void other_field(int fd2, const Customer& c) {
  Pair p;
  p.first.body = c.email;
  p.second.to = c.name;
  p.second.body = "ping";
  const Envelope e = pick(p);
  send(fd2, e.body.data(), e.body.size(), 0);  // expect-none
}
