#include "link/Relevance.h"

#include <algorithm>
#include <deque>
#include <string_view>
#include <unordered_map>

#include "facts/TaintOps.h"

namespace egress {
namespace {

// A global key's root: the key up to its first '.'. globalMayCarry(key) asks only
// keys sharing it (records holding the global, the global, fields below it).
std::string_view rootOf(std::string_view key) { return key.substr(0, key.find('.')); }

// Calls `read` with the root of every global some value of the function reads (its
// stores, returns, arguments): what it finds may change when that global does.
template <class Read> void forEachGlobalRead(const FunctionFacts& f, Read&& read) {
  const auto inTaint = [&](const Taint& t) {
    for (const ParamRef& p : t.params)
      if (p.index == kGlobalParam) read(rootOf(p.field));
  };
  const auto inArg = [&](const ArgFact& a) {
    inTaint(a.whole);
    for (const auto& [field, t] : a.fields) inTaint(t);
  };
  inTaint(f.ret);
  for (const EffectFact& e : f.effects) inTaint(e.value);
  const GlobalsAtCall* seen = nullptr;  // consecutive call sites often share one map
  for (const CallSiteFact& c : f.calls) {
    if (!seen || !c.globalsIn.sharedWith(*seen))
      for (const auto& [key, t] : c.globalsIn) inTaint(t);
    seen = &c.globalsIn;
    if (c.hasThis) inArg(c.thisArg);
    for (const ArgFact& a : c.args) inArg(a);
  }
}

}  // namespace

Relevance::Relevance(const CallGraph& graph) : graph_(graph) {
  params_.resize(graph.size());
  returns_.assign(graph.size(), false);
  effects_.resize(graph.size());
  anyEffect_.assign(graph.size(), false);
  for (FunctionId f = 0; f < graph.size(); ++f) {
    // One slot per parameter and one for the object; a function held as a value may
    // be called from anywhere with anything.
    params_[f].assign(graph.function(f).paramNames.size() + 1, graph.isAddressTaken(f));
  }
  solve();
  solved_ = true;
}

bool Relevance::inputMayCarry(FunctionId f, unsigned index) const {
  const std::vector<bool>& slots = params_[f];
  if (index == kThisParam) return slots.back();
  return index + 1 < slots.size() ? slots[index] : true;  // variadic or unknown: keep
}

std::string Relevance::inputsKey(FunctionId f) const {
  std::string out;
  for (bool carries : params_[f]) out += carries ? '1' : '0';
  return out;
}

std::vector<bool>::reference Relevance::slot(FunctionId f, unsigned index) {
  std::vector<bool>& slots = params_[f];
  return slots[index == kThisParam ? slots.size() - 1 : std::min<std::size_t>(index, slots.size() - 1)];
}

bool Relevance::mark(FunctionId f, unsigned index) {
  if (slot(f, index)) return false;
  slot(f, index) = true;
  return true;
}

bool Relevance::callCarries(FunctionId f, const CallRef& ref) const {
  if (ref.slot == kAnyCallSlot) {  // a widened range: any result or effect of its sites
    for (const CallSiteFact& c : graph_.function(f).calls) {
      if (c.id < ref.site || c.id > ref.lastSite) continue;
      if (siteCarries(f, c, "")) return true;
      for (FunctionId g : graph_.targets(f, c))
        if (anyEffect_[g]) return true;
    }
    return false;
  }
  const CallSiteFact* c = CallGraph::site(graph_.function(f), ref.site);
  return c && siteCarries(f, *c, ref.slot);
}

bool Relevance::siteCarries(FunctionId f, const CallSiteFact& c, const std::string& slot) const {
  const std::vector<FunctionId>& targets = graph_.targets(f, c);
  // A call of a function the caller hands in (`cb(d, user)`): what it leaves in its
  // arguments is known only where a caller binds it (Substitution::leftByHandedFunctions).
  if (targets.empty() && c.viaParam) return !slot.empty() && slot != kHeldSlot;
  if (targets.empty()) {
    // A function with no body anywhere: its result, and what it leaves in what it
    // was handed, carry its arguments (as the link stage assumes).
    if (slot == kHeldSlot || c.calleeUsr.empty()) return false;
    if (!c.bodyless.origins.empty()) return true;
    // Memoised per pass, and a call whose arguments lead back to itself (`x = f(x)`
    // in a loop) adds nothing by that route: the passes reach the fixpoint anyway.
    const auto key = std::make_pair(f, c.id);  // (slots share it: a superset is fine)
    if (auto known = bodyless_.find(key); known != bodyless_.end()) return known->second;
    bodyless_[key] = false;
    const bool result =
        std::any_of(c.args.begin(), c.args.end(), [&](const ArgFact& a) { return carries(f, a.whole); });
    bodyless_[key] = result;
    return result;
  }
  return std::any_of(targets.begin(), targets.end(), [&](FunctionId g) {
    if (slot.empty()) return bool(returns_[g]);
    auto it = effects_[g].find(effectSlot(slot));
    return it != effects_[g].end() && it->second;
  });
}

// Asked for every global atom of every value pruned: no string is built.
bool Relevance::globalMayCarry(const std::string& key) const {
  // The global itself, a record holding it, or a field below it (if any, the first
  // key from "key." on). below_ is scratch space: one thread reads a Relevance.
  const std::string_view whole(key);
  if (solved_ && !rootsWithData_.count(rootOf(whole))) return false;  // most globals
  for (std::size_t dot = key.find('.'); dot != std::string::npos; dot = key.find('.', dot + 1))
    if (globals_.count(whole.substr(0, dot))) return true;
  if (globals_.count(whole)) return true;
  below_.assign(key).push_back('.');  // kept between calls: no allocation
  auto below = globals_.lower_bound(below_);
  return below != globals_.end() && isSubfield(*below, key);
}

bool Relevance::inputOrGlobalMayCarry(FunctionId f, const ParamRef& p) const {
  return p.index == kGlobalParam ? globalMayCarry(p.field) : inputMayCarry(f, p.index);
}

bool Relevance::carries(FunctionId f, const Taint& t) const {
  if (!t.origins.empty()) return true;
  for (const ParamRef& p : t.params)
    if (inputOrGlobalMayCarry(f, p)) return true;
  return std::any_of(t.calls.begin(), t.calls.end(), [&](const CallRef& r) { return callCarries(f, r); });
}

bool Relevance::carries(FunctionId f, const ArgFact& a) const {
  if (carries(f, a.whole)) return true;
  return std::any_of(a.fields.begin(), a.fields.end(), [&](const auto& kv) { return carries(f, kv.second); });
}

// Flags only turn on, so this ends. A function is looked at again when something it
// reads turned on: its own inputs, what its callees return or leave, a global.
void Relevance::solve() {
  // Who reads globals of each root: a store giving a global data wakes only them.
  std::unordered_map<std::string_view, std::vector<FunctionId>> readers;
  for (FunctionId f = 0; f < graph_.size(); ++f)
    forEachGlobalRead(graph_.function(f), [&](std::string_view root) {
      std::vector<FunctionId>& list = readers[root];
      if (list.empty() || list.back() != f) list.push_back(f);
    });
  std::vector<bool> queued(graph_.size(), true);
  std::deque<FunctionId> work;
  for (FunctionId f = 0; f < graph_.size(); ++f) work.push_back(f);
  const auto wake = [&](FunctionId g) {
    if (!queued[g]) work.push_back(g);
    queued[g] = true;
  };
  while (!work.empty()) {
    const FunctionId f = work.front();
    work.pop_front();
    queued[f] = false;
    const Changes changes = update(f);
    if (changes.output)
      for (FunctionId caller : graph_.dependents(f)) wake(caller);
    for (FunctionId g : changes.inputs) wake(g);
    for (std::string_view key : changes.globals)
      if (auto it = readers.find(rootOf(key)); it != readers.end())
        for (FunctionId g : it->second) wake(g);
  }
  for (const std::string& key : globals_) rootsWithData_.insert(rootOf(key));
}

// What `f` says about others, given what is known now.
Relevance::Changes Relevance::update(FunctionId f) {
  Changes out;
  bodyless_.clear();
  const FunctionFacts& facts = graph_.function(f);
  if (!returns_[f] && carries(f, facts.ret)) out.output = returns_[f] = true;
  for (const EffectFact& e : facts.effects) {
    if (e.target == kGlobalTarget) {
      const std::string key = indexBlind(e.field);  // the data side does not tell elements apart
      if (globals_.count(key) || !carries(f, e.value)) continue;
      // A view onto the set's own copy: `key` is gone after this iteration.
      if (auto [kept, fresh] = globals_.insert(key); fresh) out.globals.push_back(*kept);
      continue;
    }
    bool& slot = effects_[f][slotOf(e.target)];
    if (!slot && carries(f, e.value)) out.output = slot = anyEffect_[f] = true;
  }
  const GlobalsAtCall* seen = nullptr;  // consecutive call sites often share one map
  for (const CallSiteFact& c : facts.calls) {
    if (!seen || !c.globalsIn.sharedWith(*seen))
      for (const auto& [key, t] : c.globalsIn)
        if (!globals_.count(key) && carries(f, t) && globals_.insert(key).second) out.globals.push_back(key);
    seen = &c.globalsIn;
    const std::vector<FunctionId>& targets = graph_.targets(f, c);
    if (targets.empty()) continue;
    // Whether an argument carries is asked only while some target's slot is off.
    const auto markAll = [&](unsigned index, const ArgFact& a) {
      if (std::all_of(targets.begin(), targets.end(), [&](FunctionId g) { return bool(slot(g, index)); })) return;
      if (!carries(f, a)) return;
      for (FunctionId g : targets)
        if (mark(g, index)) out.inputs.push_back(g);
    };
    for (std::size_t i = 0; i < c.args.size(); ++i) markAll(unsigned(i), c.args[i]);
    if (c.hasThis) markAll(kThisParam, c.thisArg);
  }
  return out;
}

bool Relevance::argumentMayCarry(FunctionId f, const CallSiteFact& c, unsigned index) const {
  bodyless_.clear();  // its answers hold for one pass of solve()
  if (index == kThisParam) return c.hasThis && carries(f, c.thisArg);
  return index >= c.args.size() || carries(f, c.args[index]);  // beyond them: unknown, keep
}

Taint Relevance::prune(FunctionId f, Taint t) const {
  t.params.erase(
      std::remove_if(t.params.begin(), t.params.end(), [&](const ParamRef& p) { return !inputOrGlobalMayCarry(f, p); }),
      t.params.end());
  return t;
}

}  // namespace egress
