// Conditions on a function's parameters that hold along a CFG edge (`if (level >=
// 3)`, `if (!quiet)`, `case kJson:`): recorded on the sinks and calls they guard, so
// the link can skip them for callers passing a constant that fails them.
#pragma once

#include <optional>
#include <set>
#include <vector>

#include "facts/Facts.h"

namespace clang {
class ASTContext;
class CFGBlock;
class CallExpr;
class Expr;
class FunctionDecl;
class ParmVarDecl;
}  // namespace clang

namespace egress {

// Parameters the body never assigns, increments or takes the address of.
struct StableParams {
  // Of integer, flag or enum type passed by value: a condition on one is a
  // condition on what the caller passed.
  std::set<const clang::ParmVarDecl*> scalars;
  // Of text type (`const char *`, `const std::string&`), in order: a text
  // comparison of one with a constant names a key (FunctionAnalyzer::textKeyOnEdge).
  std::vector<const clang::ParmVarDecl*> texts;
};
StableParams stableParams(const clang::FunctionDecl* fn);

// The condition a block ending in a branch decides: for `if (a && b)`, the block
// evaluating `b` decides `b` (a block ending in `&&` itself decides `a`).
const clang::Expr* branchCondition(const clang::CFGBlock& block);

// The call a condition tests, looking through `!` and comparisons with 0, and
// whether the condition is true where the call's result is (`!strcmp(a, b)`: false).
std::optional<std::pair<const clang::CallExpr*, bool>> callTruthIn(const clang::Expr* cond,
                                                                   const clang::ASTContext& ast);

// The guard `cond` being true establishes on one of `stable`, if it is a condition
// on one: a comparison with a constant, truthiness, a flag test (`p & kFlag`), `!`.
std::optional<std::pair<const clang::ParmVarDecl*, Guard>>
guardWhenTrue(const clang::Expr* cond, const std::set<const clang::ParmVarDecl*>& stable, const clang::ASTContext& ast);
Guard::Op negatedGuard(Guard::Op op);

// The guards taking successor `succ` of `block` establishes on `stable` parameters.
std::vector<std::pair<const clang::ParmVarDecl*, Guard>> edgeGuards(const clang::CFGBlock& block, unsigned succ,
                                                                    const std::set<const clang::ParmVarDecl*>& stable,
                                                                    const clang::ASTContext& ast);

}  // namespace egress
