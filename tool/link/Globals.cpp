#include "link/Globals.h"

#include <cstring>

#include "facts/Limits.h"
#include "facts/TaintOps.h"
#include "link/Summary.h"

namespace egress {
namespace {

// Calls `fn(key, value)` for each entry of `m` whose key is related to `key`
// (relatedFields: itself, a record holding it, a field below it), in key order,
// without going through the others: the holders are its prefixes ending before a
// '.', the fields below it one contiguous range.
template <typename Map, typename Fn> void forEachRelated(const Map& m, const std::string& key, Fn fn) {
  for (std::size_t dot = key.find('.'); dot != std::string::npos; dot = key.find('.', dot + 1))
    if (auto holder = m.find(key.substr(0, dot)); holder != m.end()) fn(holder->first, holder->second);
  if (auto same = m.find(key); same != m.end()) fn(same->first, same->second);
  const std::string below = key + ".";
  for (auto it = m.lower_bound(below); it != m.end() && it->first.compare(0, below.size(), below) == 0; ++it)
    fn(it->first, it->second);
}

constexpr unsigned kMaxGlobalDepth = 4;  // a global assigned from a global ...

// The global's name for evidence: the last part of its USR ("c:@g_outbox" -> g_outbox).
std::string globalName(const std::string& key) {
  const std::string root = globalRoot(key);
  return root.substr(root.rfind('@') + 1);
}

bool namesGlobal(const StrVal& s) {
  for (const StrVal& form : forms(s))
    for (const StrPiece& p : form.pieces)
      if (p.kind == StrPiece::Global) return true;
  return false;
}

StrVal append(const StrVal& prefix, const StrVal& part) { return prefix.known() ? concat(prefix, part) : part; }

}  // namespace

GlobalValues::GlobalValues(const CallGraph& graph, const Relevance& relevance, const Substitution& subst)
    : graph_(graph), relevance_(relevance), subst_(subst), storesIn_(graph.size()) {
  const std::string initial = kInitialValue;
  for (const auto& [key, value] : graph.constants())
    if (key.compare(0, initial.size(), initial) == 0) addValue(key.substr(initial.size()), value);
  for (FunctionId f = 0; f < graph.size(); ++f) {
    for (const CallSiteFact& c : graph.function(f).calls) {
      for (FunctionId callee : graph.targets(f, c)) callers_[callee].push_back({f, &c});
      addStoresThroughArguments(f, c);
    }
    for (const EffectFact& e : graph.function(f).effects) {
      // The data side does not tell a table's elements apart (facts/TaintOps.h indexField).
      if (e.target == kGlobalTarget && !e.value.empty())
        dataStores_[indexBlind(e.field)].push_back({f, &e}), storesIn_[f].push_back(&e);
      if (e.target != kGlobalTarget || !e.str.known()) continue;
      if (const StrPiece* p = onlyPiece(e.str, StrPiece::Param); p && addWholeStore(e.field, f, *p)) continue;
      // A record a call returned (`s_depot = uplink_create(ep)`): read field by field.
      for (const StrVal& form : forms(e.str))
        if (const StrPiece* p = onlyPiece(form, StrPiece::CallRet); p && p->text.empty()) addWholeStore(e.field, f, *p);
      addStored(f, e.field, subst.resolveStr(f, e.str));
    }
  }
  for (const auto& [key, storer, value] : paramStores_) addStoredThroughCallers(storer, key, value, 0);
  paramStores_.clear();
}

// A form that is the global itself (what a partial write kept of it) adds nothing.
void GlobalValues::addValue(const std::string& key, const StrVal& value) {
  for (const StrVal& form : forms(value)) {
    const StrPiece* self = onlyPiece(form, StrPiece::Global);
    if (self && self->text == key) continue;
    auto [at, fresh] = values_.try_emplace(key);
    if (fresh) storedKeys_[indexBlind(key)].push_back(key);
    addAlternatives(at->second, form);
  }
}

// A whole object stored at `key`, read field by field. Where a parameter picks the
// element, its fields are kept for any element, and false says addStored binds the
// whole value itself at each call site.
bool GlobalValues::addWholeStore(const std::string& key, FunctionId storer, const StrPiece& whole) {
  const bool picked = namesKeyParams(key);
  const std::string at = picked ? substituteKeyParams(key, [](unsigned) { return std::string("?"); }) : key;
  wholeStores_[indexBlind(key)].push_back({storer, whole, at, picked});
  return !picked;
}

// A value built from the storer's parameters (`g_conn.fd = tcp_connect(host, port)`),
// or stored in the element a parameter picks (`g_conn[ch]`), is what it is at each
// of the storer's call sites: resolved once all callers are known.
void GlobalValues::addStored(FunctionId f, const std::string& key, const StrVal& value) {
  if (!value.known() || onlyPiece(value, StrPiece::Unknown)) return;
  if (hasParam(value) || namesKeyParams(key)) paramStores_.emplace_back(key, f, value);
  else addValue(key, value);
}

// addStored's value and element as each call site of `storer` binds them; those
// still naming the caller's parameters, as its callers do. Where no caller binds
// the element, the store is in any element.
void GlobalValues::addStoredThroughCallers(FunctionId storer, const std::string& key, const StrVal& value,
                                           unsigned depth) {
  auto callers = callers_.find(storer);
  if (callers == callers_.end() || depth >= kMaxGlobalDepth) {
    if (depth >= kMaxGlobalDepth) noteLimit(Limit::ResolveDepth);
    StrVal closed;
    for (const StrVal& form : forms(value))
      if (!hasParam(form)) addAlternatives(closed, form);
    if (closed.known()) addValue(substituteKeyParams(key, [](unsigned) { return std::string("?"); }), closed);
    return;
  }
  for (const auto& [caller, site] : callers->second) {
    const std::string at = substituteKeyParams(key, [&](unsigned i) { return indexNamedAtCall(*site, i); });
    const StrVal given =
        hasParam(value) ? subst_.resolveStr(caller, subst_.substituteStr(caller, *site, value)) : value;
    StrVal closed, open;
    for (const StrVal& form : given.known() ? forms(given) : std::vector<StrVal>{})
      addAlternatives(hasParam(form) || namesKeyParams(at) ? open : closed, form);
    if (closed.known()) addValue(at, closed);
    if (open.known()) addStoredThroughCallers(caller, at, open, depth + 1);
  }
}

// A call handed a global (`https_open(&g_notify)`, `g_client.open()`) stores in it
// what the callee stores in that parameter (`t->curl = c` with c's URL), in the
// caller's terms.
void GlobalValues::addStoresThroughArguments(FunctionId f, const CallSiteFact& c) {
  const auto storesInto = [&](const ArgFact& a, unsigned index) {
    if (a.global.empty()) return;
    for (const Summary* r : subst_.dataOf(f, c)) {
      auto slot = r->effectStrs.find(slotOf(index));
      if (slot == r->effectStrs.end()) continue;
      for (const auto& [field, value] : slot->second) {
        const std::string key = joinField(a.global, field);
        const StrVal given = subst_.substituteStr(f, c, value);
        // A whole object (`setup(load())`, `setup(r)`): its fields are read one by one.
        for (StrPiece::Kind kind : {StrPiece::Param, StrPiece::CallRet})
          if (const StrPiece* whole = onlyPiece(given, kind)) addWholeStore(key, f, *whole);
        addStored(f, key, subst_.resolveStr(f, given));
      }
    }
  };
  for (unsigned i = 0; i < c.args.size(); ++i) storesInto(c.args[i], i);
  if (c.hasThis) storesInto(c.thisArg, kThisParam);
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
    const StrVal value = p.kind == StrPiece::Global && depth < kMaxGlobalDepth ? valueOf(p.text, depth) : StrVal{};
    if (!value.known()) {
      const StrPiece piece = p.kind == StrPiece::Global ? StrPiece{StrPiece::Unknown, "", 0} : p;
      for (StrVal& pre : partial) pre = append(pre, StrVal{{piece}, {}});
      continue;
    }
    std::vector<StrVal> next;
    for (const StrVal& v : forms(value))
      for (const StrVal& pre : partial)
        if (next.size() < kMaxAlternatives) next.push_back(append(pre, v));
    partial = std::move(next);
  }
  return fromForms(partial);
}

