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

  const Summary& of(const std::string& name) const { return *fixpoint->summaries().get(*graph->find("c:@F@" + name)); }
};

// `fieldFns`: what the program stores in its records' function-pointer fields.
std::unique_ptr<Solved> solve(std::vector<FunctionFacts> functions,
                              std::map<std::string, std::vector<std::string>> fieldFns = {}) {
  auto s = std::make_unique<Solved>();
  s->tus = {unit(std::move(functions))};
  s->tus[0].fieldFns = std::move(fieldFns);
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

// The one sink `found` reports goes to `url`, a constant.
void expectOneFindingTo(const Summary& found, const std::string& url) {
  ASSERT_EQ(found.reported.size(), 1u);
  const StrVal& to = found.reported[0].destination;
  ASSERT_EQ(to.pieces.size(), 1u);
  EXPECT_EQ(to.pieces[0].text, url);
}

// In one recursive cluster, app reads the url of the object make_client returns,
// which client_ctor sets from cfg(), which returns what app returns. The url is found
// only on a later sweep, through members app calls no one of directly: app is queued
// again when they change, as a caller would be.
TEST(Fixpoint, AMemberReadingAnotherFurtherIsResolvedAgainWhenItChanges) {
  FunctionFacts app = function("a_app", 0), make = function("b_make", 0), ctor = function("c_ctor", 0),
                cfg = function("d_cfg", 0), send = function("e_send", 1);
  send.sinks = {sink(param(0), thisFieldStr("url"), 20)};
  cfg.calls = {call(0, app, {}, 50)};
  cfg.retStr = callRetStr(0);
  ctor.recordFields = {"url"};
  ctor.calls = {call(0, cfg, {}, 51)};
  ctor.effects = {EffectFact{kThisParam, "url", {}, callRetStr(0), {}}};
  CallSiteFact build = call(0, ctor, {}, 30);
  build.hasThis = true;
  make.calls = {build};
  make.ret = callResult(0, "this");
  CallSiteFact use = call(1, send, {arg(dataOf("customer.contact"))}, 41);
  use.hasThis = true;
  use.thisArg = arg(callResult(0));
  app.calls = {call(0, make, {}, 40), use};
  app.retStr = host("https://api.partner.example.cn");
  const auto s = solve({app, make, ctor, cfg, send});
  ASSERT_TRUE(s->stats.converged);
  expectOneFindingTo(s->of("a_app"), "https://api.partner.example.cn");
}

// The same with app setting the url itself (`this->url = cfg()`) on the object
// make_client builds by calling it: app reads its own last summary back through
// make, so it is queued again when it changes itself.
TEST(Fixpoint, AMemberReadingItselfThroughAnotherIsResolvedAgainWhenItChanges) {
  FunctionFacts app = function("a_app", 0), make = function("b_make", 0), cfg = function("d_cfg", 0),
                send = function("e_send", 1);
  send.sinks = {sink(param(0), thisFieldStr("url"), 20)};
  cfg.calls = {call(0, app, {}, 50)};
  cfg.retStr = callRetStr(0);
  CallSiteFact build = call(0, app, {}, 30);
  build.hasThis = true;
  make.calls = {build};
  make.ret = callResult(0, "this");
  CallSiteFact use = call(2, send, {arg(dataOf("customer.contact"))}, 42);
  use.hasThis = true;
  use.thisArg = arg(callResult(1));
  app.calls = {call(0, cfg, {}, 40), call(1, make, {}, 41), use};
  app.recordFields = {"url"};
  app.effects = {EffectFact{kThisParam, "url", {}, callRetStr(0), {}}};
  app.retStr = host("https://api.partner.example.cn");
  const auto s = solve({app, make, cfg, send});
  ASSERT_TRUE(s->stats.converged);
  expectOneFindingTo(s->of("a_app"), "https://api.partner.example.cn");
}

// An exporter built with a client (`Exporter e(client)`): its value also carries the
// client's construction, whose class lacks the exporter's fields. That is no reason
// to take its sink for an override that does not run: the exporter's own class has
// the field, so the flow is reported (where the field's value is not known).
TEST(Fixpoint, AnObjectBuiltWithAnotherIsNotTakenForThatOther) {
  FunctionFacts clientCtor = function("a_client_ctor", 1), exporterCtor = function("b_exporter_ctor", 1),
                send = function("c_send", 1), app = function("d_app", 0);
  clientCtor.recordFields = {"base"};
  clientCtor.effects = {EffectFact{kThisParam, "base", {}, paramStr(0), {}}};
  exporterCtor.recordFields = {"broker", "pending"};
  send.sinks = {sink(param(0), thisFieldStr("pending.order"), 20)};
  CallSiteFact client = call(0, clientCtor, {arg({}, host("https://broker.example.cn/"))}, 30);
  client.hasThis = true;
  CallSiteFact exporter = call(1, exporterCtor, {arg(callResult(0, "this"))}, 31);
  exporter.hasThis = true;
  CallSiteFact use = call(2, send, {arg(dataOf("customer.contact"))}, 32);
  use.hasThis = true;
  Taint built = callResult(0, "this");
  built.calls.push_back(callResult(1, "this").calls[0]);
  use.thisArg = arg(built);
  app.calls = {client, exporter, use};
  const auto s = solve({clientCtor, exporterCtor, send, app});
  ASSERT_TRUE(s->stats.converged);
  EXPECT_EQ(s->of("d_app").reported.size(), 1u);
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

// Six functions that all call each other (overrides of one virtual method calling
// it on their children): each is resolved a few times, not once per change of
// another (the first one, queued again after every later change, was resolved six
// times when the lowest queued function always went next).
TEST(Fixpoint, MembersReadingEachOtherSettleInAFewSweeps) {
  std::vector<FunctionFacts> ring;
  for (int i = 0; i < 6; ++i) ring.push_back(function("ring" + std::to_string(i), 1));
  for (int i = 0; i < 6; ++i)
    for (int j = 0; j < 6; ++j)
      if (i != j) ring[i].calls.push_back(call(unsigned(j), ring[j], {forwarded(0)}, unsigned(30 + j)));
  ring[5].sinks = {sink(param(0), host("h.example.de"), 20)};
  FunctionFacts top = function("top", 0);
  top.calls = {call(0, ring[0], {arg(dataOf("customer.contact"))}, 13)};
  ring.push_back(top);
  const auto s = solve(ring);
  EXPECT_TRUE(s->stats.converged);
  EXPECT_EQ(s->of("top").reported.size(), 1u);
  for (int i = 0; i < 6; ++i) {
    EXPECT_FALSE(s->of("ring" + std::to_string(i)).sinks.empty());
    EXPECT_LE(s->stats.times[*s->graph->find("c:@F@ring" + std::to_string(i))], 3u) << i;
  }
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

// An input handed to calls that fill it (`config_defaults(cfg)` then a call that
// fills one field again): the strings each left in a field are the caller's own
// effects there, the latest call's first.
TEST(Fixpoint, TheStringsCallsLeftInAnInputAreTheCallersEffects) {
  FunctionFacts defaults = function("defaults", 1);
  defaults.effects = {EffectFact{0, "depot.host", {}, host("10.30.4.12"), {}},
                      EffectFact{0, "planner.host", {}, host("planner.example.de"), {}}};
  FunctionFacts fromEnv = function("from_env", 1);
  fromEnv.effects = {EffectFact{0, "planner.host", {}, StrVal{{{StrPiece::Env, "PLANNER_HOST", 0}}, {}}, {}}};
  FunctionFacts load = function("load", 1);
  load.calls = {call(0, defaults, {forwarded(0)}), call(1, fromEnv, {forwarded(0)})};
  const StrVal filled{{{StrPiece::CallOut, "arg:0", 1}},
                      {{{StrPiece::CallOut, "arg:0", 0}}, {{StrPiece::Param, "", 0}}}};
  load.effects = {EffectFact{0, "", callResult(0, "arg:0"), filled, {}}};
  const auto s = solve({defaults, fromEnv, load});
  const auto& strs = s->of("load").effectStrs.at("arg:0");
  ASSERT_TRUE(strs.count("depot.host"));
  EXPECT_EQ(displayStr(strs.at("depot.host")), "10.30.4.12");
  ASSERT_TRUE(strs.count("planner.host"));
  EXPECT_EQ(displayStr(strs.at("planner.host")), "${env:PLANNER_HOST}");
  EXPECT_FALSE(strs.count(""));  // nothing whole: the input keeps its own value there
}

// A sink reading more fields of its parameter than the bound reads any field of it:
// a caller's data in one of those fields still arrives, and the widening is counted.
TEST(Fixpoint, ASinkReadingManyFieldsStillSeesTheOneThatHoldsData) {
  FunctionFacts layout = function("layout", 1);
  Taint fields;
  for (std::size_t i = 0; i <= kMaxFieldInputs; ++i) fields.params.push_back({0, "f" + std::to_string(i), {}});
  layout.sinks = {sink(fields, host("h.example.de"), 20)};
  FunctionFacts use = function("use", 0), other = function("other", 0);
  ArgFact withField = arg(Taint{});
  withField.fields["f7"] = dataOf("customer.contact");
  use.calls = {call(0, layout, {withField}, 30)};
  other.calls = {call(0, layout, {arg(dataOf("customer.address", "Customer::city"))}, 31)};  // the value, no field
  const auto s = solve({layout, use, other});
  const SinkFact& forCallers = s->of("layout").sinks.at(0);
  ASSERT_EQ(forCallers.data.params.size(), 1u);
  EXPECT_EQ(forCallers.data.params[0].field, kAnyField);
  EXPECT_GT(s->of("layout").limits[Limit::FieldInputs], 0u);
  ASSERT_EQ(s->of("use").reported.size(), 1u);
  EXPECT_EQ(s->of("use").reported[0].data.origins.at(0).category, "customer.contact");
  EXPECT_TRUE(s->of("other").reported.empty());
}

// --- resume: a re-scan resolving only what an edit can change -------------------

// A sink's TU, a library TU (helpers, a recursive pair) and an application TU
// calling it; `category` and `line` edit the application.
std::vector<TUFacts> program(const std::string& appDigest, const std::string& category, unsigned line = 30) {
  FunctionFacts out = function("out", 1), mid = function("mid", 1);
  out.sinks = {sink(param(0), host("h.example.de"), 20)};
  mid.calls = {call(0, out, {forwarded(0)}, 21)};
  FunctionFacts a = function("rec_a", 1), b = function("rec_b", 1);
  a.calls = {call(0, b, {forwarded(0)}, 22)};
  b.calls = {call(0, a, {forwarded(0)}, 23), call(1, mid, {forwarded(0)}, 24)};
  FunctionFacts quiet = function("quiet", 0);  // calls nothing the edit touches
  quiet.calls = {call(0, out, {arg(dataOf("customer.address", "Customer::city"))}, 25)};
  FunctionFacts app = function("app", 0);
  app.calls = {call(0, a, {arg(dataOf(category))}, line)};
  TUFacts sinks = unit({out});
  sinks.file = "sink.cpp";
  sinks.entryDigest = "sink-1";
  TUFacts lib = unit({mid, a, b, quiet});
  lib.file = "lib.cpp";
  lib.entryDigest = "lib-1";
  TUFacts user = unit({app});
  user.file = "app.cpp";
  user.entryDigest = appDigest;
  return {sinks, lib, user};
}

struct Linked {
  std::vector<TUFacts> tus;
  std::unique_ptr<CallGraph> graph;
  std::unique_ptr<Relevance> relevance;
  std::unique_ptr<Fixpoint> fixpoint;
  std::vector<std::vector<FunctionId>> components;
  InputKeys keys;

  std::vector<std::string> encoded() const {
    std::vector<std::string> out;
    const SummaryTable& table = fixpoint->summaries();
    for (FunctionId id = 0; id < table.size(); ++id) out.push_back(table.get(id) ? encodeSummary(*table.get(id)) : "");
    return out;
  }
};

std::unique_ptr<Linked> prepare(std::vector<TUFacts> tus) {
  auto l = std::make_unique<Linked>();
  l->tus = std::move(tus);
  l->graph = std::make_unique<CallGraph>(l->tus);
  l->relevance = std::make_unique<Relevance>(*l->graph);
  l->fixpoint = std::make_unique<Fixpoint>(*l->graph, *l->relevance);
  l->components = l->graph->components(l->graph->bottomUpOrder());
  l->keys = inputKeys(*l->graph, *l->relevance, l->components);
  return l;
}

LinkState stateOf(std::vector<TUFacts> tus) {
  const auto before = prepare(std::move(tus));
  return before->fixpoint->takeState(before->keys, before->fixpoint->solve());
}

TEST(FixpointResume, AnEditedCallerGetsTheSummariesAFullLinkGives) {
  LinkState before = stateOf(program("app-1", "customer.contact"));
  const auto full = prepare(program("app-2", "shipment.tracking", 31));
  const FixpointStats all = full->fixpoint->solve();
  const auto resumed = prepare(program("app-2", "shipment.tracking", 31));
  const std::optional<FixpointStats> again = resumed->fixpoint->resume(before, resumed->keys, resumed->components);
  ASSERT_TRUE(again);
  EXPECT_EQ(resumed->encoded(), full->encoded());
  EXPECT_EQ(again->resolutions, all.resolutions);  // the budget counts what a full link would
  EXPECT_LT(again->relinked, all.resolutions);     // but only the edited caller was resolved
  EXPECT_EQ(again->relinked, 1u);
  const Summary& app = *resumed->fixpoint->summaries().get(*resumed->graph->find("c:@F@app"));
  ASSERT_EQ(app.reported.size(), 1u);
  EXPECT_EQ(app.reported[0].data.origins.at(0).category, "shipment.tracking");
}

TEST(FixpointResume, AnEditedCalleeResolvesItsCallersAgain) {
  LinkState before = stateOf(program("app-1", "customer.contact"));
  std::vector<TUFacts> edited = program("app-1", "customer.contact");
  edited[0].entryDigest = "sink-2";
  edited[0].functions[0].sinks[0].loc = at(40);  // out's sink moved: the change reaches app
  // through mid and the recursive pair, whose own inputs did not change
  const auto full = prepare(edited);
  full->fixpoint->solve();
  const auto resumed = prepare(edited);
  const std::optional<FixpointStats> again = resumed->fixpoint->resume(before, resumed->keys, resumed->components);
  ASSERT_TRUE(again);
  EXPECT_EQ(resumed->encoded(), full->encoded());
  const Summary& app = *resumed->fixpoint->summaries().get(*resumed->graph->find("c:@F@app"));
  ASSERT_EQ(app.reported.size(), 1u);
  EXPECT_EQ(app.reported[0].loc.line, 40u);
  const Summary& quiet = *resumed->fixpoint->summaries().get(*resumed->graph->find("c:@F@quiet"));
  EXPECT_EQ(quiet.reported.at(0).loc.line, 40u);
}

TEST(FixpointResume, NothingChangedResolvesNothing) {
  LinkState before = stateOf(program("app-1", "customer.contact"));
  const auto resumed = prepare(program("app-1", "customer.contact"));
  const std::optional<FixpointStats> again = resumed->fixpoint->resume(before, resumed->keys, resumed->components);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->relinked, 0u);
  EXPECT_FALSE(resumed->fixpoint->summaries().corrupt());
  const auto full = prepare(program("app-1", "customer.contact"));
  full->fixpoint->solve();
  EXPECT_EQ(resumed->encoded(), full->encoded());
}

TEST(FixpointResume, ANewFunctionIsResolvedWithItsCallers) {
  LinkState before = stateOf(program("app-1", "customer.contact"));
  std::vector<TUFacts> grown = program("app-2", "customer.contact");
  FunctionFacts added = function("added", 1);
  added.sinks = {sink(param(0), host("other.example.de"), 50)};
  grown[2].functions[0].calls.push_back(call(1, added, {arg(dataOf("customer.contact"))}, 51));
  grown[2].functions.push_back(added);
  const auto full = prepare(grown);
  full->fixpoint->solve();
  const auto resumed = prepare(grown);
  const std::optional<FixpointStats> again = resumed->fixpoint->resume(before, resumed->keys, resumed->components);
  ASSERT_TRUE(again);
  EXPECT_EQ(resumed->encoded(), full->encoded());
  EXPECT_EQ(again->relinked, 2u);  // app and the new function
}

// A caller reading a field of the object a callee returns: the callee's summary only
// names the call that built it (retHolder), so the value is looked up in the
// callee's own call sites. Those change with the callee's TU while its summary's
// bytes stay the same, and the caller must be resolved again all the same.
std::vector<TUFacts> factoryProgram(const std::string& url, const std::string& factoryDigest) {
  FunctionFacts ctor = function("Client_ctor", 1), send = function("Client_send", 1);
  ctor.recordFields = {"url"};
  ctor.effects = {EffectFact{kThisParam, "url", param(0), paramStr(0), {}}};
  send.sinks = {sink(param(0), thisFieldStr("url"), 20)};
  FunctionFacts make = function("make_client", 0);
  CallSiteFact build = call(0, ctor, {arg({}, host(url))}, 30);
  build.hasThis = true;
  make.calls = {build};
  make.ret = callResult(0, "this");
  FunctionFacts app = function("app", 0);
  CallSiteFact use = call(1, send, {arg(dataOf("customer.contact"))}, 41);
  use.hasThis = true;
  use.thisArg = arg(callResult(0));
  app.calls = {call(0, make, {}, 40), use};
  TUFacts client = unit({ctor, send}), factory = unit({make}), user = unit({app});
  client.file = "client.cpp", factory.file = "factory.cpp", user.file = "app.cpp";
  client.entryDigest = "client-1", factory.entryDigest = factoryDigest, user.entryDigest = "app-1";
  return {client, factory, user};
}

TEST(FixpointResume, ACallerReadingWhatACalleesCallsBuiltSeesThemChange) {
  LinkState before = stateOf(factoryProgram("https://api.partner.example.de", "factory-1"));
  const std::vector<TUFacts> edited = factoryProgram("https://api.partner.example.cn", "factory-2");
  const auto full = prepare(edited);
  full->fixpoint->solve();
  const auto resumed = prepare(edited);
  ASSERT_TRUE(resumed->fixpoint->resume(before, resumed->keys, resumed->components));
  const Summary& app = *resumed->fixpoint->summaries().get(*resumed->graph->find("c:@F@app"));
  ASSERT_EQ(app.reported.size(), 1u);
  EXPECT_EQ(app.reported[0].destination.pieces.at(0).text, "https://api.partner.example.cn");
  EXPECT_EQ(resumed->encoded(), full->encoded());
}

// A handler a callee stores in an object (`wire(n)` setting `n.onSend`) runs where
// the caller calls through it: the caller's own facts and its callee's summary only
// name it. When the handler gets a body (a new TU), the caller is resolved again.
std::vector<TUFacts> handlerProgram(bool withHandler) {
  FunctionFacts wire = function("wire", 1);
  wire.effects = {EffectFact{0, "onSend", {}, {}, {"c:@F@handler"}}};
  FunctionFacts run = function("run", 0);
  CallSiteFact through;
  through.id = 1;
  through.calleeName = "onSend";
  through.loc = at(61);
  through.hasThis = true;
  through.thisArg = arg(Taint{{}, {}, {CallRef{0, "arg:0", {}, 0, "onSend"}}});
  through.args = {arg(dataOf("customer.contact"))};
  run.calls = {call(0, wire, {arg({})}, 60), through};
  FunctionFacts handler = function("handler", 1);
  handler.sinks = {sink(param(0), host("telemetry.example.cn"), 70)};
  TUFacts lib = withHandler ? unit({wire, handler}) : unit({wire}), app = unit({run});
  lib.file = "lib.cpp", app.file = "app.cpp";
  lib.entryDigest = withHandler ? "lib-2" : "lib-1", app.entryDigest = "app-1";
  return {lib, app};
}

TEST(FixpointResume, AStoredHandlerThatGetsABodyResolvesItsCallerAgain) {
  LinkState before = stateOf(handlerProgram(false));
  const auto full = prepare(handlerProgram(true));
  const FixpointStats solved = full->fixpoint->solve();
  const Summary& ran = *full->fixpoint->summaries().get(*full->graph->find("c:@F@run"));
  ASSERT_EQ(ran.reported.size(), 1u);  // the handler's sink, reached through n.onSend
  const auto resumed = prepare(handlerProgram(true));
  ASSERT_TRUE(resumed->fixpoint->resume(before, resumed->keys, resumed->components));
  EXPECT_EQ(resumed->encoded(), full->encoded());
  // And back: the handler removed again.
  LinkState grown = full->fixpoint->takeState(full->keys, solved);
  const auto shrunk = prepare(handlerProgram(false));
  const auto plain = prepare(handlerProgram(false));
  plain->fixpoint->solve();
  ASSERT_TRUE(shrunk->fixpoint->resume(grown, shrunk->keys, shrunk->components));
  EXPECT_EQ(shrunk->encoded(), plain->encoded());
}

// A summary read back is decoded where something reads it: one that does not
// decode marks the table (the linker then links in full).
TEST(FixpointResume, AnotherProgramKeyMeansAFullLinkAndABrokenSummaryIsFlagged) {
  LinkState before = stateOf(program("app-1", "customer.contact"));
  LinkState foreign = before;
  foreign.programKey ^= 1;
  const auto l = prepare(program("app-2", "customer.contact"));
  EXPECT_FALSE(l->fixpoint->resume(foreign, l->keys, l->components));
  LinkState broken = before;
  broken.functions.at("c:@F@quiet").summary = "\x05";
  const auto m = prepare(program("app-2", "customer.contact"));
  ASSERT_TRUE(m->fixpoint->resume(broken, m->keys, m->components));
  EXPECT_FALSE(m->fixpoint->summaries().corrupt());  // not read yet
  m->fixpoint->summaries().get(*m->graph->find("c:@F@quiet"));
  EXPECT_TRUE(m->fixpoint->summaries().corrupt());
}

// A handler run through n->cb, sending customer data to its parameter.
FunctionFacts sendingToItsParameter() {
  FunctionFacts handler = function("handler", 1);
  handler.sinks = {sink(dataOf("customer.contact"), paramStr(0), 20)};
  return handler;
}

// n->cb(<str>) at line 50: a call through field `cb` of parameter 0.
CallSiteFact callThroughCbWith(StrVal str) {
  CallSiteFact indirect = call(0, FunctionFacts{}, {arg({}, std::move(str))}, 50);
  indirect.viaParam = true;
  indirect.target = ParamRef{0, "cb", {}};
  return indirect;
}

// Whether one of the summary's reported sinks may send to `destination`.
bool reportsTo(const Summary& s, const std::string& destination) {
  for (const SinkFact& r : s.reported)
    for (const StrVal& form : forms(r.destination)) {
      if (displayStr(form) == destination) return true;
    }
  return false;
}

// walk(n, path) calls walk(n, path + "/x"), then run(n, path), which calls
// n->cb(path): the call is handed on to walk's callers with the path, and the
// recursive route, resolved first, makes the first value one "/x" longer every
// round. After kWidenAfter rounds the string widens (the values seen so far and an
// unknown one), so the cluster settles and the flow is reported.
TEST(Fixpoint, AStringARecursiveCallLengthensEveryRoundWidensAndSettles) {
  const FunctionFacts handler = sendingToItsParameter();
  FunctionFacts run = function("run", 2);
  run.calls = {callThroughCbWith(paramStr(1))};
  FunctionFacts walk = function("walk", 2);
  const StrVal longer = concat(paramStr(1), host("/x"));
  walk.calls = {call(1, walk, {forwarded(0), arg(param(1), longer)}, 51),
                call(2, run, {forwarded(0), forwarded(1)}, 52)};
  FunctionFacts use = function("use", 0);
  ArgFact list = arg({});
  list.fieldFns["cb"] = {handler.usr};
  use.calls = {call(0, walk, {list, arg({}, host("api.example.cn"))}, 60)};
  const auto s = solve({handler, run, walk, use});
  ASSERT_TRUE(s->stats.converged);
  EXPECT_LE(s->stats.times[*s->graph->find(walk.usr)], Fixpoint::kWidenAfter + 3);
  EXPECT_TRUE(reportsTo(s->of("use"), "<?>") || reportsTo(s->of("use"), "api.example.cn"));
}

// walk(n) calls n->cb(n->name) and walk(n->next): the call is handed on with a
// longer field each round (cut to the depth bound), and the name it passes names a
// longer field too (next.name, next.next.name, ...) until it is cut at twice the
// bound. The cluster settles and the first node's name reaches the handler where a
// caller gives it.
TEST(Fixpoint, AStringHandedOnThroughARecursiveStructureWidensAndSettles) {
  const FunctionFacts handler = sendingToItsParameter();
  FunctionFacts walk = function("walk", 1);
  ArgFact next = arg(param(0, "next"));
  next.fromParam = true;
  next.root = ParamRef{0, "next", {}};
  walk.calls = {callThroughCbWith(StrVal{{{StrPiece::Param, "name", 0}}, {}}), call(1, walk, {next}, 51)};
  FunctionFacts use = function("use", 0);
  ArgFact list = arg({});
  list.fieldFns["cb"] = {handler.usr};
  list.fieldStrs["name"] = host("notify.example.cn");
  use.calls = {call(0, walk, {list}, 60)};
  const auto s = solve({handler, walk, use});
  ASSERT_TRUE(s->stats.converged);
  EXPECT_TRUE(reportsTo(s->of("use"), "notify.example.cn"));
}

constexpr const char* kEmitField = "c:@S@driver::emit";

// emit(ctx) calls ctx->drv->emit(ctx->h) at line 50: through a record's
// function-pointer field, which no caller says anything about.
FunctionFacts emittingThroughItsDriver() {
  FunctionFacts emit = function("emit", 1);
  CallSiteFact through = call(0, FunctionFacts{}, {arg({}, StrVal{{{StrPiece::Param, "h", 0}}, {}})}, 50);
  through.viaParam = true;
  through.target = ParamRef{0, "drv.emit", {}};
  through.fieldTarget = kEmitField;
  emit.calls = {through};
  return emit;
}

// redis_emit(h) sends customer data to its handle's connection `h->c`, which
// redis_open connects to a constant host.
std::vector<FunctionFacts> redisDriver() {
  FunctionFacts send = function("redis_emit", 1);
  send.sinks = {sink(dataOf("customer.contact"), StrVal{{{StrPiece::Param, "c", 0}}, {}}, 20)};
  send.paramFieldRecords["0.c"] = "c:@S@redis_out::c";
  FunctionFacts open = function("redis_open", 0);
  open.fieldStores = {FieldStoreFact{"c:@S@redis_out::c", "redis_out.c", host("10.40.2.20"), at(12)}};
  return {send, open};
}

TEST(Fixpoint, ACallThroughAFieldNoCallerFillsRunsWhatTheProgramStoresThere) {
  std::vector<FunctionFacts> program = redisDriver();
  program.push_back(emittingThroughItsDriver());
  FunctionFacts use = function("use", 0);
  use.calls = {call(0, program.back(), {arg({})}, 60)};
  program.push_back(use);
  const auto without = solve(program);
  EXPECT_TRUE(without->of("use").reported.empty());
  const auto s = solve(program, {{kEmitField, {"c:@F@redis_emit"}}});
  ASSERT_EQ(s->of("use").reported.size(), 1u);
  // The handle's field: what the program stores in that field of its record.
  EXPECT_TRUE(reportsTo(s->of("use"), "10.40.2.20"));
}

TEST(Fixpoint, AnEntryPointRunsWhatTheProgramStoresInAFieldItCallsThrough) {
  std::vector<FunctionFacts> program = redisDriver();
  program.push_back(emittingThroughItsDriver());
  const auto s = solve(program, {{kEmitField, {"c:@F@redis_emit"}}});
  ASSERT_EQ(s->of("emit").reported.size(), 1u);
  EXPECT_TRUE(reportsTo(s->of("emit"), "10.40.2.20"));
}

}  // namespace
}  // namespace egress
