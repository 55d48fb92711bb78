// The program as the link stage sees it: every function with a body (the first
// definition of a USR wins: inline functions appear in many TUs), numbered, with
// what each call site may run and whose summary depends on whose.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "facts/Facts.h"

namespace egress {

using FunctionId = uint32_t;

class CallGraph {
 public:
  // Keeps pointers into `tus`, which must outlive the graph.
  explicit CallGraph(const std::vector<TUFacts>& tus);
  explicit CallGraph(std::vector<TUFacts>&&) = delete;

  std::size_t size() const { return functions_.size(); }
  const FunctionFacts& function(FunctionId id) const { return *functions_[id]; }
  std::optional<FunctionId> find(const std::string& usr) const;
  // Call site `id` of `f` (ids are sorted in the facts), or null.
  static const CallSiteFact* site(const FunctionFacts& f, unsigned id);

  // Every function call site `c` may run: the callee, the known targets, and for a
  // virtual call every override, transitively. Only functions with a body.
  std::vector<FunctionId> targets(const CallSiteFact& c) const;
  // The same for a call site of function `f`'s facts (`ownsSite`), computed once.
  const std::vector<FunctionId>& targets(FunctionId f, const CallSiteFact& c) const;
  bool ownsSite(FunctionId f, const CallSiteFact& c) const;
  // The handlers connected to call site `c`'s callee (a Qt signal's slots,
  // ApiModel::Connect): they run with its arguments, not on its object.
  const std::vector<std::string>& connectedHandlers(const CallSiteFact& c) const;
  // Some other function names it in a call site.
  bool isCalled(FunctionId id) const { return called_[id]; }
  // Held as a value somewhere (a lambda, a function pointer): it may be called from
  // places no call site shows.
  bool isAddressTaken(FunctionId id) const { return addressTaken_[id]; }
  // Held as a value but run by no call site of the program (a handler kept in a
  // std::function list and called through it): its captures are bound where it
  // is handed on instead (Fixpoint::bindAtCreation).
  bool isHeldOnly(FunctionId id) const { return handedOn_[id] && !invoked_[id]; }
  // Its parameters some call handing it on gives a context (ArgFact::contextParam):
  // bound there too, for a held-only function.
  const std::vector<unsigned>& contextParams(FunctionId id) const { return contextParams_[id]; }
  // Who reads its summary: its callers, the callers of the methods it overrides and
  // the functions handing it on as a value.
  const std::vector<FunctionId>& dependents(FunctionId id) const { return dependents_[id]; }
  // Callees before callers (a post-order of the call graph): most summaries are
  // then resolved once.
  std::vector<FunctionId> bottomUpOrder() const;
  // The strongly connected components of the call graph (recursive clusters), callees'
  // components first, each component's members in `order` (bottomUpOrder) order.
  std::vector<std::vector<FunctionId>> components(const std::vector<FunctionId>& order) const;
  // Whose summaries its resolution reads: callees, overrides run, functions handed on.
  const std::vector<FunctionId>& callees(FunctionId id) const { return callees_[id]; }
  // How the link state names a function: a hash of its USR (also for a name no
  // function of this program has, which one of the next program may).
  static uint64_t usrHash(std::string_view usr);
  uint64_t usrHash(FunctionId id) const { return usrHashes_[id]; }
  // The TU whose facts of the function the link uses.
  const TUFacts& owner(FunctionId id) const { return *owners_[id]; }

  // The functions a global holds at `key` (USR[.field]): stored there by its
  // initializer or by a function, or held where a pointer field of one points
  // (`g.ops` aimed at `http_ops`: `g.ops.send` is `http_ops.send`), and what the
  // nearest prefix holding functions holds (a table stored whole).
  std::vector<std::string> globalFunctions(const std::string& key) const;
  // The functions the program stores in a function-pointer field of one of its
  // records (CallSiteFact::fieldTarget): what a call through it nothing else
  // resolves may run.
  const std::vector<std::string>& fieldFunctions(const std::string& fieldKey) const;
  const std::map<std::string, std::vector<std::string>>& allFieldFunctions() const { return fieldFns_; }
  // The same at `key` and anywhere below it (at most 64 globals reached through pointers).
  std::vector<std::string> globalFunctionsBelow(const std::string& key) const;
  // The functions of the globals `value` may point at (`&k_https_ops`).
  std::vector<std::string> tableFunctions(const StrVal& value) const;
  // `at`: the call site `value` comes back from, deciding its tables' indexes.
  std::vector<std::string> aimedGlobals(const FunctionFacts& f, const StrVal& value, unsigned depth,
                                        const CallSiteFact* at = nullptr) const;
  static bool holdsAt(const StrVal& form, const CallSiteFact* at);
  std::vector<FunctionId> returnedTableEntries(const FunctionFacts& f, const StrVal& value) const;
  void addStoresThroughArguments(const CallSiteFact& c);
  void addRefsOfReturnedRecord(const FunctionFacts& f, const std::string& stored, const StrVal& value);

  const StrVal* constant(const std::string& usr) const;
  // Field `field` of global `key` holds a value fixed at build time (a constant record's).
  bool constantField(const std::string& key, const std::string& field) const;
  const std::map<std::string, StrVal>& constants() const { return constants_; }
  const std::vector<const TUFacts*>& tus() const { return tus_; }

 private:
  void collectOverrides();
  void collectEdges();
  void collectGlobalFunctions();
  void collectParamsRun();
  void collectFieldsRun();
  // Callee of `c` runs what its argument `index` holds (paramsRun_).
  bool runsArgument(const CallSiteFact& c, unsigned index) const;
  std::vector<FunctionId> runThroughArguments(const FunctionFacts& f, const CallSiteFact& c,
                                              const std::vector<FunctionId>& callees) const;
  void addTableAbove(const std::string& key, std::vector<std::string>& out) const;
  const std::vector<FunctionId>& overridesOf(const std::string& usr) const;

  std::vector<const TUFacts*> tus_;
  std::vector<const FunctionFacts*> functions_;           // by id, in USR order
  std::vector<const TUFacts*> owners_;                    // by id
  std::vector<uint64_t> usrHashes_;                       // by id
  std::unordered_map<std::string_view, FunctionId> ids_;  // views of the facts' USRs
  std::map<std::string, StrVal> constants_;
  std::unordered_map<std::string, std::vector<FunctionId>> directOverrides_;       // method USR -> overriders
  mutable std::unordered_map<std::string, std::vector<FunctionId>> allOverrides_;  // transitive, memoised
  std::vector<bool> called_, addressTaken_, invoked_, handedOn_;                   // handedOn_: an argument's value
  std::vector<std::vector<unsigned>> contextParams_;                               // by function
  std::vector<std::vector<unsigned>> paramsRun_;  // by function: the parameters it runs (calls through)
  std::vector<std::vector<std::pair<unsigned, std::string>>> fieldsRun_;  // by function: (parameter, field) run
  std::vector<std::vector<FunctionId>> callees_, dependents_;
  std::vector<std::vector<std::vector<FunctionId>>> siteTargets_;  // function -> call site index -> targets
  std::map<std::string, std::vector<std::string>> globalFns_;      // global key -> functions stored there
  std::map<std::string, std::vector<std::string>> fieldFns_;       // record field key -> functions stored there
  bool hasConnections_ = false;                                    // some key holds connected handlers
  std::map<std::string, std::vector<std::string>> globalRefs_;     // global key -> the globals it may point to
};

}  // namespace egress