// The values of `key`: stored there, a constant, or a field of a whole object stored
// above it: from a registration function's parameter (`s_handlers.ctx` + `.url`) or
// a call's result (`g_depot.setup(load())` + `.routes_.url`).
StrVal GlobalValues::valueOf(const std::string& indexed, unsigned depth) const {
  StrVal out;
  const auto addEach = [&](const StrVal& value) {
    for (const StrVal& form : forms(value)) addAlternatives(out, resolveForm(form, depth + 1));
  };
  const std::string key = indexBlind(indexed);
  addStoredValues(indexed, addEach);
  if (const StrVal* c = graph_.constant(key)) addEach(*c);
  for (std::size_t dot = key.size(); dot != std::string::npos && dot > 0; dot = key.rfind('.', dot - 1)) {
    const std::string holder = key.substr(0, dot);
    const std::string below = dot < key.size() ? key.substr(dot + 1) : "";
    auto stores = wholeStores_.find(holder);
    if (stores == wholeStores_.end()) continue;
    for (const WholeStore& store : stores->second)
      if (sameElements(store.key, indexed) && !(store.fieldsOnly && below.empty()))
        addEach(storedField(store.storer, store.whole, below));
    break;
  }
  return out;
}

// The values stored at `indexed`, in an element that may be the one it reads
// (facts/TaintOps.h sameElements); where none is, those stored in its fields (a
// `sockaddr` whose address was written: `inet_pton(..., &g_dst[0].sa.sin_addr)`).
template <typename Fn> void GlobalValues::addStoredValues(const std::string& indexed, Fn&& add) const {
  const std::string key = indexBlind(indexed);
  bool found = false;
  if (auto stored = storedKeys_.find(key); stored != storedKeys_.end())
    for (const std::string& at : stored->second)
      if (sameElements(at, indexed)) add(values_.at(at)), found = true;
  if (found || !namesIndex(indexed)) return;
  const std::string below = key + ".";
  for (auto it = storedKeys_.lower_bound(below);
       it != storedKeys_.end() && it->first.compare(0, below.size(), below) == 0; ++it)
    for (const std::string& at : it->second)
      if (sameElements(at, indexed)) add(values_.at(at));
}

