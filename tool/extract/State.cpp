#include "extract/State.h"

#include <algorithm>

#include "facts/TaintOps.h"

namespace egress {
namespace {

// Marks a value as held on some paths only.
bool makePartial(AbsVal& v) {
  bool changed = !v.partial || v.tls;
  v.partial = true;
  v.tls = false;  // TLS only where every path turned it on
  return changed;
}

bool joinValue(AbsVal& into, const AbsVal& from) {
  bool changed = false;
  if (into.tls && !from.tls) {
    into.tls = false;
    changed = true;
  }
  if (from.partial && !into.partial) {
    into.partial = true;
    changed = true;
  }
  changed |= mergeTaint(into.taint, from.taint);
  widenCalls(into.taint);
  // Paths meeting with different values keep both as alternatives.
  changed |= addAlternatives(into.str, from.str);
  changed |= addAlternatives(into.dest, from.dest);
  changed |= joinFns(into.fns, from.fns);
  return changed;
}

}  // namespace

bool joinFns(std::vector<std::string>& into, const std::vector<std::string>& from) {
  bool grew = false;
  for (const auto& f : from) {
    if (std::find(into.begin(), into.end(), f) != into.end()) continue;
    into.push_back(f);
    grew = true;
  }
  return grew;
}

bool joinStates(State& into, const State& from) {
  bool changed = false;
  // A path stored on one side only keeps, on the other, what it held before.
  for (auto& [path, val] : into)
    if (from.find(path) == from.end() && (!val.partial || val.tls)) changed |= makePartial(val);
  for (const auto& [path, val] : from) {
    auto it = into.find(path);
    if (it == into.end()) {
      makePartial(into.emplace(path, val).first->second);
      changed = true;
      continue;
    }
    changed |= joinValue(it->second, val);
  }
  return changed;
}

// Field `below` of a value that is one parameter, one global, one call's result
// (`cfg_get()->host`, the link reads the field of what it returns) or what one call
// left in an input, as a piece (each alternative so); else nothing.
StrVal fieldOfHolder(const StrVal& holder, const std::string& below) {
  std::vector<StrVal> each;
  for (const StrVal& form : forms(holder)) {
    const StrPiece* held = nullptr;
    for (StrPiece::Kind kind : {StrPiece::Param, StrPiece::Global, StrPiece::CallRet, StrPiece::CallOut})
      if (!held) held = onlyPiece(form, kind);
    if (!held) return {};
    StrPiece p = *held;
    p.text = joinField(p.text, below);
    each.push_back(StrVal{{p}, {}});
  }
  return fromForms(each);
}

}  // namespace egress
