// The whole-program fixpoint: each function's summary is resolved against its
// callees' summaries, callees first, and again whenever a summary it reads changes.
// Recursion converges because summaries only grow and are bounded.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "link/CallGraph.h"
#include "link/ClassFields.h"
#include "link/InputKeys.h"
#include "link/LinkState.h"
#include "link/RecordFields.h"
#include "link/Relevance.h"
#include "link/Substitution.h"
#include "link/Summary.h"

namespace egress {

struct FixpointStats {
  std::size_t resolutions = 0;
  bool converged = true;
  // Each component that ran out of budget: one of its members, and its size.
  std::vector<std::pair<FunctionId, std::size_t>> unsettled;
  std::vector<double> seconds;  // by function id: time spent resolving it, all rounds
  std::vector<unsigned> times;  // by function id: how often it was resolved (or was, last link)
  std::size_t relinked = 0;     // resolutions done by this run (resume: fewer than `resolutions`)
};

class Fixpoint {
 public:
  // Resolutions per function, on average. A component may spend what the components
  // before it (bottom-up) left unspent, never the share of those after it: one that
  // does not settle stops there, and the rest of the program is still linked.
  static constexpr unsigned kMaxRounds = 30;
  // Resolutions of one function after which the strings of its pending calls widen
  // (widenChangingStrings) where they still change.
  static constexpr unsigned kWidenAfter = 6;
  static constexpr std::size_t kMaxCallChain = 16;

  Fixpoint(const CallGraph& graph, const Relevance& relevance);

  FixpointStats solve();
  // The same summaries as solve(), resolving again only the components (callees'
  // first, `components` as CallGraph::components gives them) that some input in
  // `keys` or some callee's summary changed for since `before`; the others' are read
  // back. Each component resolved again starts from empty summaries in the order
  // solve() uses, so what it computes is what solve() would. Nothing when `before`
  // cannot serve (another program key, an unreadable summary, the budget reached):
  // the caller solves in full, on a fresh Fixpoint. The summaries read back are
  // moved out of `before`.
  std::optional<FixpointStats> resume(LinkState& before, const InputKeys& keys,
                                      const std::vector<std::vector<FunctionId>>& components);
  // What the next link can resume from (empty unless `stats` converged), drafted
  // while the summaries are still read (the flows): each function's keys, and its
  // summary's kept encoding or the summary to encode. write() may run on another
  // thread meanwhile: nothing after the fixpoint changes a kept encoding or a
  // decoded summary, only decodes the others.
  struct StateDraft {
    struct Entry {
      const std::string* usr;
      StoredFunction stored;       // all but the summary
      const std::string* encoded;  // kept, or null:
      const Summary* summary;      // encoded by write()
    };
    uint64_t programKey = 0;
    std::vector<Entry> entries;
    bool empty() const { return entries.empty(); }
    void write(LinkStateWriter& out) const;
  };
  StateDraft draftState(const InputKeys& keys, const FixpointStats& stats) const;
  LinkState takeState(const InputKeys& keys, const FixpointStats& stats) const;  // drafted and encoded
  // By function id; none for a function the budget never reached.
  const SummaryTable& summaries() const { return summaries_; }
  const Substitution& substitution() const { return subst_; }

 private:
  struct ComponentIndex {
    ComponentIndex(std::size_t functions, std::vector<std::vector<FunctionId>> all);
    std::vector<std::vector<FunctionId>> components;
    std::vector<std::size_t> component;  // by function id
    std::vector<std::size_t> position;   // by function id: its place in its component
  };
  // Resolves a component's members (callees' components settled) until their
  // summaries stop changing; false when `budget` resolutions were counted first.
  bool settle(const std::vector<FunctionId>& members, const ComponentIndex& index, std::size_t budget,
              FixpointStats& stats);
  bool resolveAndReplace(FunctionId f, FixpointStats& stats, std::vector<uint64_t>& reads);
  void noteFurtherReads(FunctionId f, const std::vector<uint64_t>& read);
  std::size_t budget() const;
  static std::size_t budgetOf(const std::vector<FunctionId>& members);
  Summary resolveFunction(FunctionId f);
  void returnedFields(FunctionId f, Summary& r);
  static bool calledOnObject(const Taint& t);
  bool fieldsLeftByCalls(FunctionId f, const Taint& t, const std::string& at, std::map<std::string, Taint>& into);
  std::optional<StrVal> storedStr(FunctionId f, const EffectFact& e);
  void fieldsLeftByHandedRuns(FunctionId f, const CallSiteFact& c, const Summary& g, const std::string& slot,
                              const std::string& at, std::map<std::string, StrVal>& into);
  void addFieldsLeft(FunctionId f, const std::map<std::string, StrVal>& left, const std::string& at,
                     const std::function<StrVal(const StrVal&)>& inCaller, std::map<std::string, StrVal>& into);
  void stringsLeftByCall(FunctionId f, const StrVal& str, const std::string& at, std::map<std::string, StrVal>& into);
  bool callsOwnComponent(FunctionId f, const CallSiteFact& c) const;
  void instantiate(FunctionId f, const CallSiteFact& c, const Summary& callee, SinkCollector& out);
  void bindHandedOn(FunctionId f, const CallSiteFact& c, const std::vector<const Summary*>& callees, Summary& into,
                    SinkCollector& out);
  void runPending(FunctionId f, const CallSiteFact& c, const PendingCall& p, Summary& into, SinkCollector& out);
  std::vector<std::string> storedByCalls(FunctionId f, const Taint& object, const std::string& field,
                                         unsigned depth = 0) const;
  std::vector<std::string> functionsAt(const std::map<std::string, std::vector<std::string>>& fns,
                                       const std::map<std::string, StrVal>& strs, const std::string& field) const;
  std::map<std::string, StrVal> stringsAbove(FunctionId f, const ArgFact& holder, const std::string& field) const;
  void runStoredHandlers(FunctionId f, const CallSiteFact& c, SinkCollector& out);
  void runFieldFunctions(FunctionId f, const CallSiteFact& c, SinkCollector& out);
  static void forwardStoredFns(const CallSiteFact& c, const std::vector<const Summary*>& callees, Summary& into);
  CallSiteFact inCallerTerms(FunctionId f, const CallSiteFact& c) const;
  ArgFact throughCall(FunctionId f, const CallSiteFact& c, const ArgFact& a, bool runsHere) const;
  void addGivenBelow(FunctionId f, const ArgFact& given, const std::string& field, ArgFact& out, bool runsHere) const;
  ArgFact handlersObject(const CallSiteFact& c) const;
  static void addCallsBelow(const ArgFact& given, const std::string& field, ArgFact& out);

  const CallGraph& graph_;
  const Relevance& relevance_;
  SummaryTable summaries_;
  Substitution subst_;
  ClassFields classes_;
  RecordFields records_{graph_, classes_};
  std::vector<std::vector<uint64_t>> furtherReads_;                     // by function id: StoredFunction::furtherReads
  std::pair<const ComponentIndex*, std::size_t> settling_{nullptr, 0};  // the component settle() works on
};

}  // namespace egress
