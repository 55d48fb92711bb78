#include "link/Linker.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "facts/TaintOps.h"

namespace egress {
namespace {

constexpr unsigned kMaxRounds = 30;
// Past this many sinks in one summary, sinks at the same location are merged (their
// call chains differ); a sink at a new location is always kept.
constexpr unsigned kMaxSummarySinks = 400;
constexpr unsigned kMaxResolveDepth = 12;
constexpr std::size_t kMaxCallChain = 16;
constexpr std::size_t kMaxPending = 64;

// A function's summary with call atoms resolved: only origins and parameters remain.
// A call through a function value that is one of the function's inputs: resolved
// where a caller passes a known function (a lambda stored in a field, a callback).
struct PendingCall {
  ParamRef target;
  CallSiteFact site;  // arguments already in this function's terms
  Path chain;         // call sites from this function down to the indirect call
};

struct Resolved {
  Taint ret;
  StrVal retStr;
  // Sinks callers must see: their data or destination still names an input of this
  // function. Capped (with merging) because they are copied into every caller.
  std::vector<SinkFact> sinks;
  // Sinks reached by concrete data here: reported from this function, never copied
  // further, never capped.
  std::vector<SinkFact> reported;
  LimitHits limits;  // budgets the last resolution of this function hit
  std::map<std::string, Taint> effects;  // "arg:N" / "this" -> what the call leaves there
  std::map<std::string, std::map<std::string, StrVal>> effectStrs;  // slot -> field -> value
  std::map<std::string, std::map<std::string, Taint>> effectFields;  // slot -> field -> taint
  std::vector<PendingCall> pending;
};

bool sameSinks(const std::vector<SinkFact>& a, const std::vector<SinkFact>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!sameAtoms(a[i].data, b[i].data) || !sameStr(a[i].destination, b[i].destination)) return false;
  }
  return true;
}

bool sameResolved(const Resolved& a, const Resolved& b) {
  if (!sameAtoms(a.ret, b.ret) || !sameStr(a.retStr, b.retStr) || !sameSinks(a.sinks, b.sinks)) return false;
  if (a.pending.size() != b.pending.size()) return false;
  if (a.effects.size() != b.effects.size() || a.effectFields.size() != b.effectFields.size()) return false;
  for (const auto& [slot, fields] : a.effectFields) {
    auto other = b.effectFields.find(slot);
    if (other == b.effectFields.end() || other->second.size() != fields.size()) return false;
    for (const auto& [field, t] : fields) {
      auto o = other->second.find(field);
      if (o == other->second.end() || !sameAtoms(t, o->second)) return false;
    }
  }
  for (const auto& [slot, fields] : a.effectStrs) {
    auto other = b.effectStrs.find(slot);
    if (other == b.effectStrs.end() || other->second.size() != fields.size()) return false;
    for (const auto& [field, v] : fields) {
      auto o = other->second.find(field);
      if (o == other->second.end() || !sameStr(v, o->second)) return false;
    }
  }
  for (const auto& [k, t] : a.effects) {
    auto it = b.effects.find(k);
    if (it == b.effects.end() || !sameAtoms(t, it->second)) return false;
  }
  return true;
}

std::string joinField(const std::string& a, const std::string& b) {
  if (a.empty()) return b;
  return b.empty() ? a : a + "." + b;
}

bool hasParam(const StrVal& s) {
  return std::any_of(s.pieces.begin(), s.pieces.end(), [](const StrPiece& p) { return p.kind == StrPiece::Param; });
}

std::string sinkKey(const SinkFact& s) {
  std::string key = locString(s.loc) + "|" + s.api;
  for (const Step& st : s.callChain) key += "|" + locString(st.loc);
  return key;
}

// The sink's location alone: where sinks are merged once a summary is full.
std::string sinkSite(const SinkFact& s) { return locString(s.loc) + "|" + s.api; }

bool hasParamAtom(const Taint& t) { return !t.params.empty(); }

// Sorted by key, so the order does not depend on the order of discovery.
void sortSinks(std::vector<SinkFact>& sinks) {
  std::sort(sinks.begin(), sinks.end(), [](const SinkFact& a, const SinkFact& b) { return sinkKey(a) < sinkKey(b); });
}

