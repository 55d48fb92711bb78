#include "facts/TaintOps.h"

#include <gtest/gtest.h>

namespace egress {
namespace {

Taint calls(unsigned from, unsigned to, const std::string& slot = "arg:0") {
  Taint t;
  for (unsigned s = from; s <= to; ++s) t.calls.push_back({s, slot, {}, 0});
  return t;
}

TEST(TaintOps, SubfieldsAreBelowTheirPathOnly) {
  EXPECT_TRUE(isSubfield("client.url", "client"));
  EXPECT_FALSE(isSubfield("client", "client"));
  EXPECT_FALSE(isSubfield("clients.url", "client"));
  EXPECT_FALSE(isSubfield("client", "client.url"));
  EXPECT_TRUE(relatedFields("client", "client.url.host"));
  EXPECT_FALSE(relatedFields("client", "clientele"));
}

// Long lists are merged through a hash index: the result must be what pairwise
// comparison gives, in the same order, a whole global still covering its fields.
TEST(TaintOps, LongParameterListsMergeAsShortOnesDo) {
  Taint into, from;
  into.params.push_back({kGlobalParam, "c:@g_cfg", {}});
  for (int i = 0; i < 30; ++i) into.params.push_back({0, "f" + std::to_string(i), {}});
  for (int i = 20; i < 40; ++i) from.params.push_back({0, "f" + std::to_string(i), {}});
  from.params.push_back({kGlobalParam, "c:@g_cfg.url", {}});
  from.params.push_back({kGlobalParam, "c:@g_other.url", {}});
  from.params.push_back({kThisParam, "f0", {}});
  EXPECT_TRUE(mergeTaint(into, from));
  ASSERT_EQ(into.params.size(), 1u + 40u + 2u);
  EXPECT_EQ(into.params[31].field, "f30");
  EXPECT_EQ(into.params[41].field, "c:@g_other.url");
  EXPECT_EQ(into.params[42].index, kThisParam);
  EXPECT_FALSE(mergeTaint(into, from));
}

TEST(TaintOps, ManyCallAtomsWidenToOneRangeAndSaySo) {
  Taint t = calls(3, 3 + kMaxCallAtoms);
  LimitHits hits;
  {
    LimitScope scope(hits);
    widenCalls(t);
  }
  ASSERT_EQ(t.calls.size(), 1u);
  EXPECT_EQ(t.calls[0].slot, kAnyCallSlot);
  EXPECT_EQ(t.calls[0].site, 3u);
  EXPECT_EQ(t.calls[0].lastSite, 3u + kMaxCallAtoms);
  EXPECT_EQ(hits[Limit::CallAtoms], 1u);
}

TEST(TaintOps, FewCallAtomsStayAsTheyAre) {
  Taint t = calls(0, 4);
  widenCalls(t);
  EXPECT_EQ(t.calls.size(), 5u);
}

TEST(TaintOps, ARangeCoversTheCallsInsideIt) {
  Taint t = calls(0, kMaxCallAtoms);
  widenCalls(t);
  EXPECT_FALSE(mergeTaint(t, calls(5, 9)));    // inside the range: nothing new
  EXPECT_TRUE(mergeTaint(t, calls(500, 500)));  // outside: a new atom
}

TEST(TaintOps, StringsKeepAtMostFourValues) {
  StrVal s = constStr("a");
  LimitHits hits;
  LimitScope scope(hits);
  for (const char* v : {"b", "c", "d", "e", "f"}) addAlternatives(s, constStr(v));
  EXPECT_EQ(forms(s).size(), kMaxAlternatives);
  EXPECT_EQ(hits[Limit::StringAlternatives], 2u);
}

TEST(TaintOps, LongStringsGetAnUnknownTail) {
  StrVal s = constStr("x");
  LimitHits hits;
  LimitScope scope(hits);
  for (int i = 0; i < 20; ++i) s = concat(s, StrVal{{{StrPiece::Env, "E" + std::to_string(i), 0}}, {}});
  EXPECT_LE(s.pieces.size(), 12u);
  EXPECT_EQ(s.pieces.back().kind, StrPiece::Unknown);
  EXPECT_GT(hits[Limit::StringLength], 0u);
}

TEST(TaintOps, JoinedFieldPathsAreCutToTheDepthBound) {
  EXPECT_EQ(joinFieldBounded("writer_", "bytes_"), "writer_.bytes_");
  LimitHits hits;
  {
    LimitScope scope(hits);
    EXPECT_EQ(joinFieldBounded("a.b", "c.d.e"), "a.b.c");
  }
  EXPECT_EQ(hits[Limit::FieldDepth], 1u);
}

}  // namespace
}  // namespace egress
