// The whole-program fixpoint (link/Fixpoint.cpp) on hand-written facts: summaries
// callers read, sinks instantiated per call site, recursion and guards.
#include "link/Fixpoint.h"

#include <gtest/gtest.h>

#include "FactsBuilder.h"

namespace egress {
namespace {

using namespace test;

struct Solved {
  std::vector<TUFacts> tus;
  std::unique_ptr<CallGraph> graph;
  std::unique_ptr<Relevance> relevance;
  std::unique_ptr<Fixpoint> fixpoint;
  FixpointStats stats;

  const Summary& of(const std::string& name) const { return *fixpoint->summaries()[*graph->find("c:@F@" + name)]; }
};

std::unique_ptr<Solved> solve(std::vector<FunctionFacts> functions) {
  auto s = std::make_unique<Solved>();
  s->tus = {unit(std::move(functions))};
  s->graph = std::make_unique<CallGraph>(s->tus);
  s->relevance = std::make_unique<Relevance>(*s->graph);
  s->fixpoint = std::make_unique<Fixpoint>(*s->graph, *s->relevance);
  s->stats = s->fixpoint->solve();
  return s;
}

TEST(Fixpoint, AReturnedValueReachesTheCallersSummary) {
  FunctionFacts get = function("get", 1);
  get.ret = param(0);
  FunctionFacts use = function("use", 0);
  use.calls = {call(0, get, {arg(dataOf("customer.contact"))})};
  use.sinks = {sink(callResult(0), host("h.example.de"))};
  const auto s = solve({get, use});
  EXPECT_TRUE(s->stats.converged);
  ASSERT_EQ(s->of("use").reported.size(), 1u);
  EXPECT_EQ(s->of("use").reported[0].data.origins.at(0).category, "customer.contact");
}

TEST(Fixpoint, ASinkForCallersIsInstantiatedWithTheCallSiteInTheChain) {
  FunctionFacts out = function("out", 1);
  out.sinks = {sink(param(0), host("h.example.de"), 20)};
  FunctionFacts a = function("a", 0);
  a.calls = {call(0, out, {arg(dataOf("shipment.tracking", "Parcel::tracking_no"))}, 30)};
  const auto s = solve({out, a});
  ASSERT_EQ(s->of("a").reported.size(), 1u);
  const SinkFact& found = s->of("a").reported[0];
  EXPECT_EQ(found.loc.line, 20u);
  ASSERT_EQ(found.callChain.size(), 1u);
  EXPECT_EQ(found.callChain[0].loc.line, 30u);
}

TEST(Fixpoint, GuardsOnForwardedParametersMoveToTheCaller) {
  FunctionFacts log = function("log", 2);
  log.sinks = {sink(param(1), host("h.example.de"), 20)};
  log.sinks[0].guards = {Guard{0, Guard::Gt, 2}};
  FunctionFacts wrapper = function("wrapper", 2);
  ArgFact level = forwarded(0);
  level.sameAsParam = 0u;
  wrapper.calls = {call(0, log, {level, forwarded(1)})};
  FunctionFacts top = function("top", 1);  // some caller hands data in, at a level unknown here
  top.calls = {call(0, wrapper, {forwarded(0), arg(dataOf("customer.contact"))})};
  const auto s = solve({log, wrapper, top});
  ASSERT_EQ(s->of("wrapper").sinks.size(), 1u);
  ASSERT_EQ(s->of("wrapper").sinks[0].guards.size(), 1u);
  EXPECT_EQ(s->of("wrapper").sinks[0].guards[0].param, 0u);
  EXPECT_EQ(s->of("wrapper").sinks[0].guards[0].op, Guard::Gt);
}

TEST(Fixpoint, MutualRecursionConvergesWithBoundedSummaries) {
  FunctionFacts a = function("a", 1), b = function("b", 1), top = function("top", 0);
  a.calls = {call(0, b, {forwarded(0)}, 11)};
  b.calls = {call(0, a, {forwarded(0)}, 12)};
  b.sinks = {sink(param(0), host("h.example.de"), 20)};
  top.calls = {call(0, a, {arg(dataOf("customer.contact"))}, 13)};
  const auto s = solve({a, b, top});
  EXPECT_TRUE(s->stats.converged);
  EXPECT_EQ(s->of("top").reported.size(), 1u);
  EXPECT_LE(s->of("a").sinks.size(), 2u);
}

// make(c) { Order o; o.note = c.email; o.set_target(c.city); return o; }: the
// returned object's fields stay apart in the summary (effectFields slot ""), from
// the local's own stores and from what the calls on it left there.
TEST(Fixpoint, AReturnedObjectKeepsItsFieldsApart) {
  FunctionFacts setTarget = function("set_target", 1);
  setTarget.effects = {{kThisParam, "target", param(0), {}, {}}};
  FunctionFacts make = function("make", 2);
  make.calls = {call(0, setTarget, {forwarded(1)})};
  make.calls[0].hasThis = true;
  make.ret = callResult(0, "this");
  make.retFields = {{"note", param(0)}};
  FunctionFacts use = function("use", 0);  // binds make's inputs to data: they are kept
  use.calls = {call(0, make, {arg(dataOf("customer.contact")), arg(dataOf("customer.address", "Customer::city"))})};
  const auto s = solve({setTarget, make, use});
  const auto& fields = s->of("make").effectFields.at("");
  ASSERT_TRUE(fields.count("note"));
  ASSERT_TRUE(fields.count("target"));
  EXPECT_EQ(fields.at("note").params.at(0).index, 0u);
  EXPECT_EQ(fields.at("target").params.at(0).index, 1u);
}

}  // namespace
}  // namespace egress