class Program {
 public:
  explicit Program(const std::vector<TUFacts>& tus) {
    for (const TUFacts& tu : tus) {
      tus_.push_back(&tu);
      for (const FunctionFacts& f : tu.functions)
        if (!f.usr.empty()) functions_.emplace(f.usr, &f);  // first definition wins (inline/header dupes)
      for (const auto& [usr, value] : tu.constantStrings) constants_.emplace(usr, value);
    }
    for (const auto& [usr, f] : functions_) {
      for (const CallSiteFact& c : f->calls)
        if (c.calleeUsr != usr && functions_.count(c.calleeUsr)) called_.insert(c.calleeUsr);
      for (const std::string& base : f->overrides) overriders_[base].push_back(usr);
    }
    buildDependencies();
  }

  // Worklist fixpoint: functions are resolved callees first; when a summary changes,
  // the functions depending on it are resolved again. Recursion converges because
  // summaries only grow and are bounded.
  LinkStats solve() {
    LinkStats stats;
    stats.functions = unsigned(functions_.size());
    const bool debug = std::getenv("EGRESS_DEBUG_LINK") != nullptr;
    std::deque<std::string> work = bottomUpOrder();
    std::set<std::string> queued(work.begin(), work.end());
    const std::size_t budget = std::size_t(kMaxRounds) * std::max<std::size_t>(functions_.size(), 1);
    std::size_t steps = 0;
    while (!work.empty() && steps++ < budget) {
      const std::string usr = work.front();
      work.pop_front();
      queued.erase(usr);
      Resolved next = resolveFunction(*functions_.at(usr));
      auto it = resolved_.find(usr);
      // What callers read may be unchanged while the findings here changed: keep the
      // new resolution either way, wake the dependents only for the former.
      const bool changed = it == resolved_.end() || !sameResolved(it->second, next);
      resolved_[usr] = std::move(next);
      if (!changed) continue;
      if (debug) std::fprintf(stderr, "link: %s changed (%zu sinks)\n", functions_.at(usr)->name.c_str(), resolved_[usr].sinks.size());
      for (const std::string& caller : dependents_[usr])
        if (queued.insert(caller).second) work.push_back(caller);
    }
    stats.rounds = unsigned(steps / std::max<std::size_t>(functions_.size(), 1)) + 1;
    stats.converged = work.empty();
    countLimits(stats);
    return stats;
  }

  // Every budget hit by the functions that were linked and by their resolution.
  void countLimits(LinkStats& stats) const {
    const auto add = [&](const LimitHits& hits, const std::string& where) {
      for (std::size_t i = 0; i < kLimitCount; ++i) {
        if (!hits.counts[i]) continue;
        stats.limits.counts[i] += hits.counts[i];
        std::string& example = stats.examples[i];
        if (example.empty() || where < example) example = where;
      }
    };
    for (const auto& [usr, f] : functions_) add(f->limits, f->name);
    for (const auto& [usr, r] : resolved_) add(r.limits, functions_.at(usr)->name);
    for (const TUFacts* tu : tus_) add(tu->limits, tu->file);
    if (!stats.converged) add([] { LimitHits h; h.add(Limit::LinkBudget); return h; }(), "the whole program");
  }

  // Callees before callers (a post-order of the call graph), so most functions are
  // resolved once.
  std::deque<std::string> bottomUpOrder() const {
    std::deque<std::string> order;
    std::set<std::string> seen;
    std::vector<std::pair<std::string, bool>> stack;
    for (const auto& [root, f] : functions_) {
      stack.push_back({root, false});
      while (!stack.empty()) {
        auto [usr, done] = stack.back();
        stack.pop_back();
        if (done) {
          order.push_back(usr);
          continue;
        }
        if (!seen.insert(usr).second) continue;
        stack.push_back({usr, true});
        auto it = callees_.find(usr);
        if (it == callees_.end()) continue;
        for (const std::string& c : it->second)
          if (!seen.count(c) && functions_.count(c)) stack.push_back({c, false});
      }
    }
    return order;
  }

