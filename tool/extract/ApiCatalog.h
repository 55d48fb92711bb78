// Looks up the library models (rules/apis) and sanitizers that apply to a callee.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "rules/Rules.h"

namespace clang {
class CallExpr;
class CXXConstructExpr;
class Expr;
class FunctionDecl;
class LambdaExpr;
}  // namespace clang

namespace egress {

// A call seen uniformly: operator calls give their operands as args in source order;
// member calls and member operators give the object as `self`.
struct CallView {
  const clang::FunctionDecl* callee = nullptr;
  const clang::Expr* expr = nullptr;
  const clang::Expr* self = nullptr;
  std::vector<const clang::Expr*> args;
  bool isConstructor = false;
  bool selfInArgs = false;  // member operator: args[0] is also `self`
};

CallView callView(const clang::CallExpr* call);
// The lambda a value is made from, looking through std::function-style wrappers.
const clang::LambdaExpr* lambdaIn(const clang::Expr* e);
// That lambda, or each lambda an aggregate of them is made from (`overloaded{[this](A
// a) {...}, [](B b) {...}}` for std::visit): their captures are the object's fields.
std::vector<const clang::LambdaExpr*> lambdasIn(const clang::Expr* e);
CallView callView(const clang::CXXConstructExpr* ctor);

// Which models and sanitizers match a canonical name. The regexes run once per name
// and scan, not once per TU: the same library functions are called everywhere.
class NameMemo {
 public:
  // Indices of the matching models, and of the matching sanitizers (data rules
  // first, then the policy's).
  struct Matches {
    std::vector<uint32_t> models, sanitizers, sources;
  };
  const Matches& lookup(const std::string& name, const RuleSet& rules);
  // Categories by function name and return type class (Classifier::functionCategories):
  // computed once per name for the whole scan.
  std::vector<std::string> functionCategories(const std::string& key,
                                              const std::function<std::vector<std::string>()>& compute);
  // Which field matchers' name patterns match `name`: indices over every category's
  // `fields` in order, sorted. Regex matching was the largest part of
  // classifying fields; the same names recur in every TU.
  const std::vector<uint32_t>& fieldMatchers(const std::string& name, const RuleSet& rules);

 private:
  std::mutex mutex_;
  std::unordered_map<std::string, std::unique_ptr<Matches>> byName_;
  std::unordered_map<std::string, std::vector<std::string>> functionCategories_;
  std::unordered_map<std::string, std::unique_ptr<std::vector<uint32_t>>> fieldMatchers_;
};

class ApiCatalog {
 public:
  ApiCatalog(const RuleSet& rules, NameMemo& memo) : rules_(rules), memo_(memo) {}

  // Models whose name matches the callee; conditions are checked by the caller.
  const std::vector<const ApiModel*>& modelsFor(const clang::FunctionDecl* callee) { return rulesFor(callee).models; }
  // A model of the method replaces its object with nothing (`clear()`, `reset()`),
  // whatever the call's operands.
  bool empties(const clang::FunctionDecl* method);
  // The two operands a call exchanges, where a model of its callee says `swap`
  // whatever the call's operands (`std::swap(a, b)`, `a.swap(b)`); else none.
  std::vector<const clang::Expr*> swappedOperands(const clang::CallExpr* call);
  // The two operands a call compares as text, where a model of its callee says
  // `compares`, and whether the call gives zero (strcmp) or true (`==`) for equal.
  struct ComparedTexts {
    const clang::Expr* left = nullptr;
    const clang::Expr* right = nullptr;
    bool zeroWhenEqual = true;
  };
  std::optional<ComparedTexts> comparedTexts(const clang::CallExpr* call);
  // The rules' macros whose value is their string literal (QStringLiteral).
  const std::vector<std::string>& literalMacros() const { return rules_.literalMacros; }
  // Category patterns removed by the sanitizers naming this callee (empty: none).
  const std::vector<std::string>& sanitizedBy(const clang::FunctionDecl* callee) { return rulesFor(callee).removes; }
  // The rules' `sources` naming this callee (its result or an out-argument is data).
  const std::vector<const SourceRule*>& sourcesOf(const clang::FunctionDecl* callee) {
    return rulesFor(callee).sources;
  }

 private:
  const RuleSet& rules_;
  NameMemo& memo_;
  struct CalleeRules {
    std::vector<const ApiModel*> models;
    std::vector<std::string> removes;
    std::vector<const SourceRule*> sources;
  };
  const CalleeRules& rulesFor(const clang::FunctionDecl* callee);

  std::map<const clang::FunctionDecl*, CalleeRules> callees_;
};

}  // namespace egress
