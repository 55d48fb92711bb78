// Values of the program's mutable globals, flow-insensitively: each initial value and
// every value a function stores (a socket connected in an init function, a config
// field filled from getenv), as alternatives. A reader anywhere may see any of them,
// so a flow whose destination names a global is judged for each. A value a function
// stores from one of its parameters (a registration function keeping a handler's
// context) is what each of its call sites passes.
#pragma once

#include <map>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "link/CallGraph.h"
#include "link/Relevance.h"
#include "link/Substitution.h"

namespace egress {

class GlobalValues {
 public:
  // After the fixpoint: stores are resolved through the final summaries.
  GlobalValues(const CallGraph& graph, const Relevance& relevance, const Substitution& subst);
  // `s` with its global pieces replaced by their values (unknown where none is known).
  StrVal resolve(const StrVal& s) const;
  // Data a global may hold when nothing on the way to a reader stored it: what the
  // `storers` (all functions without it) store there, their parameters bound by
  // each of their callers. (Readers whose callers stored the global get that
  // instead: Substitution::globalAtCall.)
  Taint dataOf(const std::string& key, unsigned depth = 0, const std::set<FunctionId>* storers = nullptr) const;
  // `t`, read in `entry` (a function nobody calls), with every global input replaced
  // by what the functions `entry` calls (two levels down) or itself store in it: the
  // stores that can run before the read in this entry's run. A file-local global
  // (isFileLocalGlobal) takes every store of its file's functions.
  Taint resolveGlobalInputs(const Taint& t, FunctionId entry) const;
  // resolveGlobalInputs of an input reading global `key` in `entry` gives data.
  bool givesData(const std::string& key, FunctionId entry) const;

 private:
  void addStoresThroughArguments(FunctionId f, const CallSiteFact& c);
  void addStored(FunctionId f, const std::string& key, const StrVal& value);
  void addValue(const std::string& key, const StrVal& value);
  bool addWholeStore(const std::string& key, FunctionId storer, const StrPiece& whole);
  void addStoredThroughCallers(FunctionId storer, const std::string& key, const StrVal& value, unsigned depth);
  template <typename Fn> void addStoredValues(const std::string& indexed, Fn&& add) const;
  StrVal resolveForm(const StrVal& form, unsigned depth) const;
  StrVal valueOf(const std::string& key, unsigned depth) const;
  StrVal throughCallers(FunctionId storer, const StrVal& value, unsigned depth) const;
  StrVal storedField(FunctionId storer, const StrPiece& whole, const std::string& below) const;
  Taint dataThroughCallers(FunctionId f, const Taint& t, unsigned depth) const;
  Taint storeData(FunctionId f, const std::string& stored, const EffectFact& effect, unsigned depth,
                  const std::string& field) const;
  const std::set<FunctionId>& nearCallees(FunctionId entry) const;
  const std::set<FunctionId>* storersBefore(const std::string& key, FunctionId entry) const;

  const CallGraph& graph_;
  const Relevance& relevance_;
  const Substitution& subst_;
  std::map<std::string, StrVal> values_;                        // key (USR[.field], with element indexes) -> its values
  std::map<std::string, std::vector<std::string>> storedKeys_;  // index-blind key -> keys of values_
  // Stores of values made of the storer's parameters, until all callers are known.
  std::vector<std::tuple<std::string, FunctionId, StrVal>> paramStores_;
  // key -> (storing function, the whole object it stores there: one of its
  // parameters, or the result of one of its calls), read field by field.
  struct WholeStore {
    FunctionId storer;
    StrPiece whole;
    std::string key;  // with its element indexes
    bool fieldsOnly;  // in an element a parameter picked: the value itself is bound per caller
  };
  std::map<std::string, std::vector<WholeStore>> wholeStores_;  // by index-blind key
  std::map<FunctionId, std::vector<std::pair<FunctionId, const CallSiteFact*>>> callers_;
  std::map<std::string, std::vector<std::pair<FunctionId, const EffectFact*>>> dataStores_;  // key -> stores
  std::vector<std::vector<const EffectFact*>> storesIn_;  // by function id: its stores of data in globals
  // Memoised: dataOf by key, and a function's parameter (index, field) through its callers.
  mutable std::map<std::string, Taint> dataMemo_;
  mutable std::map<std::pair<const EffectFact*, std::string>, Taint> storeMemo_;
  mutable std::map<FunctionId, std::set<FunctionId>> nearCallees_;
  mutable std::map<std::tuple<FunctionId, unsigned, std::string>, Taint> paramMemo_;
};

}  // namespace egress