  // Who must be resolved again when a function's summary changes: its callers, the
  // callers of the methods it overrides, and functions handing it on as a value.
  void buildDependencies() {
    for (const auto& [usr, f] : functions_) {
      for (const CallSiteFact& c : f->calls) {
        std::vector<std::string> targets = c.targets;
        if (!c.calleeUsr.empty()) targets.push_back(c.calleeUsr);
        const auto addFns = [&](const ArgFact& a) {
          targets.insert(targets.end(), a.fns.begin(), a.fns.end());
          for (const auto& [k, fns] : a.fieldFns) targets.insert(targets.end(), fns.begin(), fns.end());
        };
        for (const ArgFact& a : c.args) addFns(a);
        addFns(c.thisArg);
        for (const std::string& t : targets) {
          dependents_[t].insert(usr);
          callees_[usr].insert(t);
        }
      }
    }
    // A call of a virtual method depends on every override: they inherit its dependents.
    for (const auto& [base, overrides] : overriders_) {
      std::vector<std::string> work(overrides.begin(), overrides.end());
      std::set<std::string> seen;
      while (!work.empty()) {
        const std::string o = work.back();
        work.pop_back();
        if (!seen.insert(o).second) continue;
        dependents_[o].insert(dependents_[base].begin(), dependents_[base].end());
        if (auto more = overriders_.find(o); more != overriders_.end()) work.insert(work.end(), more->second.begin(), more->second.end());
      }
    }
  }

  std::vector<Flow> flows() const {
    std::vector<Flow> out;
    for (const auto& [usr, f] : functions_) {
      auto it = resolved_.find(usr);
      if (it == resolved_.end()) continue;
      const bool called = called_.count(usr) > 0;
      for (const SinkFact& s : it->second.reported) {
        if (called && hasParam(s.destination)) continue;  // reported per call site instead
        Flow flow{s.api, s.kind, s.loc, s.data.origins, s.destination, f->paramNames, s.callChain, f->name};
        out.push_back(std::move(flow));
      }
    }
    return out;
  }

 private:
  const CallSiteFact* site(const FunctionFacts& f, unsigned id) const {
    for (const CallSiteFact& c : f.calls)
      if (c.id == id) return &c;
    return nullptr;
  }

  const Resolved* find(const std::string& usr) const {
    auto it = resolved_.find(usr);
    return it == resolved_.end() ? nullptr : &it->second;
  }

  // Every function the call may run: the direct callee, or the known targets.
  std::vector<const Resolved*> callees(const CallSiteFact& c) const {
    std::vector<const Resolved*> out;
    if (const Resolved* r = c.calleeUsr.empty() ? nullptr : find(c.calleeUsr)) out.push_back(r);
    for (const auto& t : c.targets)
      if (const Resolved* r = find(t)) out.push_back(r);
    if (c.isVirtual) {
      // Every override, transitively: the object may be of any derived class.
      std::vector<std::string> work{c.calleeUsr};
      std::set<std::string> seen{c.calleeUsr};
      while (!work.empty()) {
        const std::string base = work.back();
        work.pop_back();
        auto it = overriders_.find(base);
        if (it == overriders_.end()) continue;
        for (const std::string& o : it->second) {
          if (!seen.insert(o).second) continue;
          if (const Resolved* r = find(o)) out.push_back(r);
          work.push_back(o);
        }
      }
    }
    return out;
  }

  // The taint an argument hands to the callee's parameter `p` (narrowed to p.field).
  Taint argTaint(const FunctionFacts& f, const ArgFact& arg, const std::string& field, unsigned depth) const {
    if (field.empty()) return resolveTaint(f, arg.whole, depth);
    Taint out;
    for (const auto& [path, t] : arg.fields) {
      const bool related = path == field || field.compare(0, path.size() + 1, path + ".") == 0 ||
                           path.compare(0, field.size() + 1, field + ".") == 0;
      if (related) mergeTaint(out, resolveTaint(f, t, depth));
    }
    // Symbolic parts of the whole argument travel to every field, and so does what
    // calls on the object left in it (setters, adders: tracked per object, not per field).
    for (const CallRef& ref : arg.whole.calls) mergeTaint(out, effectOnField(f, ref, field, depth));
    Taint whole = resolveTaint(f, arg.whole, depth);
    for (ParamRef p : whole.params) {
      if (!p.field.empty() || field.empty()) continue;
      p.field = field;
      out.params.push_back(std::move(p));
    }
    return out;
  }