// Field `below` of what `storer` stored: of what each of its call sites passes as
// the stored parameter, or of what the call it stored the result of returns.
StrVal GlobalValues::storedField(FunctionId storer, const StrPiece& whole, const std::string& below) const {
  if (whole.kind == StrPiece::Param)
    return throughCallers(storer, StrVal{{{StrPiece::Param, joinField(whole.text, below), whole.index}}, {}}, 0);
  StrPiece field = whole;
  field.text = joinField(whole.text, below);
  const StrVal value = subst_.resolveStr(storer, StrVal{{field}, {}});
  return value.known() && !hasParam(value) ? value : StrVal{};
}

// `value`, made of `storer`'s parameters, as each call site of `storer` passes them;
// the forms still made of the caller's parameters, as the caller's callers do.
StrVal GlobalValues::throughCallers(FunctionId storer, const StrVal& value, unsigned depth) const {
  StrVal out;
  auto callers = callers_.find(storer);
  if (callers == callers_.end()) return out;
  for (const auto& [caller, site] : callers->second) {
    const StrVal given = subst_.resolveStr(caller, subst_.substituteStr(caller, *site, value));
    std::vector<StrVal> open;
    for (const StrVal& form : given.known() ? forms(given) : std::vector<StrVal>{}) {
      if (hasParam(form)) open.push_back(form);
      else addAlternatives(out, form);
    }
    if (open.empty()) continue;
    if (depth + 1 >= kMaxGlobalDepth) {
      noteLimit(Limit::ResolveDepth);
      continue;
    }
    if (const StrVal above = throughCallers(caller, fromForms(open), depth + 1); above.known())
      addAlternatives(out, above);
  }
  return out;
}

Taint GlobalValues::dataOf(const std::string& key, unsigned depth, const std::set<FunctionId>* storers) const {
  if (!storers)
    if (auto hit = dataMemo_.find(key); hit != dataMemo_.end()) return hit->second;
  Taint out;
  if (depth >= kMaxGlobalDepth) {
    noteLimit(Limit::ResolveDepth);
    return out;
  }
  if (!storers) dataMemo_[key];  // in progress: a global stored from itself adds nothing
  forEachRelated(dataStores_, key, [&](const std::string& stored, const auto& stores) {
    for (const auto& [f, effect] : stores)
      if (!storers || storers->count(f))
        mergeTaint(out, storeData(f, stored, *effect, depth, fieldBelow(stored, key).value_or("")));
  });
  if (!storers) dataMemo_[key] = out;
  return out;
}

