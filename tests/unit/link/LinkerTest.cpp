// The link stage end to end on hand-written facts.
#include "link/Linker.h"

#include <gtest/gtest.h>

#include <set>

#include "FactsBuilder.h"

namespace egress {
namespace {

using namespace test;

// send_to(host, data) { send(...) } with the host a parameter.
FunctionFacts wrapper() {
  FunctionFacts w = function("send_to", 2);
  w.sinks = {sink(param(1), paramStr(0), 20)};
  return w;
}

// entry() calls fill(), which stores customer data in g_buf, then sends g_buf;
// quiet() sends g_other, which nobody fills. Nobody calls either.
std::vector<TUFacts> entriesReadingGlobals() {
  const auto global = [](const std::string& key) { return Taint{{}, {ParamRef{kGlobalParam, key, {}}}, {}}; };
  FunctionFacts fill = function("fill", 0), entry = function("entry", 0), quiet = function("quiet", 0);
  fill.effects = {EffectFact{kGlobalTarget, "c:@g_buf", dataOf("customer.contact"), {}, {}}};
  entry.calls = {call(0, fill, {}, 11)};
  entry.sinks = {sink(global("c:@g_buf"), host("h.example.cn"), 12)};
  quiet.sinks = {sink(global("c:@g_other"), host("h.example.cn"), 13)};
  TUFacts tu = unit({fill, entry, quiet});
  tu.entryDigest = "d1";
  return {tu};
}

TEST(Linker, AnEntryReadingAGlobalItsCalleesFillIsFoundAlsoWhenTheLinkResumes) {
  const std::vector<TUFacts> tus = entriesReadingGlobals();
  const std::vector<Flow> plain = link(tus);
  ASSERT_EQ(plain.size(), 1u);
  EXPECT_EQ(plain[0].function, "entry");
  EXPECT_EQ(plain[0].origins.at(0).category, "customer.contact");
  const TempDir tmp("egress-linker-");
  const std::string& dir = tmp.path();
  link(tus, nullptr, dir);  // leaves the state
  LinkStats stats;
  const std::vector<Flow> resumed = link(tus, &stats, dir);  // every summary read back
  EXPECT_TRUE(stats.resumed);
  EXPECT_EQ(stats.relinked, 0u);
  ASSERT_EQ(resumed.size(), 1u);
  EXPECT_EQ(resumed[0].function, "entry");
  EXPECT_EQ(resumed[0].sink.line, 12u);
}

TEST(Linker, WrapperFindingsArePerCallSiteWithTheCallersDestination) {
  const FunctionFacts w = wrapper();
  FunctionFacts a = function("a"), b = function("b");
  a.calls = {call(0, w, {arg({}, host("a.example.de")), arg(dataOf("customer.contact"))}, 30)};
  b.calls = {call(0, w, {arg({}, host("b.example.cn")), arg(dataOf("shipment.tracking", "Parcel::tracking_no"))}, 40)};
  const std::vector<Flow> flows = link({unit({w, a, b})});
  ASSERT_EQ(flows.size(), 2u);
  for (const Flow& f : flows) {
    ASSERT_EQ(f.callChain.size(), 1u);
    const std::string dest = displayStr(f.destination);
    if (f.function == "a") {
      EXPECT_EQ(dest, "a.example.de");
      EXPECT_EQ(f.callChain[0].loc.line, 30u);
      EXPECT_EQ(f.origins[0].category, "customer.contact");
    } else {
      EXPECT_EQ(dest, "b.example.cn");
      EXPECT_EQ(f.origins[0].category, "shipment.tracking");
    }
  }
}

// wire() connects Printer::print to Scanner::labelled (a Qt signal, no body
// anywhere); Scanner::scan emits it with customer data. The slot runs with the
// emitted arguments, on an object the emission does not know (not the scanner).
TEST(Linker, AConnectedHandlerRunsWhereItsSignalIsCalledWithItsArguments) {
  const FunctionFacts signal = function("Scanner::labelled");
  FunctionFacts print = function("Printer::print");
  print.sinks = {sink(param(0), thisFieldStr("m_socket"), 20)};
  FunctionFacts wire = function("wire", 0);
  wire.effects = {EffectFact{kGlobalTarget, kConnectedHandlers + signal.usr, {}, {}, {print.usr}}};
  FunctionFacts scan = function("Scanner::scan", 1);
  CallSiteFact emit = call(0, signal, {arg(dataOf("customer.identity", "Customer::name"))}, 30);
  emit.hasThis = true;
  emit.thisArg = forwarded(kThisParam);  // the scanner itself
  scan.calls = {emit};
  const std::vector<Flow> flows = link({unit({print, wire, scan})});
  ASSERT_EQ(flows.size(), 1u);
  EXPECT_EQ(flows[0].function, "Scanner::scan");
  EXPECT_EQ(flows[0].origins[0].category, "customer.identity");
  EXPECT_EQ(displayStr(flows[0].destination).find("param:this"), std::string::npos)
      << "the scanner's fields are not the printer's: " << displayStr(flows[0].destination);
}

// wire(n) stores `handler` in n.onSend and `counter` in n.onLog; n.fire(x) and
// n.note(x) call through those fields.
TEST(Linker, AHandlerStoredIntoAnObjectByAnotherFunctionRunsWhereTheFieldIsCalled) {
  FunctionFacts handler = function("handler"), counter = function("counter"), wire = function("wire");
  handler.sinks = {sink(param(0), host("notify.example.cn"), 20)};
  wire.effects = {EffectFact{0, "onSend", {}, {}, {handler.usr}}, EffectFact{0, "onLog", {}, {}, {counter.usr}}};
  const auto callsThrough = [](const std::string& name, const std::string& field) {
    FunctionFacts m = function(name);
    CallSiteFact indirect = call(0, FunctionFacts{}, {forwarded(0)}, 50);
    indirect.viaParam = true;
    indirect.target = ParamRef{kThisParam, field, {}};
    m.calls = {indirect};
    return m;
  };
  const FunctionFacts fire = callsThrough("fire", "onSend"), note = callsThrough("note", "onLog");
  FunctionFacts use = function("use", 0);
  const auto onWired = [&](unsigned id, const FunctionFacts& method, unsigned line) {
    CallSiteFact c = call(id, method, {arg(dataOf("customer.contact"))}, line);
    c.hasThis = true;
    c.thisArg = arg(Taint{{}, {}, {CallRef{0, "arg:0", {}}}});
    return c;
  };
  use.calls = {call(0, wire, {arg({})}, 60), onWired(1, fire, 61), onWired(2, note, 62)};
  const std::vector<Flow> flows = link({unit({handler, counter, wire, fire, note, use})});
  ASSERT_EQ(flows.size(), 1u);
  EXPECT_EQ(flows[0].function, "use");
  EXPECT_EQ(displayStr(flows[0].destination), "notify.example.cn");
  EXPECT_EQ(flows[0].origins[0].category, "customer.contact");
  EXPECT_EQ(flows[0].callChain.front().loc.line, 61u);
}

// A function sending its parameter to `to` (line `line`).
FunctionFacts handlerTo(const std::string& name, const std::string& to, unsigned line = 20) {
  FunctionFacts h = function(name);
  h.sinks = {sink(param(0), host(to), line)};
  return h;
}

// n->cb(x) at line 50: a call through field `cb` of parameter 0, with parameter 1.
CallSiteFact callThroughCb() {
  CallSiteFact indirect = call(0, FunctionFacts{}, {forwarded(1)}, 50);
  indirect.viaParam = true;
  indirect.target = ParamRef{0, "cb", {}};
  return indirect;
}

// An argument holding function `h` in `field`.
ArgFact holding(const std::string& field, const FunctionFacts& h) {
  ArgFact a = arg({});
  a.fieldFns[field] = {h.usr};
  return a;
}

// run(h, x) calls h->cb(x); relay(h, x) calls run(h, x) at two sites. The call
// through h->cb is handed on to relay's callers once (the first site is its
// evidence) and runs the handler where a caller puts it in h.cb; where h holds no
// function it runs nothing.
TEST(Linker, ACallThroughAnInputIsHandedOnOnceAndRunsWhereACallerGivesTheFunction) {
  const FunctionFacts handler = handlerTo("handler", "notify.example.cn");
  FunctionFacts run = function("run", 2), relay = function("relay", 2);
  run.calls = {callThroughCb()};
  relay.calls = {call(0, run, {forwarded(0), forwarded(1)}, 40), call(1, run, {forwarded(0), forwarded(1)}, 41)};
  FunctionFacts use = function("use", 0), idle = function("idle", 0);
  use.calls = {call(0, relay, {holding("cb", handler), arg(dataOf("customer.contact"))}, 60)};
  idle.calls = {call(0, relay, {arg({}), arg(dataOf("customer.contact"))}, 70)};
  LinkStats stats;
  const std::vector<Flow> flows = link({unit({handler, run, relay, use, idle})}, &stats);
  ASSERT_EQ(flows.size(), 1u);
  EXPECT_EQ(flows[0].function, "use");
  EXPECT_EQ(displayStr(flows[0].destination), "notify.example.cn");
  std::vector<unsigned> lines;
  for (const Step& s : flows[0].callChain) lines.push_back(s.loc.line);
  EXPECT_EQ(lines, (std::vector<unsigned>{60, 40, 50}));
  EXPECT_EQ(stats.limits[Limit::PendingCalls], 0u);
}

// relay(h, a, b) calls run(h, a) and run(h, b); run calls h->cb(x). The call through
// h->cb is one pending call of relay's, with the arguments of both routes: data in
// `b` reaches the handler as well as data in `a`.
TEST(Linker, ACallHandedOnByTwoCallSitesCarriesTheArgumentsOfBoth) {
  const FunctionFacts handler = handlerTo("handler", "notify.example.cn");
  FunctionFacts run = function("run", 2), relay = function("relay", 3);
  run.calls = {callThroughCb()};
  relay.calls = {call(0, run, {forwarded(0), forwarded(1)}, 40), call(1, run, {forwarded(0), forwarded(2)}, 41)};
  FunctionFacts use = function("use", 0);
  use.calls = {call(0, relay, {holding("cb", handler), arg({}), arg(dataOf("customer.contact"))}, 60)};
  const std::vector<Flow> flows = link({unit({handler, run, relay, use})});
  ASSERT_EQ(flows.size(), 1u);
  EXPECT_EQ(flows[0].function, "use");
  EXPECT_EQ(flows[0].origins.at(0).category, "customer.contact");
  EXPECT_EQ(displayStr(flows[0].destination), "notify.example.cn");
}

// g(n, host, body) builds o = {host, body} and calls n->cb(o); f(n, c) calls
// g(n, "evil.example.cn", c.contact); use() gives n.cb = handler, which sends o.body
// to o.host. The call is handed on twice, and o's fields are put into each
// caller's terms on the way: the host is f's constant, not g's parameter.
TEST(Linker, AFieldOfAnArgumentHandedOnIsInTheCallersTerms) {
  FunctionFacts handler = function("handler", 1);
  handler.sinks = {sink(param(0, "body"), StrVal{{{StrPiece::Param, "host", 0}}, {}}, 20)};
  FunctionFacts g = function("g", 3);
  ArgFact opts = arg({});
  opts.fields["body"] = param(2);
  opts.fieldStrs["host"] = paramStr(1);
  CallSiteFact indirect = call(0, FunctionFacts{}, {opts}, 50);
  indirect.viaParam = true;
  indirect.target = ParamRef{0, "cb", {}};
  g.calls = {indirect};
  FunctionFacts f = function("f", 1);
  f.calls = {call(0, g, {forwarded(0), arg({}, host("evil.example.cn")), arg(dataOf("customer.contact"))}, 40)};
  FunctionFacts use = function("use", 0);
  use.calls = {call(0, f, {holding("cb", handler)}, 60)};
  const std::vector<Flow> flows = link({unit({handler, g, f, use})});
  ASSERT_EQ(flows.size(), 1u);
  EXPECT_EQ(displayStr(flows[0].destination), "evil.example.cn");
  EXPECT_EQ(flows[0].origins.at(0).category, "customer.contact");
}

// emit(t, x) calls t->ops->send(t, x); send(t, x) posts x to t->url. Callers hand
// emit a global transport its initializer set up (`{&k_ops, url}`), or a local one:
// the call runs the function the transport holds, with the transport's own URL.
TEST(Linker, ACallThroughAGlobalOrLocalObjectHandedOnRunsWhatItHoldsWithItsFields) {
  FunctionFacts send = function("send", 2);
  send.sinks = {sink(param(1), StrVal{{{StrPiece::Param, "url", 0}}, {}}, 20)};
  FunctionFacts emit = function("emit", 2);
  CallSiteFact indirect = call(0, FunctionFacts{}, {forwarded(0), forwarded(1)}, 50);
  indirect.viaParam = true;
  indirect.target = ParamRef{0, "ops.send", {}};
  emit.calls = {indirect};
  FunctionFacts viaGlobal = function("via_global", 0), viaLocal = function("via_local", 0);
  ArgFact global = arg({});
  global.global = "c:@g_export";
  viaGlobal.calls = {call(0, emit, {global, arg(dataOf("customer.contact"))}, 60)};
  ArgFact local = holding("ops.send", send);
  local.fieldStrs["url"] = host("local.example.de");
  viaLocal.calls = {call(0, emit, {local, arg(dataOf("shipment.tracking", "Parcel::tracking_no"))}, 70)};
  TUFacts tu = unit({send, emit, viaGlobal, viaLocal});
  tu.initialFns["c:@k_ops.send"] = {send.usr};
  tu.initialRefs["c:@g_export.ops"] = "c:@k_ops";
  tu.constantStrings[std::string(kInitialValue) + "c:@g_export.url"] = host("export.example.cn");
  std::set<std::string> found;
  for (const Flow& f : link({tu})) found.insert(f.function + " -> " + displayStr(f.destination));
  EXPECT_EQ(found, (std::set<std::string>{"via_global -> export.example.cn", "via_local -> local.example.de"}));
}

// walk(n, x) calls n->cb(x) and walk(n->next, x): the call through the input is
// handed on with a longer field each round (next.cb, next.next.cb, ...) until the
// path is cut to the depth bound, which stands for everything below it. The
// cluster settles without filling the summary's bound of pending calls, and a
// caller holding a handler deep in the list (cut by the extraction the same way)
// still runs it.
TEST(Linker, ACallThroughARecursiveStructureIsHandedOnWithItsPathCutToTheBound) {
  const FunctionFacts handler = handlerTo("handler", "notify.example.cn");
  const FunctionFacts deepHandler = handlerTo("deep_handler", "deep.example.cn", 21);
  FunctionFacts walk = function("walk", 2);
  ArgFact next = arg(param(0, "next"));
  next.fromParam = true;
  next.root = ParamRef{0, "next", {}};
  walk.calls = {callThroughCb(), call(1, walk, {next, forwarded(1)}, 51)};
  const auto calling = [&](const std::string& name, const std::string& field, const FunctionFacts& h, unsigned line) {
    FunctionFacts f = function(name, 0);
    f.calls = {call(0, walk, {holding(field, h), arg(dataOf("customer.contact"))}, line)};
    return f;
  };
  const FunctionFacts use = calling("use", "cb", handler, 60);
  const FunctionFacts deep = calling("deep", "next.next.next", deepHandler, 70);
  // walk(&box->list, x): the caller's path box.list.next.next was cut there.
  const FunctionFacts boxed = calling("boxed", "next.next", deepHandler, 80);
  LinkStats stats;
  const std::vector<Flow> flows = link({unit({handler, deepHandler, walk, use, deep, boxed})}, &stats);
  std::set<std::string> found;
  for (const Flow& f : flows) found.insert(f.function + " -> " + displayStr(f.destination));
  EXPECT_EQ(found,
            (std::set<std::string>{"use -> notify.example.cn", "deep -> deep.example.cn", "boxed -> deep.example.cn"}));
  EXPECT_EQ(stats.limits[Limit::PendingCalls], 0u);
  EXPECT_GT(stats.limits[Limit::FieldDepth], 0u);
}

// wire(n); n.onSend(x); in one function: the site through the field has no
// targets of its own, only what wire() left there.
TEST(Linker, ACallThroughAFieldACallFilledRunsWhatItStored) {
  FunctionFacts handler = function("handler"), wire = function("wire"), use = function("use", 0);
  handler.sinks = {sink(param(0), host("notify.example.cn"), 20)};
  wire.effects = {EffectFact{0, "onSend", {}, {}, {handler.usr}}};
  CallSiteFact indirect = call(1, FunctionFacts{}, {arg(dataOf("customer.contact"))}, 61);
  indirect.hasThis = true;
  indirect.thisArg = arg(Taint{{}, {}, {CallRef{0, "arg:0", {}, 0, "onSend"}}});
  CallSiteFact other = indirect;
  other.id = 2;
  other.loc = at(62);
  other.thisArg = arg(Taint{{}, {}, {CallRef{0, "arg:0", {}, 0, "onLog"}}});  // nothing stored there
  use.calls = {call(0, wire, {arg({})}, 60), indirect, other};
  const std::vector<Flow> flows = link({unit({handler, wire, use})});
  ASSERT_EQ(flows.size(), 1u);
  EXPECT_EQ(flows[0].function, "use");
  EXPECT_EQ(displayStr(flows[0].destination), "notify.example.cn");
  EXPECT_EQ(flows[0].callChain.front().loc.line, 61u);
}

// wireAll(n) { wire(n); } stores what wire() stores: a call through the field of an
// object wired by the wrapper runs the handler.
TEST(Linker, AWrapperHandingItsObjectToAWiringFunctionStoresWhatThatStores) {
  FunctionFacts handler = function("handler"), wire = function("wire"), wireAll = function("wireAll");
  FunctionFacts use = function("use", 0);
  handler.sinks = {sink(param(0), host("notify.example.cn"), 20)};
  wire.effects = {EffectFact{0, "onSend", {}, {}, {handler.usr}}};
  wireAll.calls = {call(0, wire, {forwarded(0)}, 40)};
  CallSiteFact indirect = call(1, FunctionFacts{}, {arg(dataOf("customer.contact"))}, 61);
  indirect.hasThis = true;
  indirect.thisArg = arg(Taint{{}, {}, {CallRef{0, "arg:0", {}, 0, "onSend"}}});
  use.calls = {call(0, wireAll, {arg({})}, 60), indirect};
  const std::vector<Flow> flows = link({unit({handler, wire, wireAll, use})});
  ASSERT_EQ(flows.size(), 1u);
  EXPECT_EQ(flows[0].function, "use");
  EXPECT_EQ(displayStr(flows[0].destination), "notify.example.cn");
}

// up(n) { wire(n); up(n.parent); }: each level forwards what wire() stores one
// field deeper; the paths are cut at kMaxFieldDepth, so the link settles.
TEST(Linker, ARecursiveWrapperForwardingStoredHandlersSettles) {
  FunctionFacts handler = function("handler"), wire = function("wire"), up = function("up");
  handler.sinks = {sink(param(0), host("notify.example.cn"), 20)};
  wire.effects = {EffectFact{0, "onSend", {}, {}, {handler.usr}}};
  ArgFact parent = forwarded(0);
  parent.root.field = "parent";
  up.calls = {call(0, wire, {forwarded(0)}, 40), call(1, up, {parent}, 41)};
  LinkStats stats;
  link({unit({handler, wire, up})}, &stats);
  EXPECT_TRUE(stats.converged);
}

TEST(Linker, ALoggerNobodyHandsDataToContributesNothingToCallers) {
  FunctionFacts log = function("log");
  log.sinks = {sink(param(0), host("/var/log/x"), 20)};
  std::vector<FunctionFacts> all{log};
  for (int i = 0; i < 50; ++i) {
    FunctionFacts f = function("f" + std::to_string(i));
    f.calls = {call(0, log, {forwarded(0)})};
    all.push_back(f);
  }
  LinkStats stats;
  EXPECT_TRUE(link({unit(all)}, &stats).empty());
  EXPECT_TRUE(stats.converged);
  EXPECT_EQ(stats.sinksForCallers, 0u);  // not one copy of the logger's sink per caller
}

TEST(Linker, RecursionConverges) {
  FunctionFacts a = function("a"), b = function("b"), top = function("top");
  a.calls = {call(0, b, {forwarded(0)}, 11)};
  b.calls = {call(0, a, {forwarded(0)}, 12)};
  b.sinks = {sink(param(0), host("h.example.de"), 20)};
  top.calls = {call(0, a, {arg(dataOf("customer.contact"))}, 30)};
  LinkStats stats;
  const std::vector<Flow> flows = link({unit({a, b, top})}, &stats);
  EXPECT_TRUE(stats.converged);
  ASSERT_EQ(flows.size(), 1u);
  EXPECT_EQ(flows[0].function, "top");
}

TEST(Linker, LimitsOfTheLinkedFunctionsAreCounted) {
  FunctionFacts f = function("f");
  f.limits.add(Limit::BlockVisits, 2);
  LinkStats stats;
  link({unit({f})}, &stats);
  EXPECT_EQ(stats.limits[Limit::BlockVisits], 2u);
  EXPECT_EQ(stats.examples[std::size_t(Limit::BlockVisits)], "f");
}

// log(level, data) { if (level >= 3) send(data); } called with constant levels, and
// through a wrapper forwarding its own level.
TEST(Linker, ACallerPassingAConstantThatFailsAGuardDoesNotReachTheSink) {
  FunctionFacts log = function("log", 2);
  log.sinks = {sink(param(1), host("h.example.cn"), 20)};
  log.sinks[0].guards = {Guard{0, Guard::Ge, 3}};
  const auto level = [](int64_t value) {
    ArgFact a = arg({});
    a.constant = value;
    return a;
  };
  FunctionFacts quiet = function("quiet"), loud = function("loud"), wrapper = function("wrapper", 2),
                viaWrapper = function("via_wrapper");
  quiet.calls = {call(0, log, {level(1), arg(dataOf("customer.contact"))}, 30)};
  loud.calls = {call(0, log, {level(4), arg(dataOf("customer.contact"))}, 31)};
  ArgFact forwardedLevel = forwarded(0);
  forwardedLevel.sameAsParam = 0u;
  wrapper.calls = {call(0, log, {forwardedLevel, forwarded(1)}, 32)};
  viaWrapper.calls = {call(0, wrapper, {level(2), arg(dataOf("customer.contact"))}, 33)};
  std::vector<std::string> reached;
  for (const Flow& f : link({unit({log, quiet, loud, wrapper, viaWrapper})})) reached.push_back(f.function);
  EXPECT_EQ(reached, (std::vector<std::string>{"loud"}));
}

// fill(buf) is declared in the program and defined in no TU scanned: the two calls
// handing it a buffer are one coverage warning at the first call; a call it cannot
// write through, and calls of a function with a body, are none.
TEST(Linker, CallsOfFunctionsDefinedNowhereThatMayWriteTheirArgumentsAreListed) {
  FunctionFacts fill = function("fill"), known = function("known");
  FunctionFacts a = function("a"), b = function("b");
  a.calls = {call(0, fill, {arg({})}, 30), call(1, known, {arg({})}, 31)};
  a.calls[0].writesArgs = a.calls[1].writesArgs = true;
  b.calls = {call(0, fill, {arg({})}, 12), call(1, fill, {arg({})}, 13)};
  b.calls[0].writesArgs = true;
  LinkStats stats;
  link({unit({known, a, b})}, &stats);
  ASSERT_EQ(stats.unknownOutputs.size(), 1u);
  EXPECT_EQ(stats.unknownOutputs[0].rfind("prog.cpp:12:1: fill() is declared but defined nowhere", 0), 0u)
      << stats.unknownOutputs[0];
  EXPECT_NE(stats.unknownOutputs[0].find("(2 call(s))"), std::string::npos);
}

}  // namespace
}  // namespace egress
