// What a function's resolution reads, hashed (link/InputKeys.cpp): an edit changes
// the keys of the functions that read what it changed, and no others.
#include "link/InputKeys.h"

#include <gtest/gtest.h>

#include "FactsBuilder.h"

namespace egress {
namespace {

using namespace test;

// out <- mid <- top in one TU each, and an unrelated function beside out.
std::vector<TUFacts> program(const std::string& outDigest, const std::string& topDigest) {
  FunctionFacts out = function("out", 1), other = function("other", 0), mid = function("mid", 1);
  FunctionFacts top = function("top", 0);
  mid.calls = {call(0, out, {forwarded(0)})};
  top.calls = {call(0, mid, {arg(dataOf("customer.contact"))})};
  TUFacts a = unit({out, other}), b = unit({mid}), c = unit({top});
  a.file = "a.cpp", b.file = "b.cpp", c.file = "c.cpp";
  a.entryDigest = outDigest, b.entryDigest = "b", c.entryDigest = topDigest;
  return {a, b, c};
}

struct Keyed {
  std::vector<TUFacts> tus;
  std::unique_ptr<CallGraph> graph;
  std::unique_ptr<Relevance> relevance;
  InputKeys keys;
  uint64_t of(const std::string& name) const { return keys.functions[*graph->find("c:@F@" + name)]; }
};

std::unique_ptr<Keyed> keyed(std::vector<TUFacts> tus) {
  auto k = std::make_unique<Keyed>();
  k->tus = std::move(tus);
  k->graph = std::make_unique<CallGraph>(k->tus);
  k->relevance = std::make_unique<Relevance>(*k->graph);
  k->keys = inputKeys(*k->graph, *k->relevance, k->graph->components(k->graph->bottomUpOrder()));
  return k;
}

TEST(InputKeys, AnEditedTUChangesItsOwnFunctions) {
  const auto before = keyed(program("a1", "c1"));
  const auto after = keyed(program("a2", "c1"));
  EXPECT_NE(before->of("out"), after->of("out"));
  EXPECT_NE(before->of("other"), after->of("other"));
  EXPECT_EQ(before->of("mid"), after->of("mid"));  // reads out's summary, checked apart
  EXPECT_EQ(before->of("top"), after->of("top"));
  EXPECT_EQ(before->keys.program, after->keys.program);
}

// use() hands global g (initializer `{.ops = &k_ops}`) to emit(); the table k_ops
// is in another TU. Re-aiming k_ops.send changes what a call through g runs.
TEST(InputKeys, AGlobalsTableInAnotherTUIsAnInputOfWhoHandsTheGlobalOn) {
  const auto withSend = [](const std::string& target) {
    FunctionFacts deSend = function("de_send"), cnSend = function("cn_send"), emit = function("emit", 1);
    FunctionFacts use = function("use", 0);
    ArgFact global = arg({});
    global.global = "c:@g";
    use.calls = {call(0, emit, {global})};
    TUFacts tables = unit({deSend, cnSend}), main = unit({emit, use});
    tables.file = "tables.c", main.file = "main.c";
    tables.entryDigest = "t-" + target, main.entryDigest = "m";
    tables.initialFns["c:@k_ops.send"] = {"c:@F@" + target};
    main.initialRefs["c:@g.ops"] = "c:@k_ops";
    return std::vector<TUFacts>{tables, main};
  };
  const auto before = keyed(withSend("de_send"));
  const auto after = keyed(withSend("cn_send"));
  EXPECT_NE(before->of("use"), after->of("use"));
  EXPECT_EQ(before->of("emit"), after->of("emit"));
}

TEST(InputKeys, ACalleeResettingOtherFieldsChangesItsCallers) {
  std::vector<TUFacts> edited = program("a2", "c1");
  edited[0].functions[0].resets = {"arg:0#buf"};
  const auto before = keyed(program("a1", "c1"));
  const auto after = keyed(edited);
  EXPECT_NE(before->of("mid"), after->of("mid"));  // mid reads which fields out resets
  EXPECT_EQ(before->of("top"), after->of("top"));
}

TEST(InputKeys, WhatACallerPassesChangesWhatTheCalleesKeep) {
  std::vector<TUFacts> quiet = program("a1", "c1");
  quiet[2].functions[0].calls[0].args[0] = arg(Taint{});  // top passes no data now
  quiet[2].entryDigest = "c2";
  const auto before = keyed(program("a1", "c1"));
  const auto after = keyed(quiet);
  EXPECT_NE(before->of("mid"), after->of("mid"));  // its parameter may no longer carry data
}

TEST(InputKeys, ANewOverrideChangesTheProgramKey) {
  std::vector<TUFacts> grown = program("a1", "c1");
  FunctionFacts added = function("added", 0);
  added.overrides = {"c:@S@Base@F@run#"};
  grown[0].functions.push_back(added);
  EXPECT_NE(keyed(program("a1", "c1"))->keys.program, keyed(grown)->keys.program);
}

// A lambda's USR names its offset: an edit above it renames it, which must not make
// every function's summary be resolved again.
TEST(InputKeys, ANewFunctionChangesItsCallersKeysOnly) {
  std::vector<TUFacts> grown = program("a1", "c2");
  FunctionFacts added = function("added", 0);
  grown[2].functions[0].calls.push_back(call(1, added, {}));
  grown[2].functions.push_back(added);
  const auto before = keyed(program("a1", "c1"));
  const auto after = keyed(grown);
  EXPECT_EQ(before->keys.program, after->keys.program);
  EXPECT_NE(before->of("top"), after->of("top"));
  EXPECT_EQ(before->of("mid"), after->of("mid"));
}

// A global's key may name a static local by its offset: whether it may carry data
// is part of the keys of the functions naming it, not of the program key.
TEST(InputKeys, AGlobalThatMayNowCarryDataChangesItsReadersKeys) {
  const auto withStore = [](Taint stored, const std::string& digest) {
    FunctionFacts writer = function("writer", 0), reader = function("reader", 0), other = function("other", 0);
    writer.effects = {EffectFact{kGlobalTarget, "c:@g_buf", std::move(stored), {}, {}}};
    reader.ret = Taint{{}, {ParamRef{kGlobalParam, "c:@g_buf", {}}}, {}};
    TUFacts a = unit({writer}), b = unit({reader, other});
    a.file = "a.cpp", b.file = "b.cpp";
    a.entryDigest = digest, b.entryDigest = "b";
    return std::vector<TUFacts>{a, b};
  };
  const auto before = keyed(withStore(Taint{}, "a1"));
  const auto after = keyed(withStore(dataOf("customer.contact"), "a2"));
  EXPECT_EQ(before->keys.program, after->keys.program);
  EXPECT_NE(before->of("reader"), after->of("reader"));
  EXPECT_EQ(before->of("other"), after->of("other"));
}

TEST(InputKeys, NoKeysWithoutCacheDigests) {
  std::vector<TUFacts> tus = program("a1", "c1");
  tus[1].entryDigest.clear();
  EXPECT_TRUE(keyed(tus)->keys.functions.empty());
}

}  // namespace
}  // namespace egress
