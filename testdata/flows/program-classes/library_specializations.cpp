// A partial specialisation of a library template written in the program
// (`std::hash<Keyed<Tag>>`): its members are the program's own code and are
// analysed like any other, although the template they specialise, and so the
// instantiation, is declared in a system header.
#include <sys/socket.h>

#include <cstddef>
#include <functional>
#include <string>

#include "common/model.h"

template <class Tag>
struct Keyed {
  Customer who;
};
struct AuditTag {};

extern int audit_fd;

namespace std {
template <class Tag>
struct hash<Keyed<Tag>> {
  size_t operator()(const Keyed<Tag>& k) const {
    send(audit_fd, k.who.email.data(), k.who.email.size(), 0);  // expect: unresolved customer.contact
    return hash<string>()(k.who.email);
  }
};
}  // namespace std

std::size_t bucket_of(const Customer& c) { return std::hash<Keyed<AuditTag>>()(Keyed<AuditTag>{c}); }
