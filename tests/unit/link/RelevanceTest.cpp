#include "link/Relevance.h"

#include <gtest/gtest.h>

#include "FactsBuilder.h"

namespace egress {
namespace {

using namespace test;

TEST(Relevance, ParameterNoCallerBindsToDataCarriesNothing) {
  FunctionFacts log = function("log"), a = function("a"), b = function("b");
  a.calls = {call(0, log, {arg({})})};
  b.calls = {call(0, log, {forwarded(0)})};  // b's own parameter: nobody calls b
  const std::vector<TUFacts> tus{unit({log, a, b})};
  const CallGraph g(tus);
  const Relevance r(g);
  EXPECT_FALSE(r.inputMayCarry(*g.find(log.usr), 0));
}

TEST(Relevance, DataPassedThroughAWrapperReachesTheInnerParameter) {
  FunctionFacts inner = function("inner"), wrapper = function("wrapper"), top = function("top");
  wrapper.calls = {call(0, inner, {forwarded(0)})};
  top.calls = {call(0, wrapper, {arg(dataOf("customer.contact"))})};
  const std::vector<TUFacts> tus{unit({inner, wrapper, top})};
  const CallGraph g(tus);
  const Relevance r(g);
  EXPECT_TRUE(r.inputMayCarry(*g.find(wrapper.usr), 0));
  EXPECT_TRUE(r.inputMayCarry(*g.find(inner.usr), 0));
  EXPECT_FALSE(r.inputMayCarry(*g.find(top.usr), 0));
}

// A setter's call sites passing constants bind nothing to its parameter: the
// globals stage skips them when it binds what the setter stored.
TEST(Relevance, EachCallSitesArgumentIsAskedOnItsOwn) {
  FunctionFacts setter = function("setter"), quiet = function("quiet"), loud = function("loud");
  quiet.calls = {call(0, setter, {arg({})})};
  loud.calls = {call(0, setter, {arg(dataOf("customer.contact"))})};
  const std::vector<TUFacts> tus{unit({setter, quiet, loud})};
  const CallGraph g(tus);
  const Relevance r(g);
  EXPECT_TRUE(r.inputMayCarry(*g.find(setter.usr), 0));
  EXPECT_FALSE(r.argumentMayCarry(*g.find(quiet.usr), g.function(*g.find(quiet.usr)).calls[0], 0));
  EXPECT_TRUE(r.argumentMayCarry(*g.find(loud.usr), g.function(*g.find(loud.usr)).calls[0], 0));
  EXPECT_TRUE(r.argumentMayCarry(*g.find(quiet.usr), g.function(*g.find(quiet.usr)).calls[0], 3));  // beyond: unknown
}

TEST(Relevance, AGetterReturningDataMakesItsResultCarry) {
  FunctionFacts getter = function("getter", 0), sinkFn = function("sinkFn"), top = function("top");
  getter.ret = dataOf("customer.contact");
  top.calls = {call(0, getter, {}), call(1, sinkFn, {arg(callResult(0))})};
  const std::vector<TUFacts> tus{unit({getter, sinkFn, top})};
  const CallGraph g(tus);
  EXPECT_TRUE(Relevance(g).inputMayCarry(*g.find(sinkFn.usr), 0));
}

TEST(Relevance, FunctionsHeldAsValuesMayReceiveAnything) {
  FunctionFacts callback = function("callback"), reg = function("reg");
  ArgFact holder = arg({});
  holder.fns = {callback.usr};
  reg.calls = {call(0, function("register_cb"), {holder})};
  const std::vector<TUFacts> tus{unit({callback, reg})};
  const CallGraph g(tus);
  EXPECT_TRUE(Relevance(g).inputMayCarry(*g.find(callback.usr), 0));
}

// `cb(row, user)` through a parameter: what it leaves in `user` depends on the
// function a caller hands in, so the callee's effect there may carry.
TEST(Relevance, ACallThroughAParameterMayLeaveDataInItsArguments) {
  FunctionFacts each = function("each", 2), sinkFn = function("sinkFn"), top = function("top", 0);
  CallSiteFact run = call(0, FunctionFacts{}, {arg({}), forwarded(1)});
  run.viaParam = true;
  run.target = ParamRef{0, "", {}};
  each.calls = {run};
  each.effects = {EffectFact{1, "", callResult(0, "arg:1"), {}, {}}};
  each.ret = callResult(0);
  top.calls = {call(0, each, {arg({}), arg({})}), call(1, sinkFn, {arg(callResult(0, "arg:1"))}),
               call(2, sinkFn, {arg(callResult(0))})};
  const std::vector<TUFacts> tus{unit({each, sinkFn, top})};
  const CallGraph g(tus);
  const Relevance r(g);
  const FunctionFacts& caller = g.function(*g.find(top.usr));
  EXPECT_TRUE(r.argumentMayCarry(*g.find(top.usr), caller.calls[1], 0));
  EXPECT_FALSE(r.argumentMayCarry(*g.find(top.usr), caller.calls[2], 0));  // its result: not assumed
}

TEST(Relevance, AGlobalStoredLaterWakesTheFunctionsReadingIt) {
  // Looked at in name order: the reader before the store that gives the global data.
  FunctionFacts reader = function("aReader", 0), sinkFn = function("bSink"), storer = function("zStorer", 0);
  const Taint global{{}, {ParamRef{kGlobalParam, "c:@g_outbox", {}}}, {}};
  reader.calls = {call(0, sinkFn, {arg(global)})};
  storer.effects = {EffectFact{kGlobalTarget, "c:@g_outbox", dataOf("customer.contact"), {}}};
  const std::vector<TUFacts> tus{unit({reader, sinkFn, storer})};
  const CallGraph g(tus);
  const Relevance r(g);
  EXPECT_TRUE(r.globalMayCarry("c:@g_outbox"));
  EXPECT_TRUE(r.inputMayCarry(*g.find(sinkFn.usr), 0));
}

TEST(Relevance, PruneDropsOnlyParametersThatCannotCarry) {
  FunctionFacts f = function("f", 2), top = function("top");
  top.calls = {call(0, f, {arg(dataOf("shipment.tracking")), arg({})})};
  const std::vector<TUFacts> tus{unit({f, top})};
  const CallGraph g(tus);
  const Relevance r(g);
  Taint t = param(0);
  mergeTaint(t, param(1));
  mergeTaint(t, dataOf("customer.contact"));
  const Taint kept = r.prune(*g.find(f.usr), t);
  ASSERT_EQ(kept.params.size(), 1u);
  EXPECT_EQ(kept.params[0].index, 0u);
  EXPECT_EQ(kept.origins.size(), 1u);
}

}  // namespace
}  // namespace egress
