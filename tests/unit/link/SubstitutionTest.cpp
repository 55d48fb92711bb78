// Putting a callee's terms into a caller's: parameters, fields, variadic arguments,
// global inputs and call results (link/Substitution.cpp), on hand-written facts.
#include "link/Substitution.h"

#include <gtest/gtest.h>

#include "FactsBuilder.h"
#include "link/Fixpoint.h"

namespace egress {
namespace {

using namespace test;

std::vector<std::string> categories(const Taint& t) {
  std::vector<std::string> out;
  for (const Origin& o : t.origins) out.push_back(o.category);
  std::sort(out.begin(), out.end());
  return out;
}

// A linked program with `caller` calling `callee` at site 0; substitutes `t` there.
Taint atCallSite(const FunctionFacts& callee, const FunctionFacts& caller, const Taint& t) {
  const std::vector<TUFacts> tus{unit({callee, caller})};
  const CallGraph graph(tus);
  const Relevance relevance(graph);
  Fixpoint fixpoint(graph, relevance);
  fixpoint.solve();
  const FunctionId id = *graph.find(caller.usr);
  return fixpoint.substitution().substitute(id, graph.function(id).calls[0], t, 0, true);
}

TEST(Substitution, AParameterBecomesTheArgument) {
  const FunctionFacts callee = function("callee", 2);
  FunctionFacts caller = function("caller", 0);
  caller.calls = {call(0, callee, {arg({}), arg(dataOf("customer.contact"))})};
  EXPECT_EQ(categories(atCallSite(callee, caller, param(1))), (std::vector<std::string>{"customer.contact"}));
  EXPECT_TRUE(categories(atCallSite(callee, caller, param(0))).empty());
}

TEST(Substitution, VariadicArgumentsAreEveryArgumentFromTheirIndexOn) {
  const FunctionFacts callee = function("log_fmt", 1);  // log_fmt(const char* fmt, ...)
  FunctionFacts caller = function("caller", 0);
  caller.calls = {call(0, callee, {arg({}), arg(dataOf("customer.contact")), arg(dataOf("shipment.tracking"))})};
  const Taint rest{{}, {ParamRef{1, kRestArgsField, {}}}, {}};
  EXPECT_EQ(categories(atCallSite(callee, caller, rest)),
            (std::vector<std::string>{"customer.contact", "shipment.tracking"}));
}

TEST(Substitution, AGlobalInputIsWhatTheCallerStoredElseStaysAnInput) {
  const FunctionFacts callee = function("emit", 0);
  FunctionFacts caller = function("caller", 0);
  caller.calls = {call(0, callee, {})};
  caller.calls[0].globalsIn["c:@g"] = dataOf("customer.contact");
  const Taint readsG{{}, {ParamRef{kGlobalParam, "c:@g.body", {}}}, {}};
  EXPECT_EQ(categories(atCallSite(callee, caller, readsG)), (std::vector<std::string>{"customer.contact"}));
  const Taint readsH{{}, {ParamRef{kGlobalParam, "c:@h", {}}}, {}};
  const Taint kept = atCallSite(callee, caller, readsH);
  ASSERT_EQ(kept.params.size(), 1u);
  EXPECT_EQ(kept.params[0].field, "c:@h");
}

}  // namespace
}  // namespace egress
