#include "extract/Guards.h"

#include <gtest/gtest.h>

#include "ParsedFunction.h"

namespace egress {
namespace {

using Parsed = test::ParsedFunction;
const auto parse = test::parseFunction;

// Every guard any edge of `f` establishes, as "param op value" for the true edge
// (successor 0) and the false edge (successor 1) of each branch.
std::vector<std::string> allGuards(const Parsed& p) {
  const auto stable = stableParams(p.fn).scalars;
  std::vector<std::string> out;
  for (const clang::CFGBlock* block : *p.cfg)
    for (unsigned succ = 0; succ < block->succ_size(); ++succ)
      for (const auto& [param, g] : edgeGuards(*block, succ, stable, p.unit->getASTContext()))
        out.push_back(param->getName().str() + " " + std::to_string(int(g.op)) + " " + std::to_string(g.value));
  std::sort(out.begin(), out.end());
  return out;
}

TEST(Guards, AComparisonWithAConstantGuardsBothEdges) {
  const Parsed p = parse("void g(); void f(int level) { if (level >= 3) g(); }");
  // Ge on the true edge, its negation (Lt) on the false one.
  EXPECT_EQ(allGuards(p), (std::vector<std::string>{"level 2 3", "level 5 3"}));
}

TEST(Guards, FlagsNegationsEnumsAndConstantsOnTheLeft) {
  EXPECT_EQ(allGuards(parse("void g(); void f(bool quiet) { if (!quiet) g(); }")),
            (std::vector<std::string>{"quiet 0 0", "quiet 1 0"}));
  EXPECT_EQ(allGuards(parse("enum M { A, B }; void g(); void f(M m) { if (B == m) g(); }")),
            (std::vector<std::string>{"m 0 1", "m 1 1"}));
}

TEST(Guards, EachOperandOfAConjunctionGuardsTheEdgesOfItsOwnBlock) {
  EXPECT_EQ(allGuards(parse("void g(); void f(int a, int b) { if (a == 1 && b == 2) g(); }")),
            (std::vector<std::string>{"a 0 1", "a 1 1", "b 0 2", "b 1 2"}));
}

TEST(Guards, TextParametersTheBodyNeverChanges) {
  const Parsed p =
      parse("void g(const char*); void f(const char* key, const char* value, char* moved, int n) { g(key); g(value); "
            "moved++; }");
  std::vector<std::string> names;
  for (const clang::ParmVarDecl* param : stableParams(p.fn).texts) names.push_back(param->getName().str());
  EXPECT_EQ(names, (std::vector<std::string>{"key", "value"}));
}

TEST(Guards, TheCallAConditionTestsThroughNegationsAndZero) {
  const Parsed p = parse("int cmp(const char*, const char*); void g(); void f(const char* k) { "
                         "if (!(cmp(k, \"a\") != 0)) g(); }");
  std::optional<std::pair<const clang::CallExpr*, bool>> tested;
  for (const clang::CFGBlock* block : *p.cfg)
    if (const clang::Expr* cond = branchCondition(*block)) tested = callTruthIn(cond, p.unit->getASTContext());
  ASSERT_TRUE(tested.has_value());
  EXPECT_FALSE(tested->second);  // true where cmp() gives 0
}

TEST(Guards, SwitchCasesAndDefault) {
  const Parsed p = parse("void g(); void f(int k) { switch (k) { case 1: g(); break; default: g(); } }");
  EXPECT_EQ(allGuards(p), (std::vector<std::string>{"k 0 1", "k 1 1"}));
}

TEST(Guards, FlagTestsGuardBothEdges) {
  // BitsSet (6) on the true edge of `flags & 4`, BitsClear (7) on the false one.
  EXPECT_EQ(allGuards(parse("void g(); void f(unsigned flags) { if (flags & 4u) g(); }")),
            (std::vector<std::string>{"flags 6 4", "flags 7 4"}));
  EXPECT_EQ(allGuards(parse("void g(); void f(unsigned flags) { if ((2u & flags) == 0) g(); }")),
            (std::vector<std::string>{"flags 6 2", "flags 7 2"}));
  EXPECT_EQ(allGuards(parse("void g(); void f(unsigned flags) { if (!(flags & 1u)) g(); }")),
            (std::vector<std::string>{"flags 6 1", "flags 7 1"}));
  // A mask that is not a constant is no guard.
  EXPECT_TRUE(allGuards(parse("void g(); void f(unsigned flags, unsigned m) { if (flags & m) g(); }")).empty());
}

TEST(Guards, AFlagGuardHoldsForArgumentsWithTheBit) {
  EXPECT_TRUE(guardHolds(Guard{0, Guard::BitsSet, 4}, 5));
  EXPECT_FALSE(guardHolds(Guard{0, Guard::BitsSet, 4}, 3));
  EXPECT_TRUE(guardHolds(Guard{0, Guard::BitsClear, 4}, 3));
  EXPECT_EQ(negatedGuard(Guard::BitsSet), Guard::BitsClear);
}

TEST(Guards, AParameterTheBodyChangesGuardsNothing) {
  EXPECT_TRUE(allGuards(parse("void g(); void f(int level) { level++; if (level >= 3) g(); }")).empty());
  EXPECT_TRUE(allGuards(parse("void g(int&); void f(int level) { g(level); if (level > 3) g(level); }")).empty());
  EXPECT_TRUE(allGuards(parse("void g(); void f(int a, int b) { if (a > b) g(); }")).empty());  // not a constant
}

}  // namespace
}  // namespace egress
