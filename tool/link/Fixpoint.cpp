#include "link/Fixpoint.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "facts/TaintOps.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

namespace egress {
namespace {

// A map's element read or stored under a key not known (`routes_.second`, from
// `routes_.at(name)` or `routes_[name] = fn`) is any element stored or read under a
// constant key (`routes_.[plan_legs]`), and the other way round.
bool sameElement(llvm::StringRef a, llvm::StringRef b) {
  if (!a.contains('[') && !b.contains('[')) return false;  // the common case, cheaply
  llvm::SmallVector<llvm::StringRef, 4> as, bs;
  a.split(as, '.');
  b.split(bs, '.');
  if (as.size() != bs.size()) return false;
  bool element = false;
  for (std::size_t i = 0; i < as.size(); ++i) {
    if (as[i] == bs[i]) continue;
    const bool pair = (as[i] == "second" && bs[i].starts_with("[")) || (bs[i] == "second" && as[i].starts_with("["));
    if (!pair) return false;
    element = true;
  }
  return element;
}

// The functions an object holds at `field`. Access paths are cut at the depth
// bound, and a cut one stands for everything below it: a holder's functions at a
// prefix of `field` (its path cut there) and, where `field` itself was cut, those
// below it count too; so do a map's elements matching it (sameElement).
std::vector<std::string> heldAt(const std::map<std::string, std::vector<std::string>>& byField,
                                const std::string& field) {
  std::vector<std::string> out;
  if (auto exact = byField.find(field); exact != byField.end()) out = exact->second;
  const bool cut = std::count(field.begin(), field.end(), '.') + 1 >= kMaxFieldDepth;
  for (const auto& [key, fns] : byField)
    if (key != field && (isSubfield(field, key) || (cut && isSubfield(key, field)) || sameElement(key, field)))
      addOnce(out, fns);
  return out;
}

// The first of each step only (a field looked up once per form of a destination).
void dropRepeatedSteps(Path& steps) {
  std::set<std::tuple<std::string, unsigned, unsigned, std::string>> seen;
  llvm::erase_if(
      steps, [&](const Step& st) { return !seen.emplace(st.loc.file, st.loc.line, st.loc.column, st.note).second; });
}

bool sameCallSite(const Step& st, const CallSiteFact& c) {
  return st.loc.line == c.loc.line && st.loc.column == c.loc.column && st.loc.file == c.loc.file;
}

// Within one component: the members whose resolutions read a member further (its
// call sites' targets, through an object it returns or holds), the member itself
// included (its last summary, read back through another member). Its summary may
// change while theirs, and their callees', stay the same, so they are queued again
// like its callers.
class FurtherReaders {
 public:
  FurtherReaders(const CallGraph& graph, const std::vector<FunctionId>& members) {
    if (members.size() < 2) return;  // reads of itself then go through itself: a recursive call
    for (std::size_t k = 0; k < members.size(); ++k) position_.emplace(graph.usrHash(members[k]), k);
  }

  void note(std::size_t reader, const std::vector<uint64_t>& reads) {
    for (uint64_t h : reads) {
      const auto read = position_.find(h);
      if (read == position_.end()) continue;
      if (noted_.insert(uint64_t(read->second) << 32 | reader).second) readers_[read->second].push_back(reader);
    }
  }

  const std::vector<std::size_t>& of(std::size_t member) const {
    static const std::vector<std::size_t> none;
    const auto it = readers_.find(member);
    return it == readers_.end() ? none : it->second;
  }

