#include "extract/Solver.h"

#include <gtest/gtest.h>

#include <clang/AST/Expr.h>

#include "ParsedFunction.h"
#include "facts/TaintOps.h"

namespace egress {
namespace {

using Parsed = test::ParsedFunction;
const auto parse = test::parseFunction;

// A toy transfer: `v = <integer literal>` makes the state say v holds that number.
void assignLiterals(const clang::CFGElement& el, State& s) {
  const auto st = el.getAs<clang::CFGStmt>();
  const auto* assign = st ? llvm::dyn_cast<clang::BinaryOperator>(st->getStmt()) : nullptr;
  if (!assign || !assign->isAssignmentOp()) return;
  const auto* var = llvm::dyn_cast<clang::DeclRefExpr>(assign->getLHS()->IgnoreParenImpCasts());
  const auto* lit = llvm::dyn_cast<clang::IntegerLiteral>(assign->getRHS()->IgnoreParenImpCasts());
  if (!var || !lit) return;
  AbsVal v;
  v.str = constStr(std::to_string(lit->getValue().getZExtValue()));
  s[{var->getDecl(), ""}] = v;
}

std::vector<std::string> valuesAtExit(const Parsed& p) {
  std::optional<State> exit = solveForward(*p.cfg, assignLiterals);
  std::vector<std::string> out;
  if (!exit) return out;
  for (const auto& [path, val] : *exit)
    for (const StrVal& form : forms(val.str)) out.push_back(displayStr(form));
  return out;
}

TEST(Solver, BranchesMeetWithBothValues) {
  const Parsed p = parse("int f(bool c) { int a; if (c) a = 1; else a = 2; return a; }");
  ASSERT_TRUE(p.cfg);
  EXPECT_EQ(valuesAtExit(p), (std::vector<std::string>{"1", "2"}));
}

TEST(Solver, ALaterStoreOverwritesOnEveryPath) {
  const Parsed p = parse("int f(bool c) { int a; if (c) a = 1; a = 3; return a; }");
  ASSERT_TRUE(p.cfg);
  EXPECT_EQ(valuesAtExit(p), (std::vector<std::string>{"3"}));
}

TEST(Solver, ALoopReachesItsFixpoint) {
  const Parsed p = parse("int f(int n) { int a = 0; a = 1; while (n--) a = 2; return a; }");
  ASSERT_TRUE(p.cfg);
  EXPECT_EQ(valuesAtExit(p), (std::vector<std::string>{"1", "2"}));
}

TEST(Solver, AnUnreachableExitHasNoState) {
  const Parsed p = parse("void f() { for (;;) {} }");
  ASSERT_TRUE(p.cfg);
  EXPECT_FALSE(solveForward(*p.cfg, assignLiterals));
}

TEST(Solver, AStateThatNeverSettlesHitsTheVisitBudgetAndSaysSo) {
  const Parsed p = parse("void f(int n) { while (n--) {} }");
  ASSERT_TRUE(p.cfg);
  unsigned counter = 0;
  // Every visit makes the state new, so without a budget the loop would not end.
  const auto growing = [&counter](const clang::CFGElement&, State& s) {
    AbsVal v;
    v.fns.push_back("fn" + std::to_string(++counter));
    s[{nullptr, ""}] = v;
  };
  LimitHits hits;
  {
    LimitScope scope(hits);
    solveForward(*p.cfg, growing, {}, 5);
  }
  EXPECT_GT(hits[Limit::BlockVisits], 0u);
}

}  // namespace
}  // namespace egress
