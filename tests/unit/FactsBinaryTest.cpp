// The cache's binary facts (facts/FactsBinary.cpp): every field reads back as it was
// (checked against the JSON form, which writes them all), shared globals stay
// shared, and cut or corrupt bytes fail instead of crashing.
#include "facts/FactsBinary.h"

#include <gtest/gtest.h>

#include "facts/FactsJson.h"
#include "link/FactsBuilder.h"

namespace egress {
namespace {

using namespace test;

TUFacts richFacts() {
  FunctionFacts out = function("out", 2);
  out.sinks = {sink(param(0), concat(host("https://h.example.de/"), paramStr(1)))};
  out.sinks[0].guards = {Guard{1, Guard::BitsSet, -4}};
  out.sinks[0].callChain = {Step{at(7), "calls post()"}};
  out.resets = {"this#buf"};
  out.limits.add(Limit::ResolveDepth, 2);
  FunctionFacts use = function("use", 0);
  Taint data = dataOf("customer.contact");
  data.origins[0].path.push(Step{at(3), "stored in `m`"});
  data.origins[0].guards = {Guard{0, Guard::Eq, 1}, Guard{1, Guard::HoldsData, 0, "rcpt.phone"}};
  ArgFact first = arg(data, host("x"));
  first.fields["a.b"] = param(0, "name");
  first.fieldFns["cb"] = {"c:@F@handler"};
  first.constant = -7;
  first.sameAsParam = 3;
  first.contextParam = 0;
  first.contextArg = 2;
  first.typeName = "std::basic_ofstream";
  use.calls = {call(0, out, {first, forwarded(0)}), call(1, out, {arg(callResult(0, "arg:1"))})};
  use.calls[0].globalsIn["c:@g_sock"] = dataOf("shipment.tracking");
  use.calls[1].globalsIn.shareWith(use.calls[0].globalsIn);
  use.calls[1].thisArg.whole.calls = {CallRef{0, kAnyCallSlot, {}, 1, "", {{1, "this"}}}};
  use.effects = {EffectFact{kThisParam, "buf", dataOf("customer.contact"), host("y"), {"c:@F@f"}}};
  use.retFields["len"] = param(0);
  use.retFieldStrs["url.host"] = host("z.example.de");
  use.fieldClasses["uplink_"] = "c:@S@Uplink";
  use.retTypeNames = {"std::basic_ofstream"};
  TUFacts tu = unit({out, use});
  tu.rulesKey = "k";
  tu.hadErrors = true;
  tu.diagnostics = {"prog.cpp:1:1: error: x"};
  tu.constantStrings["c:@k_host"] = host("api.example.com");
  tu.initialFns["c:@k_ops.send"] = {"c:@F@tcp_send"};
  tu.initialRefs["c:@g_t.ops"] = "c:@k_ops";
  tu.markers = {MarkerComment{at(9), "egress-audit: allow"}};
  return tu;
}

TEST(FactsBinary, EveryFieldReadsBack) {
  const TUFacts tu = richFacts();
  const std::string bytes = encodeFacts(tu);
  std::optional<TUFacts> back = decodeFactsHead(bytes);
  ASSERT_TRUE(back);
  EXPECT_TRUE(back->functions.empty());
  ASSERT_TRUE(decodeFactsFunctions(bytes, *back));
  EXPECT_EQ(factsToJson(*back), factsToJson(tu));
}

TEST(FactsBinary, CallSitesSharingGlobalsStillShareThem) {
  const std::string bytes = encodeFacts(richFacts());
  std::optional<TUFacts> back = decodeFactsHead(bytes);
  ASSERT_TRUE(back && decodeFactsFunctions(bytes, *back));
  const std::vector<CallSiteFact>& calls = back->functions.at(1).calls;
  ASSERT_EQ(calls.size(), 2u);
  EXPECT_FALSE(calls[0].globalsIn.empty());
  EXPECT_TRUE(calls[1].globalsIn.sharedWith(calls[0].globalsIn));
}

TEST(FactsBinary, RepeatedStringsAreWrittenOnce) {
  TUFacts tu = richFacts();
  const std::size_t one = encodeFacts(tu).size();
  tu.diagnostics.assign(50, tu.diagnostics[0]);
  EXPECT_LT(encodeFacts(tu).size(), one + 2 * 50);
}

TEST(FactsBinary, ATrailSharedByAtomsIsWrittenOnceAndStaysShared) {
  Trail shared;
  for (unsigned line = 1; line <= 40; ++line) shared.push(Step{at(line), "step " + std::to_string(line)});
  Taint t;
  for (unsigned i = 0; i < 2; ++i) {
    Origin o = dataOf("customer.contact").origins[0];
    o.path = shared;
    o.path.push(Step{at(100 + i), "own step"});
    t.origins.push_back(o);
  }
  Taint one = t;
  one.origins.pop_back();
  BinaryWriter both, single;
  io(both, t);
  io(single, one);
  EXPECT_LT(both.bytes().size(), single.bytes().size() + 40);  // the second adds one step
  BinaryReader r(both.bytes());
  Taint back;
  io(r, back);
  ASSERT_TRUE(r.ok() && r.atEnd());
  ASSERT_EQ(back.origins.size(), 2u);
  EXPECT_EQ(back.origins[0].path.steps().size(), 41u);
  EXPECT_EQ(back.origins[1].path.steps().back().loc.line, 101u);
  EXPECT_EQ(back.origins[0].path.before().identity(), back.origins[1].path.before().identity());
}

// Whether equal trails are one object or two (a summary computed again from
// callees read back) must not change the bytes: the link compares them.
TEST(FactsBinary, EqualTrailsEncodeTheSameWhetherSharedOrNot) {
  const auto build = [] {
    Trail inner;
    inner.push(Step{at(5), "returned"});
    Trail t;
    t.push(Step{at(1), "read"});
    t.append(inner);
    t.push(Step{at(9), "sent"});
    return t;
  };
  const Trail one = build();
  Taint shared, separate;
  for (unsigned i = 0; i < 2; ++i) {
    Origin o = dataOf("customer.contact").origins[0];
    o.path = one;
    shared.origins.push_back(o);
    o.path = build();
    separate.origins.push_back(o);
  }
  BinaryWriter a, b;
  io(a, shared);
  io(b, separate);
  EXPECT_EQ(a.bytes(), b.bytes());
}

TEST(FactsBinary, CutOrCorruptBytesFail) {
  const std::string bytes = encodeFacts(richFacts());
  for (std::size_t cut : {std::size_t(0), std::size_t(3), bytes.size() / 2, bytes.size() - 1}) {
    TUFacts tu;
    const std::string part = bytes.substr(0, cut);
    EXPECT_FALSE(decodeFactsHead(part) && decodeFactsFunctions(part, tu)) << "cut at " << cut;
  }
  std::string huge = bytes;
  huge.insert(huge.size() / 2, "\xff\xff\xff\xff\xff\xff\xff\xff\x7f");
  TUFacts tu;
  EXPECT_FALSE(decodeFactsHead(huge) && decodeFactsFunctions(huge, tu));
  TUFacts tail;
  EXPECT_FALSE(decodeFactsHead(bytes + "x") && decodeFactsFunctions(bytes + "x", tail));
}

TEST(FactsBinary, NumbersKeepTheirSignAndWidth) {
  BinaryWriter w;
  int64_t values[] = {0, -1, 1, INT64_MIN, INT64_MAX};
  for (int64_t& v : values) io(w, v);
  uint64_t big = UINT64_MAX;
  io(w, big);
  BinaryReader r(w.bytes());
  for (int64_t expected : {int64_t(0), int64_t(-1), int64_t(1), INT64_MIN, INT64_MAX}) {
    int64_t v = 42;
    io(r, v);
    EXPECT_EQ(v, expected);
  }
  uint64_t back = 0;
  io(r, back);
  EXPECT_EQ(back, UINT64_MAX);
  EXPECT_TRUE(r.ok() && r.atEnd());
}

}  // namespace
}  // namespace egress