  // What the call behind `ref` left in `field` of the object (a setter or constructor
  // storing into that field, or into the whole object).
  Taint effectOnField(const FunctionFacts& f, const CallRef& ref, const std::string& field, unsigned depth) const {
    const auto key = std::make_tuple(&f, ref.site, ref.slot + "#" + field);
    if (auto hit = callMemo_.find(key); hit != callMemo_.end()) return hit->second;
    callMemo_[key];  // in progress
    Taint out;
    const CallSiteFact* c = site(f, ref.site);
    if (!c) return out;
    if (depth > kMaxResolveDepth) {
      noteLimit(Limit::ResolveDepth);
      return out;
    }
    for (const Resolved* r : callees(*c)) {
      auto slot = r->effectFields.find(ref.slot);
      if (slot == r->effectFields.end()) continue;
      for (const auto& [path, t] : slot->second) {
        const bool related = path.empty() || path == field || field.compare(0, path.size() + 1, path + ".") == 0 ||
                             path.compare(0, field.size() + 1, field + ".") == 0;
        if (related) mergeTaint(out, substitute(f, *c, t, depth + 1, false));
      }
    }
    callMemo_[key] = out;
    return out;
  }

  // Replaces the callee's parameter atoms in `t` by what call site `c` passed.
  Taint substitute(const FunctionFacts& caller, const CallSiteFact& c, const Taint& t, unsigned depth,
                   bool paramsOnly) const {
    Taint out;
    if (!paramsOnly) {
      const Step ret{c.loc, "returned by " + c.calleeName + "()"};
      for (const Origin& o : t.origins) mergeTaint(out, Taint{{o}, {}, {}}, &ret);
    }
    for (const ParamRef& p : t.params) {
      const bool self = p.index == kThisParam;
      if (!self && p.index >= c.args.size()) continue;
      const ArgFact& arg = self ? c.thisArg : c.args[p.index];
      if (self && !c.hasThis) continue;
      Taint in = argTaint(caller, arg, p.field, depth + 1);
      const std::string which = self ? "the object" : "argument " + std::to_string(p.index + 1);
      const Step call{c.loc, "passed to " + c.calleeName + "() as " + which + " `" + arg.spelling + "`"};
      const Path inside = p.path.steps();
      for (Origin o : in.origins) {
        appendStep(o.path, call);
        for (const Step& st : inside) appendStep(o.path, st);
        mergeTaint(out, Taint{{o}, {}, {}});
      }
      for (ParamRef q : in.params) {
        appendStep(q.path, call);
        for (const Step& st : inside) appendStep(q.path, st);
        mergeTaint(out, Taint{{}, {q}, {}});
      }
    }
    return out;
  }

  Taint resolveTaint(const FunctionFacts& f, const Taint& t, unsigned depth = 0) const {
    Taint out;
    out.origins = t.origins;
    out.params = t.params;
    if (depth > kMaxResolveDepth) {
      if (!t.calls.empty()) noteLimit(Limit::ResolveDepth);
      return out;
    }
    for (const CallRef& ref : t.calls) {
      Taint got = resolveCall(f, ref, depth);
      const Path after = ref.path.steps();
      for (Origin& o : got.origins)
        for (const Step& st : after) appendStep(o.path, st);
      for (ParamRef& p : got.params)
        for (const Step& st : after) appendStep(p.path, st);
      mergeTaint(out, got);
    }
    return out;
  }

  // What call site `ref.site` of `f` yields (its result, or what it left in an
  // argument). Memoised per function being resolved: call results feed the arguments
  // of later calls, and re-resolving them at every use is exponential.
  Taint resolveCall(const FunctionFacts& f, const CallRef& ref, unsigned depth) const {
    const auto key = std::make_tuple(&f, ref.site, ref.slot);
    if (auto hit = callMemo_.find(key); hit != callMemo_.end()) return hit->second;
    callMemo_[key];  // in progress: a cycle through this call adds nothing
    Taint got;
    if (const CallSiteFact* c = site(f, ref.site)) {
      const auto targets = callees(*c);
      for (const Resolved* r : targets) {
        if (ref.slot.empty()) {
          mergeTaint(got, substitute(f, *c, r->ret, depth, false));
        } else if (auto e = r->effects.find(ref.slot); e != r->effects.end()) {
          mergeTaint(got, substitute(f, *c, e->second, depth, false));
        }
      }
      if (targets.empty() && ref.slot.empty() && !c->calleeUsr.empty()) {
        // No body anywhere in the program: assume the result carries the arguments.
        for (const ArgFact& a : c->args) mergeTaint(got, resolveTaint(f, a.whole, depth + 1));
      }
    }
    callMemo_[key] = got;
    return got;
  }

