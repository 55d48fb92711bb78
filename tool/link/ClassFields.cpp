#include "link/ClassFields.h"

#include <algorithm>
#include <cstring>
#include <optional>

#include "facts/TaintOps.h"
#include "link/Substitution.h"
#include "link/Summary.h"

namespace egress {
namespace {
// What the USR of a lambda's call operator ends with (the closure is an anonymous class).
constexpr const char* kLambdaOperator = "@Sa@F@operator()";

constexpr unsigned kMaxFieldHops = 3;  // a field stored from another field, and so on

// Input `p` of a function is handed to call `c` as (part of) one of its arguments.
bool handedTo(const CallSiteFact& c, const ParamRef& p) {
  return std::any_of(c.args.begin(), c.args.end(), [&](const ArgFact& a) {
    return std::any_of(a.whole.params.begin(), a.whole.params.end(),
                       [&](const ParamRef& q) { return q.index == p.index && q.field == p.field; });
  });
}

// The call whose object `v` is, whole (`new Transport(url)`, `t->post(body)`), in
// function `in`: exactly one call's object, and of the function's inputs only those
// handed to that call (`std::make_shared<Uplink>(cfg.broker)` carries `cfg.broker`
// into the object it builds).
const CallRef* oneCallsObject(const Taint& v, const FunctionFacts& in) {
  if (v.calls.size() != 1) return nullptr;
  const CallRef& call = v.calls.front();
  if (call.slot != "this" || !call.field.empty()) return nullptr;
  if (v.params.empty()) return &call;
  const CallSiteFact* c = CallGraph::site(in, call.site);
  const bool throughCall =
      c && std::all_of(v.params.begin(), v.params.end(), [&](const ParamRef& p) { return handedTo(*c, p); });
  return throughCall ? &call : nullptr;
}

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

bool isLambdaCallOperator(const std::string& usr) { return usr.find(kLambdaOperator) != std::string::npos; }

std::string classOfLambda(const std::string& usr) {
  const std::size_t closure = usr.find(kLambdaOperator);
  if (closure == std::string::npos) return {};
  // A lambda is a local class: its USR starts with the file and offset it is at
  // (`c:feed.cpp@1589@N@lmd@S@Feed@F@run#...`), which the class's own does not.
  llvm::StringRef rest = llvm::StringRef(usr).take_front(closure);
  if (!rest.consume_front("c:")) return {};
  if (!rest.starts_with("@")) {
    rest = rest.drop_until([](char c) { return c == '@'; }).drop_front();
    rest = rest.drop_while([](char c) { return c >= '0' && c <= '9'; });
  }
  return rest.starts_with("@") ? classOfMethod("c:" + rest.str()) : std::string();
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
// when there is no store, or one is not known (or stores below it). Their facts;
// only with final summaries (`built_`) also what calls left in objects stored whole
// and what callers passed for the methods' parameters.
std::optional<StrVal> ClassFields::storedIn(const std::string& owner, const std::string& field, unsigned depth,
                                            Path& why) const {
  if (depth > kMaxFieldHops) return std::nullopt;
  std::vector<StrVal> values;
  Path steps;
  for (FunctionId m : methodsOf(owner)) {
    const FunctionFacts& storer = graph_.function(m);
    bool stores = false;
    Path inner;  // how the stored value was found, after the store itself
    for (const EffectFact& e : storer.effects) {
      if (e.target != kThisParam || !relatedFields(e.field, field)) continue;
      if (usedInPlace(m, e) || leftAsItWas(m, e)) continue;
      const std::optional<StrVal> stored = storedAt(m, e, field);
      if (!stored) return std::nullopt;
      for (const StrVal& form : forms(*stored)) {
        std::optional<StrVal> value = resolveForm(owner, form, m, depth + 1, inner);
        if (!value) return std::nullopt;
        for (StrVal& each : forms(*value)) values.push_back(std::move(each));
      }
      stores = true;
    }
    if (!stores) continue;
    steps.push_back({storer.loc, "`this." + field + "` is set by " + storer.name + "()"});
    steps.insert(steps.end(), inner.begin(), inner.end());
  }
  if (values.empty()) return std::nullopt;
  why.insert(why.end(), steps.begin(), steps.end());
  return fromForms(values);
}

// The string store `e` of method `m` leaves at `field`: its own value, or for a
// store above the field, what lies below the value stored (a parameter's field, an
// object a call built); none when unknown or a store below it.
std::optional<StrVal> ClassFields::storedAt(FunctionId m, const EffectFact& e, const std::string& field) const {
  if (e.field == field) return e.str.known() ? std::optional<StrVal>(e.str) : std::nullopt;
  const std::optional<std::string> rest = fieldBelow(e.field, field);
  if (!rest) return std::nullopt;
  if (const StrPiece* whole = onlyPiece(e.str, StrPiece::Param); whole && whole->index != kThisParam)
    return StrVal{{{StrPiece::Param, joinField(whole->text, *rest), whole->index}}, {}};
  if (!built_) return std::nullopt;
  // `transport_ = new Transport(url)` read at `transport_.session_`: what the call
  // that built the object left there.
  const CallRef* call = e.value.origins.empty() ? oneCallsObject(e.value, graph_.function(m)) : nullptr;
  if (!call) return std::nullopt;
  return inTermsOf(m, StrVal{{{StrPiece::CallOut, "this." + *rest, call->site}}, {}});
}

// Effect `e` of method `m` only names what calls left in the field, and none of
// them leaves a string (`portal_->push(m)`, which may have stored into its own
// `client_`, but does not): the field keeps the text it held, whatever data the
// calls put into its object.
bool ClassFields::leftAsItWas(FunctionId m, const EffectFact& e) const {
  if (!built_) return false;
  const std::vector<StrVal> each = forms(e.str);
  return !each.empty() && std::all_of(each.begin(), each.end(), [&](const StrVal& form) {
    const StrPiece* left = onlyPiece(form, StrPiece::CallOut);
    return left && !built_->leavesString(m, left->index, left->text.substr(0, left->text.find('.')));
  });
}

// Effect `e` of method `m` is only calls handed the field's object that leave no
// string in it (`transport_->post(body)`, `accepted(*session_)` reading the reply):
// the object keeps what it held.
bool ClassFields::usedInPlace(FunctionId m, const EffectFact& e) const {
  if (!built_ || !e.value.origins.empty() || e.value.calls.empty()) return false;
  const FunctionFacts& method = graph_.function(m);
  return std::all_of(e.value.calls.begin(), e.value.calls.end(), [&](const CallRef& call) {
    const CallSiteFact* c = call.field.empty() ? CallGraph::site(method, call.site) : nullptr;
    const ArgFact* object = c ? c->argument(call.slot) : nullptr;
    if (!object || !object->fromParam || object->root.index != kThisParam || object->root.field != e.field)
      return false;
    return std::all_of(e.value.params.begin(), e.value.params.end(),
                       [&](const ParamRef& p) { return handedTo(*c, p); }) &&
           !built_->leavesString(m, call.site, call.slot);
  });
}

// `form`, a value in function `f`, with its calls' results and outputs resolved
// (final summaries); none if that leaves it unknown.
std::optional<StrVal> ClassFields::inTermsOf(FunctionId f, const StrVal& form) const {
  built_->startFunction(f);
  StrVal value = built_->resolveStr(f, form);
  return value.known() ? std::optional<StrVal>(std::move(value)) : std::nullopt;
}

// What argument `arg` of a call holds at `field` below it, as a form in the caller.
std::optional<StrVal> ClassFields::passedAt(const FunctionFacts& caller, const ArgFact& arg,
                                            const std::string& field) const {
  if (field.empty()) return arg.str.known() ? std::optional<StrVal>(arg.str) : std::nullopt;
  if (auto it = arg.fieldStrs.find(field); it != arg.fieldStrs.end() && it->second.known()) return it->second;
  if (const StrPiece* whole = onlyPiece(arg.str, StrPiece::Param))  // another object of the caller's
    return StrVal{{{StrPiece::Param, joinField(whole->text, field), whole->index}}, {}};
  if (const CallRef* built = oneCallsObject(arg.whole, caller))
    return StrVal{{{StrPiece::CallOut, "this." + field, built->site}}, {}};
  if (const StrPiece* returned = onlyPiece(arg.str, StrPiece::CallRet); returned && returned->text.empty())
    return StrVal{{{StrPiece::CallRet, field, returned->index}}, {}};  // `cfg = load(path)`
  return std::nullopt;
}

// Parameter piece `p` of method `m` (a constructor's `transport` stored in a field):
// what every call of `m` in the program passes there, resolved in the caller; none
// when a call's argument is not known, or `m` may run from where no call shows.
std::optional<StrVal> ClassFields::passedByCallers(FunctionId m, const StrPiece& p, unsigned depth, Path& why) const {
  if (depth > kMaxFieldHops || graph_.isAddressTaken(m)) return std::nullopt;
  std::vector<StrVal> values;
  Path steps;
  for (FunctionId g : graph_.dependents(m)) {
    const FunctionFacts& caller = graph_.function(g);
    for (const CallSiteFact& c : caller.calls) {
      const std::vector<FunctionId>& runs = graph_.targets(g, c);
      if (std::find(runs.begin(), runs.end(), m) == runs.end()) continue;
      const ArgFact* arg = c.argument(p.index);
      std::optional<StrVal> passed = arg ? passedAt(caller, *arg, p.text) : std::nullopt;
      if (passed && built_) passed = inTermsOf(g, *passed);  // else only what needs no summary resolves
      if (!passed) return std::nullopt;
      steps.push_back({c.loc, caller.name + "() passes `" + arg->spelling + "` to " + graph_.function(m).name + "()"});
      for (const StrVal& form : forms(*passed)) {
        std::optional<StrVal> value = resolveForm(classOfMethod(caller.usr), form, g, depth + 1, steps);
        if (!value) return std::nullopt;
        for (StrVal& each : forms(*value)) values.push_back(std::move(each));
      }
    }
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

// Field `field` of an object of class `owner`: what the class stores there, else
// what the class of an object it holds sets below.
std::optional<StrVal> ClassFields::fieldValue(const std::string& owner, const std::string& field, unsigned depth,
                                              Path& why) const {
  if (std::optional<StrVal> stored = storedIn(owner, field, depth, why)) return stored;
  return storedBelow(owner, field, depth, why);
}

// `this.a.b` with no store of the class at `a.b` itself: field `b` of whatever
// object of `a`'s class it is, as that class's own methods set it.
std::optional<StrVal> ClassFields::storedBelow(const std::string& owner, const std::string& path, unsigned depth,
                                               Path& why) const {
  if (depth > kMaxFieldHops) return std::nullopt;
  // The longest leading part naming a held object: `d_.carrier` of a plain struct
  // member (FunctionAnalyzer::recordMemberClasses), else `d_`.
  std::size_t dot = path.rfind('.');
  std::string held;
  for (; dot != std::string::npos && dot > 0; dot = path.rfind('.', dot - 1))
    if (held = classOfField(owner, path.substr(0, dot)); !held.empty()) break;
  if (held.empty() || held == owner || dot == std::string::npos) return std::nullopt;
  const std::string object = path.substr(0, dot);
  for (FunctionId m : methodsOf(owner))
    for (const EffectFact& e : graph_.function(m).effects)
      if (e.target == kThisParam && e.field != object && !isSubfield(object, e.field) && relatedFields(e.field, path) &&
          !leftAsItWas(m, e))
        return std::nullopt;  // the class sets something below the held object itself
  const std::string rest = path.substr(dot + 1);
  if (!storesAt(held, rest)) return storedInDerived(held, rest, depth + 1, why);
  if (std::optional<StrVal> stored = storedIn(held, rest, depth + 1, why)) return stored;
  // Stored whole from what its callers pass, which says nothing of the field
  // (`portal_(std::move(portal))`, handed a `std::make_shared<PortalClient>()`):
  // the class the field holds sets it.
  return storedBelow(held, rest, depth + 1, why);
}

// Whether a method of `cls` stores at `field` of its object, or above or below it.
bool ClassFields::storesAt(const std::string& cls, const std::string& field) const {
  return std::any_of(methodsOf(cls).begin(), methodsOf(cls).end(), [&](FunctionId m) {
    const auto& effects = graph_.function(m).effects;
    return std::any_of(effects.begin(), effects.end(),
                       [&](const EffectFact& e) { return e.target == kThisParam && relatedFields(e.field, field); });
  });
}

// The classes overriding a method of `base`, transitively: an object held through
// `base` (an interface an injected client implements) is one of them.
const std::set<std::string>& ClassFields::derivedFrom(const std::string& base) const {
  if (!derivedBuilt_) {
    derivedBuilt_ = true;
    std::map<std::string, std::set<std::string>> direct;
    for (FunctionId id = 0; id < graph_.size(); ++id) {
      const std::string cls = classOfMethod(graph_.function(id).usr);
      for (const std::string& overridden : graph_.function(id).overrides)
        if (std::string from = classOfMethod(overridden); !cls.empty() && !from.empty() && from != cls)
          direct[from].insert(cls);
    }
    for (const auto& [from, children] : direct) {
      std::set<std::string>& all = derived_[from];
      std::vector<std::string> todo(children.begin(), children.end());
      while (!todo.empty()) {
        const std::string next = todo.back();
        todo.pop_back();
        if (!all.insert(next).second) continue;
        if (auto more = direct.find(next); more != direct.end())
          todo.insert(todo.end(), more->second.begin(), more->second.end());
      }
    }
  }
  static const std::set<std::string> none;
  auto it = derived_.find(base);
  return it == derived_.end() ? none : it->second;
}

// Field `field` of an object held through `base` that no method of `base` sets:
// what each derived class that has the field sets it to. A derived class storing
// it unknown leaves it unknown; one without it is another implementation.
std::optional<StrVal> ClassFields::storedInDerived(const std::string& base, const std::string& field, unsigned depth,
                                                   Path& why) const {
  std::vector<StrVal> values;
  Path steps;
  for (const std::string& cls : derivedFrom(base)) {
    if (!storesAt(cls, field)) continue;
    std::optional<StrVal> value = storedIn(cls, field, depth, steps);
    if (!value) return std::nullopt;
    for (StrVal& each : forms(*value)) values.push_back(std::move(each));
  }
  if (values.empty()) return std::nullopt;
  why.insert(why.end(), steps.begin(), steps.end());
  return fromForms(values);
}

// A form with its fields of `this` replaced by the class's stores and the
// parameters of `in` by what its callers pass (final summaries only); none if a
// piece stays unknown (a call's result, a parameter some caller leaves open).
std::optional<StrVal> ClassFields::resolveForm(const std::string& owner, const StrVal& form, FunctionId in,
                                               unsigned depth, Path& why) const {
  std::vector<StrVal> parts;
  for (const StrPiece& p : form.pieces) {
    if (p.kind == StrPiece::Param && p.index == kThisParam && !p.text.empty() && !owner.empty()) {
      std::optional<StrVal> field = fieldValue(owner, p.text, depth, why);
      if (!field) return std::nullopt;
      parts.push_back(std::move(*field));
    } else if (p.kind == StrPiece::Param && p.index != kThisParam) {
      std::optional<StrVal> passed = passedByCallers(in, p, depth, why);
      if (!passed) return std::nullopt;
      parts.push_back(std::move(*passed));
    } else if (p.kind == StrPiece::Const || p.kind == StrPiece::Env || p.kind == StrPiece::Config ||
               p.kind == StrPiece::Option || p.kind == StrPiece::Global) {
      parts.push_back(StrVal{{p}, {}});
    } else if (p.kind == StrPiece::CallRet && built_ && depth <= kMaxFieldHops) {
      // A call's result (`client_(labels_base())`): what the callee returns.
      const std::optional<StrVal> returned = inTermsOf(in, StrVal{{p}, {}});
      if (!returned) return std::nullopt;
      std::vector<StrVal> each;
      for (const StrVal& form : forms(*returned)) {
        std::optional<StrVal> value = resolveForm(owner, form, in, depth + 1, why);
        if (!value) return std::nullopt;
        for (StrVal& one : forms(*value)) each.push_back(std::move(one));
      }
      parts.push_back(fromForms(each));
    } else {
      return std::nullopt;
    }
  }
  return concatAll(parts);
}

// `form` with only its pieces naming fields of the object replaced, where the
// class's stores know them; the rest as it was (the entry's own parameter in
// `file:${root_}/manifest_${date}.csv`). None if no piece was replaced.
std::optional<StrVal> ClassFields::resolveFieldsOnly(const std::string& owner, const StrVal& form,
                                                     const StrVal& ofObject, Path& why) const {
  std::vector<StrVal> parts;
  bool replaced = false;
  for (std::size_t i = 0; i < form.pieces.size(); ++i) {
    const StrPiece& p = ofObject.pieces[i];
    const bool field = p.kind == StrPiece::Param && p.index == kThisParam && !p.text.empty();
    std::optional<StrVal> value = field ? fieldValue(owner, p.text, 0, why) : std::nullopt;
    replaced |= value.has_value();
    parts.push_back(value ? std::move(*value) : StrVal{{form.pieces[i]}, {}});
  }
  return replaced ? std::optional<StrVal>(concatAll(parts)) : std::nullopt;
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

std::optional<StrVal> ClassFields::fieldOfAny(const std::string& owner, const std::string& field, Path& why) const {
  auto [memo, fresh] = anyObject_.try_emplace({owner, field});
  auto& [value, steps] = memo->second;
  if (fresh) value = fieldValue(owner, field, 0, steps);
  if (value) why.insert(why.end(), steps.begin(), steps.end());
  return value;
}

StrVal ClassFields::resolve(FunctionId f, const StrVal& destination, Path& why) const {
  if (!hasParam(destination)) return destination;
  const std::string& usr = graph_.function(f).usr;
  std::string owner = classOfMethod(usr);
  const bool lambda = owner.empty();
  if (lambda) owner = classOfLambda(usr);
  if (owner.empty()) return destination;
  std::vector<StrVal> out;
  for (const StrVal& form : forms(destination)) {
    // In a lambda, the object its method captured is the closure's field `this`;
    // another capture is no field of the class.
    StrVal ofObject = form;
    bool names = false, closure = false;
    for (StrPiece& p : ofObject.pieces) {
      if (p.kind != StrPiece::Param || p.index != kThisParam) continue;
      if (lambda && !llvm::StringRef(p.text).starts_with("this.")) {
        closure = true;  // a capture of the closure's own: no field of the class
        p.kind = StrPiece::Unknown;
        continue;
      }
      if (lambda) p.text.erase(0, std::strlen("this."));
      names |= !p.text.empty();
    }
    Path steps;
    std::optional<StrVal> resolved = names && !closure ? resolveForm(owner, ofObject, f, 0, steps) : std::nullopt;
    if (!resolved && names) resolved = resolveFieldsOnly(owner, form, ofObject, steps);
    if (resolved) why.insert(why.end(), steps.begin(), steps.end());
    if (!resolved) out.push_back(form);
    else
      for (StrVal& each : forms(*resolved)) out.push_back(std::move(each));
  }
  return fromForms(out);
}

}  // namespace egress
