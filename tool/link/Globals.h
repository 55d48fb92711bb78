// Values of the program's mutable globals, flow-insensitively: each initial value and
// every value a function stores (a socket connected in an init function, a config
// field filled from getenv), as alternatives. A reader anywhere may see any of them,
// so a flow whose destination names a global is judged for each.
#pragma once

#include <map>
#include <string>

#include "link/CallGraph.h"
#include "link/Substitution.h"

namespace egress {

class GlobalValues {
 public:
  // After the fixpoint: stores are resolved through the final summaries.
  GlobalValues(const CallGraph& graph, const Substitution& subst);
  // `s` with its global pieces replaced by their values (unknown where none is known).
  StrVal resolve(const StrVal& s) const;

 private:
  StrVal resolveForm(const StrVal& form, unsigned depth) const;
  std::map<std::string, StrVal> values_;  // key (USR[.field]) -> its values
};

}  // namespace egress
