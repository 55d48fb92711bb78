// Puts callee summaries into a caller's terms: call atoms become what the callees
// return or leave behind, the callees' parameters become what the call site passed,
// and string pieces become the caller's values (a URL assembled from a constructor
// argument, a constant, a parameter still open).
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "link/CallGraph.h"
#include "link/Summary.h"
#include "rules/Pattern.h"

namespace egress {

class TaintUnion;

// A callee's guards seen from call site `c`: false when an argument is a constant
// failing one (nothing behind it runs for this call); else, in `out`, the call site's
// own guards and those on arguments that are the caller's unchanged parameters.
bool guardsAtCall(const CallGraph& graph, const CallSiteFact& c, const std::vector<Guard>& calleeGuards,
                  std::vector<Guard>& out);
// A callee's origins seen from call site `c`: those whose guards the call's
// constant arguments do not fail, conditional on the rest in the caller's terms.
std::vector<Origin> originsAtCall(const CallGraph& graph, const CallSiteFact& c, const std::vector<Origin>& origins);

// How call `c` names its callee's key parameter `index` (facts/TaintOps.h keyParam):
// a constant, or `<argN>` for the caller's own parameter it forwards; else `?`.
std::string keyNamedAtCall(const CallSiteFact& c, unsigned index);
// How call `c` names an element index its callee picks with parameter `index`
// (`g_conn[ch]`): a constant's value, `<argN>` for the caller's own parameter it
// passes on unchanged (`ArgFact::sameAsParam`), else `?` (any element).
std::string indexNamedAtCall(const CallSiteFact& c, unsigned index);

class Substitution {
 public:
  static constexpr unsigned kMaxResolveDepth = 12;

  Substitution(const CallGraph& graph, const SummaryTable& summaries)
      : graph_(graph), summaries_(summaries), versions_(graph.size(), 0) {}

  // Call results are memoised per function being resolved; summaries may have
  // changed since the last one.
  void startFunction(FunctionId f) const;
  // What the resolution since startFunction read beyond its own call sites' targets,
  // as USR hashes (CallGraph::usrHash), sorted, then forgotten: the functions a
  // lookup put itself in the terms of (the callee whose returned object's field is
  // read, through its own call sites and their callees, however deep), and the
  // functions a call rebuilt here names (a pending call, a handler stored by a
  // callee), also those without a body in this program, which may get one. Their
  // facts and summaries are inputs of this resolution too. The resolved function
  // itself is among them when a lookup came back to its own (last) summary.
  std::vector<uint64_t> takeFurtherReads() const;

  // The summaries of every function call site `c` of `f` may run.
  std::vector<const Summary*> callees(FunctionId f, const CallSiteFact& c) const { return targetSummaries(f, c, true); }
  // The same with only their data parts sure to be there (SummaryTable::getData).
  std::vector<const Summary*> dataOf(FunctionId f, const CallSiteFact& c) const { return targetSummaries(f, c, false); }
  // Summary of function `g` was replaced: joins holding it are out of date.
  void summaryReplaced(FunctionId g) const;