// The data one store puts in a global (at `field` below the stored key, where a
// call wrote the object: `init(&g_app)` then `g_app.stats` read), its parameters
// bound through its callers.
Taint GlobalValues::storeData(FunctionId f, const std::string& stored, const EffectFact& effect, unsigned depth,
                              const std::string& field) const {
  const auto key = std::make_pair(&effect, field);
  if (auto hit = storeMemo_.find(key); hit != storeMemo_.end()) return hit->second;
  storeMemo_[key];  // in progress
  const Step step{graph_.function(f).loc,
                  "stored in global `" + globalName(stored) + "` by " + graph_.function(f).name + "()"};
  subst_.startFunction(f);
  Taint value = dataThroughCallers(f, subst_.resolveTaint(f, narrowedToField(effect.value, field)), depth);
  for (Origin& o : value.origins) appendStep(o.path, step);
  Taint out{value.origins, {}, {}};
  storeMemo_[key] = out;
  return out;
}

// `entry` and the functions it calls, two calls deep.
const std::set<FunctionId>& GlobalValues::nearCallees(FunctionId entry) const {
  auto [it, fresh] = nearCallees_.try_emplace(entry);
  if (!fresh) return it->second;
  std::set<FunctionId>& out = it->second;
  std::vector<FunctionId> level{entry};
  out.insert(entry);
  for (int depth = 0; depth < 2; ++depth) {
    std::vector<FunctionId> next;
    for (FunctionId f : level)
      for (const CallSiteFact& c : graph_.function(f).calls)
        for (FunctionId g : graph_.targets(f, c))
          if (out.insert(g).second) next.push_back(g);
    level = std::move(next);
  }
  return out;
}

// The functions whose stores in global `key` may run before a read in `entry`'s
// run (null: all). Only its own file writes a file-local global (a batch a module
// appends to on one thread and flushes from another), so all of those; of a global
// the whole program may write, what the entry's near callees store.
const std::set<FunctionId>* GlobalValues::storersBefore(const std::string& key, FunctionId entry) const {
  return isFileLocalGlobal(key) ? nullptr : &nearCallees(entry);
}

// `t` in `f`'s terms, its parameters bound by every caller of `f` (and theirs), its
// global inputs by what is stored in them: the data it may stand for anywhere.
Taint GlobalValues::dataThroughCallers(FunctionId f, const Taint& t, unsigned depth) const {
  Taint out{t.origins, {}, {}};
  if (depth >= kMaxGlobalDepth) return out;
  for (const ParamRef& p : t.params) {
    if (p.index == kGlobalParam) {
      mergeTaint(out, dataOf(p.field, depth + 1));
      continue;
    }
    const auto key = std::make_tuple(f, p.index, p.field);
    if (auto hit = paramMemo_.find(key); hit != paramMemo_.end()) {
      mergeTaint(out, hit->second);
      continue;
    }
    paramMemo_[key];  // in progress (recursion)
    // A `va_list` input stands for argument p.index and every one after it.
    const bool restArgs = p.field.compare(0, std::strlen(kRestArgsField), kRestArgsField) == 0;
    Taint bound;
    if (auto callers = callers_.find(f); callers != callers_.end())
      for (const auto& [caller, site] : callers->second) {
        if (!restArgs && !relevance_.argumentMayCarry(caller, *site, p.index)) continue;  // most callers of a setter
        subst_.startFunction(caller);
        const Taint atCall = subst_.resolveTaint(
            caller, subst_.substitute(caller, *site, Taint{{}, {ParamRef{p.index, p.field, {}}}, {}}, 0, true));
        mergeTaint(bound, dataThroughCallers(caller, atCall, depth + 1));
      }
    paramMemo_[key] = bound;
    mergeTaint(out, bound);
  }
  return out;
}

// Asked of every sink of every entry: the entry's few near callees' stores are
// looked at, rather than every store of a global many functions write.
bool GlobalValues::givesData(const std::string& key, FunctionId entry) const {
  if (!storersBefore(key, entry)) return !dataOf(key).origins.empty();
  for (FunctionId f : nearCallees(entry))
    for (const EffectFact* e : storesIn_[f])
      if (const std::string stored = indexBlind(e->field);
          relatedFields(stored, key) &&
          !storeData(f, stored, *e, 0, fieldBelow(stored, key).value_or("")).origins.empty())
        return true;
  return false;
}

Taint GlobalValues::resolveGlobalInputs(const Taint& t, FunctionId entry) const {
  Taint out{t.origins, {}, {}};
  for (const ParamRef& p : t.params) {
    if (p.index != kGlobalParam) continue;
    Taint stored = dataOf(p.field, 0, storersBefore(p.field, entry));
    for (Origin& o : stored.origins) extendTrail(o.path, nullptr, p.path);
    mergeTaint(out, stored);
  }
  return out;
}

}  // namespace egress
