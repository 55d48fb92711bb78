#include "link/ClassFields.h"

#include <optional>

#include "facts/TaintOps.h"
#include "link/Summary.h"

namespace egress {
namespace {

constexpr unsigned kMaxFieldHops = 3;  // a field stored from another field, and so on

}  // namespace

std::string classOfMethod(const std::string& usr) {
  const std::size_t method = usr.rfind("@F@");
  if (method == std::string::npos) return {};
  const std::string owner = usr.substr(0, method);
  const std::size_t kind = owner.rfind('@');
  // Only records own methods (`@S@`, `@C@`, `@U@`); a class template's (`@ST>...`)
  // and a lambda's (`@Sa`) are left unresolved.
  if (kind == std::string::npos || kind < 2) return {};
  const char tag = owner[kind - 1];
  return owner[kind - 2] == '@' && (tag == 'S' || tag == 'C' || tag == 'U') ? owner : std::string();
}

const std::vector<FunctionId>& ClassFields::methodsOf(const std::string& owner) const {
  if (methods_.empty())
    for (FunctionId id = 0; id < graph_.size(); ++id)
      if (std::string cls = classOfMethod(graph_.function(id).usr); !cls.empty()) methods_[cls].push_back(id);
  static const std::vector<FunctionId> none;
  auto it = methods_.find(owner);
  return it == methods_.end() ? none : it->second;
}

// Every value the class's methods store at `field` of their object, resolved; none
// when there is no store, or one is not known (or stores above or below it). Their
// facts, not their summaries: the same whichever summaries the fixpoint has built.
std::optional<StrVal> ClassFields::storedIn(const std::string& owner, const std::string& field, unsigned depth,
                                            Path& why) const {
  if (depth > kMaxFieldHops) return std::nullopt;
  std::vector<StrVal> values;
  Path steps;
  for (FunctionId m : methodsOf(owner)) {
    const FunctionFacts& storer = graph_.function(m);
    bool stores = false;
    for (const EffectFact& e : storer.effects) {
      if (e.target != kThisParam || !relatedFields(e.field, field)) continue;
      if (e.field != field || !e.str.known()) return std::nullopt;
      for (const StrVal& form : forms(e.str)) {
        std::optional<StrVal> value = resolveForm(owner, form, depth + 1, steps);
        if (!value) return std::nullopt;
        for (StrVal& each : forms(*value)) values.push_back(std::move(each));
      }
      stores = true;
    }
    if (stores) steps.push_back({storer.loc, "`this." + field + "` is set by " + storer.name + "()"});
  }
  if (values.empty()) return std::nullopt;
  why.insert(why.end(), steps.begin(), steps.end());
  return fromForms(values);
}

// The class a field of class `owner` holds (FunctionFacts::fieldClasses of its
// constructors), or empty.
std::string ClassFields::classOfField(const std::string& owner, const std::string& field) const {
  for (FunctionId m : methodsOf(owner)) {
    const auto& held = graph_.function(m).fieldClasses;
    if (auto it = held.find(field); it != held.end()) return it->second;
  }
  return {};
}

// `this.a.b` with no store of the class at `a.b` itself: field `b` of whatever
// object of `a`'s class it is, as that class's own methods set it.
std::optional<StrVal> ClassFields::storedBelow(const std::string& owner, const std::string& path, unsigned depth,
                                               Path& why) const {
  const std::size_t dot = path.find('.');
  if (dot == std::string::npos || depth > kMaxFieldHops) return std::nullopt;
  const std::string held = classOfField(owner, path.substr(0, dot));
  if (held.empty() || held == owner) return std::nullopt;
  for (FunctionId m : methodsOf(owner))
    for (const EffectFact& e : graph_.function(m).effects)
      if (e.target == kThisParam && e.field != path.substr(0, dot) && relatedFields(e.field, path))
        return std::nullopt;  // the class sets something below the held object itself
  return storedIn(held, path.substr(dot + 1), depth + 1, why);
}

// A form with its fields of `this` replaced by the class's stores; none if a piece
// stays unknown (another parameter, a call's result).
std::optional<StrVal> ClassFields::resolveForm(const std::string& owner, const StrVal& form, unsigned depth,
                                               Path& why) const {
  std::vector<StrVal> parts;
  for (const StrPiece& p : form.pieces) {
    if (p.kind == StrPiece::Param && p.index == kThisParam && !p.text.empty()) {
      std::optional<StrVal> field = storedIn(owner, p.text, depth, why);
      if (!field) field = storedBelow(owner, p.text, depth, why);
      if (!field) return std::nullopt;
      parts.push_back(std::move(*field));
    } else if (p.kind == StrPiece::Const || p.kind == StrPiece::Env || p.kind == StrPiece::Config ||
               p.kind == StrPiece::Option || p.kind == StrPiece::Global) {
      parts.push_back(StrVal{{p}, {}});
    } else {
      return std::nullopt;
    }
  }
  return concatAll(parts);
}

const std::map<std::string, StrVal>& ClassFields::knownFields(const std::string& owner) const {
  auto [known, fresh] = known_.try_emplace(owner);
  if (!fresh) return known->second;
  for (FunctionId m : methodsOf(owner))
    for (const EffectFact& e : graph_.function(m).effects) {
      if (e.target != kThisParam || e.field.empty() || known->second.count(e.field)) continue;
      Path why;
      if (std::optional<StrVal> value = storedIn(owner, e.field, 0, why)) known->second.emplace(e.field, *value);
    }
  return known->second;
}

StrVal ClassFields::resolve(FunctionId f, const StrVal& destination, Path& why) const {
  if (!hasParam(destination)) return destination;
  const std::string owner = classOfMethod(graph_.function(f).usr);
  if (owner.empty()) return destination;
  std::vector<StrVal> out;
  for (const StrVal& form : forms(destination)) {
    bool names = false;
    for (const StrPiece& p : form.pieces)
      names |= p.kind == StrPiece::Param && p.index == kThisParam && !p.text.empty();
    Path steps;
    std::optional<StrVal> resolved = names ? resolveForm(owner, form, 0, steps) : std::nullopt;
    if (resolved) why.insert(why.end(), steps.begin(), steps.end());
    if (!resolved) out.push_back(form);
    else
      for (StrVal& each : forms(*resolved)) out.push_back(std::move(each));
  }
  return fromForms(out);
}

}  // namespace egress