 private:
  std::unordered_map<uint64_t, std::size_t> position_;  // USR hash -> place in the component
  std::unordered_set<uint64_t> noted_;                  // read << 32 | reader
  std::unordered_map<std::size_t, std::vector<std::size_t>> readers_;
};

}  // namespace

Fixpoint::Fixpoint(const CallGraph& graph, const Relevance& relevance)
    : graph_(graph), relevance_(relevance), summaries_(graph.size()), subst_(graph, summaries_), classes_(graph),
      furtherReads_(graph.size()) {}

std::size_t Fixpoint::budget() const { return std::size_t(kMaxRounds) * std::max<std::size_t>(graph_.size(), 1); }

std::size_t Fixpoint::budgetOf(const std::vector<FunctionId>& members) {
  return std::size_t(kMaxRounds) * members.size();
}

FixpointStats Fixpoint::solve() {
  FixpointStats stats;
  stats.seconds.assign(graph_.size(), 0.0);
  stats.times.assign(graph_.size(), 0);
  const ComponentIndex index(graph_.size(), graph_.components(graph_.bottomUpOrder()));
  std::size_t allowed = 0;
  for (const std::vector<FunctionId>& members : index.components) {
    allowed += budgetOf(members);
    if (settle(members, index, allowed, stats)) continue;
    stats.converged = false;
    stats.unsettled.emplace_back(members.front(), members.size());
  }
  return stats;
}

Fixpoint::ComponentIndex::ComponentIndex(std::size_t functions, std::vector<std::vector<FunctionId>> all)
    : components(std::move(all)), component(functions), position(functions) {
  for (std::size_t i = 0; i < components.size(); ++i)
    for (std::size_t k = 0; k < components[i].size(); ++k)
      component[components[i][k]] = i, position[components[i][k]] = k;
}

// Sweeps over the members in order, each resolving those queued; a changed summary
// queues the members reading it (as a callee, or further), for this sweep if they
// come later, else the next.
// Sweeps rather than "the lowest queued first": where many members read each other
// (overrides of one virtual method calling it on their children), lowest-first redoes
// the first members after every change of a later one.
bool Fixpoint::settle(const std::vector<FunctionId>& members, const ComponentIndex& index, std::size_t budget,
                      FixpointStats& stats) {
  const bool debug = std::getenv("EGRESS_DEBUG_LINK") != nullptr;
  const std::size_t self = index.component[members.front()];
  settling_ = {&index, self};
  const auto settled = llvm::make_scope_exit([this] { settling_ = {nullptr, 0}; });
  std::vector<bool> queued(members.size(), true);
  std::size_t left = members.size();
  auto queue = [&](std::size_t k) {
    if (!queued[k]) queued[k] = true, ++left;
  };
  FurtherReaders further(graph_, members);
  while (left > 0) {
    for (std::size_t k = 0; k < members.size(); ++k) {
      if (!queued[k]) continue;
      if (stats.resolutions >= budget) return false;
      queued[k] = false;
      --left;
      const FunctionId f = members[k];
      std::vector<uint64_t> reads;
      const bool changed = resolveAndReplace(f, stats, reads);
      further.note(k, reads);
      if (!changed) continue;
      if (debug)
        std::fprintf(stderr, "link: %s changed (%zu sinks)\n", graph_.function(f).name.c_str(),
                     std::size_t(summaries_.shape(f).sinks));
      for (FunctionId caller : graph_.dependents(f))
        if (index.component[caller] == self) queue(index.position[caller]);
      for (std::size_t reader : further.of(k)) queue(reader);
    }
  }
  return true;
}

// What callers read may be unchanged while the findings here changed: the new summary
// is kept either way; true for the former. `reads`: what the resolution read further.
bool Fixpoint::resolveAndReplace(FunctionId f, FixpointStats& stats, std::vector<uint64_t>& reads) {
  ++stats.resolutions;
  ++stats.relinked;
  ++stats.times[f];
  const auto started = std::chrono::steady_clock::now();
  Summary next = resolveFunction(f);
  stats.seconds[f] += std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  reads = subst_.takeFurtherReads();
  noteFurtherReads(f, reads);
  const Summary* before = summaries_.get(f);
  if (before && stats.times[f] > kWidenAfter) widenChangingStrings(next, *before);
  const bool changed = !before || !sameForCallers(*before, next);
  summaries_.set(f, std::move(next));
  subst_.summaryReplaced(f);
  return changed;
}

// Every resolution's reads count: an earlier one's result steers the later ones. Its
// own summary is not among them: a change of it re-resolves the function anyway.
void Fixpoint::noteFurtherReads(FunctionId f, const std::vector<uint64_t>& read) {
  if (read.empty()) return;
  std::vector<uint64_t>& into = furtherReads_[f];
  const uint64_t self = graph_.usrHash(f);
  std::copy_if(read.begin(), read.end(), std::back_inserter(into), [&](uint64_t h) { return h != self; });
  std::sort(into.begin(), into.end());
  into.erase(std::unique(into.begin(), into.end()), into.end());
}

std::optional<FixpointStats> Fixpoint::resume(LinkState& before, const InputKeys& keys,
                                              const std::vector<std::vector<FunctionId>>& components) {
  if (keys.functions.empty() || before.programKey != keys.program) return std::nullopt;
  FixpointStats stats;
  stats.seconds.assign(graph_.size(), 0.0);
  stats.times.assign(graph_.size(), 0);
  const ComponentIndex index(graph_.size(), components);
  // A callee's summary is read by its callers; a function some resolution read
  // further (furtherReads) also has its facts read, so an edit of them counts too.
  // A function removed since counts as changed; a name that had no body then and
  // has one now is a new function, resolved (and so counted) before its readers.
  std::unordered_set<uint64_t> readFurther, changedFurther;
  for (const auto& [usr, stored] : before.functions) {
    readFurther.insert(stored.furtherReads.begin(), stored.furtherReads.end());
    if (!graph_.find(usr)) changedFurther.insert(CallGraph::usrHash(usr));
  }
  std::vector<bool> changed(graph_.size(), false), compared(graph_.size(), false);
  for (FunctionId g = 0; g < graph_.size(); ++g) {
    compared[g] = compared[g] || readFurther.count(graph_.usrHash(g));
    for (FunctionId callee : graph_.callees(g))
      if (index.component[callee] != index.component[g]) compared[callee] = true;
  }
  const auto readsChanged = [&](const StoredFunction& s) {
    return std::any_of(s.furtherReads.begin(), s.furtherReads.end(),
                       [&](uint64_t h) { return changedFurther.count(h); });
  };
  std::size_t allowed = 0;  // as in solve(), so that a resumed link settles as a full one would
  for (std::size_t i = 0; i < components.size(); ++i) {
    const std::vector<FunctionId>& members = components[i];
    allowed += budgetOf(members);
    std::vector<StoredFunction*> stored;
    std::vector<bool> edited;
    bool dirty = false;
    for (FunctionId m : members) {
      const auto it = before.functions.find(graph_.function(m).usr);
      stored.push_back(it == before.functions.end() ? nullptr : &it->second);
      edited.push_back(!stored.back() || stored.back()->key != keys.functions[m] ||
                       stored.back()->componentKey != keys.components[m]);
      dirty |= edited.back() || readsChanged(*stored.back());
      for (FunctionId callee : graph_.callees(m)) dirty |= index.component[callee] != i && changed[callee];
    }
    if (!dirty) {  // read back, decoded where something reads it
      for (std::size_t k = 0; k < members.size(); ++k) {
        summaries_.setEncoded(members[k], std::move(stored[k]->summary), stored[k]->shape);
        subst_.summaryReplaced(members[k]);
        furtherReads_[members[k]] = std::move(stored[k]->furtherReads);
        stats.times[members[k]] = stored[k]->times;
        stats.resolutions += stored[k]->times;
      }
      continue;
    }
    if (!settle(members, index, allowed, stats)) return std::nullopt;
    // Only those read from outside the component are compared; encoding the others
    // waits for the state.
    for (std::size_t k = 0; k < members.size(); ++k) {
      const FunctionId m = members[k];
      changed[m] = compared[m] && (!stored[k] || stored[k]->summary != summaries_.encoded(m));
      if (changed[m] || edited[k]) changedFurther.insert(graph_.usrHash(m));
    }
  }
  if (stats.resolutions > budget()) return std::nullopt;  // a full link would not have converged
  return stats;
}

Fixpoint::StateDraft Fixpoint::draftState(const InputKeys& keys, const FixpointStats& stats) const {
  StateDraft out;
  if (keys.functions.empty() || !stats.converged) return out;
  out.programKey = keys.program;
  out.entries.reserve(graph_.size());
  for (FunctionId f = 0; f < graph_.size(); ++f) {
    if (!summaries_.has(f)) continue;
    const std::string* kept = summaries_.keptEncoding(f);
    out.entries.push_back(
        {&graph_.function(f).usr,
         StoredFunction{
             keys.functions[f], keys.components[f], stats.times[f], {}, summaries_.shape(f), furtherReads_[f]},
         kept, kept ? nullptr : summaries_.get(f)});
  }
  return out;
}

void Fixpoint::StateDraft::write(LinkStateWriter& out) const {
  StoredFunction one;
  for (const Entry& e : entries) {
    one = e.stored;
    one.summary = e.encoded ? *e.encoded : encodeSummary(*e.summary);
    out.add(*e.usr, one);
  }
}

LinkState Fixpoint::takeState(const InputKeys& keys, const FixpointStats& stats) const {
  LinkState out;
  const StateDraft draft = draftState(keys, stats);
  out.programKey = draft.programKey;
  for (const StateDraft::Entry& e : draft.entries) {
    StoredFunction& one = out.functions[*e.usr] = e.stored;
    one.summary = e.encoded ? *e.encoded : encodeSummary(*e.summary);
  }
  return out;
}

Summary Fixpoint::resolveFunction(FunctionId f) {
  const FunctionFacts& facts = graph_.function(f);
  subst_.startFunction(f);
  Summary r;
  r.function = f;
  LimitScope limits(r.limits);
  // Parameters no caller binds to data are dropped: they can never become findings.
  const auto resolved = [&](const Taint& t) { return relevance_.prune(f, subst_.resolveTaint(f, t)); };
  r.ret = resolved(facts.ret);
  for (const ParamRef& p : facts.ret.params) r.retHolder.params.push_back({p.index, p.field, {}});
  for (const CallRef& c : facts.ret.calls) r.retHolder.calls.push_back({c.site, c.slot, {}, c.lastSite, c.field});
  r.retStr = subst_.resolveStr(f, facts.retStr);
  returnedFields(f, r);
  std::map<std::string, std::map<std::string, StrVal>> leftByCalls;
  for (const auto& [field, str] : facts.retFieldStrs) {
    r.effectStrs[""][field] = subst_.resolveStr(f, str);
    stringsLeftByCall(f, str, field, leftByCalls[""]);
  }
  for (const EffectFact& e : facts.effects) {
    if (e.target == kGlobalTarget) continue;  // link/Globals.cpp
    const std::string slot = slotOf(e.target);
    const Taint value = resolved(e.value);
    mergeTaint(r.effects[slot], value);
    // An input handed to a call that writes into it (a base or delegated
    // constructor, `init(&a->link)`): what that call left in each field stays in
    // that field (bounded; else whole).
    if (calledOnObject(e.value) && fieldsLeftByCalls(f, e.value, e.field, r.effectFields[slot])) {
      Taint own = e.value;
      own.calls.erase(
          std::remove_if(own.calls.begin(), own.calls.end(), [](const CallRef& c) { return !c.slot.empty(); }),
          own.calls.end());
      mergeTaint(r.effectFields[slot][e.field], resolved(own));
    } else {
      mergeTaint(r.effectFields[slot][e.field], value);
    }
    if (e.str.known())
      if (auto left = storedStr(f, e); left) r.effectStrs[slot][e.field] = std::move(*left);
    stringsLeftByCall(f, e.str, e.field, leftByCalls[slot]);
    if (!e.fns.empty()) addOnce(r.effectFns[slot][e.field], e.fns);
    // Only members hold objects: a whole out-parameter (`*out = x`) is a value.
    if (!e.field.empty() && (!e.value.params.empty() || !e.value.calls.empty())) {
      Taint& held = r.effectHolders[slot][e.field];
      for (const ParamRef& p : e.value.params) held.params.push_back({p.index, p.field, {}});
      for (const CallRef& c : e.value.calls) held.calls.push_back({c.site, c.slot, {}, c.lastSite, c.field});
    }
  }
  // The function's own stores come first.
  for (auto& [slot, fields] : leftByCalls)
    for (auto& [field, value] : fields) r.effectStrs[slot].emplace(field, std::move(value));
  SinkCollector sinks(r);
  for (const SinkFact& s : facts.sinks) {
    SinkFact local = s;
    local.data = resolved(s.data);
    local.destination = subst_.resolveStr(f, s.destination);
    // A stream a factory returned that is no file stream (Substitution::returnedTypeMatches).
    if (hasReturnTypeCondition(s.destination)) {
      if (!subst_.returnTypeConditionsHold(f, s.destination)) continue;
      if (StrVal kept = local.destination; dropAbsent(kept)) local.destination = std::move(kept);
    }
    sinks.add(std::move(local));
  }
  // The function's own calls through its inputs first: a route that hands the same
  // call on adds its arguments to these, so the function's own values come first
  // and stay when a string's alternatives are full.
  for (const CallSiteFact& c : facts.calls)
    if (c.viaParam) addPending(r, {c.target, inCallerTerms(f, c), {}});
  for (const CallSiteFact& site : facts.calls) {
    // A signal's handlers run on their own objects, not the sender (CallGraph::targets).
    std::optional<CallSiteFact> withoutObject;
    if (!graph_.connectedHandlers(site).empty()) {
      withoutObject = site;
      withoutObject->hasThis = true;
      withoutObject->thisArg = handlersObject(site);
    }
    const CallSiteFact& c = withoutObject ? *withoutObject : site;
    const std::vector<const Summary*> callees = subst_.callees(f, c);
    for (const Summary* g : callees) {
      instantiate(f, c, *g, sinks);
      for (const PendingCall& p : g->pending) runPending(f, c, p, r, sinks);
    }
    bindHandedOn(f, c, callees, r, sinks);
    runStoredHandlers(f, c, sinks);
    runFieldFunctions(f, c, sinks);
    forwardStoredFns(c, callees, r);
  }
  sinks.finish();
  boundFieldInputs(r);
  return r;
}

// The object the function returns, field by field (slot "" of effectFields): what
// it stored in the fields of the local it returns, and what the calls it made on
// that local, or the call whose result it returns, left in each field.
void Fixpoint::returnedFields(FunctionId f, Summary& r) {
  const FunctionFacts& facts = graph_.function(f);
  if (facts.retFields.empty() && !calledOnObject(facts.ret)) return;
  std::map<std::string, Taint> fields;
  for (const auto& [field, t] : facts.retFields)
    if (Taint got = relevance_.prune(f, subst_.resolveTaint(f, t)); !got.empty()) mergeTaint(fields[field], got);
  if (!fieldsLeftByCalls(f, facts.ret, "", fields) && !r.ret.empty()) mergeTaint(fields[""], r.ret);
  if (!fields.empty()) r.effectFields[""] = std::move(fields);
}

// Some call atom of `t` stands for what a call left in an object it was handed.
bool Fixpoint::calledOnObject(const Taint& t) {
  return std::any_of(t.calls.begin(), t.calls.end(),
                     [](const CallRef& c) { return !c.slot.empty() && c.slot != kAnyCallSlot; });
}

// For each call atom of `t` (in `f`'s terms) standing for an object a call was
// handed, what that call left in each field of it, put into `into` by field. False
// (nothing added) past kMaxFieldsApart fields or call atoms: the caller keeps the
// object whole then, which is sound and keeps summaries small on large programs.
bool Fixpoint::fieldsLeftByCalls(FunctionId f, const Taint& t, const std::string& at,
                                 std::map<std::string, Taint>& into) {
  constexpr std::size_t kMaxFieldsApart = 32;
  const FunctionFacts& facts = graph_.function(f);
  struct Part {
    const CallSiteFact* site;
    const std::map<std::string, Taint>* left;
    const std::string* below;  // the part of the handed object that is this one (`s` of a closure)
  };
  std::vector<Part> parts;
  std::size_t fields = 0;
  for (const CallRef& ref : t.calls) {
    if (ref.slot == kAnyCallSlot || ref.slot == kHeldSlot) return false;  // calls merged: no fields apart
    const CallSiteFact* c = ref.slot.empty() || ref.slot == kAnyCallSlot ? nullptr : CallGraph::site(facts, ref.site);
    if (!c) continue;
    if (callsOwnComponent(f, *c)) return false;  // recursive: its fields would not settle
    for (const Summary* g : subst_.dataOf(f, *c)) {
      const auto left = g->effectFields.find(effectSlot(ref.slot));
      if (left == g->effectFields.end()) continue;
      parts.push_back({c, &left->second, &ref.field});
      fields += left->second.size();
    }
  }
  if (fields > kMaxFieldsApart || parts.size() > kMaxFieldsApart) return false;
  for (const auto& [c, left, below] : parts)
    for (const auto& [written, value] : *left) {
      // A part of the handed object (a closure's captured `s`): what the call left
      // at that part, or in it, and nothing beside it.
      const std::optional<std::string> field =
          *below == written ? std::optional<std::string>("") : fieldBelow(*below, written);
      if (!field) continue;
      Taint got = relevance_.prune(f, subst_.substitute(f, *c, value, 1, false));
      // Cut to the depth bound: a recursive cluster would otherwise nest deeper each round.
      if (!got.empty()) mergeTaint(into[joinFieldBounded(at, *field)], got);  // empty fields cost every reader a lookup
    }
  return true;
}

// The string effect `e` leaves, resolved; none where it only keeps the input's own
// value (what a call may have written, else what was there).
std::optional<StrVal> Fixpoint::storedStr(FunctionId f, const EffectFact& e) {
  const StrVal value = subst_.resolveStr(f, e.str);
  std::vector<StrVal> changed;
  for (const StrVal& form : forms(value)) {
    const StrPiece* own = onlyPiece(form, StrPiece::Param);
    if (!own || own->index != e.target || own->text != e.field) changed.push_back(form);
  }
  if (value.known() && changed.empty()) return std::nullopt;
  return fromForms(changed);
}

// An input handed to calls that write into it (`config_defaults(cfg)`): the strings
// each call left in each field of it stay in that field (bounded); where several
// did, the latest call's (its form comes first).
void Fixpoint::stringsLeftByCall(FunctionId f, const StrVal& str, const std::string& at,
                                 std::map<std::string, StrVal>& into) {
  for (const StrVal& form : forms(str)) {
    const StrPiece* written = onlyPiece(form, StrPiece::CallOut);
    if (!written || written->text.find('.') != std::string::npos) continue;
    const CallSiteFact* c = CallGraph::site(graph_.function(f), written->index);
    if (!c || callsOwnComponent(f, *c)) continue;  // recursive: its fields would not settle
    for (const Summary* g : subst_.dataOf(f, *c)) {
      if (const auto left = g->effectStrs.find(written->text); left != g->effectStrs.end())
        addFieldsLeft(f, left->second, at, [&](const StrVal& v) { return subst_.substituteStr(f, *c, v); }, into);
      if (!g->pending.empty()) fieldsLeftByHandedRuns(f, *c, *g, written->text, at, into);
    }
  }
}

// The fields the functions call site `c` hands callee `g` set in the callee's input
// `slot` where it runs them on it (`ini_parse(path, on_ini, cfg)` running
// `handler(user, section, name, value)`), as the call's own.
void Fixpoint::fieldsLeftByHandedRuns(FunctionId f, const CallSiteFact& c, const Summary& g, const std::string& slot,
                                      const std::string& at, std::map<std::string, StrVal>& into) {
  subst_.forHandedRuns(c, g, slot, [&](const Summary& run, const CallSiteFact& site, const std::string& runSlot) {
    const auto left = run.effectStrs.find(runSlot);
    if (left == run.effectStrs.end()) return;
    const auto inCaller = [&](const StrVal& v) {
      return subst_.substituteStr(f, c, subst_.substituteStr(g.function, site, v));
    };
    addFieldsLeft(f, left->second, at, inCaller, into);
  });
}

// The strings a call left in the fields of an input (bounded; a whole value is the
// call piece's to answer), put into `f`'s terms by `inCaller`, below `at`; a field
// already set by a later call keeps that call's.
void Fixpoint::addFieldsLeft(FunctionId f, const std::map<std::string, StrVal>& left, const std::string& at,
                             const std::function<StrVal(const StrVal&)>& inCaller,
                             std::map<std::string, StrVal>& into) {
  constexpr std::size_t kMaxFieldsApart = 32;
  if (left.size() > kMaxFieldsApart) return;
  for (const auto& [field, value] : left) {
    if (field.empty() || into.count(joinFieldBounded(at, field))) continue;
    StrVal got = subst_.resolveStr(f, inCaller(value));
    if (got.known()) into.emplace(joinFieldBounded(at, field), std::move(got));
  }
}

// Whether call site `c` of `f` may run a member of the component being settled
// (`f`'s own): a recursive call (a filter's `chain->Read(buf)`).
bool Fixpoint::callsOwnComponent(FunctionId f, const CallSiteFact& c) const {
  const auto [index, component] = settling_;
  if (!index) return false;
  const std::vector<FunctionId>& targets = graph_.targets(f, c);
  return std::any_of(targets.begin(), targets.end(), [&](FunctionId g) { return index->component[g] == component; });
}

// The object a signal's handlers run on: which one the call does not know, but the
// fields their classes' own methods always set to known values are those values.
ArgFact Fixpoint::handlersObject(const CallSiteFact& c) const {
  ArgFact object;
  for (const std::string& usr : graph_.connectedHandlers(c)) {
    const std::string owner = classOfMethod(usr);
    if (owner.empty()) continue;
    for (const auto& [field, value] : classes_.knownFields(owner)) {
      auto [held, fresh] = object.fieldStrs.try_emplace(field, value);
      if (!fresh) addAlternatives(held->second, value);
    }
  }
  return object;
}

// The callee's sinks for callers, as reached through call site `c` of `f`.
void Fixpoint::instantiate(FunctionId f, const CallSiteFact& c, const Summary& callee, SinkCollector& out) {
  // A field of an object the call cannot trace: what its class always stores there,
  // with the steps that show it.
  const std::string owner = classOfMethod(graph_.function(callee.function).usr);
  Path fromClass;
  Substitution::FieldFallback ofClass;
  if (!owner.empty())
    ofClass = [&](unsigned index, const std::string& field) {
      return index == kThisParam ? classes_.fieldOfAny(owner, field, fromClass) : std::nullopt;
    };
  // A field of a parameter's record no caller says (a driver's opaque handle,
  // `ro->c` of `redis_emit(void *h, ...)`): what the program stores in that field.
  const Substitution::FieldFallback ofRecord = [&](unsigned index, const std::string& field) {
    return index == kThisParam ? std::nullopt : records_.paramField(callee.function, index, field, fromClass);
  };
  for (const SinkFact& s : callee.sinks) {
    // Recursion: a chain through the same call site again adds nothing new.
    if (std::any_of(s.callChain.begin(), s.callChain.end(), [&](const Step& st) { return sameCallSite(st, c); }))
      continue;
    if (s.callChain.size() >= kMaxCallChain) {
      noteLimit(Limit::CallChain);
      continue;
    }
    std::vector<Guard> guards;
    if (!guardsAtCall(graph_, c, s.guards, guards)) continue;  // a constant argument fails a condition on the way
    Taint data = relevance_.prune(f, subst_.substitute(f, c, s.data, 0, true));
    // Data found inside the callee goes where this caller's arguments say: it is this
    // call site's finding too.
    if (hasParam(s.destination)) mergeTaint(data, Taint{originsAtCall(graph_, c, s.data.origins), {}, {}});
    if (data.empty()) continue;
    SinkFact inst = s;
    inst.data = std::move(data);
    fromClass.clear();
    inst.destination = subst_.destinationAtCall(f, c, s.destination, ofClass, ofRecord);
    if (!dropAbsent(inst.destination)) continue;  // this override does not run for that object
    dropRepeatedSteps(fromClass);
    inst.callChain.insert(inst.callChain.begin(), fromClass.begin(), fromClass.end());
    inst.callChain.insert(inst.callChain.begin(), Step{c.loc, "calls " + c.calleeName + "()"});
    inst.guards = std::move(guards);
    out.add(std::move(inst));
  }
}

namespace {

// Call site `c` seen as running function value `usr` (with `params` parameters)
// held by argument `holder`: the holder is its object, its own arguments unknown
// but for a context handed on beside it (`loop_add(l, fn, &ctx)`).
CallSiteFact runAtHandOn(const CallSiteFact& c, const ArgFact& holder, const std::string& usr, std::size_t params) {
  CallSiteFact site;
  site.id = c.id;
  site.loc = c.loc;
  site.calleeName = c.calleeName;
  site.args.resize(params);
  if (holder.contextParam && holder.contextArg && *holder.contextParam < params)
    if (const ArgFact* context = c.argument(*holder.contextArg)) site.args[*holder.contextParam] = *context;
  site.hasThis = true;
  site.thisArg = holder;
  site.targets = {usr};
  return site;
}

}  // namespace

// A function value handed on at call site `c` that no call site of the program runs
// (a handler the callee keeps, to be called later through a std::function): the
// sinks reading what it captured are instantiated here, where the captures are
// known, as if it ran here with its own parameters unknown. Where the callee runs
// it through its parameter, runPending does this instead.
void Fixpoint::bindHandedOn(FunctionId f, const CallSiteFact& c, const std::vector<const Summary*>& callees,
                            Summary& into, SinkCollector& out) {
  for (unsigned i = 0; i < c.args.size(); ++i) {
    const ArgFact& holder = c.args[i];
    const auto runsIt = [&](const Summary* g) {
      return std::any_of(g->pending.begin(), g->pending.end(),
                         [&](const PendingCall& p) { return p.target.index == i; });
    };
    if (holder.fns.empty() || std::any_of(callees.begin(), callees.end(), runsIt)) continue;
    for (const std::string& usr : holder.fns) {
      const std::optional<FunctionId> id = graph_.find(usr);
      const Summary* held = id && graph_.isHeldOnly(*id) ? summaries_.get(*id) : nullptr;
      if (!held) continue;
      Summary captured;  // only what instantiate() reads: the sinks reading captures or context
      const bool hasContext = holder.contextParam && holder.contextArg;
      const auto readsContext = [&](const SinkFact& s) { return hasContext && readsInput(s, *holder.contextParam); };
      for (const SinkFact& s : held->sinks)
        if (readsCaptures(s) || readsContext(s)) captured.sinks.push_back(s);
      // Calls through the context's fields (`ctx->bus->ops->send(...)`) run here too.
      std::vector<const PendingCall*> throughContext;
      for (const PendingCall& p : held->pending)
        if (hasContext && p.target.index == *holder.contextParam) throughContext.push_back(&p);
      if (captured.sinks.empty() && throughContext.empty()) continue;
      Summary found;
      SinkCollector local(found);
      const CallSiteFact site = runAtHandOn(c, holder, usr, graph_.function(*id).paramNames.size());
      instantiate(f, site, captured, local);
      for (const PendingCall* p : throughContext) runPending(f, site, *p, into, local);
      const ArgFact* context = holder.contextArg ? c.argument(*holder.contextArg) : nullptr;
      const std::string note = "hands a function to " + c.calleeName + "(), which keeps it to run later" +
                               (context ? " with `" + context->spelling + "`" : "");
      for (std::vector<SinkFact>* list : {&found.sinks, &found.reported})
        for (SinkFact& s : *list) s.callChain.front().note = note;
      for (SinkFact& s : found.reported) out.addReported(std::move(s));
      for (SinkFact& s : found.sinks) out.addForCallers(std::move(s));
    }
  }
}

// Call site `c` with its arguments resolved to this function's origins and parameters.
CallSiteFact Fixpoint::inCallerTerms(FunctionId f, const CallSiteFact& c) const {
  CallSiteFact out = c;
  const auto resolveArg = [&](ArgFact& a) {
    a.whole = subst_.resolveTaint(f, a.whole);
    for (auto& [k, t] : a.fields) t = subst_.resolveTaint(f, t);
    a.str = subst_.resolveStr(f, a.str);
    for (auto& [k, v] : a.fieldStrs) v = subst_.resolveStr(f, v);
  };
  for (ArgFact& a : out.args) resolveArg(a);
  resolveArg(out.thisArg);
  return out;
}

// The arguments of a pending call (in the callee's terms) moved into the caller's
// terms through call site `c`.
ArgFact Fixpoint::throughCall(FunctionId f, const CallSiteFact& c, const ArgFact& a, bool runsHere) const {
  ArgFact out = a;
  out.whole = subst_.substitute(f, c, a.whole, 0, true);
  mergeTaint(out.whole, Taint{a.whole.origins, {}, {}});
  for (auto& [k, t] : out.fields) {
    Taint moved = subst_.substitute(f, c, t, 0, true);
    mergeTaint(moved, Taint{t.origins, {}, {}});
    t = std::move(moved);
  }
  out.str = subst_.resolveStr(f, subst_.substituteStr(f, c, a.str));
  for (auto& [k, v] : out.fieldStrs) v = subst_.resolveStr(f, subst_.substituteStr(f, c, v));
  // The callee's own parameter it named is, here, what call site `c` passed for it.
  if (a.fromParam) {
    const ArgFact* given = c.argument(a.root.index);
    out.fromParam = given && given->fromParam;
    // Twice the bound, like string pieces: a field below it is still added to it.
    if (out.fromParam)
      out.root = ParamRef{given->root.index, joinFieldBounded(given->root.field, a.root.field, 2 * kMaxFieldDepth), {}};
    if (given) addGivenBelow(f, *given, a.root.field, out, runsHere);
    if (given && runsHere) addCallsBelow(*given, a.root.field, out);
  }
  if (a.sameAsParam) {
    const ArgFact* given = c.argument(*a.sameAsParam);
    out.sameAsParam = given ? given->sameAsParam : std::nullopt;
    if (given && !out.constant) out.constant = given->constant;
  }
  return out;
}

// What the caller knows of the object it passed, at `field` of it, where the
// callee's argument (the callee's parameter at `field`) says nothing itself: a
// local's field strings and handlers (`emit(&de)` with `de.url` set), or the
// global it is (`emit(&g_conn)`), whose fields link/Globals.cpp resolves.
void Fixpoint::addGivenBelow(FunctionId f, const ArgFact& given, const std::string& field, ArgFact& out,
                             bool runsHere) const {
  const auto below = [&](const std::string& key) { return fieldBelow(field, key); };
  // Resolved here: handed on further up, call pieces would name other call sites.
  // Run here, an object a call filled (`m.notifier = &n` after `notifier_init(&n)`)
  // stays that call's output, whose fields the callee's lookups read.
  const auto heldOutput = [&](const StrVal& v) {
    return runsHere && onlyPiece(v, StrPiece::CallOut) && v.alts.empty();
  };
  for (const auto& [k, t] : given.fields)
    if (auto rest = below(k); rest && !out.fields.count(*rest)) out.fields.emplace(*rest, subst_.resolveTaint(f, t));
  for (const auto& [k, v] : given.fieldStrs)
    if (auto rest = below(k); rest && !out.fieldStrs.count(*rest))
      out.fieldStrs.emplace(*rest, heldOutput(v) ? v : subst_.resolveStr(f, v));
  for (const auto& [k, fns] : given.fieldFns)
    if (auto rest = below(k)) addOnce(out.fieldFns[*rest], fns);
  addOnce(out.fns, field.empty() ? given.fns : heldAt(given.fieldFns, field));
  if (out.global.empty() && !given.global.empty())
    out.global = field.empty() ? given.global : given.global + "." + field;
}

// What the caller's calls left in the object it passed, at `field` of it
// (`app_init(&a); on_event(&a);` where `on_event` runs `a->link.ops->send(&a->link)`):
// the run callee's field lookups read them. Call atoms name this function's call
// sites, so only a call run here may take them, not one handed on to callers.
// A call that filled a field at or above `field` (`open(&c.priv, url)` leaving a
// state object in `c.priv`) left it too: the callee's lookups below it ask that call,
// not the whole object's atom for it, which names no field.
void Fixpoint::addCallsBelow(const ArgFact& given, const std::string& field, ArgFact& out) {
  const auto same = [](const CallRef& a) { return [&a](const CallRef& o) { return sameCall(o, a); }; };
  const auto inSomeField = [&](const CallRef& ref) {
    return std::any_of(given.fields.begin(), given.fields.end(), [&](const auto& entry) {
      return std::any_of(entry.second.calls.begin(), entry.second.calls.end(), same(ref));
    });
  };
  const auto add = [&](const Taint& object, const std::string& below, bool whole) {
    for (const CallRef& original : object.calls) {
      if (whole && inSomeField(original)) continue;
      CallRef ref = original;
      // Bounded like a parameter's path: a recursive cluster would name a longer
      // field on every round.
      ref.field = joinFieldBounded(ref.field, below, 2 * kMaxFieldDepth);
      if (std::none_of(out.whole.calls.begin(), out.whole.calls.end(), same(ref))) out.whole.calls.push_back(ref);
    }
  };
  add(given.whole, field, true);
  for (const auto& [path, t] : given.fields)
    if (auto rest = fieldBelow(path, field)) add(t, *rest, false);
}

// The functions calls on an object stored in its `field` (`wire(n)` setting
// `n.onSend`), for each call atom of `object` (in `f`'s terms) standing for what a
// call left in an object it was handed or the object it returned (`u =
// uplink_create(ep)` with `u->ops` aimed at a table).
std::vector<std::string> Fixpoint::storedByCalls(FunctionId f, const Taint& object, const std::string& field,
                                                 unsigned depth) const {
  static const std::map<std::string, std::vector<std::string>> noFns;
  static const std::map<std::string, StrVal> noStrs;
  std::vector<std::string> out;
  const auto addLeft = [&](const CallSiteFact& c, const Summary& g, const std::string& slot, const std::string& at) {
    const auto fns = g.effectFns.find(slot);
    const auto strs = g.effectStrs.find(slot);
    addOnce(out, functionsAt(fns == g.effectFns.end() ? noFns : fns->second,
                             strs == g.effectStrs.end() ? noStrs : strs->second, at));
    // A function the callee was handed and stored there (`t->emit = fn;` in a
    // setter another TU defines): the one this call site passes.
    const auto holders = g.effectHolders.find(slot);
    const auto held = holders == g.effectHolders.end() ? nullptr : &holders->second;
    if (auto it = held ? held->find(at) : decltype(held->find(at)){}; held && it != held->end())
      for (const ParamRef& p : it->second.params)
        if (const ArgFact* a = c.argument(p.index)) {
          auto below = a->fieldFns.find(p.field);
          addOnce(out, p.field.empty() ? a->fns : (below == a->fieldFns.end() ? a->fns : below->second));
        }
    // An object the callee keeps above the field (`Planner p(registry)` keeping
    // `registry_`): what calls on the object it was handed stored below it.
    constexpr unsigned kMaxKeptObjects = 1;  // one object kept in another: each level multiplies the work
    if (!held || depth >= kMaxKeptObjects) return;
    for (const auto& [path, holder] : *held) {
      const auto rest = fieldBelow(path, at);
      if (!rest || path.empty()) continue;
      for (const ParamRef& p : holder.params)
        if (const ArgFact* a = c.argument(p.index)) {
          addOnce(out, heldAt(a->fieldFns, joinField(p.field, *rest)));
          addOnce(out, storedByCalls(f, a->whole, joinField(p.field, *rest), depth + 1));
        }
    }
  };
  for (const CallRef& ref : object.calls) {
    if (ref.slot != kAnyCallSlot) {
      const CallSiteFact* c = CallGraph::site(graph_.function(f), ref.site);
      for (const Summary* g : c ? subst_.dataOf(f, *c) : std::vector<const Summary*>{})
        addLeft(*c, *g, effectSlot(ref.slot), joinField(ref.field, field));
      continue;
    }
    // A widened range (an object handed to many calls: `trip_init(&t)`,
    // `trip_set_emitter(&t, fn, u)`, ...): what any of them left in any input.
    for (const CallSiteFact& c : graph_.function(f).calls) {
      if (c.id < ref.site || c.id > ref.lastSite) continue;
      for (const Summary* g : subst_.dataOf(f, c)) {
        for (const auto& [slot, fns] : g->effectFns)
          if (!slot.empty()) addLeft(c, *g, slot, field);
        for (const auto& [slot, held] : g->effectHolders)
          if (!slot.empty() && !g->effectFns.count(slot)) addLeft(c, *g, slot, field);
      }
    }
  }
  return out;
}

// The functions an object holds at `field`: those stored there, else the entry of
// a table a pointer above it aims at (`a->link.ops = &k_https_ops`, a table
// another TU defines: `a->link.ops->send` is its `send`), else those stored above.
std::vector<std::string> Fixpoint::functionsAt(const std::map<std::string, std::vector<std::string>>& fns,
                                               const std::map<std::string, StrVal>& strs,
                                               const std::string& field) const {
  if (auto exact = fns.find(field); exact != fns.end()) return exact->second;
  std::vector<std::string> out;
  for (const auto& [path, value] : strs) {
    auto rest = fieldBelow(path, field);
    if (!rest) continue;
    for (const StrVal& form : forms(value))
      if (const StrPiece* table = onlyPiece(form, StrPiece::Global))
        addOnce(out, graph_.globalFunctions(joinField(table->text, *rest)));
  }
  return out.empty() ? heldAt(fns, field) : out;
}

// The holder's strings on the fields above `field`, in this function's resolved
// terms: a pointer a call filled (`c.uplink = select_ops(kind)`) is the table the
// call returned, whose entry `c.uplink->send` is.
std::map<std::string, StrVal> Fixpoint::stringsAbove(FunctionId f, const ArgFact& holder,
                                                     const std::string& field) const {
  std::map<std::string, StrVal> out;
  for (const auto& [path, value] : holder.fieldStrs)
    if (fieldBelow(path, field)) out.emplace(path, subst_.resolveStr(f, value));
  return out;
}

// A wrapper handing (a field of) its own parameter to a wiring function stores what
// that function stores (`wireAll(n) { wire(n); }`), so its callers see the handlers;
// so does one handing it a function the callee stores (`bind(name, [ch] {...})`
// with `routes_[name] = fn`).
void Fixpoint::forwardStoredFns(const CallSiteFact& c, const std::vector<const Summary*>& callees, Summary& into) {
  const auto stored = [&](const std::string& slot, const std::string& field) -> std::vector<std::string>* {
    const ArgFact* arg = c.argument(slot);
    if (!arg || !arg->fromParam) return nullptr;
    return &into.effectFns[slotOf(arg->root.index)][joinFieldBounded(arg->root.field, field)];
  };
  for (const Summary* g : callees) {
    for (const auto& [slot, byField] : g->effectFns)
      for (const auto& [field, fns] : byField)
        if (auto* slotFns = stored(slot, field)) addOnce(*slotFns, fns);
    for (const auto& [slot, byField] : g->effectHolders)
      for (const auto& [field, held] : byField)
        for (const ParamRef& p : held.params) {
          const ArgFact* handed = c.argument(p.index);
          if (!handed || handed->fns.empty() || !p.field.empty()) continue;
          if (auto* slotFns = stored(slot, field)) addOnce(*slotFns, handed->fns);
        }
  }
}

// A call through a value that a call of this function filled (`uplink_init(&ops);
// ops.push(x);`): it runs the functions that call stored there, with this site's
// arguments (a closure's captures are not known here).
void Fixpoint::runStoredHandlers(FunctionId f, const CallSiteFact& c, SinkCollector& out) {
  if (!c.calleeUsr.empty() || !c.targets.empty() || c.viaParam || !c.hasThis) return;
  CallSiteFact site = c;
  site.targets = storedByCalls(f, c.thisArg.whole, "");
  if (site.targets.empty()) return;
  site.thisArg = ArgFact{};
  for (const Summary* g : subst_.callees(f, site)) instantiate(f, site, *g, out);
}

// A call through an input's function-pointer field in a function nobody calls or
// hands on (an entry point): no caller will say what it holds, so it runs what the
// program stores in that field.
void Fixpoint::runFieldFunctions(FunctionId f, const CallSiteFact& c, SinkCollector& out) {
  if (!c.viaParam || c.fieldTarget.empty() || graph_.isCalled(f) || graph_.isAddressTaken(f)) return;
  CallSiteFact site = c;
  site.viaParam = false;
  site.targets = graph_.fieldFunctions(c.fieldTarget);
  site.thisArg = ArgFact{};
  for (const Summary* g : subst_.callees(f, site)) instantiate(f, site, *g, out);
}

// A callee's call through one of its inputs, now that call site `c` says what it holds.
void Fixpoint::runPending(FunctionId f, const CallSiteFact& c, const PendingCall& p, Summary& into,
                          SinkCollector& out) {
  const bool self = p.target.index == kThisParam;
  if (!self && p.target.index >= c.args.size()) return;
  if (self && !c.hasThis) return;
  const ArgFact& holder = self ? c.thisArg : c.args[p.target.index];
  std::vector<std::string> fns =
      p.target.field.empty() ? holder.fns
                             : functionsAt(holder.fieldFns, stringsAbove(f, holder, p.target.field), p.target.field);
  if (!p.target.field.empty() && !holder.fieldFns.count(p.target.field)) addOnce(fns, holder.fns);
  if (fns.empty() && !p.target.field.empty()) fns = storedByCalls(f, holder.whole, p.target.field);
  if (fns.empty() && !holder.global.empty()) fns = graph_.globalFunctions(joinField(holder.global, p.target.field));
  // Handed on to this function's callers while its own input holds the function,
  // cut to the depth bound: a recursive structure (a widget's child's child...)
  // would otherwise name a new field on every round of a recursive cluster.
  const bool handOn = holder.fromParam && fns.empty();
  ParamRef up;
  PendingCall* repeat = nullptr;  // the same call handed on by another of this function's call sites
  if (handOn) {
    up = ParamRef{holder.root.index, joinFieldBounded(holder.root.field, p.target.field), {}};
    repeat = pendingAt(into, up, p.site.loc);
    if (!repeat && !takesPending(into, up, p.site.loc)) return;
  } else if (fns.empty() && p.site.globalTarget.empty()) {
    fns = graph_.fieldFunctions(p.site.fieldTarget);  // what the program stores in the field, if it is one
    if (fns.empty()) return;                          // runs nothing
  }
  CallSiteFact site = p.site;
  site.calleeUsr.clear();
  site.targets = fns;
  for (ArgFact& a : site.args) a = throughCall(f, c, a, !handOn);
  // The closure's captures are the holder's fields below the target field, and
  // what calls left at that field (`j.set_finisher(c)` storing a lambda that
  // captured `c.phone` in `j.finisher_`) reaches every capture.
  site.thisArg = ArgFact{};
  site.thisArg.spelling = p.target.field;
  site.hasThis = true;
  if (auto at = holder.fields.find(p.target.field); !p.target.field.empty() && at != holder.fields.end()) {
    site.thisArg.whole = Taint{{}, {}, at->second.calls};
  } else if (!p.target.field.empty()) {
    for (CallRef ref : holder.whole.calls) {  // what calls on the holder left there
      if (ref.slot.empty()) continue;
      ref.field = joinField(ref.field, p.target.field);
      site.thisArg.whole.calls.push_back(std::move(ref));
    }
  }
  const std::string prefix = p.target.field.empty() ? "" : p.target.field + ".";
  for (const auto& [k, t] : holder.fields)
    if (k.compare(0, prefix.size(), prefix) == 0 && k.size() > prefix.size())
      site.thisArg.fields[k.substr(prefix.size())] = t;
  for (const auto& [k, v] : holder.fieldStrs)
    if (k.compare(0, prefix.size(), prefix) == 0 && k.size() > prefix.size())
      site.thisArg.fieldStrs[k.substr(prefix.size())] = v;
  Path chain = p.chain;
  chain.insert(chain.begin(), Step{c.loc, "calls " + c.calleeName + "()"});
  if (repeat) {  // its evidence stays the first route's; its arguments are both routes'
    mergePendingArguments(repeat->site, site);
    return;
  }
  if (handOn) {
    into.pending.push_back({up, std::move(site), std::move(chain)});
    return;
  }
  for (const Summary* target : subst_.callees(f, site)) {
    Summary found;
    SinkCollector local(found);
    instantiate(f, site, *target, local);
    for (std::vector<SinkFact>* list : {&found.sinks, &found.reported})
      for (SinkFact& s : *list) s.callChain.insert(s.callChain.begin(), chain.begin(), chain.end());
    for (SinkFact& s : found.reported) out.addReported(std::move(s));
    for (SinkFact& s : found.sinks) out.addForCallers(std::move(s));
  }
}

}  // namespace egress
