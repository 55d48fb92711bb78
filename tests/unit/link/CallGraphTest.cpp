#include "link/CallGraph.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "FactsBuilder.h"
#include "facts/TaintOps.h"

namespace egress {
namespace {

using namespace test;

FunctionId id(const CallGraph& g, const FunctionFacts& f) { return *g.find(f.usr); }

TEST(CallGraph, VirtualCallRunsEveryOverrideTransitively) {
  FunctionFacts base = function("Base::put"), mid = function("Mid::put"), leaf = function("Leaf::put");
  mid.overrides = {base.usr};
  leaf.overrides = {mid.usr};
  FunctionFacts caller = function("caller");
  CallSiteFact c = call(0, base, {arg({})});
  c.isVirtual = true;
  caller.calls = {c};
  const std::vector<TUFacts> tus{unit({base, mid, leaf, caller})};
  const CallGraph g(tus);
  std::vector<FunctionId> targets = g.targets(g.function(id(g, caller)).calls[0]);
  std::sort(targets.begin(), targets.end());
  std::vector<FunctionId> expected{id(g, base), id(g, mid), id(g, leaf)};
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(targets, expected);
  const auto& deps = g.dependents(id(g, leaf));
  EXPECT_NE(std::find(deps.begin(), deps.end(), id(g, caller)), deps.end());
}

TEST(CallGraph, QualifiedCallRunsOnlyTheNamedMethod) {
  FunctionFacts base = function("Base::put"), leaf = function("Leaf::put");
  leaf.overrides = {base.usr};
  FunctionFacts caller = function("caller");
  caller.calls = {call(0, base, {arg({})})};  // not virtual: Base::put(...)
  const std::vector<TUFacts> tus{unit({base, leaf, caller})};
  const CallGraph g(tus);
  EXPECT_EQ(g.targets(g.function(id(g, caller)).calls[0]), std::vector<FunctionId>{id(g, base)});
}

TEST(CallGraph, CalledAndAddressTaken) {
  FunctionFacts callee = function("callee"), lambda = function("lambda"), caller = function("caller");
  ArgFact holder = arg({});
  holder.fns = {lambda.usr};
  caller.calls = {call(0, callee, {holder})};
  const std::vector<TUFacts> tus{unit({callee, lambda, caller})};
  const CallGraph g(tus);
  EXPECT_TRUE(g.isCalled(id(g, callee)));
  EXPECT_FALSE(g.isCalled(id(g, caller)));
  EXPECT_TRUE(g.isAddressTaken(id(g, lambda)));
  EXPECT_FALSE(g.isAddressTaken(id(g, callee)));
}

// A function handed on as an argument that no call site runs is bound where it is
// handed on; one some call site runs (here through a known target) is not.
TEST(CallGraph, AHandlerNoCallSiteRunsIsHeldOnly) {
  FunctionFacts subscribe = function("subscribe"), kept = function("kept"), run = function("run");
  FunctionFacts caller = function("caller"), runner = function("runner");
  ArgFact keptArg = arg({});
  keptArg.fns = {kept.usr};
  ArgFact runArg = arg({});
  runArg.fns = {run.usr};
  caller.calls = {call(0, subscribe, {keptArg}), call(1, subscribe, {runArg})};
  CallSiteFact indirect = call(0, FunctionFacts{}, {});
  indirect.targets = {run.usr};
  runner.calls = {indirect};
  const std::vector<TUFacts> tus{unit({subscribe, kept, run, caller, runner})};
  const CallGraph g(tus);
  EXPECT_TRUE(g.isHeldOnly(id(g, kept)));
  EXPECT_FALSE(g.isHeldOnly(id(g, run)));
  EXPECT_FALSE(g.isHeldOnly(id(g, subscribe)));
}

// A C callback handed on with a context pointer beside it: the parameter that takes
// the context is known for the function, bound where it is handed on.
TEST(CallGraph, AHandlerHandedOnWithAContextKnowsItsContextParameter) {
  FunctionFacts add = function("timer_add", 2), tick = function("tick"), setup = function("setup");
  ArgFact fn = arg({});
  fn.fns = {tick.usr};
  fn.contextParam = 0;
  fn.contextArg = 1;
  setup.calls = {call(0, add, {fn, arg({})})};
  const std::vector<TUFacts> tus{unit({add, tick, setup})};
  const CallGraph g(tus);
  EXPECT_TRUE(g.isHeldOnly(id(g, tick)));
  EXPECT_EQ(g.contextParams(id(g, tick)), std::vector<unsigned>{0});
  EXPECT_TRUE(g.contextParams(id(g, setup)).empty());
}

// A function handed to a helper that runs it through its parameter, itself or by
// handing it on (`schedule(ctx, cb)` → `arm(ctx, cb)` → `cb(...)`), is run there
// with that call's arguments: it is called, not held only.
TEST(CallGraph, AFunctionHandedToAHelperThatRunsItIsCalled) {
  FunctionFacts arm = function("arm", 2), schedule = function("schedule", 2), keep = function("keep", 2);
  FunctionFacts tick = function("tick"), kept = function("kept"), setup = function("setup");
  CallSiteFact through = call(0, FunctionFacts{}, {forwarded(0)});
  through.viaParam = true;
  through.target = ParamRef{1, "", {}};
  arm.calls = {through};
  schedule.calls = {call(0, arm, {forwarded(0), forwarded(1)})};
  ArgFact tickArg = arg({}), keptArg = arg({});
  tickArg.fns = {tick.usr};
  keptArg.fns = {kept.usr};
  setup.calls = {call(0, schedule, {arg({}), tickArg}), call(1, keep, {arg({}), keptArg})};
  const std::vector<TUFacts> tus{unit({arm, schedule, keep, tick, kept, setup})};
  const CallGraph g(tus);
  EXPECT_TRUE(g.isCalled(id(g, tick)));
  EXPECT_FALSE(g.isHeldOnly(id(g, tick)));
  EXPECT_FALSE(g.isCalled(id(g, kept)));
  EXPECT_TRUE(g.isHeldOnly(id(g, kept)));
}

TEST(CallGraph, CalleesComeBeforeCallers) {
  FunctionFacts a = function("a"), b = function("b"), c = function("c");
  a.calls = {call(0, b, {})};
  b.calls = {call(0, c, {})};
  const std::vector<TUFacts> tus{unit({a, b, c})};
  const CallGraph g(tus);
  const std::vector<FunctionId> order = g.bottomUpOrder();
  const auto pos = [&](const FunctionFacts& f) {
    return std::find(order.begin(), order.end(), id(g, f)) - order.begin();
  };
  EXPECT_LT(pos(c), pos(b));
  EXPECT_LT(pos(b), pos(a));
  EXPECT_EQ(order.size(), 3u);
}

TEST(CallGraph, FirstDefinitionOfAUsrWinsWhateverTheOrderOfUnits) {
  FunctionFacts one = function("inl"), two = function("inl");
  one.paramNames = {"first"};
  two.paramNames = {"second"};
  const std::vector<TUFacts> tus{unit({one}), unit({two})};
  const CallGraph g(tus);
  EXPECT_EQ(g.size(), 1u);
  EXPECT_EQ(g.function(0).paramNames, std::vector<std::string>{"first"});
}

// `static struct transport g = {.ops = &k_ops}` with `k_ops = {.send = tcp_send}`,
// and `g2.ops = &k_ops` stored by a function (the pointer holding the whole table).
TEST(CallGraph, AGlobalsFunctionsAreFoundThroughItsInitializersPointers) {
  FunctionFacts send = function("tcp_send"), open = function("tcp_open"), init = function("init", 0);
  init.effects = {EffectFact{kGlobalTarget, "c:@g2.ops", {}, {}, {send.usr, open.usr}}};
  TUFacts tu = unit({send, open, init});
  tu.initialFns["c:@k_ops.send"] = {send.usr};
  tu.initialFns["c:@k_ops.open"] = {open.usr};
  tu.initialRefs["c:@g.ops"] = "c:@k_ops";
  tu.initialRefs["c:@k_ops.self"] = "c:@k_ops";  // a cycle of pointers ends
  const std::vector<TUFacts> tus{tu};
  const CallGraph g(tus);
  EXPECT_EQ(g.globalFunctions("c:@g.ops.send"), std::vector<std::string>{send.usr});
  EXPECT_EQ(g.globalFunctions("c:@k_ops.self.self.open"), std::vector<std::string>{open.usr});
  EXPECT_EQ(g.globalFunctions("c:@g2.ops.send"), (std::vector<std::string>{open.usr, send.usr}));  // sorted
  EXPECT_TRUE(g.globalFunctions("c:@g.name").empty());
  std::vector<std::string> below = g.globalFunctionsBelow("c:@g");
  std::sort(below.begin(), below.end());
  EXPECT_EQ(below, (std::vector<std::string>{open.usr, send.usr}));
  // A call site through the global's field runs the function it reaches.
  FunctionFacts caller = function("caller", 0);
  CallSiteFact through = call(0, FunctionFacts{}, {});
  through.calleeUsr.clear();
  through.globalTarget = "c:@g.ops.send";
  caller.calls = {through};
  const std::vector<TUFacts> withCaller{tu, unit({caller})};
  const CallGraph h(withCaller);
  EXPECT_EQ(h.targets(h.function(id(h, caller)).calls[0]), std::vector<FunctionId>{id(h, send)});
}

// A driver table a lookup returns a pointer to (`ops = lookup(name); ops->open()`),
// and the record a constructor function fills and a global keeps (`s_up =
// uplink_create()` with `u->ops` at the table): calls through them run its entries.
TEST(CallGraph, ATableACallReturnsIsFoundThroughTheCallsResult) {
  FunctionFacts open = function("tcp_open"), send = function("tcp_send");
  FunctionFacts lookup = function("lookup", 1);
  lookup.retStr = StrVal{{{StrPiece::Global, "c:@k_tcp", 0}}, {{{StrPiece::Global, "c:@k_null", 0}}}};
  FunctionFacts create = function("create", 1);
  CallSiteFact through = call(1, FunctionFacts{}, {});
  through.calleeUsr.clear();
  through.hasThis = true;
  through.thisArg.str = StrVal{{{StrPiece::CallRet, "open", 0}}, {}};
  create.calls = {call(0, lookup, {arg({})}), through};
  create.retFieldStrs["ops"] = callRetStr(0);
  FunctionFacts init = function("init", 0);
  init.calls = {call(0, create, {arg({})})};
  init.effects = {EffectFact{kGlobalTarget, "c:@s_up", callResult(0), callRetStr(0), {}}};
  TUFacts tu = unit({open, send, lookup, create, init});
  tu.initialFns["c:@k_tcp.open"] = {open.usr};
  tu.initialFns["c:@k_tcp.send"] = {send.usr};
  const std::vector<TUFacts> tus{tu};
  const CallGraph g(tus);
  const FunctionId creator = id(g, create);
  EXPECT_EQ(g.targets(creator, g.function(creator).calls[1]), std::vector<FunctionId>{id(g, open)});
  EXPECT_EQ(g.globalFunctions("c:@s_up.ops.send"), std::vector<std::string>{send.usr});
  // Run there with the site's arguments: reported there, not as an entry of its own.
  EXPECT_TRUE(g.isCalled(id(g, open)));
}

// `ctx.uplink = select_uplink(kind)` on a static context, handed to a thread that
// runs `ctx->uplink->send(...)`: the context's field points at the table the call
// returned (a record of constants among its forms holds no function), and the
// entry is called where the context is handed over, not an entry of its own.
TEST(CallGraph, ATableEntryRunThroughAFieldOfAnArgumentIsCalled) {
  FunctionFacts open = function("rest_open", 2), send = function("rest_send", 2);
  FunctionFacts select = function("select_uplink", 1);
  select.retStr = StrVal{{{StrPiece::Global, "c:@rest_ops", 0}}, {{{StrPiece::Const, "null", 0}}}};
  FunctionFacts worker = function("uplink_worker", 1);
  CallSiteFact through = call(0, FunctionFacts{}, {});
  through.calleeUsr.clear();
  through.viaParam = true;
  through.target = ParamRef{0, "uplink.send", {}};
  worker.calls = {through};
  FunctionFacts start = function("depot_start", 1);
  ArgFact context = arg({});
  context.global = "c:@F@depot_start@ctx";
  start.calls = {call(0, select, {arg({})}), call(1, worker, {context})};
  start.effects = {EffectFact{kGlobalTarget, "c:@F@depot_start@ctx.uplink", callResult(0), callRetStr(0), {}}};
  TUFacts tu = unit({open, send, select, worker, start});
  tu.initialFns["c:@rest_ops.open"] = {open.usr};
  tu.initialFns["c:@rest_ops.send"] = {send.usr};
  const std::vector<TUFacts> tus{tu};
  const CallGraph g(tus);
  EXPECT_EQ(g.globalFunctions("c:@F@depot_start@ctx.uplink.send"), std::vector<std::string>{send.usr});
  EXPECT_TRUE(g.isCalled(id(g, send)));
  EXPECT_FALSE(g.isCalled(id(g, open)));  // the worker runs `send` only
}

// `l = link_new(kind)` with `l->ops = drivers[kind]`: each driver's form holds only
// for its index, so a caller's constant kind runs that driver's entries alone,
// also through a wrapper returning link_new's result, and after `l` was handed to
// another call (what that call left there is the value before, here).
TEST(CallGraph, ATableIndexedByAConstantArgumentRunsThatEntryOnly) {
  FunctionFacts mqttSend = function("mqtt_send"), rawSend = function("raw_send");
  FunctionFacts make = function("link_new", 1);
  make.retFieldStrs["ops"] =
      fromForms({underCondition(StrVal{{{StrPiece::Global, "c:@mqtt_ops", 0}}, {}}, indexCondition(0, 0)),
                 underCondition(StrVal{{{StrPiece::Global, "c:@raw_ops", 0}}, {}}, indexCondition(0, 1))});
  FunctionFacts hall = function("hall_link", 0);
  ArgFact mqttKind = arg({});
  mqttKind.constant = 0;
  hall.calls = {call(0, make, {mqttKind})};
  hall.retStr = callRetStr(0);
  const auto sendThrough = [](unsigned site) {
    CallSiteFact through = call(site, FunctionFacts{}, {});
    through.calleeUsr.clear();
    through.hasThis = true;
    through.thisArg.str = fromForms(
        {StrVal{{{StrPiece::CallOut, "arg:0.ops.send", 1}}, {}}, StrVal{{{StrPiece::CallRet, "ops.send", 0}}, {}}});
    return through;
  };
  FunctionFacts direct = function("direct", 0), wrapped = function("wrapped", 0);
  ArgFact rawKind = arg({});
  rawKind.constant = 1;
  direct.calls = {call(0, make, {rawKind}), call(1, FunctionFacts{}, {}), sendThrough(2)};
  wrapped.calls = {call(0, hall, {}), call(1, FunctionFacts{}, {}), sendThrough(2)};
  TUFacts tu = unit({mqttSend, rawSend, make, hall, direct, wrapped});
  tu.initialFns["c:@mqtt_ops.send"] = {mqttSend.usr};
  tu.initialFns["c:@raw_ops.send"] = {rawSend.usr};
  const std::vector<TUFacts> tus{tu};
  const CallGraph g(tus);
  const FunctionId d = id(g, direct), w = id(g, wrapped);
  EXPECT_EQ(g.targets(d, g.function(d).calls[2]), std::vector<FunctionId>{id(g, rawSend)});
  EXPECT_EQ(g.targets(w, g.function(w).calls[2]), std::vector<FunctionId>{id(g, mqttSend)});
}

// A global handed to a function that fills it through the pointer
// (`chan_open(&g_ch[CH_HUB], kind, ep)` storing `ch->ops = &k_http`): a call
// through the global's field runs the table's entry.
TEST(CallGraph, AGlobalFilledThroughAPointerArgumentHoldsWhatTheCalleeStored) {
  FunctionFacts send = function("http_send"), log = function("log_line");
  FunctionFacts open = function("chan_open", 2);
  open.effects = {EffectFact{0, "ops", {}, StrVal{{{StrPiece::Global, "c:@k_http", 0}}, {}}, {}},
                  EffectFact{0, "hook", {}, {}, {log.usr}}};
  ArgFact channel = arg({});
  channel.global = "c:@g_ch";
  FunctionFacts init = function("init", 0);
  init.calls = {call(0, open, {channel, arg({})})};
  FunctionFacts local = function("local", 0);
  local.calls = {call(0, open, {arg({}), arg({})})};  // a local channel: no global filled
  TUFacts tu = unit({send, log, open, init, local});
  tu.initialFns["c:@k_http.send"] = {send.usr};
  const std::vector<TUFacts> tus{tu};
  const CallGraph g(tus);
  EXPECT_EQ(g.globalFunctions("c:@g_ch.ops.send"), std::vector<std::string>{send.usr});
  EXPECT_EQ(g.globalFunctions("c:@g_ch.hook"), std::vector<std::string>{log.usr});
  EXPECT_TRUE(g.globalFunctions("c:@k_http.hook").empty());
}

TEST(CallGraph, SiteLookupByIdIsExact) {
  FunctionFacts callee = function("callee"), caller = function("caller");
  caller.calls = {call(0, callee, {}), call(3, callee, {}), call(7, callee, {})};
  EXPECT_EQ(CallGraph::site(caller, 3), &caller.calls[1]);
  EXPECT_EQ(CallGraph::site(caller, 4), nullptr);
}

}  // namespace
}  // namespace egress
