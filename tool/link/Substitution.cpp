#include "link/Substitution.h"

#include <functional>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <string_view>

#include "facts/TaintOps.h"
#include "link/ClassFields.h"

namespace egress {
namespace {

// A memo key built in one string (lookups through many call atoms build many).
struct MemoKey {
  std::string text;
  MemoKey& add(std::string_view s) {
    text.append(s);
    text.push_back('|');
    return *this;
  }
  MemoKey& add(uint64_t n) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
    return add(std::string_view(digits, std::size_t(end - digits)));
  }
  MemoKey& add(const CallRef& c) { return add(c.site).add(c.slot).add(c.lastSite).add(c.field); }
};

}  // namespace
namespace {

bool isAbsent(const StrVal& s) { return onlyPiece(s, StrPiece::Absent) != nullptr; }

StrVal unknownStr() { return StrVal{{{StrPiece::Unknown, "", 0}}, {}}; }

// Says something of the value: not nothing, not only `<?>`, not a field it lacks.
bool informative(const StrVal& s) { return s.known() && !onlyPiece(s, StrPiece::Unknown) && !isAbsent(s); }

}  // namespace

void Substitution::startFunction(FunctionId f) const {
  current_ = f;
  furtherReads_.clear();  // those of a lookup after the fixpoint (link/Globals.cpp) belong to no resolution
  memo_.clear();
  heldMemo_.clear();
  stringSites_.clear();
}

std::vector<const CallSiteFact*> Substitution::sitesOf(FunctionId f, const CallRef& ref) const {
  std::vector<const CallSiteFact*> out;
  if (ref.slot != kAnyCallSlot || ref.lastSite == ref.site) {
    if (const CallSiteFact* c = CallGraph::site(graph_.function(f), ref.site)) out.push_back(c);
    return out;
  }
  for (const CallSiteFact& c : graph_.function(f).calls)
    if (c.id >= ref.site && c.id <= ref.lastSite) out.push_back(&c);
  return out;
}