  StrVal resolveStr(const FunctionFacts& f, const StrVal& s, unsigned depth = 0) const {
    if (!s.alts.empty()) {
      std::vector<StrVal> each;
      for (const StrVal& form : forms(s)) each.push_back(resolveStr(f, form, depth));
      return fromForms(each);
    }
    StrVal out;
    for (const StrPiece& p : s.pieces) {
      StrVal part;
      if (p.kind == StrPiece::Global) {
        auto it = constants_.find(p.text);
        if (it != constants_.end() && depth < kMaxResolveDepth) part = resolveStr(f, it->second, depth + 1);
        else if (it != constants_.end()) noteLimit(Limit::ResolveDepth);
      } else if (p.kind == StrPiece::CallRet) {
        const CallSiteFact* c = site(f, p.index);
        for (const Resolved* r : c ? callees(*c) : std::vector<const Resolved*>{}) {
          if (part.known()) break;
          if (depth >= kMaxResolveDepth) {
            noteLimit(Limit::ResolveDepth);
            break;
          }
          part = resolveStr(f, substituteStr(f, *c, r->retStr), depth + 1);
        }
      } else {
        part.pieces.push_back(p);
      }
      out = out.known() ? concat(out, part) : (part.known() ? part : StrVal{{{StrPiece::Unknown, "", 0}}});
    }
    return out;
  }

  // The value a callee left in field `field` of an object: through the calls on the
  // object recorded in its taint (a constructor or setter storing a host or URL).
  StrVal effectStr(const FunctionFacts& f, const ArgFact& arg, const std::string& field, unsigned depth) const {
    for (const CallRef& ref : arg.whole.calls) {
      const CallSiteFact* c = site(f, ref.site);
      if (!c) continue;
      if (depth > kMaxResolveDepth) {
        noteLimit(Limit::ResolveDepth);
        continue;
      }
      for (const Resolved* r : callees(*c)) {
        auto slot = r->effectStrs.find(ref.slot);
        if (slot == r->effectStrs.end()) continue;
        auto it = slot->second.find(field);
        if (it != slot->second.end()) return resolveStr(f, substituteStr(f, *c, it->second, depth + 1));
      }
    }
    return {};
  }

  StrVal substituteStr(const FunctionFacts& f, const CallSiteFact& c, const StrVal& s, unsigned depth = 0) const {
    if (!s.alts.empty()) {
      std::vector<StrVal> each;
      for (const StrVal& form : forms(s)) each.push_back(substituteStr(f, c, form, depth));
      return fromForms(each);
    }
    StrVal out;
    for (const StrPiece& p : s.pieces) {
      StrVal part;
      const ArgFact* arg = p.kind != StrPiece::Param ? nullptr
                           : p.index == kThisParam     ? (c.hasThis ? &c.thisArg : nullptr)
                           : p.index < c.args.size()   ? &c.args[p.index]
                                                       : nullptr;
      if (arg && p.text.empty()) part = arg->str;
      else if (arg && arg->fieldStrs.count(p.text)) part = arg->fieldStrs.at(p.text);
      else if (arg && (part = effectStr(f, *arg, p.text, depth)).known()) {}
      else if (arg && arg->fromParam) part.pieces.push_back({StrPiece::Param, joinField(arg->root.field, p.text), arg->root.index});
      else if (!arg) part.pieces.push_back(p);
      if (!part.known()) part.pieces.push_back({StrPiece::Unknown, "", 0});
      out = out.known() ? concat(out, part) : part;
    }
    return out;
  }

  // Where a resolved sink goes: reported here when concrete data reaches it, and
  // kept in the summary when callers can still add data or a destination to it.
  struct SinkIndex {
    std::map<std::string, std::size_t> propagating, reported, sites;
  };

  void addSink(Resolved& r, SinkIndex& index, SinkFact s) const {
    const bool reportHere = !s.data.origins.empty();
    const bool forCallers = hasParamAtom(s.data) || hasParam(s.destination);
    if (reportHere) addTo(r.reported, index.reported, nullptr, s);
    if (forCallers) addTo(r.sinks, index.propagating, &index.sites, std::move(s));
  }

