#include "link/CallGraph.h"

#include <algorithm>
#include <set>

#include <llvm/ADT/ArrayRef.h>
#include <llvm/Support/xxhash.h>

#include "facts/TaintOps.h"
#include "link/Summary.h"

namespace egress {
namespace {

// Functions an argument may hold (lambdas, function pointers), whole or in fields.
template <typename Fn> void forEachHeldFunction(const ArgFact& a, Fn&& fn) {
  for (const std::string& usr : a.fns) fn(usr);
  for (const auto& [field, fns] : a.fieldFns)
    for (const std::string& usr : fns) fn(usr);
}

void addUnique(std::vector<FunctionId>& list, FunctionId id) {
  if (std::find(list.begin(), list.end(), id) == list.end()) list.push_back(id);
}

}  // namespace

CallGraph::CallGraph(const std::vector<TUFacts>& tus) {
  // Sorted by USR: ids do not depend on TU order. The first definition of a USR
  // (in TU order) wins: a stable sort keeps it first among equals.
  struct Definition {
    std::string_view usr;
    const FunctionFacts* facts;
    const TUFacts* tu;
  };
  std::vector<Definition> all;
  for (const TUFacts& tu : tus) {
    tus_.push_back(&tu);
    for (const FunctionFacts& f : tu.functions)
      if (!f.usr.empty()) all.push_back({f.usr, &f, &tu});
    for (const auto& [usr, value] : tu.constantStrings) constants_.emplace(usr, value);
  }
  std::stable_sort(all.begin(), all.end(), [](const Definition& a, const Definition& b) { return a.usr < b.usr; });
  ids_.reserve(all.size());
  for (const Definition& d : all) {
    if (!ids_.emplace(d.usr, FunctionId(functions_.size())).second) continue;
    functions_.push_back(d.facts);
    owners_.push_back(d.tu);
    usrHashes_.push_back(usrHash(d.usr));
  }
  called_.assign(functions_.size(), false);
  addressTaken_.assign(functions_.size(), false);
  invoked_.assign(functions_.size(), false);
  handedOn_.assign(functions_.size(), false);
  contextParams_.assign(functions_.size(), {});
  callees_.resize(functions_.size());
  dependents_.resize(functions_.size());
  collectOverrides();
  collectGlobalFunctions();
  collectParamsRun();
  collectFieldsRun();
  collectEdges();
}

// The parameters each function runs (`void schedule(ctx, cb) { evtimer_new(base,
// cb, ctx); }`, `cb(x)`), itself or by handing them to a callee that does: a
// function handed there is run with that site's arguments (Fixpoint::runPending).
void CallGraph::collectParamsRun() {
  paramsRun_.assign(functions_.size(), {});
  const auto add = [](std::vector<unsigned>& list, unsigned index) {
    if (std::find(list.begin(), list.end(), index) != list.end()) return false;
    list.push_back(index);
    return true;
  };
  for (FunctionId id = 0; id < functions_.size(); ++id)
    for (const CallSiteFact& c : functions_[id]->calls)
      if (c.viaParam && c.target.field.empty() && c.target.index != kThisParam) add(paramsRun_[id], c.target.index);
  for (bool changed = true; changed;) {
    changed = false;
    for (FunctionId id = 0; id < functions_.size(); ++id)
      for (const CallSiteFact& c : functions_[id]->calls) {
        const std::optional<FunctionId> callee = find(c.calleeUsr);
        if (!callee || *callee == id) continue;
        for (unsigned i : paramsRun_[*callee]) {
          const ArgFact* a = c.argument(i);
          if (a && a->fromParam && a->root.field.empty() && a->root.index != kThisParam)
            changed |= add(paramsRun_[id], a->root.index);
        }
      }
  }
}

// The fields of its parameters each function calls through (`c->uplink->send(...)`
// in a thread's body), itself or by handing the parameter (or a field of it) to a
// callee that does. A few per function: what they aim at is only asked of globals.
void CallGraph::collectFieldsRun() {
  constexpr std::size_t kMaxFieldsRun = 16;
  fieldsRun_.assign(functions_.size(), {});
  const auto add = [&](FunctionId id, unsigned index, const std::string& field) {
    std::vector<std::pair<unsigned, std::string>>& list = fieldsRun_[id];
    if (list.size() >= kMaxFieldsRun || std::count(field.begin(), field.end(), '.') >= int(kMaxFieldDepth))
      return false;
    if (std::find(list.begin(), list.end(), std::make_pair(index, field)) != list.end()) return false;
    list.emplace_back(index, field);
    return true;
  };
  for (FunctionId id = 0; id < functions_.size(); ++id)
    for (const CallSiteFact& c : functions_[id]->calls)
      if (c.viaParam && !c.target.field.empty() && c.target.index != kThisParam)
        add(id, c.target.index, c.target.field);
  // Only an argument that is one of the caller's inputs passes a run on.
  const auto input = [](const ArgFact& a) { return a.fromParam && a.root.index != kThisParam; };
  for (bool changed = true; changed;) {
    changed = false;
    for (FunctionId id = 0; id < functions_.size(); ++id)
      for (const CallSiteFact& c : functions_[id]->calls) {
        if (std::none_of(c.args.begin(), c.args.end(), input)) continue;
        for (FunctionId callee : targets(c)) {
          if (callee == id) continue;  // fieldsRun_[callee] is then not the list `add` grows
          for (const auto& [index, field] : fieldsRun_[callee]) {
            const ArgFact* a = c.argument(index);
            if (a && input(*a)) changed |= add(id, a->root.index, joinField(a->root.field, field));
          }
        }
      }
  }
}

// The functions call site `c` of `f` runs through fields of its arguments in the
// functions it calls: where an argument is a global (`&c`, a static context) or a
// record whose field a call filled with a table, the entries there.
std::vector<FunctionId> CallGraph::runThroughArguments(const FunctionFacts& f, const CallSiteFact& c,
                                                       const std::vector<FunctionId>& callees) const {
  std::vector<FunctionId> out;
  const auto addUsrs = [&](const std::vector<std::string>& usrs) {
    for (const std::string& usr : usrs)
      if (auto id = find(usr)) addUnique(out, *id);
  };
  for (FunctionId callee : callees)
    for (const auto& [index, field] : fieldsRun_[callee]) {
      const ArgFact* a = c.argument(index);
      if (!a) continue;
      if (!a->global.empty()) addUsrs(globalFunctions(joinField(a->global, field)));
      if (auto held = a->fieldFns.find(field); held != a->fieldFns.end()) addUsrs(held->second);
      for (const auto& [path, str] : a->fieldStrs)
        if (auto rest = fieldBelow(path, field))
          for (const std::string& key : aimedGlobals(f, str, 0)) addUsrs(globalFunctions(joinField(key, *rest)));
    }
  return out;
}

bool CallGraph::runsArgument(const CallSiteFact& c, unsigned index) const {
  const std::optional<FunctionId> callee = find(c.calleeUsr);
  if (!callee) return false;
  const std::vector<unsigned>& run = paramsRun_[*callee];
  return std::find(run.begin(), run.end(), index) != run.end();
}

// Functions stored in globals (handler tables filled by a registration function):
// stored directly, or from a parameter of the storing function, which each of its
// call sites binds (`dock_register_handler(post_handover, &ctx)`).
void CallGraph::collectGlobalFunctions() {
  std::map<std::string, std::vector<std::pair<std::string, unsigned>>> fromParams;  // storer USR -> (key, param)
  for (const TUFacts* tu : tus_) {
    for (const auto& [key, fns] : tu->initialFns) globalFns_[key].insert(globalFns_[key].end(), fns.begin(), fns.end());
    for (const auto& [key, target] : tu->initialRefs) globalRefs_[key].push_back(target);
    for (const auto& [key, fns] : tu->fieldFns) addOnce(fieldFns_[key], fns);
  }
  for (const FunctionFacts* f : functions_) {
    for (const EffectFact& e : f->effects) {
      if (e.target != kGlobalTarget) continue;
      hasConnections_ |= e.field.rfind(kConnectedHandlers, 0) == 0;
      const std::string key = indexBlind(e.field);  // tables do not tell elements apart
      // As for a store through an argument: a pointer at a known table is a redirect.
      const std::vector<std::string> aimed = aimedGlobals(*f, e.str, 0);
      globalRefs_[key].insert(globalRefs_[key].end(), aimed.begin(), aimed.end());
      std::vector<std::string>& fns = globalFns_[key];
      if (aimed.empty()) fns.insert(fns.end(), e.fns.begin(), e.fns.end());
      addRefsOfReturnedRecord(*f, key, e.str);
      const StrPiece* param = onlyPiece(e.str, StrPiece::Param);
      if (param && param->text.empty() && param->index != kThisParam) fromParams[f->usr].push_back({key, param->index});
    }
  }
  for (const FunctionFacts* f : functions_)
    for (const CallSiteFact& c : f->calls) {
      addStoresThroughArguments(c);
      auto stores = fromParams.find(c.calleeUsr);
      if (stores == fromParams.end()) continue;
      for (const auto& [key, index] : stores->second)
        if (index < c.args.size())
          globalFns_[key].insert(globalFns_[key].end(), c.args[index].fns.begin(), c.args[index].fns.end());
    }
  for (auto* byKey : {&globalFns_, &globalRefs_})
    for (auto& [key, values] : *byKey) {  // the same whatever the order of the TUs
      std::sort(values.begin(), values.end());
      values.erase(std::unique(values.begin(), values.end()), values.end());
    }
  // A function in a global table may be run from anywhere the table is reached,
  // found only at link time (a driver table a callee returns a pointer to).
  for (const auto& [key, fns] : globalFns_)
    for (const std::string& usr : fns)
      if (auto id = find(usr)) addressTaken_[*id] = true;
}

namespace {

// Each way `key` reads through pointers a global's initializer aimed elsewhere:
// the prefix found in `refs` replaced by each of its targets (`g.ops.send` ->
// `http_ops.send`). A chain of such pointers is followed a few steps, so a cycle
// of them ends.
template <typename Fn>
void forEachRedirect(const std::map<std::string, std::vector<std::string>>& refs, const std::string& key, Fn&& fn,
                     unsigned depth = 0) {
  fn(key);
  if (depth >= kMaxFieldDepth || refs.empty()) return;
  for (std::size_t dot = key.find('.'); dot != std::string::npos; dot = key.find('.', dot + 1))
    if (auto ref = refs.find(key.substr(0, dot)); ref != refs.end())
      for (const std::string& target : ref->second) forEachRedirect(refs, target + key.substr(dot), fn, depth + 1);
}

// Calls `fn` with the entries of `m` at `key` and below it.
template <typename Map, typename Fn> void forEachAtOrBelow(const Map& m, const std::string& key, Fn&& fn) {
  if (auto same = m.find(key); same != m.end()) fn(same->second);
  const std::string prefix = key + ".";
  for (auto it = m.lower_bound(prefix); it != m.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it)
    fn(it->second);
}

constexpr std::size_t kMaxGlobalRoots = 64;  // globals reached through pointers, per lookup

}  // namespace

// A pointer to a table stored whole by a function (`g.ops = &k_ops`) holds all the
// table's functions: a call through any field below it runs them.
void CallGraph::addTableAbove(const std::string& key, std::vector<std::string>& out) const {
  for (std::size_t dot = key.rfind('.'); dot != std::string::npos && dot > 0; dot = key.rfind('.', dot - 1))
    if (auto it = globalFns_.find(key.substr(0, dot)); it != globalFns_.end()) {
      addOnce(out, it->second);
      return;
    }
}

const std::vector<std::string>& CallGraph::fieldFunctions(const std::string& fieldKey) const {
  static const std::vector<std::string> none;
  auto it = fieldKey.empty() ? fieldFns_.end() : fieldFns_.find(fieldKey);
  return it == fieldFns_.end() ? none : it->second;
}

std::vector<std::string> CallGraph::globalFunctions(const std::string& key) const {
  std::vector<std::string> out;
  forEachRedirect(globalRefs_, indexBlind(key), [&](const std::string& k) {
    if (auto it = globalFns_.find(k); it != globalFns_.end()) addOnce(out, it->second);
    addTableAbove(k, out);
    // `k` itself pointed at a global function pointer (`c->send = g_default_send`).
    if (auto ref = globalRefs_.find(k); ref != globalRefs_.end())
      for (const std::string& target : ref->second)
        if (auto it = globalFns_.find(target); it != globalFns_.end()) addOnce(out, it->second);
  });
  return out;
}

// The functions of the globals a value may point at (one form each a global).
std::vector<std::string> CallGraph::tableFunctions(const StrVal& value) const {
  std::vector<std::string> out;
  if (!value.known()) return out;
  for (const StrVal& form : forms(value))
    if (const StrPiece* table = onlyPiece(form, StrPiece::Global)) addOnce(out, globalFunctionsBelow(table->text));
  return out;
}

// The globals (USR[.field]) a value of `f` points at, read from the facts before any
// summary: globals it names, and what a call returned (`transport_lookup(name)`
// returning `k_transports[i]`, a field of the record `uplink_create()` filled),
// a few calls deep. Empty where some form is anything else.
std::vector<std::string> CallGraph::aimedGlobals(const FunctionFacts& f, const StrVal& value, unsigned depth,
                                                 const CallSiteFact* at) const {
  constexpr unsigned kMaxCallsDeep = 3;
  std::vector<std::string> out;
  for (StrVal form : forms(value)) {
    if (!holdsAt(form, at)) continue;
    form = withoutConditions(form);
    if (onlyPiece(form, StrPiece::Const)) continue;  // a record of constants (`&null_ops`): it holds no function
    if (const StrPiece* global = onlyPiece(form, StrPiece::Global)) {
      addOnce(out, {indexBlind(global->text)});  // tables do not tell elements apart
      continue;
    }
    const StrPiece* returned = onlyPiece(form, StrPiece::CallRet);
    const CallSiteFact* c = returned && depth < kMaxCallsDeep ? site(f, returned->index) : nullptr;
    const auto callee = c ? find(c->calleeUsr) : std::nullopt;
    if (!callee) return {};
    const FunctionFacts& g = *functions_[*callee];
    // The returned record's field nearest above the one read (`t->ops` for
    // `t->ops->send`), else the returned value itself.
    std::vector<std::string> got;
    std::string above = returned->text, below;
    auto field = g.retFieldStrs.end();
    while (!above.empty() && (field = g.retFieldStrs.find(above)) == g.retFieldStrs.end()) {
      const std::size_t dot = above.rfind('.');
      below = joinField(dot == std::string::npos ? above : above.substr(dot + 1), below);
      above = dot == std::string::npos ? "" : above.substr(0, dot);
    }
    if (field != g.retFieldStrs.end()) {
      for (const std::string& key : aimedGlobals(g, field->second, depth + 1, c)) got.push_back(joinField(key, below));
    } else {
      // The callee returns what it got back from another call (`return
      // transport_new(kind);`): the field read is that call's.
      for (StrVal aimed : forms(g.retStr)) {
        if (!holdsAt(aimed, c)) continue;
        aimed = withoutConditions(aimed);
        if (aimed.pieces.size() == 1 && aimed.pieces[0].kind == StrPiece::CallRet && aimed.alts.empty()) {
          aimed.pieces[0].text = joinField(aimed.pieces[0].text, returned->text);
          addOnce(got, aimedGlobals(g, aimed, depth + 1, c));
        } else {
          for (const std::string& key : aimedGlobals(g, aimed, depth + 1, c))
            got.push_back(joinField(key, returned->text));
        }
      }
    }
    if (got.empty()) return {};
    addOnce(out, got);
  }
  return out;
}

// Whether a form of a callee's value may hold at call site `at`: an element of a
// table indexed by a parameter the call passes another constant for does not.
bool CallGraph::holdsAt(const StrVal& form, const CallSiteFact* at) {
  for (const StrPiece& p : form.pieces) {
    const std::optional<uint64_t> index = at ? whenIndex(p) : std::nullopt;
    const ArgFact* arg = index ? at->argument(p.index) : nullptr;
    if (arg && arg->constant && uint64_t(*arg->constant) != *index) return false;
  }
  return true;
}

// What a call through an entry of a constant table runs, the table being what a
// call of `f` returned (`ops = transport_lookup(name); ops->open(...)`, or a record
// pointing at one: `t = transport_new(kind); t->ops->send(...)`). What a later call
// may have left there instead (a CallOut form: `t->ops->open(t, ep)` handed `t`
// on) is the value before, as far as this graph can tell.
std::vector<FunctionId> CallGraph::returnedTableEntries(const FunctionFacts& f, const StrVal& value) const {
  std::vector<FunctionId> out;
  std::vector<StrVal> returned;
  for (StrVal& form : forms(value)) {
    if (onlyPiece(form, StrPiece::CallRet)) returned.push_back(std::move(form));
    else if (!onlyPiece(form, StrPiece::CallOut)) return out;
  }
  if (returned.empty()) return out;
  for (const std::string& key : aimedGlobals(f, fromForms(returned), 0))
    for (const std::string& usr : globalFunctions(key))
      if (auto id = find(usr)) addUnique(out, *id);
  return out;
}

// A global handed to a function that fills it through the pointer
// (`chan_open(&g_ch[CH_HUB], kind, ep)` storing `ch->ops = k_backends[kind]`): its
// fields hold the functions and point at the tables the callee stored there.
void CallGraph::addStoresThroughArguments(const CallSiteFact& c) {
  const auto callee = find(c.calleeUsr);
  if (!callee) return;
  const FunctionFacts& g = *functions_[*callee];
  for (const EffectFact& e : g.effects) {
    if (e.target == kGlobalTarget || e.field.empty()) continue;
    const ArgFact* given = c.argument(e.target);
    if (!given || given->global.empty()) continue;
    const std::string key = indexBlind(joinField(given->global, e.field));
    const std::vector<std::string> aimed = aimedGlobals(g, e.str, 1, &c);
    globalRefs_[key].insert(globalRefs_[key].end(), aimed.begin(), aimed.end());
    // A pointer at a known table (`ch->ops = &k_http_ops`) runs just the entry a
    // call reads through it, which the redirect finds; the table's functions held
    // whole at the field would run them all. Only what is there: an empty entry
    // would hide a table aimed above the field.
    if (aimed.empty() && !e.fns.empty()) globalFns_[key].insert(globalFns_[key].end(), e.fns.begin(), e.fns.end());
  }
}

// A global a function stored a call's result in (`s_depot = uplink_create(ep)`):
// its fields point where the returned record's do (`u->ops` at a driver table).
// Where the call returned a table itself (`c.uplink = select_ops(kind)`), the
// global points at that table.
void CallGraph::addRefsOfReturnedRecord(const FunctionFacts& f, const std::string& stored, const StrVal& value) {
  for (const StrVal& form : forms(value)) {
    const StrPiece* returned = onlyPiece(form, StrPiece::CallRet);
    const CallSiteFact* c = returned && returned->text.empty() ? site(f, returned->index) : nullptr;
    const auto callee = c ? find(c->calleeUsr) : std::nullopt;
    if (!callee) continue;
    const FunctionFacts& g = *functions_[*callee];
    for (const std::string& key : aimedGlobals(g, g.retStr, 1, c)) addOnce(globalRefs_[stored], {key});
    for (const auto& [field, str] : g.retFieldStrs)
      for (const std::string& key : aimedGlobals(g, str, 1, c)) globalRefs_[joinField(stored, field)].push_back(key);
  }
}

std::vector<std::string> CallGraph::globalFunctionsBelow(const std::string& key) const {
  std::vector<std::string> out;
  // Every global a pointer at, above or below `key` aims at: all it holds is reachable.
  std::vector<std::string> roots;
  forEachRedirect(globalRefs_, indexBlind(key), [&](const std::string& k) {
    if (std::find(roots.begin(), roots.end(), k) == roots.end()) roots.push_back(k);
  });
  for (std::size_t i = 0; i < roots.size() && i < kMaxGlobalRoots; ++i) {
    const std::string root = roots[i];  // a copy: the walk below adds to `roots`
    forEachAtOrBelow(globalFns_, root, [&](const std::vector<std::string>& fns) { addOnce(out, fns); });
    addTableAbove(root, out);
    forEachAtOrBelow(globalRefs_, root, [&](const std::vector<std::string>& targets) {
      for (const std::string& t : targets)
        if (std::find(roots.begin(), roots.end(), t) == roots.end()) roots.push_back(t);
    });
  }
  return out;
}

uint64_t CallGraph::usrHash(std::string_view usr) {
  return llvm::xxh3_64bits(llvm::ArrayRef<uint8_t>(reinterpret_cast<const uint8_t*>(usr.data()), usr.size()));
}

std::optional<FunctionId> CallGraph::find(const std::string& usr) const {
  auto it = ids_.find(usr);
  if (it == ids_.end()) return std::nullopt;
  return it->second;
}

const CallSiteFact* CallGraph::site(const FunctionFacts& f, unsigned id) {
  auto it = std::lower_bound(f.calls.begin(), f.calls.end(), id,
                             [](const CallSiteFact& c, unsigned want) { return c.id < want; });
  if (it != f.calls.end() && it->id == id) return &*it;
  for (const CallSiteFact& c : f.calls)  // facts written by hand need not be sorted
    if (c.id == id) return &c;
  return nullptr;
}

void CallGraph::collectOverrides() {
  for (FunctionId id = 0; id < functions_.size(); ++id)
    for (const std::string& base : functions_[id]->overrides) directOverrides_[base].push_back(id);
}

const std::vector<FunctionId>& CallGraph::overridesOf(const std::string& usr) const {
  auto known = allOverrides_.find(usr);
  if (known != allOverrides_.end()) return known->second;
  std::vector<FunctionId> out;
  std::vector<std::string> work{usr};
  std::set<std::string> seen{usr};
  while (!work.empty()) {
    const std::string base = work.back();
    work.pop_back();
    auto it = directOverrides_.find(base);
    if (it == directOverrides_.end()) continue;
    for (FunctionId o : it->second) {
      if (!seen.insert(functions_[o]->usr).second) continue;
      out.push_back(o);
      work.push_back(functions_[o]->usr);
    }
  }
  return allOverrides_.emplace(usr, std::move(out)).first->second;
}

const std::vector<std::string>& CallGraph::connectedHandlers(const CallSiteFact& c) const {
  static const std::vector<std::string> none;
  if (!hasConnections_ || c.calleeUsr.empty()) return none;
  auto it = globalFns_.find(kConnectedHandlers + c.calleeUsr);
  return it == globalFns_.end() ? none : it->second;
}

std::vector<FunctionId> CallGraph::targets(const CallSiteFact& c) const {
  std::vector<FunctionId> out;
  if (!c.calleeUsr.empty())
    if (auto id = find(c.calleeUsr)) out.push_back(*id);
  for (const std::string& t : connectedHandlers(c))
    if (auto id = find(t)) addUnique(out, *id);
  for (const std::string& t : c.targets)
    if (auto id = find(t)) addUnique(out, *id);
  if (!c.globalTarget.empty())
    for (const std::string& t : globalFunctions(c.globalTarget))
      if (auto id = find(t)) addUnique(out, *id);
  if (c.isVirtual)
    for (FunctionId o : overridesOf(c.calleeUsr)) addUnique(out, o);
  // A call through a record's function-pointer field nothing else resolves.
  if (out.empty() && !c.viaParam)
    for (const std::string& t : fieldFunctions(c.fieldTarget))
      if (auto id = find(t)) addUnique(out, *id);
  return out;
}

bool CallGraph::ownsSite(FunctionId f, const CallSiteFact& c) const {
  const std::vector<CallSiteFact>& calls = functions_[f]->calls;
  return !calls.empty() && &c >= calls.data() && &c < calls.data() + calls.size();
}

const std::vector<FunctionId>& CallGraph::targets(FunctionId f, const CallSiteFact& c) const {
  static const std::vector<FunctionId> none;
  if (!ownsSite(f, c)) return none;
  return siteTargets_[f][std::size_t(&c - functions_[f]->calls.data())];
}

// Callers depend on callees; a call of a virtual method on every override; a
// function handing another on as a value (a callback) on that function.
void CallGraph::collectEdges() {
  siteTargets_.resize(functions_.size());
  for (FunctionId caller = 0; caller < functions_.size(); ++caller) {
    const FunctionFacts& f = *functions_[caller];
    std::set<FunctionId> callees;
    const auto held = [&](const std::string& usr) {
      if (auto id = find(usr)) {
        addressTaken_[*id] = true;
        callees.insert(*id);
      }
    };
    // A handler stored into an input's field is run later through it (by a caller
    // of this function): resolved before this function, like one handed on.
    // So is a table a pointer stored there aims at (`a->link.ops = &k_https_ops`).
    for (const EffectFact& e : f.effects)
      if (e.target != kGlobalTarget) {
        for (const std::string& usr : e.fns) held(usr);
        for (const std::string& usr : tableFunctions(e.str)) held(usr);
      }
    for (const CallSiteFact& c : f.calls) {
      if (auto id = find(c.calleeUsr); id && *id != caller) called_[*id] = true;
      siteTargets_[caller].push_back(targets(c));
      bool fromReturnedTable = false;
      if (siteTargets_[caller].back().empty()) {
        siteTargets_[caller].back() = returnedTableEntries(f, c.thisArg.str);
        fromReturnedTable = !siteTargets_[caller].back().empty();
      }
      for (FunctionId t : siteTargets_[caller].back())
        if (t != caller) invoked_[t] = true;
      // A handler from a table (a global's, or one a call returned: `ops =
      // select_ops(kind); ops->send(...)`), or a function value the site itself names
      // (a lambda handed to std::visit, std::invoke, a local function pointer): run
      // here with the site's arguments and closure, so reported where it is run.
      if (!c.globalTarget.empty() || fromReturnedTable || !c.targets.empty() || !connectedHandlers(c).empty() ||
          (!c.viaParam && !c.fieldTarget.empty()))
        for (FunctionId t : siteTargets_[caller].back())
          if (t != caller) called_[t] = true;
      for (FunctionId t : siteTargets_[caller].back()) callees.insert(t);
      // What a call through an input's field runs where the callers do not say
      // (Fixpoint::runPending) is resolved before this function.
      if (c.viaParam)
        for (const std::string& usr : fieldFunctions(c.fieldTarget))
          if (auto id = find(usr); id && *id != caller) callees.insert(*id), invoked_[*id] = true;
      // A table entry a callee runs through this site's argument runs here too
      // (Fixpoint::runPending): it is called, not only address-taken.
      for (FunctionId t : runThroughArguments(f, c, siteTargets_[caller].back()))
        if (t != caller) called_[t] = invoked_[t] = true;
      // The functions the site names (`c.targets`: a lambda handed to std::visit, a
      // callback handed to a library) are not address-taken: they run here, with
      // the site's arguments. Those its arguments hold may run from anywhere.
      for (const ArgFact& a : c.args) {
        forEachHeldFunction(a, held);
        for (const auto& [field, str] : a.fieldStrs)
          for (const std::string& usr : tableFunctions(str)) held(usr);
        // A global handed on (`emit(&g_conn)`): a call through it in the callee runs
        // what the global holds (Fixpoint::runPending).
        if (!a.global.empty())
          for (const std::string& usr : globalFunctionsBelow(a.global)) held(usr);
        const bool runByCallee = runsArgument(c, unsigned(&a - c.args.data()));
        for (const std::string& usr : a.fns)
          if (auto id = find(usr)) {
            handedOn_[*id] = true;
            if (runByCallee && *id != caller) called_[*id] = invoked_[*id] = true;
            std::vector<unsigned>& context = contextParams_[*id];
            if (a.contextParam && std::find(context.begin(), context.end(), *a.contextParam) == context.end())
              context.push_back(*a.contextParam);
          }
      }
      forEachHeldFunction(c.thisArg, held);
      if (!c.thisArg.global.empty())
        for (const std::string& usr : globalFunctionsBelow(c.thisArg.global)) held(usr);
    }
    callees_[caller].assign(callees.begin(), callees.end());
    for (FunctionId callee : callees) dependents_[callee].push_back(caller);
  }
  for (auto& list : dependents_) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
  }
}

