// Data through mutable globals: bound per call site where the caller stored the
// global, else by every store in the program (link/Globals.cpp, Substitution).
#include "link/Globals.h"

#include <gtest/gtest.h>

#include "FactsBuilder.h"
#include "link/Linker.h"

namespace egress {
namespace {

using namespace test;

const std::string kBuffer = "c:@g_buffer";

Taint globalInput(const std::string& key) { return Taint{{}, {ParamRef{kGlobalParam, key, {}}}, {}}; }

// emit(fd) { send(fd, g_buffer) }
FunctionFacts emitter() {
  FunctionFacts emit = function("emit", 1);
  emit.sinks = {sink(globalInput(kBuffer), paramStr(0), 20)};
  return emit;
}

std::vector<std::string> categoriesOf(const std::vector<Flow>& flows) {
  std::vector<std::string> out;
  for (const Flow& f : flows)
    for (const Origin& o : f.origins) out.push_back(f.function + ":" + o.category);
  std::sort(out.begin(), out.end());
  return out;
}

TEST(Globals, ACalleeSeesWhatItsCallerStoredBeforeTheCall) {
  const FunctionFacts emit = emitter();
  FunctionFacts withData = function("with_data"), withPing = function("with_ping");
  withData.calls = {call(0, emit, {arg({}, host("h.example.cn"))}, 30)};
  withData.calls[0].globalsIn[kBuffer] = dataOf("customer.contact");
  withData.effects = {EffectFact{kGlobalTarget, kBuffer, dataOf("customer.contact"), {}, {}}};
  withPing.calls = {call(0, emit, {arg({}, host("h.example.cn"))}, 40)};
  withPing.calls[0].globalsIn[kBuffer] = Taint{};  // overwritten with a constant
  const std::vector<Flow> flows = link({unit({emit, withData, withPing})});
  // Only with_data's call reaches the sink with data, though the global holds data
  // somewhere in the program when with_ping calls.
  EXPECT_EQ(categoriesOf(flows), (std::vector<std::string>{"with_data:customer.contact"}));
}

// status(fmt, ...) { vsnprintf(g_buffer, fmt, ap); }  entry() { status("%s %s", "x", email); emit(fd); }
// The store reads argument 1 and every one after it: the constant in argument 1
// does not let the caller's data in argument 2 be skipped.
TEST(Globals, AStoreOfVariadicArgumentsReadsEveryArgumentFromItsIndexOn) {
  const FunctionFacts emit = emitter();
  FunctionFacts status = function("status", 1);
  status.effects = {EffectFact{kGlobalTarget, kBuffer, param(1, kRestArgsField), {}, {}}};
  FunctionFacts entry = function("entry", 0);
  entry.calls = {call(0, status, {arg({}), arg({}), arg(dataOf("customer.contact"))}, 30),
                 call(1, emit, {arg({}, host("h.example.cn"))}, 31)};
  const std::vector<Flow> flows = link({unit({emit, status, entry})});
  ASSERT_EQ(flows.size(), 1u);
  EXPECT_EQ(flows[0].origins.at(0).category, "customer.contact");
}

TEST(Globals, AReaderNobodyStoredBeforeGetsEveryStoreThroughItsCallers) {
  const FunctionFacts emit = emitter();
  // set(email) { g_buffer = email; }  entry() { set(customer.email); emit(fd); }
  FunctionFacts set = function("set", 1);
  set.effects = {EffectFact{kGlobalTarget, kBuffer, param(0), {}, {}}};
  FunctionFacts entry = function("entry", 0);
  entry.calls = {call(0, set, {arg(dataOf("customer.contact"))}, 30),
                 call(1, emit, {arg({}, host("h.example.cn"))}, 31)};
  const std::vector<Flow> flows = link({unit({emit, set, entry})});
  ASSERT_EQ(flows.size(), 1u);
  EXPECT_EQ(flows[0].origins.at(0).category, "customer.contact");
  bool saysWhere = false;
  for (const Step& s : flows[0].origins[0].path.steps())
    saysWhere |= s.note.find("stored in global `g_buffer` by set()") != std::string::npos;
  EXPECT_TRUE(saysWhere);
}

// append(email) { g_batch = email; }  handle(e) { append(e); }  worker(e) { handle(e); }
// flush(fd) { send(fd, g_batch); }  main() { worker(email); flush(fd); }
// The store is three calls below main, the read in a direct callee. A global the
// whole program may name binds only its near callees' stores there; a file's own
// static (its file in its USR) binds every store of that file.
std::vector<Flow> batchFlows(const std::string& key) {
  FunctionFacts flush = function("flush", 1);
  flush.sinks = {sink(globalInput(key), paramStr(0), 20)};
  FunctionFacts append = function("append", 1), handle = function("handle", 1), worker = function("worker", 1);
  append.effects = {EffectFact{kGlobalTarget, key, param(0), {}, {}}};
  handle.calls = {call(0, append, {arg(param(0))}, 30)};
  worker.calls = {call(0, handle, {arg(param(0))}, 31)};
  FunctionFacts entry = function("main", 0);
  entry.calls = {call(0, worker, {arg(dataOf("customer.contact"))}, 32),
                 call(1, flush, {arg({}, host("h.example.cn"))}, 33)};
  return link({unit({flush, append, handle, worker, entry})});
}

TEST(Globals, AFileStaticTakesEveryStoreOfItsFileWhereAnEntryReadsIt) {
  EXPECT_TRUE(batchFlows("c:@g_batch").empty());
  const std::vector<Flow> flows = batchFlows("c:pods.c@s_batch");
  ASSERT_EQ(flows.size(), 1u);
  EXPECT_EQ(flows[0].origins.at(0).category, "customer.contact");
}

TEST(Globals, AGlobalNothingStoresDataInIsDropped) {
  const FunctionFacts emit = emitter();
  FunctionFacts entry = function("entry", 0);
  entry.calls = {call(0, emit, {arg({}, host("h.example.cn"))}, 31)};
  EXPECT_TRUE(link({unit({emit, entry})}).empty());
}

// load() { Routes r; r.crm.host = "crm.example.cn"; r.scan.host = "scan.example.de"; return r; }
// setup(this, r) { this->routes = r; }   main() { g_depot.setup(load()); }
// reader(x) { send(g_depot.routes.crm.host, x); }
// The global holds the whole record load() returned; each field read of it is
// that field of the record, not the first string found in it.
TEST(Globals, AFieldOfARecordACallReturnedAndAnotherStoredIsThatField) {
  const std::string depot = "c:@S@Depot";
  FunctionFacts load = function("load", 0);
  load.retFieldStrs["crm.host"] = host("crm.example.cn");
  load.retFieldStrs["scan.host"] = host("scan.example.de");
  load.retStr = host("scan.example.de");
  FunctionFacts setup = function("setup", 1);
  setup.effects = {EffectFact{kThisParam, "routes", param(0), paramStr(0), {}}};
  FunctionFacts entry = function("main", 0);
  ArgFact object = arg({});
  object.global = depot;
  CallSiteFact configure = call(1, setup, {arg(callResult(0), callRetStr(0))}, 31);
  configure.hasThis = true;
  configure.thisArg = object;
  entry.calls = {call(0, load, {}, 30), configure};
  FunctionFacts reader = function("reader", 1);
  reader.sinks = {sink(param(0), StrVal{{{StrPiece::Global, depot + ".routes.crm.host", 0}}, {}}, 40)};
  FunctionFacts user = function("user", 0);
  user.calls = {call(0, reader, {arg(dataOf("customer.contact"))}, 50)};
  std::set<std::string> found;
  for (const Flow& f : link({unit({load, setup, entry, reader, user})}))
    found.insert(f.function + " -> " + displayStr(f.destination));
  EXPECT_EQ(found, (std::set<std::string>{"user -> crm.example.cn"}));
}

// A global holding a record a call returned (`s_up = uplink_create(&cfg)`): a field
// of it is what the callee returned in that field, in the storer's terms.
TEST(Globals, AFieldOfARecordACallReturnedIntoAGlobalIsThatField) {
  FunctionFacts create = function("create", 1);
  create.retFieldStrs["ctx.host"] = paramStr(0);
  FunctionFacts open = function("open_depot", 0);
  open.calls = {call(0, create, {arg({}, host("10.30.4.12"))}, 30)};
  open.effects = {EffectFact{kGlobalTarget, "c:@s_up", callResult(0), callRetStr(0), {}}};
  FunctionFacts reader = function("reader", 1);
  reader.sinks = {sink(param(0), StrVal{{{StrPiece::Global, "c:@s_up.ctx.host", 0}}, {}}, 40)};
  FunctionFacts user = function("user", 0);
  user.calls = {call(0, reader, {arg(dataOf("customer.contact"))}, 50)};
  std::set<std::string> found;
  for (const Flow& f : link({unit({create, open, reader, user})}))
    found.insert(f.function + " -> " + displayStr(f.destination));
  EXPECT_EQ(found, (std::set<std::string>{"user -> 10.30.4.12"}));
}

}  // namespace
}  // namespace egress