  // Adds `s` to `list` or merges it into the entry with the same key. A full summary
  // (`sites` given) merges sinks at the same location whatever their call chain.
  static void addTo(std::vector<SinkFact>& list, std::map<std::string, std::size_t>& index,
                    std::map<std::string, std::size_t>* sites, SinkFact s) {
    std::optional<std::size_t> at;
    if (auto it = index.find(sinkKey(s)); it != index.end()) {
      at = it->second;
    } else if (sites && list.size() >= kMaxSummarySinks) {
      if (auto same = sites->find(sinkSite(s)); same != sites->end()) {
        at = same->second;
        noteLimit(Limit::SummarySinks);
      }
    }
    if (at) {
      SinkFact& known = list[*at];
      mergeTaint(known.data, s.data);
      addAlternatives(known.destination, s.destination);
      return;
    }
    index.emplace(sinkKey(s), list.size());
    if (sites) sites->emplace(sinkSite(s), list.size());
    list.push_back(std::move(s));
  }

  Resolved resolveFunction(const FunctionFacts& f) const {
    callMemo_.clear();  // callee summaries may have changed since the last round
    Resolved r;
    LimitScope limits(r.limits);
    r.ret = resolveTaint(f, f.ret);
    r.retStr = resolveStr(f, f.retStr);
    for (const EffectFact& e : f.effects) {
      const std::string slot = e.target == kThisParam ? "this" : "arg:" + std::to_string(e.target);
      mergeTaint(r.effects[slot], resolveTaint(f, e.value));
      mergeTaint(r.effectFields[slot][e.field], resolveTaint(f, e.value));
      if (e.str.known()) r.effectStrs[slot][e.field] = resolveStr(f, e.str);
    }
    SinkIndex index;
    for (const SinkFact& s : f.sinks) {
      SinkFact local = s;
      local.data = resolveTaint(f, s.data);
      local.destination = resolveStr(f, s.destination);
      addSink(r, index, std::move(local));
    }
    for (const CallSiteFact& c : f.calls) {
      if (c.viaParam) addPending(r, {c.target, inCallerTerms(f, c), {}});
      for (const Resolved* g : callees(c)) {
        instantiate(f, c, *g, r, index);
        for (const PendingCall& p : g->pending) runPending(f, c, p, r, index);
      }
    }
    sortSinks(r.sinks);
    sortSinks(r.reported);
    return r;
  }

  // The callee's sinks, as reached through call site `c` of `f`.
  void instantiate(const FunctionFacts& f, const CallSiteFact& c, const Resolved& g, Resolved& r,
                   SinkIndex& index) const {
      for (const SinkFact& s : g.sinks) {
        // Recursion: a chain through the same call site again adds nothing new.
        const bool again = std::any_of(s.callChain.begin(), s.callChain.end(), [&](const Step& st) {
          return st.loc.line == c.loc.line && st.loc.column == c.loc.column && st.loc.file == c.loc.file;
        });
        if (again) continue;
        if (s.callChain.size() >= kMaxCallChain) {
          noteLimit(Limit::CallChain);
          continue;
        }
        Taint data = substitute(f, c, s.data, 0, true);
        // Data found inside the callee goes where this caller's arguments say: it is
        // this call site's finding too.
        if (hasParam(s.destination)) mergeTaint(data, Taint{s.data.origins, {}, {}});
        if (data.empty()) continue;
        SinkFact inst = s;
        inst.data = std::move(data);
        inst.destination = resolveStr(f, substituteStr(f, c, s.destination));
        inst.callChain.insert(inst.callChain.begin(), Step{c.loc, "calls " + c.calleeName + "()"});
        addSink(r, index, std::move(inst));
      }
  }

  // One pending call per input and indirect call site (however many paths reach it),
  // and a bounded number per function: they travel up through every caller.
  static void addPending(Resolved& r, PendingCall p) {
    const auto same = [&](const PendingCall& q) {
      return q.target.index == p.target.index && q.target.field == p.target.field &&
             locString(q.site.loc) == locString(p.site.loc);
    };
    if (std::any_of(r.pending.begin(), r.pending.end(), same)) return;
    if (r.pending.size() >= kMaxPending) {
      noteLimit(Limit::PendingCalls);
      return;
    }
    r.pending.push_back(std::move(p));
  }