  // `t` with its call atoms replaced by what the calls yield.
  Taint resolveTaint(FunctionId f, const Taint& t, unsigned depth = 0) const;
  // A callee's taint `t` at call site `c`: its parameters replaced by the arguments
  // (`paramsOnly`: its own origins left out). A parameter input whose guards a
  // constant argument fails is left out; the others stay conditional on guards in
  // the caller's terms (guardsAtCall).
  Taint substitute(FunctionId f, const CallSiteFact& c, const Taint& t, unsigned depth, bool paramsOnly) const;
  StrVal resolveStr(FunctionId f, const StrVal& s, unsigned depth = 0) const;
  StrVal settingAtCall(FunctionId f, const CallSiteFact& c, const StrPiece& p, unsigned depth) const;
  // Each function call site `c` hands callee `r` that the callee runs on its input
  // `slot`, with the call as it runs it (in r's terms) and the run's slot for it.
  void forHandedRuns(const CallSiteFact& c, const Summary& r, const std::string& slot,
                     const std::function<void(const Summary&, const CallSiteFact&, const std::string&)>& each) const;
  // A field of one of the callee's inputs (parameter `index`, or kThisParam) the
  // call site leaves unknown (an object from a registry or a factory the scan
  // cannot see, a driver's opaque handle): what the program always stores there,
  // if that is known.
  using FieldFallback = std::function<std::optional<StrVal>(unsigned index, const std::string& field)>;
  StrVal substituteStr(FunctionId f, const CallSiteFact& c, const StrVal& s, unsigned depth = 0,
                       const FieldFallback& ofField = nullptr) const;
  // What a model's condition (a `When` piece on the callee's parameter) says at call
  // site `c`: it holds, it fails, or it becomes a condition on the caller's own
  // parameter (`forwarded`).
  struct Condition {
    enum Outcome { Holds, Fails, Forwarded } outcome = Holds;
    StrPiece forwarded;
  };
  Condition conditionAtCall(const CallSiteFact& c, const StrPiece& when) const;
  // A callee's sink destination `s` at call site `c`, resolved. Where the arguments
  // leave it open, the caller's local objects as it leaves them (ArgFact::atExit):
  // the handle may be pointed somewhere by a later call. Where both leave it open,
  // what `ofClass` (fields of the callee's object) and then `ofRecord` (fields of its
  // parameters' records) say.
  StrVal destinationAtCall(FunctionId f, const CallSiteFact& c, const StrVal& s, const FieldFallback& ofClass = nullptr,
                           const FieldFallback& ofRecord = nullptr) const;
  // Some function call site `site` of `f` may run leaves a string in its input `slot`
  // ("this", "arg:N"): a setter, not a call that only uses the object.
  bool leavesString(FunctionId f, unsigned site, const std::string& slot, unsigned depth = 0) const;
  bool returnedTypeMatches(FunctionId f, const StrPiece& p) const;
  bool buildsField(const Summary& r, const std::string& field) const;
  // Whether some form of `s` (a sink's destination in `f`'s own terms) has all its
  // kReturnTypeCondition pieces hold.
  bool returnTypeConditionsHold(FunctionId f, const StrVal& s) const;
  std::optional<bool> patternMatches(const std::string& pattern, const std::string& text) const;

