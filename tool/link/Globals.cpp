#include "link/Globals.h"

#include "facts/TaintOps.h"
#include "link/Summary.h"

namespace egress {
namespace {

constexpr unsigned kMaxGlobalDepth = 4;  // a global assigned from a global ...

bool namesGlobal(const StrVal& s) {
  for (const StrVal& form : forms(s))
    for (const StrPiece& p : form.pieces)
      if (p.kind == StrPiece::Global) return true;
  return false;
}

StrVal append(const StrVal& prefix, const StrVal& part) { return prefix.known() ? concat(prefix, part) : part; }

}  // namespace

GlobalValues::GlobalValues(const CallGraph& graph, const Substitution& subst) {
  const std::string initial = kInitialValue;
  for (const auto& [key, value] : graph.constants())
    if (key.compare(0, initial.size(), initial) == 0) addAlternatives(values_[key.substr(initial.size())], value);
  for (FunctionId f = 0; f < graph.size(); ++f) {
    for (const EffectFact& e : graph.function(f).effects) {
      if (e.target != kGlobalTarget) continue;
      const StrVal value = subst.resolveStr(f, e.str);
      if (value.known() && !hasParam(value)) addAlternatives(values_[e.field], value);  // a parameter: per caller
    }
  }
}

StrVal GlobalValues::resolve(const StrVal& s) const {
  if (!namesGlobal(s)) return s;
  std::vector<StrVal> out;
  for (const StrVal& form : forms(s))
    for (const StrVal& each : forms(resolveForm(form, 0))) out.push_back(each);
  return fromForms(out);
}

StrVal GlobalValues::resolveForm(const StrVal& form, unsigned depth) const {
  std::vector<StrVal> partial{StrVal{}};
  for (const StrPiece& p : form.pieces) {
    auto it = p.kind == StrPiece::Global ? values_.find(p.text) : values_.end();
    if (p.kind != StrPiece::Global || it == values_.end() || depth >= kMaxGlobalDepth) {
      StrPiece piece = p;
      if (p.kind == StrPiece::Global) piece = StrPiece{StrPiece::Unknown, "", 0};
      for (StrVal& pre : partial) pre = append(pre, StrVal{{piece}, {}});
      continue;
    }
    std::vector<StrVal> next;
    for (const StrVal& value : forms(it->second))
      for (const StrVal& v : forms(resolveForm(value, depth + 1)))
        for (const StrVal& pre : partial)
          if (next.size() < kMaxAlternatives) next.push_back(append(pre, v));
    partial = std::move(next);
  }
  return fromForms(partial);
}

}  // namespace egress
