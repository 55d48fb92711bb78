#include "link/RecordFields.h"

#include <llvm/ADT/StringRef.h>

#include "facts/TaintOps.h"
#include "link/ClassFields.h"
#include "link/Summary.h"

namespace egress {
namespace {

constexpr unsigned kMaxHandedOn = 3;  // calls a parameter is handed on through, to its reader

}  // namespace

// The record field `${param:PARAM.PATH}` of function `f` names: where `f` read it,
// else where a function it hands the parameter (or a field of it) to reads it
// (`notify(self)` reading `self->sms_gateway`).
const std::string* RecordFields::recordFieldAt(FunctionId f, unsigned param, const std::string& path,
                                               unsigned depth) const {
  const FunctionFacts& facts = graph_.function(f);
  if (auto read = facts.paramFieldRecords.find(std::to_string(param) + "." + path);
      read != facts.paramFieldRecords.end())
    return &read->second;
  if (depth >= kMaxHandedOn) return nullptr;
  for (const CallSiteFact& c : facts.calls)
    for (unsigned i = 0; i < c.args.size(); ++i) {
      const ArgFact& a = c.args[i];
      if (!a.fromParam || a.root.index != param) continue;
      llvm::StringRef rest = path;
      if (!a.root.field.empty() && !rest.consume_front(a.root.field + ".")) continue;
      for (FunctionId callee : graph_.targets(f, c))
        if (const std::string* field = recordFieldAt(callee, i, rest.str(), depth + 1)) return field;
    }
  return nullptr;
}

// Every value stored at `field` (a record's field), resolved where it was stored;
// none when there is no store or one is not known.
std::optional<StrVal> RecordFields::storedIn(const std::string& field, Path& why) const {
  if (!indexed_) {
    indexed_ = true;
    for (FunctionId id = 0; id < graph_.size(); ++id)
      for (const FieldStoreFact& store : graph_.function(id).fieldStores) stores_[store.field].emplace_back(id, &store);
  }
  const auto it = stores_.find(field);
  if (it == stores_.end()) return std::nullopt;
  std::vector<StrVal> values;
  Path steps;
  for (const auto& [storer, store] : it->second) {
    if (!store->str.known()) return std::nullopt;
    Path inner;  // how the stored value was found, after the store itself
    for (const StrVal& form : forms(store->str)) {
      std::optional<StrVal> value = classes_.valueIn(storer, form, inner);
      if (!value) return std::nullopt;
      for (StrVal& each : forms(*value)) values.push_back(std::move(each));
    }
    steps.push_back({store->loc, "`" + store->shown + "` is set in " + graph_.function(storer).name + "()"});
    steps.insert(steps.end(), inner.begin(), inner.end());
  }
  why.insert(why.end(), steps.begin(), steps.end());
  return fromForms(values);
}

std::optional<StrVal> RecordFields::paramField(FunctionId f, unsigned param, const std::string& path, Path& why) const {
  const std::string* field = recordFieldAt(f, param, path, 0);
  return field ? storedIn(*field, why) : std::nullopt;
}

StrVal RecordFields::resolve(FunctionId f, const StrVal& destination, Path& why) const {
  if (!hasParam(destination)) return destination;
  std::vector<StrVal> out;
  for (const StrVal& form : forms(destination)) {
    std::vector<StrVal> parts;
    Path steps;
    bool replaced = false;
    for (const StrPiece& p : form.pieces) {
      std::optional<StrVal> value;
      if (p.kind == StrPiece::Param && p.index != kThisParam && !p.text.empty())
        value = paramField(f, p.index, p.text, steps);
      replaced |= value.has_value();
      parts.push_back(value ? std::move(*value) : StrVal{{p}, {}});
    }
    if (!replaced) {
      out.push_back(form);
      continue;
    }
    why.insert(why.end(), steps.begin(), steps.end());
    for (StrVal& each : forms(concatAll(parts))) out.push_back(std::move(each));
  }
  return fromForms(out);
}

}  // namespace egress
