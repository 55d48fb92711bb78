// Fields of `this` no caller binds, resolved from the class's own stores
// (link/ClassFields.cpp), through the whole link on hand-written facts.
#include "link/ClassFields.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "FactsBuilder.h"
#include "link/Linker.h"

namespace egress {
namespace {

using namespace test;

FunctionFacts method(const std::string& cls, const std::string& name, unsigned params = 1) {
  FunctionFacts f = function(cls + "::" + name, params);
  f.usr = "c:@S@" + cls + "@F@" + name + "#";
  return f;
}

EffectFact storesInThis(const std::string& field, StrVal value) {
  return EffectFact{kThisParam, field, {}, std::move(value), {}};
}

// announce() is a slot nobody in the scan calls; it sends to m_plc.
FunctionFacts slot() {
  FunctionFacts announce = method("Feed", "announce");
  announce.sinks = {sink(dataOf("shipment.tracking", "Parcel::tracking_no"), thisFieldStr("m_plc"), 20)};
  return announce;
}

TEST(ClassFields, AFieldEveryStoreOfTheClassKnowsIsThoseValues) {
  FunctionFacts ctor = method("Feed", "Feed", 0);
  ctor.effects = {storesInThis("m_plc", host("10.40.0.20"))};
  FunctionFacts reset = method("Feed", "reset", 0);
  reset.effects = {storesInThis("m_plc", host("10.40.0.21"))};
  const std::vector<Flow> flows = link({unit({ctor, reset, slot()})});
  ASSERT_FALSE(flows.empty());
  for (const Flow& flow : flows) {
    const std::vector<StrVal> values = forms(flow.destination);
    ASSERT_EQ(values.size(), 2u) << displayStr(flow.destination);
    EXPECT_EQ(displayStr(values[0]), "10.40.0.20");
    EXPECT_EQ(displayStr(values[1]), "10.40.0.21");
    // The evidence says where each value was set.
    ASSERT_EQ(flow.callChain.size(), 2u);
    EXPECT_EQ(flow.callChain[0].note, "`this.m_plc` is set by Feed::Feed()");
    EXPECT_EQ(flow.callChain[1].note, "`this.m_plc` is set by Feed::reset()");
  }
}

TEST(ClassFields, AFieldAStoreTakesFromItsCallerStaysUnbound) {
  FunctionFacts ctor = method("Feed", "Feed", 0);
  ctor.effects = {storesInThis("m_plc", host("10.40.0.20"))};
  FunctionFacts setter = method("Feed", "setPlc", 1);
  setter.effects = {storesInThis("m_plc", paramStr(0))};
  const std::vector<Flow> flows = link({unit({ctor, setter, slot()})});
  ASSERT_FALSE(flows.empty());
  EXPECT_EQ(displayStr(flows[0].destination), "${param:this.m_plc}");
}

TEST(ClassFields, AFieldStoredFromAnotherFieldFollowsIt) {
  FunctionFacts ctor = method("Feed", "Feed", 0);
  ctor.effects = {storesInThis("m_host", StrVal{{{StrPiece::Env, "PLC_HOST", 0}}, {}}),
                  storesInThis("m_plc", thisFieldStr("m_host"))};
  const std::vector<Flow> flows = link({unit({ctor, slot()})});
  ASSERT_FALSE(flows.empty());
  EXPECT_EQ(displayStr(flows[0].destination), "${env:PLC_HOST}");
}

// Console::onScan (nobody calls it) sends to `this.feed.m_plc`: the console's
// constructor says `feed` holds a Feed, whose own methods set m_plc.
TEST(ClassFields, AFieldOfAHeldObjectIsWhatItsClassSets) {
  FunctionFacts feedCtor = method("Feed", "Feed", 0);
  feedCtor.effects = {storesInThis("m_plc", host("10.40.0.20"))};
  FunctionFacts consoleCtor = method("Console", "Console", 1);
  consoleCtor.fieldClasses = {{"feed", "c:@S@Feed"}};
  consoleCtor.effects = {storesInThis("feed", paramStr(0))};  // which feed: the caller's
  FunctionFacts onScan = method("Console", "onScan");
  onScan.sinks = {sink(dataOf("shipment.tracking", "Parcel::tracking_no"), thisFieldStr("feed.m_plc"), 20)};
  const std::vector<Flow> flows = link({unit({feedCtor, consoleCtor, onScan})});
  ASSERT_FALSE(flows.empty());
  EXPECT_EQ(displayStr(flows[0].destination), "10.40.0.20");
}

// The console holds its feed through an interface (`Source`): the object is one of
// the classes overriding its methods, each with its own stores; an implementation
// without the field is another kind of source.
TEST(ClassFields, AFieldOfAnObjectHeldThroughAnInterfaceIsWhatItsImplementationsSet) {
  FunctionFacts feedCtor = method("Feed", "Feed", 0);
  feedCtor.effects = {storesInThis("m_plc", host("10.40.0.20"))};
  FunctionFacts feedRead = method("Feed", "read", 0);
  feedRead.overrides = {"c:@S@Source@F@read#"};
  FunctionFacts mockRead = method("MockSource", "read", 0);
  mockRead.overrides = {"c:@S@Source@F@read#"};
  FunctionFacts consoleCtor = method("Console", "Console", 1);
  consoleCtor.fieldClasses = {{"feed", "c:@S@Source"}};
  consoleCtor.effects = {storesInThis("feed", paramStr(0))};
  FunctionFacts onScan = method("Console", "onScan");
  onScan.sinks = {sink(dataOf("shipment.tracking", "Parcel::tracking_no"), thisFieldStr("feed.m_plc"), 20)};
  const std::vector<Flow> flows = link({unit({feedCtor, feedRead, mockRead, consoleCtor, onScan})});
  ASSERT_FALSE(flows.empty());
  EXPECT_EQ(displayStr(flows[0].destination), "10.40.0.20");
}

// Console::onScan (nobody calls it) sends to `this.feed.m_plc`; the console's
// constructor stores the feed its caller hands it, and each caller builds its feed
// with a different PLC address: the address is each of those.
TEST(ClassFields, AFieldStoredFromAConstructorArgumentIsWhatEachCallerPasses) {
  FunctionFacts feedCtor = method("Feed", "Feed", 1);
  feedCtor.effects = {storesInThis("m_plc", paramStr(0))};
  FunctionFacts consoleCtor = method("Console", "Console", 1);
  consoleCtor.effects = {storesInThis("feed", paramStr(0))};
  FunctionFacts onScan = method("Console", "onScan");
  onScan.sinks = {sink(dataOf("shipment.tracking", "Parcel::tracking_no"), thisFieldStr("feed.m_plc"), 20)};
  // Each root builds a Feed (site 0) with its address and hands it to a Console.
  const auto root = [&](const std::string& name, const std::string& plc) {
    FunctionFacts f = function(name, 0);
    f.calls = {call(0, feedCtor, {arg({}, host(plc))}, 5)};
    f.calls[0].hasThis = true;
    ArgFact built = arg(callResult(0, "this"));
    f.calls.push_back(call(1, consoleCtor, {built}, 6));
    f.calls[1].hasThis = true;
    return f;
  };
  const std::vector<Flow> flows =
      link({unit({feedCtor, consoleCtor, onScan, root("hall_a", "10.40.0.20"), root("hall_b", "10.40.0.30")})});
  ASSERT_FALSE(flows.empty());
  const std::vector<StrVal> values = forms(flows[0].destination);
  ASSERT_EQ(values.size(), 2u) << displayStr(flows[0].destination);
  EXPECT_EQ(displayStr(values[0]), "10.40.0.20");
  EXPECT_EQ(displayStr(values[1]), "10.40.0.30");
  // The evidence goes from the field to the call that passed the feed, then on.
  ASSERT_FALSE(flows[0].callChain.empty());
  EXPECT_EQ(flows[0].callChain[0].note, "`this.feed.m_plc` is set by Console::Console()");
  EXPECT_EQ(flows[0].callChain[1].note, "hall_a() passes `x` to Console::Console()");
}

// A method called on an object the caller cannot trace (what an undefined lookup
// returns: a registry's adapter) sends to what its class always stores in the field,
// the constructor's argument at its only construction, with the store as evidence.
TEST(ClassFields, AFieldOfAnObjectTheCallerCannotTraceIsWhatItsClassAlwaysStores) {
  FunctionFacts feedCtor = method("Feed", "Feed", 1);
  feedCtor.effects = {storesInThis("m_plc", paramStr(0))};
  FunctionFacts announce = method("Feed", "announce", 1);
  announce.sinks = {sink(param(0), thisFieldStr("m_plc"), 20)};
  FunctionFacts setup = function("setup", 0);
  setup.calls = {call(0, feedCtor, {arg({}, host("10.40.0.20"))}, 5)};
  setup.calls[0].hasThis = true;
  const FunctionFacts lookup = function("lookup", 0);  // defined nowhere in the scan
  FunctionFacts run = function("run", 0);
  run.calls = {call(0, lookup, {}, 7), call(1, announce, {arg(dataOf("shipment.tracking", "Parcel::tracking_no"))}, 8)};
  run.calls[1].hasThis = true;
  run.calls[1].thisArg = arg(callResult(0), StrVal{{{StrPiece::CallRet, "", 0}}, {}});
  const std::vector<Flow> flows = link({unit({feedCtor, announce, setup, run})});
  ASSERT_EQ(flows.size(), 1u);
  EXPECT_EQ(displayStr(flows[0].destination), "10.40.0.20");
  const auto& chain = flows[0].callChain;
  EXPECT_TRUE(std::any_of(chain.begin(), chain.end(),
                          [](const Step& st) { return st.note == "`this.m_plc` is set by Feed::Feed()"; }));
}

// Two sinks of one class are each built by a factory with a client made from the
// factory's own input (`std::make_shared<Client>(ep.labels)`), and another client
// of the class elsewhere aims at another host. A sink's client is the one its own
// construction was given: the endpoint is what that construction's argument holds,
// through the caller's settings a loader returned, not every client's.
TEST(ClassFields, AFieldOfAnObjectBuiltFromTheCallersInputIsWhatThatConstructionWasGiven) {
  FunctionFacts clientCtor = method("Client", "Client", 1);
  clientCtor.effects = {storesInThis("base_", paramStr(0))};
  const FunctionFacts push = method("Client", "push", 1);
  FunctionFacts sinkCtor = method("Label", "Label", 1);
  sinkCtor.fieldClasses = {{"client_", "c:@S@Client"}};
  sinkCtor.effects = {storesInThis("client_", paramStr(0))};
  // accept() hands its data to the client (`client_->push(s.name)`), which might
  // have stored into the client's `base_`, but leaves no text there.
  FunctionFacts accept = method("Label", "accept", 1);
  accept.calls = {call(0, push, {forwarded(0)}, 30)};
  accept.calls[0].hasThis = true;
  EffectFact pushed = storesInThis("client_.base_", StrVal{{{StrPiece::CallOut, "this.base_", 0}}, {}});
  pushed.value = Taint{{}, {ParamRef{0, "", {}}}, {CallRef{0, "this", {}}}};
  accept.effects = {pushed};
  accept.sinks = {sink(dataOf("customer.identity", "Customer::name"), thisFieldStr("client_.base_"), 20)};
  // make(ep): builds a Client from `ep.labels` (site 0), hands it to a Label (site 1).
  FunctionFacts make = function("make", 1);
  ArgFact labels = arg(param(0, "labels"), StrVal{{{StrPiece::Param, "labels", 0}}, {}});
  make.calls = {call(0, clientCtor, {labels}, 5)};
  make.calls[0].hasThis = true;
  make.calls.push_back(call(1, sinkCtor, {arg(Taint{{}, {ParamRef{0, "labels", {}}}, {CallRef{0, "this", {}}}})}, 6));
  make.calls[1].hasThis = true;
  // main: `const Endpoints ep = load();` (site 0), then make(ep) (site 1).
  FunctionFacts load = function("load", 0);
  load.retFieldStrs = {{"labels", host("api.carrier.example.de")}};
  FunctionFacts root = function("main", 0);
  root.calls = {call(0, load, {}, 3), call(1, make, {arg(callResult(0), callRetStr(0))}, 4)};
  FunctionFacts mirror = function("mirror", 0);
  mirror.calls = {call(0, clientCtor, {arg({}, host("mirror.example.cn"))}, 8)};
  mirror.calls[0].hasThis = true;
  const std::vector<Flow> flows = link({unit({clientCtor, push, sinkCtor, accept, make, load, root, mirror})});
  ASSERT_FALSE(flows.empty());
  for (const Flow& flow : flows) EXPECT_EQ(displayStr(flow.destination), "api.carrier.example.de");
  ASSERT_FALSE(flows[0].callChain.empty());
  EXPECT_EQ(flows[0].callChain[0].note, "`this.client_.base_` is set by Label::Label()");
}

// send() hands its session to a helper (`accepted(*session_)`, site 0), which may
// store into it: the field keeps what the constructor stored where the helper leaves
// no text there, and is open where it does (a helper pointing the session elsewhere).
std::vector<Flow> sendThroughHelper(bool helperStores) {
  FunctionFacts ctor = method("Partner", "Partner", 1);
  ctor.effects = {storesInThis("session_", paramStr(0))};
  FunctionFacts helper = function("accepted", 1);
  if (helperStores) helper.effects = {EffectFact{0, "", {}, host("other.example.cn"), {}}};
  FunctionFacts send = method("Partner", "send", 1);
  ArgFact session = arg(param(kThisParam, "session_"));
  session.fromParam = true;
  session.root = ParamRef{kThisParam, "session_", {}};
  send.calls = {call(0, helper, {session}, 30)};
  EffectFact handed = storesInThis("session_", {});
  handed.value = callResult(0, "arg:0");
  send.effects = {handed};
  send.sinks = {sink(dataOf("shipment.tracking", "Parcel::tracking_no"), thisFieldStr("session_"), 20)};
  FunctionFacts setup = function("setup", 0);
  setup.calls = {call(0, ctor, {arg({}, host("ops.partner.example.de"))}, 5)};
  setup.calls[0].hasThis = true;
  return link({unit({ctor, helper, send, setup})});
}

TEST(ClassFields, AFieldAHelperOnlyReadsKeepsWhatTheClassStored) {
  const std::vector<Flow> flows = sendThroughHelper(false);
  ASSERT_FALSE(flows.empty());
  for (const Flow& flow : flows) EXPECT_EQ(displayStr(flow.destination), "ops.partner.example.de");
}

TEST(ClassFields, AFieldAHelperStoresIntoStaysOpen) {
  const std::vector<Flow> flows = sendThroughHelper(true);
  ASSERT_FALSE(flows.empty());
  for (const Flow& flow : flows) EXPECT_EQ(displayStr(flow.destination), "${param:this.session_}");
}

// One caller passes a feed it was itself handed: nothing is known of it, so the
// field stays open rather than taking the other callers' values only.
TEST(ClassFields, AFieldOneCallerPassesUnknownStaysUnbound) {
  FunctionFacts consoleCtor = method("Console", "Console", 1);
  consoleCtor.effects = {storesInThis("plc", paramStr(0))};
  FunctionFacts onScan = method("Console", "onScan");
  onScan.sinks = {sink(dataOf("shipment.tracking", "Parcel::tracking_no"), thisFieldStr("plc"), 20)};
  FunctionFacts known = function("hall_a", 0);
  known.calls = {call(0, consoleCtor, {arg({}, host("10.40.0.20"))}, 5)};
  FunctionFacts forwards = function("hall_b", 1);
  forwards.calls = {call(0, consoleCtor, {forwarded(0)}, 5)};
  FunctionFacts caller = function("main", 0);  // hall_b's own caller passes nothing known
  caller.calls = {call(0, forwards, {arg({})}, 3)};
  const std::vector<Flow> flows = link({unit({consoleCtor, onScan, known, forwards, caller})});
  ASSERT_FALSE(flows.empty());
  EXPECT_EQ(displayStr(flows[0].destination), "${param:this.plc}");
}

// The service keeps its clients in a plain struct member (`Deps d_` of
// `shared_ptr<Carrier>`), stored whole from a caller that says nothing of the
// client's fields: the carrier's URL is what its class sets. A method calling the
// client (`d_.carrier->book(p)`, which might have stored into it but does not) is
// no store below the member.
TEST(ClassFields, AFieldOfAClientInAPlainStructMemberIsWhatTheClientsClassSets) {
  FunctionFacts carrierCtor = method("Carrier", "Carrier", 0);
  carrierCtor.effects = {storesInThis("url_", host("api.carrier.example.de"))};
  const FunctionFacts book = method("Carrier", "book", 1);
  FunctionFacts serviceCtor = method("Service", "Service", 1);
  serviceCtor.fieldClasses = {{"d_", "c:@S@Service@S@Deps"}, {"d_.carrier", "c:@S@Carrier"}};
  serviceCtor.effects = {storesInThis("d_", paramStr(0))};
  FunctionFacts dispatch = method("Service", "dispatch", 1);
  dispatch.calls = {call(0, book, {forwarded(0)}, 30)};
  dispatch.calls[0].hasThis = true;
  dispatch.effects = {storesInThis("d_.carrier.url_", StrVal{{{StrPiece::CallOut, "this.url_", 0}}, {}})};
  dispatch.sinks = {sink(dataOf("shipment.tracking", "Parcel::tracking_no"), thisFieldStr("d_.carrier.url_"), 20)};
  FunctionFacts root = function("main", 0);
  root.calls = {call(0, serviceCtor, {arg({})}, 5)};
  const std::vector<Flow> flows = link({unit({carrierCtor, book, serviceCtor, dispatch, root})});
  ASSERT_FALSE(flows.empty());
  EXPECT_EQ(displayStr(flows[0].destination), "api.carrier.example.de");
}

// A lambda written in a method and handed to a library (a continuation) reads the
// object it captured as its closure's field `this`: those are the class's fields.
// Another capture is no field of the class.
TEST(ClassFields, ALambdasCapturedObjectHasItsMethodsClassFields) {
  FunctionFacts ctor = method("Feed", "Feed", 0);
  ctor.effects = {storesInThis("m_plc", host("10.40.0.20"))};
  FunctionFacts continuation = function("Feed::operator()", 1);
  continuation.usr = "c:feed.cpp@120@S@Feed@F@wire#@Sa@F@operator()#1";
  continuation.sinks = {sink(dataOf("shipment.tracking", "Parcel::tracking_no"), thisFieldStr("this.m_plc"), 20),
                        sink(dataOf("shipment.tracking", "Parcel::tracking_no"), thisFieldStr("m_plc"), 21)};
  const std::vector<Flow> flows = link({unit({ctor, continuation})});
  std::set<unsigned> lines;
  for (const Flow& flow : flows) {
    lines.insert(flow.sink.line);
    EXPECT_EQ(displayStr(flow.destination), flow.sink.line == 20 ? "10.40.0.20" : "${param:this.m_plc}");
  }
  EXPECT_EQ(lines, (std::set<unsigned>{20, 21}));
}

// An entry writing to `root_ + "/manifest_" + date`, its own parameter: the field is
// replaced where the class knows it, the parameter stays as it was.
TEST(ClassFields, AFieldBesideAnUnboundParameterIsStillReplaced) {
  FunctionFacts ctor = method("Exporter", "Exporter", 0);
  ctor.effects = {storesInThis("root_", host("/var/spool/lmd"))};
  FunctionFacts nightly = method("Exporter", "nightly", 1);
  nightly.sinks = {sink(dataOf("shipment.tracking", "Parcel::tracking_no"),
                        concat(concat(thisFieldStr("root_"), host("/manifest_")), paramStr(0)), 20)};
  const std::vector<Flow> flows = link({unit({ctor, nightly})});
  ASSERT_FALSE(flows.empty());
  EXPECT_EQ(displayStr(flows[0].destination), "/var/spool/lmd/manifest_${param:0}");
  ASSERT_FALSE(flows[0].callChain.empty());
  EXPECT_EQ(flows[0].callChain.back().note, "`this.root_` is set by Exporter::Exporter()");
}

TEST(ClassFields, TheClassOfALambdaIsTheClassOfTheMethodItIsWrittenIn) {
  EXPECT_EQ(classOfLambda("c:prog.cpp@120@N@depot@S@Feed@F@wire#@Sa@F@operator()#"), "c:@N@depot@S@Feed");
  EXPECT_EQ(classOfLambda("c:prog.cpp@120@N@depot@S@Feed@F@wire#@Sa@F@operator()#@Sa@F@operator()#1"),
            "c:@N@depot@S@Feed");                                          // nested: the outermost lambda's method
  EXPECT_EQ(classOfLambda("c:prog.cpp@88@F@main#@Sa@F@operator()#"), "");  // in a free function
  EXPECT_EQ(classOfLambda("c:@N@depot@S@Feed@F@announce#"), "");           // no lambda
}

TEST(ClassFields, TheClassOfAMethodIsItsUsrBeforeTheMethod) {
  EXPECT_EQ(classOfMethod("c:@N@depot@S@Feed@F@announce#&1$@S@Parcel#"), "c:@N@depot@S@Feed");
  EXPECT_EQ(classOfMethod("c:@F@free_function#"), "");
  EXPECT_EQ(classOfMethod("c:prog.cpp@120@N@depot@S@Feed@F@wire#@Sa@F@operator()#"), "");
}

}  // namespace
}  // namespace egress
