// The abstract state of the per-function analysis: access paths (a root variable
// plus fields) mapped to what they may carry, and the join of two states where
// control flow meets. Plain data; no Clang needed beyond opaque root pointers.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "facts/Facts.h"

namespace egress {

struct AccessPath {
  const void* root = nullptr;  // a VarDecl, or the function itself for `this`
  std::string fields;          // "recipient.name"; empty for the root itself
  bool weak = false;           // through a subscript, element or pointer: merge, never overwrite
  bool operator<(const AccessPath& o) const { return root != o.root ? root < o.root : fields < o.fields; }
};

struct AbsVal {
  Taint taint;
  StrVal str;                    // the value as a string, where known
  StrVal dest;                   // the destination configured on this handle/object, where known
  std::vector<std::string> fns;  // functions the value may hold (lambdas, function pointers)
  // Stored on some paths only (a setter called in one branch): a read also gets what
  // the path held before, its classification or its input.
  bool partial = false;
  bool tls = false;  // a handle the code turned TLS on for (a model's `encrypts`)
};

using State = std::map<AccessPath, AbsVal>;

// Which of a value's facts names where data goes: the destination configured on the
// handle, or else the value itself as a string.
inline StrVal destinationOf(const AbsVal& v) { return v.dest.known() ? v.dest : v.str; }
// Field `below` of a value that is one parameter, one global, one call's result or
// what one call left in an input, as a piece (each alternative so); else nothing.
StrVal fieldOfHolder(const StrVal& holder, const std::string& below);

// Adds the functions of `from` not yet in `into`; true if `into` grew.
bool joinFns(std::vector<std::string>& into, const std::vector<std::string>& from);

// Joins `from` into `into` where two paths meet; true if `into` grew. A path stored
// on one side only becomes partial; TLS holds only where both sides turned it on.
bool joinStates(State& into, const State& from);

}  // namespace egress