std::vector<uint64_t> Substitution::takeFurtherReads() const {
  std::vector<uint64_t> out = std::move(furtherReads_);
  furtherReads_.clear();
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// Every summary read goes through here: the reads the call graph does not show as
// the resolved function's callees are noted (takeFurtherReads).
const std::vector<FunctionId>& Substitution::targetIds(FunctionId f, const CallSiteFact& c,
                                                       std::vector<FunctionId>& scratch) const {
  const bool owned = graph_.ownsSite(f, c);
  // Not owned: a call rebuilt in the caller's terms (a pending call, a stored handler).
  const std::vector<FunctionId>& ids = owned ? graph_.targets(f, c) : (scratch = graph_.targets(c));
  if (owned && f == current_) return ids;
  const uint64_t terms = graph_.usrHash(f);
  if (furtherReads_.empty() || furtherReads_.back() != terms) furtherReads_.push_back(terms);
  for (FunctionId id : ids) furtherReads_.push_back(graph_.usrHash(id));
  if (!owned) {  // the names that run nothing yet: a body added later would
    if (!c.calleeUsr.empty() && !graph_.find(c.calleeUsr)) furtherReads_.push_back(CallGraph::usrHash(c.calleeUsr));
    for (const std::string& usr : c.targets)
      if (!graph_.find(usr)) furtherReads_.push_back(CallGraph::usrHash(usr));
  }
  return ids;
}

std::vector<const Summary*> Substitution::targetSummaries(FunctionId f, const CallSiteFact& c, bool sinks) const {
  std::vector<FunctionId> scratch;
  std::vector<const Summary*> out;
  for (FunctionId id : targetIds(f, c, scratch))
    if (const Summary* s = sinks ? summaries_.get(id) : summaries_.getData(id)) out.push_back(s);
  return out;
}

void Substitution::summaryReplaced(FunctionId g) const { ++versions_[g]; }

namespace {

// The data parts of `from` added to `into` (both in the callee's terms: the
// overrides of one method share its parameters).
void joinData(Summary& into, const Summary& from) {
  mergeTaint(into.ret, from.ret);
  for (const auto& [slot, t] : from.effects) mergeTaint(into.effects[slot], t);
  for (const auto& [slot, fields] : from.effectFields)
    for (const auto& [field, t] : fields) mergeTaint(into.effectFields[slot][field], t);
  mergeTaint(into.retHolder, from.retHolder);
}

}  // namespace

std::vector<const Summary*> Substitution::dataCallees(FunctionId f, const CallSiteFact& c) const {
  constexpr std::size_t kJoinFrom = 4;  // fewer overrides are cheaper one by one
  std::vector<FunctionId> scratch;
  const std::vector<FunctionId>& ids = targetIds(f, c, scratch);
  if (ids.size() < kJoinFrom) return dataOf(f, c);
  std::vector<uint32_t> now;
  now.reserve(ids.size());
  for (FunctionId id : ids) now.push_back(versions_[id]);
  Join& join = joins_[ids];
  if (join.versions != now) {
    join.versions = std::move(now);
    join.summary = Summary{};
    for (FunctionId id : ids)
      if (const Summary* s = summaries_.getData(id)) joinData(join.summary, *s);
  }
  // None resolved yet reads as no callee at all, as callees() says.
  if (std::none_of(ids.begin(), ids.end(), [&](FunctionId id) { return summaries_.has(id); })) return {};
  return {&join.summary};
}

// The taint an argument hands to the callee's parameter narrowed to `field`.
Taint Substitution::argTaint(FunctionId f, const ArgFact& arg, const std::string& field, unsigned depth,
                             bool object) const {
  if (field.empty()) return resolveTaint(f, arg.whole, depth);
  TaintUnion out;
  for (const auto& [path, t] : arg.fields) {
    if (!relatedFields(path, field)) continue;
    // Below a field that holds a whole object (a closure's captured `q`), what calls
    // left in that object is what they left at the rest of the path (`q.pending_`).
    const std::optional<std::string> rest = fieldBelow(path, field);
    out.add(resolveTaint(f, rest ? narrowedToField(t, *rest) : t, depth));
  }
  // Symbolic parts of the whole argument travel to every field, and so does what
  // calls on the object left in it (setters, adders: tracked per object, not per
  // field), unless the caller stored the field since (its entry has the later calls).
  const bool exact = std::any_of(arg.exactFields.begin(), arg.exactFields.end(),
                                 [&](const std::string& e) { return e == field || isSubfield(field, e); });
  if (!exact)
    for (const CallRef& ref : arg.whole.calls)
      if (!resetSince(f, ref, field)) out.add(effectOnField(f, ref, field, depth));
  // (An argument that is itself a field of an input, `this->writer_`, would hand over
  // that field's own fields, `writer_.bytes_`; following those blows summaries up on
  // large programs, so they are left out: see docs/architecture.md, limitations.)
  Taint result = out.take();
  Taint whole = resolveTaint(f, arg.whole, depth);
  for (ParamRef p : whole.params) {
    // A global handed by address (`rq_flush(&g_queue)`): the callee reads its field.
    // Not the object of a method call (`g_focused->OnKey()`): its fields are the
    // many objects the pointer may aim at, whose data the call graph already joins.
    // Bounded: a stack kept in a global (`doc->last = doc->last->parent`) otherwise
    // names one level deeper every round and never settles.
    if (p.index == kGlobalParam && !object) p.field = joinFieldBounded(p.field, field);
    else if (capturedVariable(f, p)) p.field = joinFieldBounded(p.field, field);
    else if (!p.field.empty()) continue;
    else p.field = field;
    result.params.push_back(std::move(p));
  }
  return result;
}

// In a lambda, a variable it captured (`[&q] { q.flush(); }`) is the closure's field
// `q`: it stands for the caller's own variable, whose fields a call reads as its own.
// So does a captured `this` (`[this, self] { write_next(); }`): the enclosing object.
bool Substitution::capturedVariable(FunctionId f, const ParamRef& p) const {
  return p.index == kThisParam && !p.field.empty() && p.field.find('.') == std::string::npos &&
         isLambdaCallOperator(graph_.function(f).usr);
}

bool Substitution::resetSince(FunctionId f, const CallRef& ref, const std::string& field) const {
  for (const auto& [site, slot] : ref.laterCalls) {
    const CallSiteFact* c = CallGraph::site(graph_.function(f), site);
    if (!c) continue;
    std::vector<FunctionId> scratch;
    const std::vector<FunctionId>& targets = targetIds(f, *c, scratch);
    const auto resets = [&](FunctionId g) {
      const std::vector<std::string>& fields = graph_.function(g).resets;
      return std::any_of(fields.begin(), fields.end(), [&](const std::string& r) {
        const std::size_t hash = r.find('#');
        if (r.compare(0, hash, slot) != 0 || hash != slot.size()) return false;
        const std::string reset = r.substr(hash + 1);
        return reset == field || isSubfield(field, reset);
      });
    };
    if (!targets.empty() && std::all_of(targets.begin(), targets.end(), resets)) return true;
  }
  return false;
}

// argTaint for parameter `p` of call site `c`, memoised when the site is `f`'s own:
// a callee's summary names the same argument field in many atoms.
const Taint& Substitution::argInput(FunctionId f, const CallSiteFact& c, const ParamRef& p, unsigned depth,
                                    Taint& scratch) const {
  const ArgFact& arg = p.index == kThisParam ? c.thisArg : c.args[p.index];
  const bool object = p.index == kThisParam;
  if (!graph_.ownsSite(f, c)) return scratch = argTaint(f, arg, p.field, depth, object);
  const auto key = std::make_pair(c.id, "in:" + std::to_string(p.index) + "#" + p.field);
  if (auto hit = memo_.find(key); hit != memo_.end()) return hit->second;
  Taint in = argTaint(f, arg, p.field, depth, object);
  return memo_[key] = std::move(in);
}

// What the call behind `ref` left in `field` of the object (a setter or constructor
// storing into that field, or into the whole object).
const Taint& Substitution::effectOnField(FunctionId f, const CallRef& ref, const std::string& field,
                                         unsigned depth) const {
  // A part of what a call left in an object: that part's field. A part of a call's
  // result handed on is looked up as the whole result is (its returned object's
  // fields): narrowing it further at every field a callee reads multiplies the work
  // on large programs.
  if (!ref.field.empty()) {
    CallRef whole{ref.site, effectSlot(ref.slot), {}, ref.lastSite};
    return effectOnField(f, whole, joinField(ref.field, field), depth);
  }
  if (ref.slot == kAnyCallSlot && ref.lastSite != ref.site) return rangeEffectOnField(f, ref, field, depth);
  const auto key = std::make_pair(ref.site, ref.slot + "#" + field);
  if (auto hit = memo_.find(key); hit != memo_.end()) return hit->second;
  Taint& memo = memo_[key];  // in progress: a cycle through this call adds nothing
  if (depth > kMaxResolveDepth) {
    noteLimit(Limit::ResolveDepth);
    return memo;
  }
  TaintUnion out;
  for (const CallSiteFact* c : sitesOf(f, ref)) {
    const std::vector<const Summary*> targets = dataCallees(f, *c);
    if (targets.empty() && !c->calleeUsr.empty() && ref.slot != kAnyCallSlot)
      out.add(bodylessOutput(f, *c, ref.slot, depth + 1));
    for (const Summary* r : targets) {
      const bool anyField = ref.slot == kHeldSlot;
      for (const auto& [slot, fields] : r->effectFields) {
        if (slot != effectSlot(ref.slot) && ref.slot != kAnyCallSlot) continue;
        for (const auto& [path, t] : fields)
          if (anyField || path.empty() || relatedFields(path, field)) out.add(substitute(f, *c, t, depth + 1, false));
      }
      // A method returning its own object (`return *this;`, fluent setters): the
      // result's field is also what the object it was called on holds there.
      if (ref.slot.empty())
        for (const ParamRef& p : r->retHolder.params)
          if (p.index == kThisParam && p.field.empty())
            out.add(substitute(f, *c, Taint{{}, {ParamRef{kThisParam, field, {}}}, {}}, depth + 1, false));
    }
    if (ref.slot != kAnyCallSlot && ref.slot != kHeldSlot)
      out.add(leftByHandedFunctions(f, *c, effectSlot(ref.slot), field, depth + 1));
  }
  memo = out.take();
  return memo;
}

// What the functions the caller hands call site `c` leave in its argument `slot`
// where the callee runs them on it (`each_pending(append_row, &acc)` calling `cb(d,
// user)`: the rows `append_row` writes into `acc`). The callee's summary keeps such
// a call pending (its function is the caller's), so its effects are only known here.
Taint Substitution::leftByHandedFunctions(FunctionId f, const CallSiteFact& c, const std::string& slot,
                                          const std::string& field, unsigned depth) const {
  TaintUnion out;
  std::vector<FunctionId> scratch;
  for (FunctionId id : targetIds(f, c, scratch))
    if (summaries_.shape(id).pending != 0) leftByHandedFunctions(f, c, *summaries_.get(id), slot, field, depth, out);
  return out.take();
}

void Substitution::leftByHandedFunctions(FunctionId f, const CallSiteFact& c, const Summary& callee,
                                         const std::string& slot, const std::string& field, unsigned depth,
                                         TaintUnion& out) const {
  forHandedRuns(c, callee, slot, [&](const Summary& run, const CallSiteFact& site, const std::string& runSlot) {
    const auto add = [&](const Taint& t) {
      out.add(substitute(f, c, substitute(callee.function, site, t, depth, false), depth, false));
    };
    if (field.empty()) {  // the whole object
      if (auto left = run.effects.find(runSlot); left != run.effects.end()) add(left->second);
      return;
    }
    const auto left = run.effectFields.find(runSlot);
    if (left == run.effectFields.end()) return;
    for (const auto& [path, t] : left->second)
      if (path.empty() || relatedFields(path, field)) add(t);
  });
}

void Substitution::forHandedRuns(
    const CallSiteFact& c, const Summary& r, const std::string& slot,
    const std::function<void(const Summary&, const CallSiteFact&, const std::string&)>& each) const {
  for (const PendingCall& p : r.pending) {
    if (p.target.index == kThisParam || p.target.index >= c.args.size() || !p.target.field.empty()) continue;
    if (p.site.deferred) continue;  // run later by a library: leaves nothing by the time `c` returns
    const std::vector<std::string>& fns = c.args[p.target.index].fns;
    if (fns.empty()) continue;  // not a function this caller hands over
    CallSiteFact site = p.site;
    site.calleeUsr.clear();
    site.targets = fns;
    if (const std::optional<FunctionId> only = fns.size() == 1 ? graph_.find(fns[0]) : std::nullopt)
      site.calleeName = graph_.function(*only).name;  // the evidence names what ran
    site.globalsIn = {};                              // read as the callee's own global inputs, bound at `c`
    for (unsigned k = 0; k < site.args.size(); ++k) {
      const ArgFact& handed = site.args[k];
      if (!handed.fromParam || !handed.root.field.empty() || slot != slotOf(handed.root.index)) continue;
      for (const Summary* run : dataOf(r.function, site)) each(*run, site, slotOf(k));
    }
  }
}

StrVal Substitution::leftByHandedRuns(const CallSiteFact& c, const Summary& r, const std::string& slot,
                                      const std::string& field, unsigned depth) const {
  StrVal out;
  forHandedRuns(c, r, slot, [&](const Summary& run, const CallSiteFact& site, const std::string& runSlot) {
    if (StrVal got = calleeFieldStr(run, runSlot, field, depth + 1); got.known() && !isAbsent(got))
      addAlternatives(out, substituteStr(r.function, site, got, depth + 1));
  });
  return out;
}

// A widened range, site by site: ranges of one value overlap those of others, and
// each site's part is then put into the caller's terms once.
const Taint& Substitution::rangeEffectOnField(FunctionId f, const CallRef& ref, const std::string& field,
                                              unsigned depth) const {
  const auto key = std::make_pair(ref.site, kAnyCallSlot + std::to_string(ref.lastSite) + "#" + field);
  if (auto hit = memo_.find(key); hit != memo_.end()) return hit->second;
  Taint& memo = memo_[key];  // in progress
  if (depth > kMaxResolveDepth) {
    noteLimit(Limit::ResolveDepth);
    return memo;
  }
  TaintUnion out;
  for (const CallSiteFact* c : sitesOf(f, ref)) out.add(effectOnField(f, oneSite(*c), field, depth));
  memo = out.take();
  return memo;
}

// What the caller stored at `field` of argument `a` (or at a part above it, whose
// path goes to `at`) on every path since its last call on the object; null where
// it did not.
const Taint* storedOnEveryPath(const ArgFact& a, const std::string& field, std::string& at) {
  static const Taint kNothing;
  for (at = field; !at.empty();) {
    if (std::find(a.exactFields.begin(), a.exactFields.end(), at) != a.exactFields.end()) {
      const auto it = a.fields.find(at);
      return it == a.fields.end() ? &kNothing : &it->second;
    }
    const auto dot = at.rfind('.');
    at = dot == std::string::npos ? "" : at.substr(0, dot);
  }
  return nullptr;
}

// Whether the text the caller stored at `field` is constant but for its own input
// `param` (`"TEST%04u"` of its `comp`), where `param` is set. No text at all is a
// number stored at the field itself (`probe.weight_g = 0`); a field stored whole
// above it with no text (a struct copied from elsewhere) is not known.
bool constantText(const ArgFact& a, const std::string& field, bool storedHere, const ParamRef* param) {
  const auto it = a.fieldStrs.find(field);
  if (it == a.fieldStrs.end()) return storedHere;
  for (const StrVal& form : forms(it->second))
    for (const StrPiece& p : form.pieces)
      if (p.kind != StrPiece::Const && !(param && p.kind == StrPiece::Param && p.index == param->index)) return false;
  return true;
}

// Guard::HoldsData at a call: false where the caller stored only constants at the
// field (a self-test's sample record), or passed a constant record (`&k_probe_offer`); moved onto the caller's own
// input where it hands that on, or stored only that input there; else it holds.
bool holdsDataAtCall(const CallGraph& graph, const ArgFact& a, const Guard& g, std::vector<Guard>& out) {
  if (a.constant) return false;
  if (!a.global.empty() && !g.field.empty() && graph.constantField(a.global, g.field)) return false;
  const auto onInput = [&](const ParamRef& input, const std::string& field) {
    if (input.index == kThisParam || input.index == kGlobalParam) return;
    Guard mine = g;
    mine.param = input.index;
    mine.field = field;
    addGuard(out, mine);
  };
  std::string at;
  const Taint* stored = g.field.empty() ? nullptr : storedOnEveryPath(a, g.field, at);
  if (!stored) {
    if (a.fromParam) onInput(a.root, joinField(a.root.field, g.field));
    return true;
  }
  if (!stored->origins.empty() || !stored->calls.empty() || stored->input || stored->params.size() > 1) return true;
  const ParamRef* input = stored->params.empty() ? nullptr : &stored->params[0];
  if (!constantText(a, g.field, at == g.field, input)) return true;
  if (input) onInput(*input, input->field);
  return input != nullptr;
}

// A callee's guards seen from call site `c`: false when an argument is a constant
// failing one (nothing behind it runs for this call); else, in `out`, the call site's
// own guards and those on arguments that are the caller's unchanged parameters.
bool guardsAtCall(const CallGraph& graph, const CallSiteFact& c, const std::vector<Guard>& calleeGuards,
                  std::vector<Guard>& out) {
  out = c.guards;
  for (const Guard& g : calleeGuards) {
    if (g.param >= c.args.size()) continue;
    const ArgFact& a = c.args[g.param];
    if (g.op == Guard::HoldsData) {
      if (!holdsDataAtCall(graph, a, g, out)) return false;
      continue;
    }
    if (a.constant) {
      if (!guardHolds(g, *a.constant)) return false;
      continue;
    }
    if (!a.sameAsParam) continue;
    Guard mine = g;
    mine.param = *a.sameAsParam;
    addGuard(out, mine);
  }
  return true;
}

std::vector<Origin> originsAtCall(const CallGraph& graph, const CallSiteFact& c, const std::vector<Origin>& origins) {
  std::vector<Origin> out;
  out.reserve(origins.size());
  for (const Origin& o : origins) {
    if (o.guards.empty() && c.guards.empty()) {
      out.push_back(o);
      continue;
    }
    std::vector<Guard> guards;
    if (!guardsAtCall(graph, c, o.guards, guards)) continue;
    out.push_back(o);
    out.back().guards = std::move(guards);
  }
  return out;
}

Taint Substitution::substitute(FunctionId f, const CallSiteFact& c, const Taint& t, unsigned depth,
                               bool paramsOnly) const {
  TaintUnion out;
  if (!paramsOnly) {
    const Step ret{c.loc, "returned by " + c.calleeName + "()"};
    for (Origin& o : originsAtCall(graph_, c, t.origins)) out.add(Taint{{std::move(o)}, {}, {}}, &ret);
  }
  for (const ParamRef& p : t.params) {
    if (p.field == kRestArgsField) {
      for (unsigned i = p.index; i < c.args.size(); ++i)
        out.add(substitute(f, c, Taint{{}, {ParamRef{i, "", p.path}}, {}}, depth, true));
      continue;
    }
    if (p.index == kGlobalParam) {
      out.add(globalAtCall(f, c, p, depth));
      continue;
    }
    const bool self = p.index == kThisParam;
    if (!self && p.index >= c.args.size()) continue;
    if (self && !c.hasThis) continue;
    const ArgFact& arg = self ? c.thisArg : c.args[p.index];
    Taint scratch;
    const Taint& in = argInput(f, c, p, depth + 1, scratch);
    if (in.origins.empty() && in.params.empty()) continue;
    std::vector<Guard> guards;
    if (!guardsAtCall(graph_, c, p.guards, guards)) continue;  // not passed on for this call's constants
    const std::string which = self ? "the object" : "argument " + std::to_string(p.index + 1);
    const Step call{c.loc, "passed to " + c.calleeName + "() as " + which + " `" + arg.spelling + "`"};
    if (guards.empty()) {
      out.addExtended(in, TrailExtension(&call, p.path));
      continue;
    }
    Taint conditional{in.origins, in.params, {}};
    for (const Guard& g : guards) addGuard(conditional, g);
    out.addExtended(conditional, TrailExtension(&call, p.path));
  }
  return out.take();
}

// What a callee reading global `p.field` sees at call site `c`: what the caller stored
// there before the call, where it did; otherwise the caller's own input.
Taint Substitution::globalAtCall(FunctionId f, const CallSiteFact& c, const ParamRef& p, unsigned depth) const {
  Taint out;
  bool stored = false;
  for (const auto& [key, t] : c.globalsIn) {
    if (!relatedFields(key, p.field)) continue;
    // Stored whole (or a record holding it): the caller's own input no longer shows.
    stored |= key.size() <= p.field.size();
    Taint in = resolveTaint(f, t, depth + 1);
    const Step call{c.loc, "held in a global when " + c.calleeName + "() is called"};
    extendTrails(in, &call, p.path);
    in.calls.clear();
    mergeTaint(out, in);
  }
  if (!stored) out.params.push_back(p);
  return out;
}

Taint Substitution::resolveTaint(FunctionId f, const Taint& t, unsigned depth) const {
  TaintUnion out(Taint{t.origins, t.params, {}});
  if (depth > kMaxResolveDepth) {
    if (!t.calls.empty()) noteLimit(Limit::ResolveDepth);
    return out.take();
  }
  for (const CallRef& ref : t.calls) {
    if (!ref.field.empty() && resetSince(f, ref, ref.field)) continue;
    const Taint& got = resolveCall(f, ref, depth);
    if (got.origins.empty() && got.params.empty()) continue;
    if (ref.path.empty()) {
      out.add(got);
      continue;
    }
    Taint extended = got;
    extendTrails(extended, nullptr, ref.path);
    out.add(std::move(extended));
  }
  return out.take();
}

// What call site `ref.site` of `f` yields: its result, or what it left in an
// argument. Memoised: call results feed the arguments of later calls, and
// re-resolving them at every use is exponential.
const Taint& Substitution::resolveCall(FunctionId f, const CallRef& ref, unsigned depth) const {
  if (ref.slot == kAnyCallSlot) return resolveRange(f, ref, depth);
  if (!ref.field.empty() && ref.slot.empty()) return resultField(f, ref, depth);
  // (A held object's member: what the method left below that member of its object.)
  if (!ref.field.empty())
    return effectOnField(f, CallRef{ref.site, effectSlot(ref.slot), {}, ref.lastSite}, ref.field, depth);
  const auto key = std::make_pair(ref.site, ref.slot);
  if (auto hit = memo_.find(key); hit != memo_.end()) return hit->second;
  Taint& memo = memo_[key];  // in progress
  TaintUnion got;
  if (const CallSiteFact* c = CallGraph::site(graph_.function(f), ref.site)) {
    const auto targets = dataCallees(f, *c);
    for (const Summary* r : targets) {
      if (ref.slot.empty()) got.add(substitute(f, *c, r->ret, depth, false));
      else if (auto e = r->effects.find(effectSlot(ref.slot)); e != r->effects.end())
        got.add(substitute(f, *c, e->second, depth, false));
    }
    if (!ref.slot.empty() && ref.slot != kHeldSlot)
      got.add(leftByHandedFunctions(f, *c, effectSlot(ref.slot), "", depth));
    if (targets.empty() && !c->calleeUsr.empty()) got.add(bodylessOutput(f, *c, ref.slot, depth));
  }
  memo = got.take();
  return memo;
}

namespace {

// Field `field` of what summary `r` returns, in the callee's terms: the returned
// object field by field where the summary has it; else the result with its inputs
// narrowed to that field (data read whole stays whole).
Taint returnedField(const Summary& r, const std::string& field) {
  Taint out;
  for (ParamRef p : r.ret.params) {
    if (p.field != kRestArgsField) p.field = joinField(p.field, field);
    out.params.push_back(std::move(p));
  }
  const auto fields = r.effectFields.find("");
  if (fields == r.effectFields.end()) {
    out.origins = r.ret.origins;
    return out;
  }
  for (const auto& [path, t] : fields->second)
    if (path.empty() || relatedFields(path, field)) mergeTaint(out, t);
  return out;
}

}  // namespace

// What call site `ref.site` returns, at field `ref.field` (`ledger.last().second`).
const Taint& Substitution::resultField(FunctionId f, const CallRef& ref, unsigned depth) const {
  const auto key = std::make_pair(ref.site, "ret." + ref.field);
  if (auto hit = memo_.find(key); hit != memo_.end()) return hit->second;
  Taint& memo = memo_[key];  // in progress
  if (depth > kMaxResolveDepth) {
    noteLimit(Limit::ResolveDepth);
    return memo;
  }
  TaintUnion got;
  if (const CallSiteFact* c = CallGraph::site(graph_.function(f), ref.site)) {
    const auto targets = dataCallees(f, *c);
    // A result made of many inputs is read whole: narrowing each of them would put
    // every field read of it into the caller's terms on its own (a fan-out that grows
    // with the call depth on large programs). Whole is sound, and memoised once.
    constexpr std::size_t kMaxNarrowedInputs = 16;
    const bool wide = std::any_of(targets.begin(), targets.end(),
                                  [](const Summary* r) { return r->ret.params.size() > kMaxNarrowedInputs; });
    if (wide) {
      memo = resolveCall(f, CallRef{ref.site, "", {}, ref.lastSite}, depth);
      return memo;
    }
    for (const Summary* r : targets) got.add(substitute(f, *c, returnedField(*r, ref.field), depth, false));
    if (targets.empty() && !c->calleeUsr.empty()) got.add(bodylessOutput(f, *c, "", depth));
  }
  memo = got.take();
  return memo;
}

// A function of the program with no body anywhere in the scan (listed in the
// coverage): its result, and what it leaves in what it was handed (`slot`), may
// carry any of its other arguments and what its name says.
const Taint& Substitution::bodylessOutput(FunctionId f, const CallSiteFact& c, const std::string& slot,
                                          unsigned depth) const {
  if (slot == kHeldSlot) return empty_;
  const auto key = std::make_pair(c.id, "bodyless:" + slot);  // asked once per field otherwise
  if (auto hit = memo_.find(key); hit != memo_.end()) return hit->second;
  Taint& memo = memo_[key];  // in progress
  Taint out;
  for (std::size_t i = 0; i < c.args.size(); ++i)
    if (slot != "arg:" + std::to_string(i)) mergeTaint(out, resolveTaint(f, c.args[i].whole, depth + 1));
  mergeTaint(out, c.bodyless);
  memo = std::move(out);
  return memo;
}

// A widened call atom: the result and every effect of each call site in its range.
const Taint& Substitution::resolveRange(FunctionId f, const CallRef& ref, unsigned depth) const {
  const auto key = std::make_pair(ref.site, std::string(kAnyCallSlot) + std::to_string(ref.lastSite));
  if (auto hit = memo_.find(key); hit != memo_.end()) return hit->second;
  Taint& memo = memo_[key];
  TaintUnion got;
  if (ref.lastSite != ref.site) {  // site by site, as rangeEffectOnField
    for (const CallSiteFact* c : sitesOf(f, ref)) got.add(resolveRange(f, oneSite(*c), depth));
    memo = got.take();
    return memo;
  }
  if (const CallSiteFact* c = CallGraph::site(graph_.function(f), ref.site)) {
    got.add(resolveCall(f, CallRef{c->id, "", {}, 0}, depth));
    for (const Summary* r : dataCallees(f, *c))
      for (const auto& [slot, t] : r->effects) got.add(substitute(f, *c, t, depth, false));
  }
  memo = got.take();
  return memo;
}

StrVal Substitution::resolveStr(FunctionId f, const StrVal& s, unsigned depth) const {
  if (!s.alts.empty()) {
    std::vector<StrVal> each;
    for (const StrVal& form : forms(s)) each.push_back(resolveStr(f, form, depth));
    return fromForms(each);
  }
  // What a call may have left in an object: nothing (this form is dropped, the value
  // before is another) where the callee left nothing there.
  if (const StrPiece* left = onlyPiece(s, StrPiece::CallOut)) return resolveCallOut(f, *left, depth + 1);
  StrVal out;
  for (const StrPiece& p : s.pieces) {
    StrVal part;
    if (p.kind == StrPiece::Global) {
      const StrVal* value = graph_.constant(p.text);
      // An element of a constant table a parameter picks: each caller names it.
      if (namesKeyParams(p.text) && graph_.isCalled(f)) part.pieces.push_back(p);
      else if (value && depth < kMaxResolveDepth) part = resolveStr(f, *value, depth + 1);
      else if (value) noteLimit(Limit::ResolveDepth);
      else part.pieces.push_back(p);  // a mutable global: link/Globals.cpp, once all stores are known
    } else if (p.kind == StrPiece::CallRet) {
      const CallSiteFact* c = CallGraph::site(graph_.function(f), p.index);
      const std::vector<const Summary*> targets = c ? dataOf(f, *c) : std::vector<const Summary*>{};
      // A virtual call's overrides each answer, as alternatives: the object a caller
      // binds drops those reading fields its class lacks (`Csv::path()` on an
      // `EdiExporter`). Past a few overrides, the first known value stands.
      constexpr std::size_t kMaxOverrideValues = 8;
      const bool each = c && c->isVirtual && targets.size() <= kMaxOverrideValues;
      bool absent = false;
      for (const Summary* r : targets) {
        if (part.known() && !each) break;
        if (depth >= kMaxResolveDepth) {
          noteLimit(Limit::ResolveDepth);
          break;
        }
        const StrVal returned = p.text.empty() ? r->retStr : returnedFieldStr(*r, p.text, depth + 1);
        StrVal got = resolveStr(f, substituteStr(f, *c, returned), depth + 1);
        if (!got.known()) continue;
        if (!dropAbsent(got)) {  // does not run for this object
          absent = true;
          continue;
        }
        if (!part.known()) part = std::move(got);
        else addAlternatives(part, got);
      }
      // No target runs for this object: the value is not there, as a field its
      // class lacks is not (the sink reading it is dropped, not unresolved).
      if (!part.known() && absent) part = StrVal{{{StrPiece::Absent, "", 0}}, {}};
    } else if (p.kind == StrPiece::CallOut) {
      part = resolveCallOut(f, p, depth + 1);
    } else if (isReturnTypeCondition(p)) {
      if (!returnedTypeMatches(f, p)) return StrVal{{{StrPiece::Absent, "", 0}}, {}};
      continue;  // holds: the form is the rest
    } else {
      part.pieces.push_back(p);
    }
    out = out.known() ? concat(out, part) : (part.known() ? part : unknownStr());
  }
  return out;
}

// A model's `type` condition on what call site `p.index` of `f` returned (`auto out =
// open_stream(path); *out << row;`): whether some function it runs returns an object
// of a matching class.
bool Substitution::returnedTypeMatches(FunctionId f, const StrPiece& p) const {
  const CallSiteFact* c = CallGraph::site(graph_.function(f), p.index);
  if (!c) return false;
  const std::string pattern = p.text.substr(std::strlen(kReturnTypeCondition));
  for (FunctionId target : graph_.targets(f, *c))
    for (const std::string& made : graph_.function(target).retTypeNames)
      if (patternMatches(pattern, made).value_or(true)) return true;
  return false;
}

bool Substitution::returnTypeConditionsHold(FunctionId f, const StrVal& s) const {
  for (const StrVal& form : forms(s))
    if (std::all_of(form.pieces.begin(), form.pieces.end(),
                    [&](const StrPiece& p) { return !isReturnTypeCondition(p) || returnedTypeMatches(f, p); }))
      return true;
  return false;
}

bool Substitution::leavesString(FunctionId f, unsigned site, const std::string& slot, unsigned depth) const {
  const CallSiteFact* c = CallGraph::site(graph_.function(f), site);
  if (!c) return false;
  std::vector<FunctionId> scratch;
  for (FunctionId id : targetIds(f, *c, scratch)) {
    const Summary* r = summaries_.getData(id);
    if (!r) continue;
    if (r->effectStrs.count(slot)) return true;
    if (auto held = r->effectHolders.find(slot); held != r->effectHolders.end() && holdsString(id, held->second, depth))
      return true;
  }
  return false;
}

// Whether objects function `f` leaves in an input's fields may carry a string: one
// of its own inputs or a call's result may, and so may what a library call or a
// function it handed the object to left there. A helper that only reads the object
// (`accepted(*session_)` asking for the response) leaves it as it was.
bool Substitution::holdsString(FunctionId f, const std::map<std::string, Taint>& held, unsigned depth) const {
  constexpr unsigned kMaxHandedDepth = 4;  // an object handed on through helpers
  if (depth >= kMaxHandedDepth) return true;
  for (const auto& [field, value] : held) {
    if (!value.params.empty()) return true;
    for (const CallRef& call : value.calls) {
      if (call.slot.empty() || call.slot == kAnyCallSlot) return true;
      const CallSiteFact* c = CallGraph::site(graph_.function(f), call.site);
      std::vector<FunctionId> scratch;
      if (!c || targetIds(f, *c, scratch).empty() || leavesString(f, call.site, call.slot, depth + 1)) return true;
    }
  }
  return false;
}

// What a call left in an input it was handed (`resolve(host, port, &ai)`), at a field
// below it. A field the callee stored nothing in, below a value it stored whole, is
// that value: an address or handle aimed at a host (`ai->ai_addr`) is aimed there.
StrVal Substitution::resolveCallOut(FunctionId f, const StrPiece& p, unsigned depth) const {
  const CallSiteFact* c = CallGraph::site(graph_.function(f), p.index);
  if (!c) return {};
  // A recursive call (a widget tree walk handing its `result` on): what it leaves is
  // what this function leaves, which changes every round; its own stores answer.
  const std::vector<FunctionId>& targets = graph_.targets(f, *c);
  if (std::find(targets.begin(), targets.end(), f) != targets.end()) return {};
  if (depth >= kMaxResolveDepth) {
    noteLimit(Limit::ResolveDepth);
    return {};
  }
  // Memoised per function being resolved: an object many calls write in turn is
  // each call's output or the one before, a chain every read would walk again.
  MemoKey key;
  key.add("o").add(f).add(p.index).add(p.text);
  if (auto hit = heldMemo_.find(key.text); hit != heldMemo_.end()) return hit->second;
  heldMemo_[key.text];  // in progress: a cycle adds nothing
  const std::size_t dot = p.text.find('.');
  const std::string slot = p.text.substr(0, dot);
  const std::string field = dot == std::string::npos ? "" : p.text.substr(dot + 1);
  StrVal out;
  for (const Summary* r : dataCallees(f, *c)) {
    // A function handed in, run by the callee on the input (a parser's handler
    // filling its `user` context), may have left its strings there.
    if (!r->pending.empty())
      if (StrVal ran = leftByHandedRuns(*c, *r, slot, field, depth); ran.known())
        if (StrVal value = resolveStr(f, substituteStr(f, *c, ran, depth), depth); value.known() && dropAbsent(value))
          addAlternatives(out, value);
    // The common case: the callee leaves no string in that input.
    if (!r->effectStrs.count(slot) && !r->effectHolders.count(slot)) continue;
    StrVal left = calleeFieldStr(*r, slot, field, depth);
    if (!left.known() && !field.empty()) left = calleeFieldStr(*r, slot, "", depth);
    if (!left.known() || isAbsent(left)) continue;
    StrVal value = resolveStr(f, substituteStr(f, *c, left, depth), depth);
    if (!informative(value) && !field.empty())
      if (StrVal whole = calleeFieldStr(*r, slot, "", depth); whole.known() && !sameStr(whole, left))
        if (StrVal got = resolveStr(f, substituteStr(f, *c, whole, depth), depth); informative(got)) value = got;
    // Forms that are not there (a model's condition failed at this call) leave room
    // for the others.
    if (value.known() && dropAbsent(value)) addAlternatives(out, value);
  }
  // Nothing left there by this call: what the argument held before it. A handle a
  // wrapper is handed many times (`set_opt(h, CURLOPT_URL, url)`, then options that
  // leave nothing) keeps its URL however many calls came between, past the bound on
  // the alternatives the extraction kept. Not an unknown value: the form is dropped,
  // as before, and the other forms stand.
  // A global's value is its stores (link/Globals.cpp), which this would only repeat.
  if (!out.known())
    if (const ArgFact* before = c->argument(slot); before && before->global.empty()) {
      const auto kept =
          field.empty()
              ? std::optional<StrVal>(before->str)
              : (before->fieldStrs.count(field) ? std::optional<StrVal>(before->fieldStrs.at(field)) : std::nullopt);
      if (kept && kept->known()) {
        if (StrVal got = resolveStr(f, *kept, depth + 1); informative(got)) out = std::move(got);
      } else if (!kept && before->fromParam) {
        // A field of this function's own input the caller never stored: what it
        // brought (a method of `this` that may store there: FunctionAnalyzer::fieldsLeftByCall).
        const std::string at = before->root.field.empty() ? field : before->root.field + "." + field;
        out = StrVal{{{StrPiece::Param, at, before->root.index}}, {}};
      }
    }
  heldMemo_[key.text] = out;
  return out;
}

// The value a callee left in field `field` of an object: through the calls on the
// object recorded in its taint (a constructor or setter storing a host or URL), or
// through an object held on a path above the field (a service holding a client, a
// table holding clients by name), however deep.
StrVal Substitution::effectStr(FunctionId f, const ArgFact& arg, const std::string& field, unsigned depth) const {
  if (depth > kMaxResolveDepth) {
    noteLimit(Limit::ResolveDepth);
    return {};
  }
  if (arg.whole.calls.empty() && arg.fields.empty()) return {};
  // Memoised per function being resolved (the same object is asked for the same
  // field from many places); a lookup already in progress adds nothing (cycles).
  MemoKey key;
  key.add("e").add(f).add(field);
  for (const CallRef& c : arg.whole.calls) key.add(c);
  for (const auto& [path, t] : arg.fields) {
    if (!t.calls.empty()) key.add(path).add("c").add(t.calls.front().site).add(t.calls.size());
    else if (t.params.size() == 1) key.add(path).add("p").add(t.params[0].index).add(t.params[0].field);
  }
  if (auto hit = heldMemo_.find(key.text); hit != heldMemo_.end()) return hit->second;
  StrVal& memo = heldMemo_[key.text];
  StrVal got = lookupEffectStr(f, arg, field, depth);
  memo = got;
  return got;
}

namespace {

// A call's result that came into the object only as the data of another field
// (`g_hash_table_insert(svc->by_tracking, rc->tracking_no, rc)`), or what a call
// left in one field it was handed (`ops->open(&ctx.priv, cfg)`): it did not make
// the object, so it says nothing of `field` (`svc->relay.host`, `ctx.bev`).
bool onlyInOtherFields(const ArgFact& arg, const CallRef& ref, const std::string& field) {
  if (ref.slot == "this") return false;  // a method run on the object itself made it
  bool other = false;
  for (const auto& [path, t] : arg.fields) {
    const auto same = [&](const CallRef& c) { return sameCall(c, ref); };
    if (std::none_of(t.calls.begin(), t.calls.end(), same)) continue;
    if (relatedFields(path, field)) return false;
    other = true;
  }
  return other;
}

}  // namespace

StrVal Substitution::lookupEffectStr(FunctionId f, const ArgFact& arg, const std::string& field, unsigned depth) const {
  for (const auto& [path, t] : arg.fields) {
    auto rest = fieldBelow(path, field);
    // An object built by calls, or one of the caller's inputs held as it is (a
    // reference captured by a lambda): the field below is that object's.
    const bool input = t.calls.empty() && t.origins.empty() && t.params.size() == 1;
    if (!rest || (t.calls.empty() && !input)) continue;
    const Taint held =
        input ? Taint{{}, {ParamRef{t.params[0].index, t.params[0].field, {}}}, {}} : Taint{{}, {}, t.calls};
    if (StrVal got = heldStr(f, held, *rest, depth + 1); got.known() && !isAbsent(got)) return got;
  }
  // Every call that may have left it counts (a factory returning one of two clients).
  // Objects that cannot have the field (other arguments' objects merged into this
  // one's value) count only when nothing else answers, and not at all where a
  // constructor of a class that has the field built the object too (`Exporter
  // e(client)`: the client's constructor did not make `e`).
  // A value that says nothing (`<?>`) goes after those that say something, so the
  // one shown first is informative; every value is kept.
  StrVal out, unknown;
  bool absent = false, present = false;
  const bool constructed = builtByConstructor(f, arg.whole);
  for (const CallRef& ref : arg.whole.calls) {
    // An object a constructor built holds what it was handed (`Bucket b(reg.http(),
    // where)`): the calls that made those arguments did not make the object.
    if (constructed && ref.slot.empty()) continue;
    if (onlyInOtherFields(arg, ref, field)) continue;
    const std::string wanted = joinField(ref.field, field);
    const bool range = ref.slot == kAnyCallSlot;
    std::vector<const CallSiteFact*> one;
    for (const CallSiteFact* c : range ? stringSites(f) : (one = sitesOf(f, ref))) {
      if (range && (c->id < ref.site || c->id > ref.lastSite)) continue;
      for (const Summary* r : dataOf(f, *c)) {
        present |= ref.slot == "this" && buildsField(*r, wanted);
        StrVal got = calleeFieldStr(*r, ref.slot, wanted, depth + 1);
        if (!got.known() && !r->pending.empty()) got = leftByHandedRuns(*c, *r, ref.slot, wanted, depth + 1);
        if (!got.known()) continue;
        if (isAbsent(got)) {
          absent = true;
          continue;
        }
        StrVal value = resolveStr(f, substituteStr(f, *c, got, depth + 1));
        addAlternatives(onlyPiece(value, StrPiece::Unknown) ? unknown : out, value);
      }
    }
  }
  if (unknown.known()) addAlternatives(out, unknown);
  if (!out.known() && absent && !present) return StrVal{{{StrPiece::Absent, "", 0}}, {}};
  return out;
}

// Some call atom of `object` is a constructor's run on it.
bool Substitution::builtByConstructor(FunctionId f, const Taint& object) const {
  for (const CallRef& ref : object.calls) {
    if (ref.slot != "this") continue;
    for (const CallSiteFact* c : sitesOf(f, ref))
      for (FunctionId callee : graph_.targets(f, *c))
        if (!graph_.function(callee).recordFields.empty()) return true;
  }
  return false;
}

namespace {

// A string, a held object or a returned object a field lookup could read.
bool leavesStrings(const Summary& r) {
  return !r.effectStrs.empty() || !r.effectHolders.empty() || !r.retHolder.calls.empty() || !r.retHolder.params.empty();
}

}  // namespace

const std::vector<const CallSiteFact*>& Substitution::stringSites(FunctionId f) const {
  auto [it, fresh] = stringSites_.try_emplace(f);
  if (fresh)
    for (const CallSiteFact& site : graph_.function(f).calls) {
      const std::vector<const Summary*> targets = dataOf(f, site);
      if (std::any_of(targets.begin(), targets.end(), [](const Summary* r) { return leavesStrings(*r); }))
        it->second.push_back(&site);
    }
  return it->second;
}

// Field `rest` of a value that is one whole input object (a parameter or a
// global), or what one call left in an object it was handed (`m.notifier = &n`
// after `notifier_init(&n)`), or nothing.
std::optional<StrVal> Substitution::wholeObjectField(const StrVal& value, const std::string& rest) {
  for (StrPiece::Kind kind : {StrPiece::Param, StrPiece::Global, StrPiece::CallOut})
    if (const StrPiece* whole = onlyPiece(value, kind)) {
      StrPiece p = *whole;
      p.text = joinFieldBounded(p.text, rest, 2 * kMaxFieldDepth);  // a recursive structure's fields stay bounded
      return StrVal{{p}, {}};
    }
  return std::nullopt;
}

// A field below one the argument holds a whole input in (a closure's captured
// `this`: `this.hall_.mosq_` with `this` holding the caller's own object).
std::optional<StrVal> Substitution::fieldOfHeldObject(const ArgFact& arg, const std::string& field) {
  for (std::size_t dot = field.rfind('.'); dot != std::string::npos && dot > 0; dot = field.rfind('.', dot - 1)) {
    auto held = arg.fieldStrs.find(field.substr(0, dot));
    if (held != arg.fieldStrs.end()) return wholeObjectField(held->second, field.substr(dot + 1));
  }
  return std::nullopt;
}

// Field `field` of what callee `r` returns, in its terms: of the input or global
// it returns a pointer to (`return &g_cfg;`), or of the object it built.
StrVal Substitution::returnedFieldStr(const Summary& r, const std::string& field, unsigned depth) const {
  if (auto held = wholeObjectField(r.retStr, field)) return *held;
  return calleeFieldStr(r, "", field, depth);
}

// Whether `r` is a constructor whose object has the first field of `field`.
bool Substitution::buildsField(const Summary& r, const std::string& field) const {
  const std::vector<std::string>& fields = graph_.function(r.function).recordFields;
  const std::string_view first = std::string_view(field).substr(0, field.find('.'));
  return std::find(fields.begin(), fields.end(), first) != fields.end();
}

// What callee `r` left in `field` of its input `slot`, in the callee's terms.
StrVal Substitution::calleeFieldStr(const Summary& r, const std::string& slot, const std::string& field,
                                    unsigned depth) const {
  // An object whose constructor's class lacks the field: the override reading it is
  // not the one that runs for this object.
  if (slot == "this" && !graph_.function(r.function).recordFields.empty() && !buildsField(r, field)) {
    // The object is an element of a map read through an iterator (`it->second->url_`
    // with `it` into a map the caller filled with `make_unique<HttpSink>(url)`):
    // its field is below the element's.
    const std::size_t dot = field.find('.');
    const llvm::StringRef first = llvm::StringRef(field).substr(0, dot);
    if (dot != std::string::npos && (first == "second" || first.starts_with("[")))
      return calleeFieldStr(r, slot, field.substr(dot + 1), depth + 1);
    return StrVal{{{StrPiece::Absent, "", 0}}, {}};
  }
  if (!leavesStrings(r)) return {};  // the common case: most calls build nothing
  // A function returning an input it stored into (`return *this;` after `host_ =
  // h` in a builder): its own store comes before what the input held.
  if (slot.empty())
    for (const ParamRef& p : r.retHolder.params)
      if (auto stored = p.field.empty() ? r.effectStrs.find(slotOf(p.index)) : r.effectStrs.end();
          stored != r.effectStrs.end())
        if (auto it = stored->second.find(field); it != stored->second.end()) return it->second;
  // The object it returns, filled field by field here (`r.host = kHost; return r;`).
  if (slot.empty())
    if (auto own = r.effectStrs.find(""); own != r.effectStrs.end())
      if (auto it = own->second.find(field); it != own->second.end()) return it->second;
  // A part of the returned object that holds an object of its own (`sinks["carrier"]
  // = make_unique<HttpSink>(url)`): what that part was built from.
  if (slot.empty())
    if (StrVal got = returnedPartStr(r.function, field, depth); got.known()) return got;
  // The object a function returns (`auto c = makeClient(cfg)`): what it was built from.
  if (slot.empty() && (!r.retHolder.calls.empty() || !r.retHolder.params.empty()))
    if (StrVal got = heldStr(r.function, r.retHolder, field, depth + 1); got.known()) return got;
  const auto matches = [&](const std::string& s) { return s == slot || slot == kAnyCallSlot; };
  for (const auto& [s, fields] : r.effectStrs)
    if (auto it = fields.find(field); matches(s) && it != fields.end()) return it->second;
  // A whole object stored above the field (`where_ = where`, a parameter): its field.
  for (const auto& [s, fields] : r.effectStrs) {
    if (!matches(s)) continue;
    for (const auto& [path, value] : fields)
      if (auto rest = fieldBelow(path, field); rest && !rest->empty())
        if (auto narrowed = wholeObjectField(value, *rest)) return *narrowed;
  }
  for (const auto& [s, fields] : r.effectHolders) {
    if (!matches(s)) continue;
    for (const auto& [path, held] : fields)
      if (auto rest = fieldBelow(path, field))
        if (StrVal got = heldStr(r.function, held, *rest, depth + 1); got.known()) return got;
  }
  // Only a part of the field was set (`inet_pton(AF_INET, host, &l->dst.sin_addr)`
  // asked at `dst`): its text is that part's, as a local object's is
  // (FunctionAnalyzer::evalPath).
  if (!field.empty())
    for (const auto& [s, fields] : r.effectStrs) {
      if (!matches(s)) continue;
      for (const auto& [path, value] : fields)
        if (auto rest = fieldBelow(field, path); rest && !rest->empty() && value.known() && !isAbsent(value))
          return value;
    }
  return {};
}

// Field `field` of the object function `f` returns, asked of the object stored at the
// longest part above it that the function filled on its own.
StrVal Substitution::returnedPartStr(FunctionId f, const std::string& field, unsigned depth) const {
  const std::map<std::string, Taint>& parts = graph_.function(f).retFields;
  for (std::string part = field; !part.empty();) {
    const std::size_t dot = part.rfind('.');
    part = dot == std::string::npos ? "" : part.substr(0, dot);
    auto held = parts.find(part);
    if (part.empty() || held == parts.end() || held->second.calls.empty()) continue;
    return heldStr(f, held->second, field.substr(part.size() + 1), depth + 1);
  }
  return {};
}

// Field `rest` of an object function `f` holds: one of its inputs (a parameter piece
// the caller substitutes) or an object one of its calls built.
StrVal Substitution::heldStr(FunctionId f, const Taint& held, const std::string& rest, unsigned depth) const {
  const auto fromInput = [&] {
    if (held.params.empty()) return StrVal{};
    // A method returning `*this` also returns the data it stored there: the
    // object is `this`, not the parameter that data came from.
    auto self = std::find_if(held.params.begin(), held.params.end(),
                             [](const ParamRef& p) { return p.index == kThisParam && p.field.empty(); });
    const ParamRef& input = self != held.params.end() ? *self : held.params.front();
    return StrVal{{{StrPiece::Param, joinFieldBounded(input.field, rest, 2 * kMaxFieldDepth), input.index}}, {}};
  };
  if (held.calls.empty()) return fromInput();
  // An object built here (`up(std::make_unique<Uploader>(url))`) comes first: the
  // inputs that reach the field are then its constructor's arguments.
  // Memoised per function being resolved: the same object is asked for the same
  // field from many call sites.
  MemoKey key;
  key.add("h").add(f).add(rest);
  for (const CallRef& c : held.calls) key.add(c);
  if (auto hit = heldMemo_.find(key.text); hit != heldMemo_.end()) return hit->second;
  StrVal& memo = heldMemo_[key.text];  // in progress: a cycle of holders adds nothing
  ArgFact object;
  object.whole.calls = held.calls;
  StrVal got = effectStr(f, object, rest, depth);
  if (!got.known()) got = fromInput();
  memo = got;
  return got;
}

// A model's condition on the callee's parameter at call site `c`: Fails when the
// argument is spelled otherwise, Forwarded with the condition on the caller's own
// parameter the argument forwards, else Holds (also when it cannot be told here:
// sound, the form stays).
Substitution::Condition Substitution::conditionAtCall(const CallSiteFact& c, const StrPiece& when) const {
  const Condition holds{Condition::Holds, {}};
  if (isReturnTypeCondition(when)) return holds;  // decided in its own function (returnedTypeMatches)
  const ArgFact* arg = c.argument(when.index);
  if (!arg) return holds;
  // A class the caller knows decides here, before the condition could move up.
  const bool onType = llvm::StringRef(when.text).starts_with(kTypeCondition);
  if (onType && !arg->typeName.empty())
    return patternMatches(when.text.substr(std::strlen(kTypeCondition)), arg->typeName).value_or(true)
               ? holds
               : Condition{Condition::Fails, {}};
  if (arg->sameAsParam) return {Condition::Forwarded, {StrPiece::When, when.text, *arg->sameAsParam}};
  if (arg->fromParam && arg->root.field.empty() && arg->root.index != kThisParam)
    return {Condition::Forwarded, {StrPiece::When, when.text, arg->root.index}};
  if (const std::optional<uint64_t> index = whenIndex(when))  // unknown: any element
    return !arg->constant || uint64_t(*arg->constant) == *index ? holds : Condition{Condition::Fails, {}};
  // A condition on the argument's class the caller does not know (an object of the
  // parameter's own class, which failed the test in the callee): fails.
  if (onType) return Condition{Condition::Fails, {}};
  const bool negated = !when.text.empty() && when.text[0] == '!';
  const std::optional<bool> matched = patternMatches(negated ? when.text.substr(1) : when.text,
                                                     arg->modelText.empty() ? arg->spelling : arg->modelText);
  return !matched || *matched != negated ? holds : Condition{Condition::Fails, {}};
}

// Whether `text` matches a model's pattern (compiled once); none for a pattern that
// does not compile (the condition is then taken as holding).
std::optional<bool> Substitution::patternMatches(const std::string& pattern, const std::string& text) const {
  auto [it, fresh] = conditions_.try_emplace(pattern);
  if (fresh) {
    std::string error;
    it->second = compilePattern(pattern, false, error);
  }
  if (!it->second) return std::nullopt;
  return it->second->matches(text);
}

namespace {

// Call site `c` with its local objects as the caller (`facts`) leaves them, if any
// changed after the call.
std::optional<CallSiteFact> withArgsAtExit(const FunctionFacts& facts, const CallSiteFact& c) {
  const auto changed = [](const ArgFact& a) { return a.atExit.has_value(); };
  if (std::none_of(c.args.begin(), c.args.end(), changed) && !changed(c.thisArg)) return std::nullopt;
  CallSiteFact later = c;
  const auto rebind = [&](ArgFact& a) {
    if (!a.atExit || *a.atExit >= facts.localsAtExit.size()) return;
    const ArgFact& last = facts.localsAtExit[*a.atExit];
    if (last.str.known()) a.str = last.str;
    for (const auto& [field, value] : last.fieldStrs) a.fieldStrs[field] = value;
    if (!last.whole.calls.empty()) a.whole.calls = last.whole.calls;
  };
  for (ArgFact& a : later.args) rebind(a);
  rebind(later.thisArg);
  return later;
}

}  // namespace

namespace {

// `s` (in the callee's terms) with each field of a parameter's record replaced by
// what `ofRecord` says the program stores there, where it says.
StrVal withRecordFields(const StrVal& s, const Substitution::FieldFallback& ofRecord) {
  std::vector<StrVal> out;
  for (const StrVal& form : forms(s)) {
    StrVal each;
    for (const StrPiece& p : form.pieces) {
      std::optional<StrVal> stored;
      if (p.kind == StrPiece::Param && p.index != kThisParam && p.index != kGlobalParam && !p.text.empty())
        stored = ofRecord(p.index, p.text);
      StrVal part = stored ? std::move(*stored) : StrVal{{p}, {}};
      each = each.pieces.empty() ? std::move(part) : concat(each, part);
    }
    out.push_back(std::move(each));
  }
  return fromForms(out);
}

// Whether no form of `s` has text, a key or a condition of its own: only what other
// objects may hold (a global's field, a call's result, a parameter) or nothing.
bool onlyHeldElsewhere(const StrVal& s) {
  for (const StrVal& form : forms(s))
    for (const StrPiece& p : form.pieces)
      if (p.kind != StrPiece::Unknown && p.kind != StrPiece::Global && p.kind != StrPiece::Param &&
          p.kind != StrPiece::CallRet && p.kind != StrPiece::CallOut)
        return false;
  return true;
}

}  // namespace

StrVal Substitution::destinationAtCall(FunctionId f, const CallSiteFact& c, const StrVal& s,
                                       const FieldFallback& ofClass, const FieldFallback& ofRecord) const {
  StrVal atCall = resolveStr(f, substituteStr(f, c, s, 0, ofClass));
  if (isAbsent(atCall)) return atCall;
  if (!informative(atCall))
    if (const std::optional<CallSiteFact> later = withArgsAtExit(graph_.function(f), c))
      if (StrVal atExit = resolveStr(f, substituteStr(f, *later, s, 0, ofClass)); informative(atExit))
        atCall = std::move(atExit);
  if (!ofRecord || !onlyHeldElsewhere(atCall)) return atCall;
  StrVal ofRecords = resolveStr(f, substituteStr(f, c, withRecordFields(s, ofRecord)));
  return onlyHeldElsewhere(ofRecords) ? atCall : ofRecords;
}

std::string keyNamedAtCall(const CallSiteFact& c, unsigned index) {
  const ArgFact* arg = c.argument(index);
  if (!arg || arg->str.pieces.size() != 1 || !arg->str.alts.empty()) return "?";
  const StrPiece& key = arg->str.pieces[0];
  if (key.kind == StrPiece::Const) return key.text;
  if (key.kind == StrPiece::Param && key.text.empty()) return keyParam(key.index);
  if (key.kind == StrPiece::Config) return key.text;  // a section handed on: `cfg["sms"]`
  return "?";
}

std::string indexNamedAtCall(const CallSiteFact& c, unsigned index) {
  const ArgFact* arg = c.argument(index);
  if (arg && arg->constant) return std::to_string(*arg->constant);
  if (arg && arg->sameAsParam) return keyParam(*arg->sameAsParam);
  return "?";
}

namespace {

// An env/config/option piece whose key names the callee's parameters, or a global's
// element a parameter picks, keyed at call site `c`.
std::optional<StrPiece> keyedAtCall(const CallSiteFact& c, const StrPiece& p) {
  if ((p.kind != StrPiece::Env && p.kind != StrPiece::Config && p.kind != StrPiece::Option &&
       p.kind != StrPiece::Global) ||
      !namesKeyParams(p.text))
    return std::nullopt;
  const auto name = [&](unsigned i) {
    return p.kind == StrPiece::Global ? indexNamedAtCall(c, i) : keyNamedAtCall(c, i);
  };
  return StrPiece{p.kind, substituteKeyParams(p.text, name), 0};
}

// A field of an input under the element a parameter picks (`this.sinks_.[<arg0>]`
// of `route(channel, ...)`): under the key call site `c` names.
StrPiece elementKeyedAtCall(const CallSiteFact& c, StrPiece p) {
  if (p.kind == StrPiece::Param && namesKeyParams(p.text))
    p.text = substituteKeyParams(p.text, [&](unsigned i) { return keyNamedAtCall(c, i); });
  return p;
}

}  // namespace

namespace {

// A constant number handed to a parameter the callee writes into text (`"tcp://%s:%u"`
// with `open_bus(host, 5560)`) is its digits there; alone it is no text (a descriptor).
bool numberInText(const ArgFact& arg, const StrVal& form) {
  const auto text =
      std::count_if(form.pieces.begin(), form.pieces.end(), [](const StrPiece& p) { return p.kind != StrPiece::When; });
  return !arg.str.known() && arg.constant && text > 1;
}

}  // namespace

// A setting's value at call site `c`: the argument's text where the caller knows it,
// the caller's own setting where it hands on one of its parameters (under its key
// too: a handler of a section calling one for the names in it), and otherwise the
// configuration under the key, as what a parser read from its file is.
StrVal Substitution::settingAtCall(FunctionId f, const CallSiteFact& c, const StrPiece& p, unsigned depth) const {
  const ArgFact* arg = c.argument(p.index);
  const StrVal given = arg && depth < kMaxResolveDepth ? resolveStr(f, arg->str, depth + 1) : StrVal{};
  if (const StrPiece* own = onlyPiece(given, StrPiece::Setting))
    return StrVal{{{StrPiece::Setting, own->text + "." + p.text, own->index}}, {}};
  const StrPiece* own = onlyPiece(given, StrPiece::Param);
  if (own && own->text.empty() && own->index != kThisParam && own->index != kGlobalParam)
    return StrVal{{{StrPiece::Setting, p.text, own->index}}, {}};
  if (informative(given)) return given;
  return StrVal{{{StrPiece::Config, p.text, 0}}, {}};
}

StrVal Substitution::substituteStr(FunctionId f, const CallSiteFact& c, const StrVal& s, unsigned depth,
                                   const FieldFallback& ofField) const {
  if (!s.alts.empty()) {
    // A form whose condition failed here is not there: it takes no room from the
    // others (the value before a wrapper's call, the caller's own forms).
    std::vector<StrVal> each;
    for (const StrVal& form : forms(s))
      if (StrVal got = substituteStr(f, c, form, depth, ofField); !isAbsent(got)) each.push_back(std::move(got));
    return each.empty() ? StrVal{{{StrPiece::Absent, "", 0}}, {}} : fromForms(each);
  }
  StrVal out;
  for (const StrPiece& given : s.pieces) {
    const StrPiece p = elementKeyedAtCall(c, given);
    StrVal part;
    if (p.kind == StrPiece::When) {
      const Condition left = conditionAtCall(c, p);
      if (left.outcome == Condition::Fails) return StrVal{{{StrPiece::Absent, "", 0}}, {}};  // not this call's form
      if (left.outcome == Condition::Forwarded) out.pieces.push_back(left.forwarded);
      continue;
    }
    const ArgFact* arg = p.kind == StrPiece::Param ? c.argument(p.index) : nullptr;
    if (p.kind == StrPiece::Setting) part = settingAtCall(f, c, p, depth);
    else if (auto keyed = keyedAtCall(c, p)) part.pieces.push_back(*keyed);
    else if (arg && p.text.empty()) part = numberInText(*arg, s) ? constStr(std::to_string(*arg->constant)) : arg->str;
    else if (arg && arg->fieldStrs.count(p.text)) part = arg->fieldStrs.at(p.text);
    else if (auto held = arg ? fieldOfHeldObject(*arg, p.text) : std::nullopt) part = *held;
    else if (arg && (part = effectStr(f, *arg, p.text, depth)).known()) {
    } else if (arg && !arg->global.empty() && !p.text.empty())
      part.pieces.push_back(
          {StrPiece::Global, arg->global + "." + p.text, 0});  // a field of a global: link/Globals.cpp
    else if (arg && arg->fromParam)
      // A caller's path (up to the depth bound) and the callee's below it: cut at
      // twice the bound, so a recursive structure (a window's parent's parent...)
      // does not name a longer field on every round of its cluster.
      part.pieces.push_back(
          {StrPiece::Param, joinFieldBounded(arg->root.field, p.text, 2 * kMaxFieldDepth), arg->root.index});
    else if (auto field = arg ? wholeObjectField(arg->str, p.text) : std::nullopt)
      part = *field;  // a copy of a global's record (`Bucket b(reg.eps().pod)`): its field
    // (A parameter the call passes nothing for, a handler the library runs, is unknown
    // here: not the caller's parameter of that number.)
    else if (!arg && p.kind != StrPiece::Param) part.pieces.push_back(p);
    // (Absent: the object has no such field, this override does not run for it.)
    if (!informative(part) && !isAbsent(part) && ofField && p.kind == StrPiece::Param && p.index == kThisParam &&
        !p.text.empty())
      if (std::optional<StrVal> stored = ofField(p.index, p.text)) part = std::move(*stored);
    if (!part.known()) part = unknownStr();
    out = out.known() ? concat(out, part) : part;
  }
  return out;
}

}  // namespace egress