std::vector<FunctionId> CallGraph::bottomUpOrder() const {
  std::vector<FunctionId> order;
  std::vector<bool> seen(functions_.size(), false);
  std::vector<std::pair<FunctionId, bool>> stack;
  // Functions held in global tables first: a caller may learn only at link time
  // that it runs one (a pointer a callee returns, `xport_pick()`), so they are
  // settled before the functions that are no one's callees either.
  std::vector<FunctionId> roots;
  for (const auto& [key, fns] : globalFns_)
    for (const std::string& usr : fns)
      if (auto id = find(usr)) roots.push_back(*id);
  std::sort(roots.begin(), roots.end());
  roots.erase(std::unique(roots.begin(), roots.end()), roots.end());
  for (FunctionId id = 0; id < functions_.size(); ++id) roots.push_back(id);
  for (FunctionId root : roots) {
    stack.push_back({root, false});
    while (!stack.empty()) {
      auto [id, done] = stack.back();
      stack.pop_back();
      if (done) {
        order.push_back(id);
        continue;
      }
      if (seen[id]) continue;
      seen[id] = true;
      stack.push_back({id, true});
      for (FunctionId c : callees_[id])
        if (!seen[c]) stack.push_back({c, false});
    }
  }
  return order;
}

// Kosaraju: walking the callers (the reversed edges) from each function in reverse
// post-order collects one component at a time, callers' components first.
std::vector<std::vector<FunctionId>> CallGraph::components(const std::vector<FunctionId>& order) const {
  std::vector<std::size_t> rank(functions_.size());
  for (std::size_t i = 0; i < order.size(); ++i) rank[order[i]] = i;
  std::vector<bool> placed(functions_.size(), false);
  std::vector<std::vector<FunctionId>> out;
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    if (placed[*it]) continue;
    std::vector<FunctionId> members, stack{*it};
    placed[*it] = true;
    while (!stack.empty()) {
      const FunctionId id = stack.back();
      stack.pop_back();
      members.push_back(id);
      for (FunctionId caller : dependents_[id])
        if (!placed[caller]) placed[caller] = true, stack.push_back(caller);
    }
    std::sort(members.begin(), members.end(), [&](FunctionId a, FunctionId b) { return rank[a] < rank[b]; });
    out.push_back(std::move(members));
  }
  std::reverse(out.begin(), out.end());
  return out;
}

// A field of a constant record (a self-test's sample offer, `static const struct
// offer k_probe = {...}`) is fixed when the program is built: a constant string, or
// a scalar of a record some of whose strings are constants. Not a pointer aimed at
// another global, nor a field below one.
bool CallGraph::constantField(const std::string& indexedKey, const std::string& field) const {
  const std::string key = indexBlind(indexedKey);
  const std::string at = joinField(key, field);
  if (const StrVal* value = constant(at))
    return std::all_of(value->pieces.begin(), value->pieces.end(),
                       [](const StrPiece& p) { return p.kind == StrPiece::Const; }) &&
           value->alts.empty();
  if (field.find('.') != std::string::npos || globalRefs_.count(at) || globalFns_.count(at)) return false;
  const std::string below = key + ".";
  const auto first = constants_.lower_bound(below);
  return first != constants_.end() && first->first.compare(0, below.size(), below) == 0;
}

const StrVal* CallGraph::constant(const std::string& usr) const {
  auto it = constants_.find(usr);  // one element of a constant table
  if (it == constants_.end()) it = constants_.find(indexBlind(usr));
  return it == constants_.end() ? nullptr : &it->second;
}

}  // namespace egress
