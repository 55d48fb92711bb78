// Which inputs of each function may ever carry classified data: a parameter some
// caller passes such data in, a call result that may return it. A parameter no
// caller ever binds to data can never turn into a finding, so summaries drop it:
// they then grow with the data the program really moves, not with every symbolic
// path through a widely called helper (a logger inherited by every caller).
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "link/CallGraph.h"

namespace egress {

class Relevance {
 public:
  explicit Relevance(const CallGraph& graph);

  // Parameter `index` (kThisParam: the object) of `f` may receive classified data.
  bool inputMayCarry(FunctionId f, unsigned index) const;
  // Mutable global `key` (USR[.field]) may be stored classified data somewhere.
  bool globalMayCarry(const std::string& key) const;
  // Argument `index` (kThisParam: the object) of call site `c` in `f` may hold
  // classified data: if not, nothing `c` binds it to can. (A `va_list` input also
  // stands for the arguments after it: ask each.)
  bool argumentMayCarry(FunctionId f, const CallSiteFact& c, unsigned index) const;
  // `t` (in `f`'s terms) without the parameter atoms that can never carry data.
  Taint prune(FunctionId f, Taint t) const;
  // What prune() of `f` depends on, as text: its parameters' answers ('0'/'1').
  std::string inputsKey(FunctionId f) const;

 private:
  struct Changes {
    bool output = false;                    // what callers read of it: its result or what it leaves
    std::vector<std::string_view> globals;  // keys newly given data (views into the facts or globals_)
    std::vector<FunctionId> inputs;         // functions with a parameter newly carrying data
  };
  void solve();
  Changes update(FunctionId f);
  bool carries(FunctionId f, const Taint& t) const;
  bool carries(FunctionId f, const ArgFact& a) const;
  bool callCarries(FunctionId f, const CallRef& ref) const;
  // What call site `c` of `f` yields (`slot` empty) or leaves in its input `slot`.
  bool siteCarries(FunctionId f, const CallSiteFact& c, const std::string& slot) const;
  std::vector<bool>::reference slot(FunctionId f, unsigned index);  // of params_
  bool mark(FunctionId f, unsigned index);
  bool inputOrGlobalMayCarry(FunctionId f, const ParamRef& p) const;

  const CallGraph& graph_;
  std::vector<std::vector<bool>> params_;  // per function: parameters, then the object
  std::vector<bool> returns_;
  std::set<std::string, std::less<>> globals_;  // keys of globals some store may give data
  mutable std::string below_;                   // globalMayCarry's "key."
  // After solve(): the roots (key up to its first '.') of globals_'s keys, viewing them.
  std::unordered_set<std::string_view> rootsWithData_;
  bool solved_ = false;
  std::vector<std::map<std::string, bool>> effects_;                  // per function: slot -> may carry
  std::vector<bool> anyEffect_;                                       // per function: some slot of effects_ may carry
  mutable std::map<std::pair<FunctionId, unsigned>, bool> bodyless_;  // results of calls without a body, this pass
};

}  // namespace egress
