// The values a class's own methods store in the fields of their object. A flow's
// destination that still names a field of `this` in the function it was found in
// (an entry point nobody in the scan calls: a slot, a callback, a method of a class
// wired up by code outside the scan) gets those values, where every store the class
// makes there is known: `SorterFeed() : m_plc("10.40.0.20")` read in a slot.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "facts/Facts.h"
#include "link/CallGraph.h"

namespace egress {

class Substitution;

class ClassFields {
 public:
  // With `built` (final summaries: after the fixpoint), a field of an object the
  // class stores whole from a call (`transport_ = new Transport(url)`) is what that
  // call left in the object; without it, such fields stay unknown.
  explicit ClassFields(const CallGraph& graph, const Substitution* built = nullptr) : graph_(graph), built_(built) {}
  // `destination`, found in function `f`, with its pieces naming a field of `this`
  // replaced by what the methods of `f`'s class store there, where all of that is
  // known; other pieces as they were. `why` gets a step per store used, at the
  // storing method ("`this.plc_` is set by SorterFeed::SorterFeed()").
  StrVal resolve(FunctionId f, const StrVal& destination, Path& why) const;
  // Every field of the class `owner` (a class USR) whose stores are all known, with
  // its values: the object a signal's handler of that class runs on.
  const std::map<std::string, StrVal>& knownFields(const std::string& owner) const;
  // Field path `field` (`target_.bucket`) of any object of class `owner`, where all
  // the class stores there is known: what a call on an object the caller cannot
  // trace (one a registry or a factory hands out) finds there. `why` gets a step per
  // store used.
  std::optional<StrVal> fieldOfAny(const std::string& owner, const std::string& field, Path& why) const;
  // `form`, a value stored in function `in` into no field of a class: its
  // parameters by what callers pass, its calls' results by the callees (final
  // summaries); none if a piece stays unknown.
  std::optional<StrVal> valueIn(FunctionId in, const StrVal& form, Path& why) const {
    return resolveForm({}, form, in, 0, why);
  }
  // The methods of class `owner` with a body.
  const std::vector<FunctionId>& methodsOf(const std::string& owner) const;

 private:
  std::optional<StrVal> storedIn(const std::string& owner, const std::string& field, unsigned depth, Path& why) const;
  // `in`: the function the form is a value of (its parameters' callers).
  std::optional<StrVal> resolveForm(const std::string& owner, const StrVal& form, FunctionId in, unsigned depth,
                                    Path& why) const;
  std::optional<StrVal> resolveFieldsOnly(const std::string& owner, const StrVal& form, const StrVal& ofObject,
                                          Path& why) const;
  std::optional<StrVal> fieldValue(const std::string& owner, const std::string& field, unsigned depth, Path& why) const;
  std::optional<StrVal> storedBelow(const std::string& owner, const std::string& path, unsigned depth, Path& why) const;
  std::string classOfField(const std::string& owner, const std::string& field) const;
  const std::set<std::string>& derivedFrom(const std::string& base) const;
  bool storesAt(const std::string& cls, const std::string& field) const;
  std::optional<StrVal> storedInDerived(const std::string& base, const std::string& field, unsigned depth,
                                        Path& why) const;
  bool usedInPlace(FunctionId m, const EffectFact& e) const;
  bool leftAsItWas(FunctionId m, const EffectFact& e) const;
  std::optional<StrVal> storedAt(FunctionId m, const EffectFact& e, const std::string& field) const;
  std::optional<StrVal> inTermsOf(FunctionId f, const StrVal& form) const;
  std::optional<StrVal> passedAt(const FunctionFacts& caller, const ArgFact& arg, const std::string& field) const;
  std::optional<StrVal> passedByCallers(FunctionId m, const StrPiece& p, unsigned depth, Path& why) const;

  const CallGraph& graph_;
  const Substitution* built_;
  mutable std::map<std::string, std::vector<FunctionId>> methods_;  // class USR -> its methods, built once
  mutable std::map<std::string, std::set<std::string>> derived_;    // class USR -> classes overriding its methods
  mutable bool derivedBuilt_ = false;
  mutable std::map<std::string, std::map<std::string, StrVal>> known_;  // class USR -> knownFields
  mutable std::map<std::pair<std::string, std::string>, std::pair<std::optional<StrVal>, Path>> anyObject_;
};

// The USR of the class a method's USR names (`c:@S@Feed@F@announce#` -> `c:@S@Feed`),
// or empty for a function that is no method.
std::string classOfMethod(const std::string& usr);
// The class of the method a lambda's call operator was written in
// (`c:@S@Feed@F@run#@Sa@F@operator()#1` -> `c:@S@Feed`), or empty.
std::string classOfLambda(const std::string& usr);
// Whether `usr` is a lambda's call operator.
bool isLambdaCallOperator(const std::string& usr);

}  // namespace egress
