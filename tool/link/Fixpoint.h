// The whole-program fixpoint: each function's summary is resolved against its
// callees' summaries, callees first, and again whenever a summary it reads changes.
// Recursion converges because summaries only grow and are bounded.
#pragma once

#include <optional>
#include <vector>

#include "link/CallGraph.h"
#include "link/Relevance.h"
#include "link/Substitution.h"
#include "link/Summary.h"

namespace egress {

struct FixpointStats {
  std::size_t resolutions = 0;
  bool converged = true;
  std::vector<double> seconds;  // by function id: time spent resolving it, all rounds
  std::vector<unsigned> times;  // by function id: how often it was resolved
};

class Fixpoint {
 public:
  static constexpr unsigned kMaxRounds = 30;  // resolutions per function, on average
  static constexpr std::size_t kMaxCallChain = 16;

  Fixpoint(const CallGraph& graph, const Relevance& relevance);

  FixpointStats solve();
  // By function id; empty for a function the budget never reached.
  const std::vector<std::optional<Summary>>& summaries() const { return summaries_; }
  const Substitution& substitution() const { return subst_; }

 private:
  Summary resolveFunction(FunctionId f);
  void returnedFields(FunctionId f, Summary& r);
  static bool calledOnObject(const Taint& t);
  bool fieldsLeftByCalls(FunctionId f, const Taint& t, std::map<std::string, Taint>& into);
  void instantiate(FunctionId f, const CallSiteFact& c, const Summary& callee, SinkCollector& out);
  void bindHandedOn(FunctionId f, const CallSiteFact& c, const std::vector<const Summary*>& callees, SinkCollector& out);
  void runPending(FunctionId f, const CallSiteFact& c, const PendingCall& p, Summary& into, SinkCollector& out);
  std::vector<std::string> storedByCalls(FunctionId f, const Taint& object, const std::string& field) const;
  void runStoredHandlers(FunctionId f, const CallSiteFact& c, SinkCollector& out);
  static void forwardStoredFns(const CallSiteFact& c, const std::vector<const Summary*>& callees, Summary& into);
  CallSiteFact inCallerTerms(FunctionId f, const CallSiteFact& c) const;
  ArgFact throughCall(FunctionId f, const CallSiteFact& c, const ArgFact& a) const;

  const CallGraph& graph_;
  const Relevance& relevance_;
  std::vector<std::optional<Summary>> summaries_;
  Substitution subst_;
};

}  // namespace egress