  // Call site `c` with its arguments resolved to this function's origins and parameters.
  CallSiteFact inCallerTerms(const FunctionFacts& f, const CallSiteFact& c) const {
    CallSiteFact out = c;
    const auto resolveArg = [&](ArgFact& a) {
      a.whole = resolveTaint(f, a.whole);
      for (auto& [k, t] : a.fields) t = resolveTaint(f, t);
      a.str = resolveStr(f, a.str);
      for (auto& [k, v] : a.fieldStrs) v = resolveStr(f, v);
    };
    for (ArgFact& a : out.args) resolveArg(a);
    resolveArg(out.thisArg);
    return out;
  }

  // The arguments of a pending call (in the callee's terms) moved into the caller's
  // terms through call site `c`.
  ArgFact throughCall(const FunctionFacts& f, const CallSiteFact& c, const ArgFact& a) const {
    ArgFact out = a;
    out.whole = substitute(f, c, a.whole, 0, true);
    mergeTaint(out.whole, Taint{a.whole.origins, {}, {}});
    for (auto& [k, t] : out.fields) {
      Taint moved = substitute(f, c, t, 0, true);
      mergeTaint(moved, Taint{t.origins, {}, {}});
      t = std::move(moved);
    }
    out.str = resolveStr(f, substituteStr(f, c, a.str));
    return out;
  }

  // A callee's call through one of its inputs, now that call site `c` says what it holds.
  void runPending(const FunctionFacts& f, const CallSiteFact& c, const PendingCall& p, Resolved& r,
                  SinkIndex& index) const {
    const bool self = p.target.index == kThisParam;
    if (!self && p.target.index >= c.args.size()) return;
    if (self && !c.hasThis) return;
    const ArgFact& holder = self ? c.thisArg : c.args[p.target.index];
    const std::vector<std::string>& fns =
        p.target.field.empty() ? holder.fns : (holder.fieldFns.count(p.target.field) ? holder.fieldFns.at(p.target.field) : holder.fns);
    CallSiteFact site = p.site;
    site.calleeUsr.clear();
    site.targets = fns;
    for (ArgFact& a : site.args) a = throughCall(f, c, a);
    // The closure's captures are the holder's fields below the target field.
    site.thisArg = ArgFact{};
    site.hasThis = true;
    const std::string prefix = p.target.field.empty() ? "" : p.target.field + ".";
    for (const auto& [k, t] : holder.fields)
      if (k.compare(0, prefix.size(), prefix) == 0 && k.size() > prefix.size()) site.thisArg.fields[k.substr(prefix.size())] = t;
    for (const auto& [k, v] : holder.fieldStrs)
      if (k.compare(0, prefix.size(), prefix) == 0 && k.size() > prefix.size()) site.thisArg.fieldStrs[k.substr(prefix.size())] = v;
    Path chain = p.chain;
    chain.insert(chain.begin(), Step{c.loc, "calls " + c.calleeName + "()"});
    if (holder.fromParam && fns.empty()) {
      addPending(r, {ParamRef{holder.root.index, joinField(holder.root.field, p.target.field), {}}, site, chain});
      return;
    }
    for (const Resolved* t : callees(site)) {
      Resolved tmp;
      SinkIndex local;
      instantiate(f, site, *t, tmp, local);
      for (std::vector<SinkFact>* list : {&tmp.sinks, &tmp.reported})
        for (SinkFact& s : *list) s.callChain.insert(s.callChain.begin(), chain.begin(), chain.end());
      for (SinkFact& s : tmp.reported) addTo(r.reported, index.reported, nullptr, std::move(s));
      for (SinkFact& s : tmp.sinks) addTo(r.sinks, index.propagating, &index.sites, std::move(s));
    }
  }

  std::vector<const TUFacts*> tus_;
  std::map<std::string, const FunctionFacts*> functions_;
  std::map<std::string, StrVal> constants_;
  std::map<std::string, Resolved> resolved_;
  std::set<std::string> called_;  // functions some other function calls
  mutable std::map<std::tuple<const FunctionFacts*, unsigned, std::string>, Taint> callMemo_;
  std::map<std::string, std::set<std::string>> dependents_;  // function -> who reads its summary
  std::map<std::string, std::set<std::string>> callees_;     // function -> what it calls
  std::map<std::string, std::vector<std::string>> overriders_;  // virtual method -> direct overrides
};

}  // namespace

std::vector<Flow> link(const std::vector<TUFacts>& tus, LinkStats* stats) {
  Program program(tus);
  const LinkStats s = program.solve();  // a fixpoint not reached is a limit in the coverage
  if (stats) *stats = s;
  return program.flows();
}

}  // namespace egress