 private:
  std::vector<const Summary*> targetSummaries(FunctionId f, const CallSiteFact& c, bool sinks) const;
  Taint globalAtCall(FunctionId f, const CallSiteFact& c, const ParamRef& p, unsigned depth) const;
  // One of the later calls `ref` remembers resets `field` of the object (every
  // function it may run does): what `ref` stands for is no longer there.
  bool resetSince(FunctionId f, const CallRef& ref, const std::string& field) const;
  Taint argTaint(FunctionId f, const ArgFact& arg, const std::string& field, unsigned depth, bool object) const;
  bool capturedVariable(FunctionId f, const ParamRef& p) const;
  // A reference into the memo, or to `scratch` for a site the function does not own.
  const Taint& argInput(FunctionId f, const CallSiteFact& c, const ParamRef& p, unsigned depth, Taint& scratch) const;
  const Taint& effectOnField(FunctionId f, const CallRef& ref, const std::string& field, unsigned depth) const;
  const Taint& resolveCall(FunctionId f, const CallRef& ref, unsigned depth) const;
  const Taint& rangeEffectOnField(FunctionId f, const CallRef& ref, const std::string& field, unsigned depth) const;
  // What the functions the caller hands call site `c` leave in its input `slot`
  // where the callee runs them on it (its pending calls).
  Taint leftByHandedFunctions(FunctionId f, const CallSiteFact& c, const std::string& slot, const std::string& field,
                              unsigned depth) const;
  void leftByHandedFunctions(FunctionId f, const CallSiteFact& c, const Summary& callee, const std::string& slot,
                             const std::string& field, unsigned depth, TaintUnion& out) const;
  const Taint& resolveRange(FunctionId f, const CallRef& ref, unsigned depth) const;
  const Taint& resultField(FunctionId f, const CallRef& ref, unsigned depth) const;
  // The widened atom of call site `c` alone.
  static CallRef oneSite(const CallSiteFact& c) { return CallRef{c.id, kAnyCallSlot, {}, c.id}; }
  const Taint& bodylessOutput(FunctionId f, const CallSiteFact& c, const std::string& slot, unsigned depth) const;
  const std::vector<FunctionId>& targetIds(FunctionId f, const CallSiteFact& c, std::vector<FunctionId>& scratch) const;
  bool holdsString(FunctionId f, const std::map<std::string, Taint>& held, unsigned depth) const;
  // What a call yields or leaves in its inputs (ret, effects, effectFields,
  // retHolder), for each function it may run; a virtual call with many overrides
  // gets one summary joining theirs, so it is put into the caller's terms once
  // rather than once per override.
  std::vector<const Summary*> dataCallees(FunctionId f, const CallSiteFact& c) const;
  // The call sites a call atom stands for: one, or each in a widened range.
  std::vector<const CallSiteFact*> sitesOf(FunctionId f, const CallRef& ref) const;
  StrVal resolveCallOut(FunctionId f, const StrPiece& p, unsigned depth) const;
  // What the functions call site `c` hands callee `r` leave at `field` of the
  // callee's input `slot` where it runs them on it (a parser's handler filling its
  // `user` context), in the callee's terms.
  StrVal leftByHandedRuns(const CallSiteFact& c, const Summary& r, const std::string& slot, const std::string& field,
                          unsigned depth) const;
  StrVal effectStr(FunctionId f, const ArgFact& arg, const std::string& field, unsigned depth) const;
  StrVal lookupEffectStr(FunctionId f, const ArgFact& arg, const std::string& field, unsigned depth) const;
  StrVal calleeFieldStr(const Summary& r, const std::string& slot, const std::string& field, unsigned depth) const;
  StrVal returnedFieldStr(const Summary& r, const std::string& field, unsigned depth) const;
  static std::optional<StrVal> wholeObjectField(const StrVal& value, const std::string& rest);
  StrVal returnedPartStr(FunctionId f, const std::string& field, unsigned depth) const;
  static std::optional<StrVal> fieldOfHeldObject(const ArgFact& arg, const std::string& field);
  bool builtByConstructor(FunctionId f, const Taint& object) const;
  // The call sites of `f` some function of which may leave a string or an object a
  // field lookup reads (calleeFieldStr answers nothing otherwise, but for a missing
  // field of the object a call of one site was made on), in order. Most calls
  // leave none: a lookup through a widened range of calls (each call of a script
  // engine's 1,400 registrations asks about every one before it) walks only these.
  const std::vector<const CallSiteFact*>& stringSites(FunctionId f) const;
  StrVal heldStr(FunctionId f, const Taint& held, const std::string& rest, unsigned depth) const;

  const CallGraph& graph_;
  const SummaryTable& summaries_;
  // (call site, slot#field) -> result, for the function being resolved.
  // Results are handed out by reference: map nodes stay put while others are added.
  mutable std::map<std::pair<unsigned, std::string>, Taint> memo_;
  const Taint empty_;
  // Joined summaries by target set, with the versions of the summaries joined.
  struct Join {
    std::vector<uint32_t> versions;
    Summary summary;
  };
  mutable std::map<std::vector<FunctionId>, Join> joins_;
  mutable std::vector<uint32_t> versions_;  // by function: summaries assigned so far
  // (function, held object, field) -> its string value, for the function being resolved.
  mutable std::unordered_map<std::string, StrVal> heldMemo_;
  mutable std::map<std::string, std::optional<Pattern>> conditions_;            // When patterns, compiled once
  mutable std::map<FunctionId, std::vector<const CallSiteFact*>> stringSites_;  // for the function being resolved
  mutable FunctionId current_ = 0;                                              // the function being resolved
  mutable std::vector<uint64_t> furtherReads_;                                  // takeFurtherReads
};

}  // namespace egress
