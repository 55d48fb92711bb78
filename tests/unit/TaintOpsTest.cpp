#include "facts/TaintOps.h"

#include <gtest/gtest.h>

namespace egress {
namespace {

Taint calls(unsigned from, unsigned to, const std::string& slot = "arg:0") {
  Taint t;
  for (unsigned s = from; s <= to; ++s) t.calls.push_back({s, slot, {}, 0});
  return t;
}

// Bytes read from outside stay marked through merges, indexed or not, and a merge
// that only adds the mark still counts as growth (a loop must run again).
TEST(TaintOps, TheInputMarkSurvivesMergesAndCountsAsGrowth) {
  Taint read, plain;
  read.input = true;
  EXPECT_TRUE(mergeTaint(plain, read));
  EXPECT_TRUE(plain.input);
  EXPECT_FALSE(mergeTaint(plain, read));
  TaintUnion gathered;
  EXPECT_TRUE(gathered.add(read));
  EXPECT_TRUE(gathered.value().input);
  EXPECT_TRUE(gathered.value().empty());  // the mark alone is no data
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
  // (Fields of two parameters: no parameter has more than kMaxFieldInputs.)
  for (int i = 0; i < 30; ++i) into.params.push_back({unsigned(i % 2), "f" + std::to_string(i), {}});
  for (int i = 20; i < 40; ++i) from.params.push_back({unsigned(i % 2), "f" + std::to_string(i), {}});
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

std::vector<std::string> keys(const Taint& t) {
  std::vector<std::string> out;
  for (const ParamRef& p : t.params) out.push_back(std::to_string(p.index) + ":" + p.field);
  for (const Origin& o : t.origins) out.push_back(o.category);
  for (const CallRef& c : t.calls) out.push_back("call" + std::to_string(c.site) + c.slot);
  return out;
}

// A union kept across merges gives what merging one by one gives: same atoms, same
// order, a whole global covering its fields, and globals widened past the bound.
TEST(TaintOps, AUnionOfManyTaintsIsTheirMergeOneByOne) {
  std::vector<Taint> parts;
  for (int i = 0; i < 25; ++i) {
    Taint t;
    t.params.push_back({0, "f" + std::to_string(i % 7), {}});
    t.params.push_back({kGlobalParam, "c:@g" + std::to_string(i) + ".x", {}});
    if (i % 5 == 0) t.params.push_back({kGlobalParam, "c:@g" + std::to_string(i + 1), {}});
    t.origins.push_back({i % 2 ? "customer.contact" : "shipment.tracking", {"a.cpp", unsigned(i % 3), 1}, "x", {}});
    t.calls.push_back({unsigned(i % 4), "", {}, 0});
    parts.push_back(t);
  }
  Taint oneByOne = parts[0];
  for (std::size_t i = 1; i < parts.size(); ++i) mergeTaint(oneByOne, parts[i]);
  TaintUnion gathered(parts[0]);
  for (std::size_t i = 1; i < parts.size(); ++i) gathered.add(parts[i]);
  EXPECT_EQ(keys(gathered.value()), keys(oneByOne));
  // Past the bound the globals were widened to whole globals.
  for (const ParamRef& p : gathered.value().params)
    if (p.index == kGlobalParam) EXPECT_EQ(p.field.find('.'), std::string::npos) << p.field;
}

// Past the bound for good, each new global arrives widened and a new input of the
// function goes before the globals, as widening everything again would leave it.
TEST(TaintOps, AUnionPastTheGlobalBoundAddsAsMergingOneByOne) {
  std::vector<Taint> parts;
  for (int i = 0; i < 40; ++i) {
    Taint t;
    t.params.push_back({kGlobalParam, "c:@g" + std::to_string(i) + ".x", {}});
    if (i % 9 == 0) t.params.push_back({1, "late" + std::to_string(i), {}});
    parts.push_back(t);
  }
  Taint oneByOne = parts[0];
  TaintUnion gathered(parts[0]);
  for (std::size_t i = 1; i < parts.size(); ++i) {
    mergeTaint(oneByOne, parts[i]);
    gathered.add(parts[i]);
    ASSERT_EQ(keys(gathered.value()), keys(oneByOne)) << "after part " << i;
  }
  EXPECT_EQ(gathered.value().params[4].field, "late36");
  EXPECT_EQ(gathered.value().params[5].field, "c:@g0");
}

// addExtended is add() of an extended copy without calls, and leaves `from` alone.
TEST(TaintOps, AddingExtendedIsAddingAnExtendedCopy) {
  Taint from;
  from.origins.push_back({"customer.contact", {"a.cpp", 1, 1}, "x", {}});
  from.params.push_back({0, "f", {}});
  from.params.push_back({0, "g", {}});
  from.calls.push_back({4, "", {}, 0});
  Taint present;
  present.params.push_back({0, "g", {}});
  const Step call{{"a.cpp", 5, 1}, "passed to f()"};
  Trail inside;
  inside.push({{"b.cpp", 9, 1}, "sent"});

  Taint copy = from;
  extendTrails(copy, &call, inside);
  copy.calls.clear();
  TaintUnion expected(present);
  expected.add(std::move(copy));
  TaintUnion got(present);
  EXPECT_TRUE(got.addExtended(from, TrailExtension(&call, inside)));

  EXPECT_EQ(keys(got.value()), keys(expected.value()));
  ASSERT_EQ(got.value().origins.size(), 1u);
  EXPECT_EQ(got.value().origins[0].path.steps().size(), 2u);
  EXPECT_EQ(got.value().params[1].path.steps().size(), 2u);
  EXPECT_TRUE(got.value().params[0].path.steps().empty());  // already there: kept as it was
  EXPECT_TRUE(from.origins[0].path.steps().empty());
}

// Extending every atom's trail shares one segment, yet reads as step by step.
TEST(TaintOps, AnInputReachedOnTwoRoutesKeepsOnlyTheGuardsBothHad) {
  const Guard flag{1, Guard::BitsSet, 4}, level{2, Guard::Ge, 3};
  Taint into{{}, {ParamRef{0, "email", {}, {flag, level}}}, {}};
  EXPECT_FALSE(mergeTaint(into, Taint{{}, {ParamRef{0, "email", {}, {level, flag}}}, {}}));
  EXPECT_TRUE(mergeTaint(into, Taint{{}, {ParamRef{0, "email", {}, {level}}}, {}}));
  ASSERT_EQ(into.params.size(), 1u);
  EXPECT_EQ(into.params[0].guards, (std::vector<Guard>{level}));
  // Through the indexed union the same.
  TaintUnion gathered(Taint{{}, {ParamRef{0, "email", {}, {flag}}}, {}});
  EXPECT_TRUE(gathered.add(Taint{{}, {ParamRef{0, "email", {}, {}}}, {}}));
  EXPECT_TRUE(gathered.value().params[0].guards.empty());
  // Guards count when comparing atoms: a narrower value is a changed one.
  EXPECT_FALSE(
      sameAtoms(Taint{{}, {ParamRef{0, "email", {}, {flag}}}, {}}, Taint{{}, {ParamRef{0, "email", {}, {}}}, {}}));
}

TEST(TaintOps, ExtendingTrailsAddsTheStepThenTheCalleePath) {
  Taint t;
  t.origins.push_back({"customer.contact", {"a.cpp", 1, 1}, "x", {}});
  t.params.push_back({0, "f", {}});
  const Step call{{"a.cpp", 5, 1}, "passed to f()"};
  t.params[0].path.push(call);  // already ends with the step: not repeated
  Trail inside;
  inside.push({{"b.cpp", 9, 1}, "sent"});
  extendTrails(t, &call, inside);
  ASSERT_EQ(t.origins[0].path.steps().size(), 2u);
  EXPECT_EQ(t.origins[0].path.steps()[0].note, "passed to f()");
  EXPECT_EQ(t.origins[0].path.steps()[1].note, "sent");
  EXPECT_EQ(t.params[0].path.steps().size(), 2u);
}

// The budget hits `run` notes.
template <typename Run> LimitHits hitsOf(const Run& run) {
  LimitHits hits;
  LimitScope scope(hits);
  run();
  return hits;
}

TEST(TaintOps, ManyCallAtomsWidenToOneRangeAndSaySo) {
  Taint t = calls(3, 3 + kMaxCallAtoms);
  const LimitHits hits = hitsOf([&] { widenCalls(t); });
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
  EXPECT_FALSE(mergeTaint(t, calls(5, 9)));     // inside the range: nothing new
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

Taint fieldsOf(unsigned index, unsigned count) {
  Taint t;
  for (unsigned i = 0; i < count; ++i) t.params.push_back({index, "f" + std::to_string(i), {}});
  return t;
}

TEST(TaintOps, ManyFieldsOfOneParameterWidenToAnyFieldOfItAndSaySo) {
  Taint t = fieldsOf(1, kMaxFieldInputs + 1);
  t.params.push_back({1, "", {}});      // the value itself stays
  t.params.push_back({0, "name", {}});  // another parameter's field stays
  t.params.push_back({kGlobalParam, "c:@g", {}});
  t.params[0].guards.push_back(Guard{});
  const LimitHits hits = hitsOf([&] { boundFieldInputs(t); });
  ASSERT_EQ(t.params.size(), 4u);
  EXPECT_EQ(t.params[0].field, kAnyField);
  EXPECT_EQ(t.params[0].index, 1u);
  EXPECT_TRUE(t.params[0].guards.empty());  // the fields it stands for held on different guards
  EXPECT_EQ(t.params[1].field, "");
  EXPECT_EQ(t.params[2].field, "name");
  EXPECT_EQ(hits[Limit::FieldInputs], 1u);
}

// A field reached unconditionally is not folded into an any-field atom that holds
// only on a guard: it would become conditional on it.
TEST(TaintOps, AnyFieldOnAGuardDoesNotCoverAnUnconditionalField) {
  Taint t{{}, {ParamRef{2, kAnyField, {}}}, {}};
  t.params[0].guards.push_back(Guard{});
  EXPECT_TRUE(mergeTaint(t, fieldsOf(2, 1)));
  ASSERT_EQ(t.params.size(), 2u);
  TaintUnion u(t);
  EXPECT_TRUE(u.add(Taint{{}, {ParamRef{2, "other", {}}}, {}}));
  Taint many = t;
  for (const ParamRef& p : fieldsOf(2, kMaxFieldInputs + 1).params) many.params.push_back(p);
  boundFieldInputs(many);
  ASSERT_EQ(many.params.size(), 1u);
  EXPECT_TRUE(many.params[0].guards.empty());
}

TEST(TaintOps, FieldsUpToTheBoundStayApart) {
  Taint t = fieldsOf(0, kMaxFieldInputs);
  boundFieldInputs(t);
  EXPECT_EQ(t.params.size(), kMaxFieldInputs);
}

TEST(TaintOps, AnyFieldCoversEachFieldButNotTheValueItself) {
  Taint t = fieldsOf(2, kMaxFieldInputs + 1);
  boundFieldInputs(t);
  EXPECT_FALSE(mergeTaint(t, fieldsOf(2, 40)));  // every field: nothing new
  EXPECT_TRUE(mergeTaint(t, Taint{{}, {ParamRef{2, "", {}}}, {}}));
  EXPECT_TRUE(mergeTaint(t, fieldsOf(3, 1)));  // another parameter
  TaintUnion u(fieldsOf(2, kMaxFieldInputs + 1));
  u.add(Taint{{}, {ParamRef{2, kAnyField, {}}}, {}});
  EXPECT_FALSE(u.add(fieldsOf(2, 60)));
  EXPECT_TRUE(isSubfield("client.url", kAnyField));
  EXPECT_FALSE(isSubfield("", kAnyField));
  EXPECT_EQ(joinField(kAnyField, "url"), kAnyField);    // a field of any field
  EXPECT_EQ(joinField("client", kAnyField), "client");  // any field below one: that one
  EXPECT_EQ(joinField("", kAnyField), kAnyField);
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

TEST(TaintOps, AFieldBelowAPathIsWhatFollowsIt) {
  EXPECT_EQ(fieldBelow("client", "client.url"), "url");
  EXPECT_EQ(fieldBelow("", "client.url"), "client.url");
  EXPECT_EQ(fieldBelow("client", "client"), std::nullopt);       // not strictly below
  EXPECT_EQ(fieldBelow("client", "clients.url"), std::nullopt);  // another field
  EXPECT_EQ(fieldBelow("", ""), std::nullopt);
}

TEST(TaintOps, NarrowingAnObjectToAFieldNarrowsWhatItsCallsLeft) {
  Taint app;
  app.calls.push_back(CallRef{3, "arg:0", {}});
  app.calls.push_back(CallRef{5, "", {}, 0, "link"});
  const Taint stats = narrowedToField(app, "stats");
  ASSERT_EQ(stats.calls.size(), 2u);
  EXPECT_EQ(stats.calls[0].field, "stats");
  EXPECT_EQ(stats.calls[1].field, "link.stats");
  EXPECT_EQ(narrowedToField(app, "").calls[1].field, "link");
}

// Internal global keys (USRs) never reach a report as they are.
TEST(TaintOps, AGlobalNoStoreAnsweredIsShownByItsName) {
  EXPECT_EQ(readableGlobal("c:@N@td@S@ServiceLocator.services_.host_"), "td::ServiceLocator.services_.host_");
  EXPECT_EQ(readableGlobal("c:label_queue.cpp@N@td@aN@S@PrintChannel.sock_"), "td::(anonymous)::PrintChannel.sock_");
  EXPECT_EQ(readableGlobal("c:queue.c@g_ring.slot"), "g_ring.slot");
  EXPECT_EQ(readableGlobal("c:@g_cfg"), "g_cfg");
  const StrVal url{{{StrPiece::Const, "https://", 0}, {StrPiece::Param, "c:@g_cfg.host", kGlobalParam}}, {}};
  EXPECT_EQ(displayStr(url), "https://${global:g_cfg.host}");
}

// Clang names the file in the USR of what only that file can name.
TEST(TaintOps, AFileLocalGlobalIsOneWhoseUsrNamesItsFile) {
  EXPECT_TRUE(isFileLocalGlobal("c:queue.c@g_ring.slot"));
  EXPECT_TRUE(isFileLocalGlobal("c:label_queue.cpp@aN@buf"));
  EXPECT_FALSE(isFileLocalGlobal("c:@g_cfg.host"));
  EXPECT_FALSE(isFileLocalGlobal("c:@N@td@S@ServiceLocator.services_"));
  EXPECT_FALSE(isFileLocalGlobal(""));
}

// A key naming a getter's parameters shows `?` for each no call named; a section
// nobody named (the whole document handed to the getter) is left out.
TEST(TaintOps, AKeyShowsTheSectionsItsCallsNamed) {
  EXPECT_EQ(displayKey(keyParam(0) + ".carrier.endpoint"), "carrier.endpoint");
  EXPECT_EQ(displayKey("notify." + keyParam(1)), "notify.?");
  EXPECT_EQ(displayKey("?.?.url"), "url");
}

}  // namespace
}  // namespace egress
