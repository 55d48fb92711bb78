#include "link/Summary.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "FactsBuilder.h"

namespace egress {
namespace {

using namespace test;

TEST(SinkCollector, ConcreteDataIsReportedSymbolicDataKeptForCallers) {
  Summary s;
  SinkCollector c(s);
  c.add(sink(dataOf("customer.contact"), host("h.example.de"), 1));
  c.add(sink(param(0), host("h.example.de"), 2));
  c.add(sink(dataOf("customer.contact"), paramStr(0), 3));  // destination from the caller
  c.finish();
  ASSERT_EQ(s.reported.size(), 2u);
  ASSERT_EQ(s.sinks.size(), 2u);
  EXPECT_EQ(s.sinks[0].loc.line, 2u);
  EXPECT_EQ(s.sinks[1].loc.line, 3u);
}

TEST(SinkCollector, OneEntryPerLocationAndDestinationWhateverTheRoute) {
  Summary s;
  SinkCollector c(s);
  for (unsigned i = 0; i < 50; ++i) {
    SinkFact x = sink(param(i % 2), host("log.example.de"), 5);
    for (unsigned k = 0; k <= i % 3; ++k) x.callChain.push_back({at(100 + i + k), "calls f()"});
    c.addForCallers(x);
  }
  c.finish();
  ASSERT_EQ(s.sinks.size(), 1u);
  EXPECT_EQ(s.sinks[0].data.params.size(), 2u);  // both inputs reach it
  EXPECT_EQ(s.sinks[0].callChain.size(), 1u);    // the shortest route is the evidence
}

// One sender reached by a count carrying nothing (a short route) and a gauge tagged
// with a tracking number (a longer one): the evidence is the route the data takes,
// whichever comes first.
TEST(SinkCollector, TheEvidenceOfAMergedSinkIsARouteThatBringsData) {
  for (const bool dataFirst : {false, true}) {
    Summary s;
    SinkCollector c(s);
    SinkFact count = sink(Taint{}, paramStr(0), 5);
    count.callChain = {{at(59), "calls count()"}};
    SinkFact gauge = sink(dataOf("shipment.tracking"), paramStr(0), 5);
    gauge.callChain = {{at(68), "calls gauge()"}, {at(79), "calls send_line()"}};
    c.addForCallers(dataFirst ? gauge : count);
    c.addForCallers(dataFirst ? count : gauge);
    c.finish();
    ASSERT_EQ(s.sinks.size(), 1u);
    ASSERT_EQ(s.sinks[0].callChain.size(), 2u) << dataFirst;
    EXPECT_EQ(s.sinks[0].callChain[0].loc.line, 68u);
  }
}

TEST(SinkCollector, AFullSummaryMergesByLocationButKeepsNewLocations) {
  Summary s;
  LimitHits hits;
  {
    LimitScope scope(hits);
    SinkCollector c(s);
    for (unsigned i = 0; i < SinkCollector::kMaxSummarySinks; ++i)
      c.addForCallers(sink(param(0), host("h" + std::to_string(i) + ".example.de"), 5));
    c.addForCallers(sink(param(1), host("other.example.de"), 5));  // same location: merged
    c.addForCallers(sink(param(0), host("c.example.de"), 6));      // new location: kept
    c.finish();
  }
  EXPECT_EQ(s.sinks.size(), SinkCollector::kMaxSummarySinks + 1);
  EXPECT_EQ(hits[Limit::SummarySinks], 1u);
  bool merged = false;
  for (const SinkFact& x : s.sinks)
    merged |= x.loc.line == 5 && x.data.params.size() == 2 && !x.destination.alts.empty();
  EXPECT_TRUE(merged);
}

TEST(Summary, FindingsAloneDoNotWakeCallers) {
  Summary a, b;
  b.reported.push_back(sink(dataOf("customer.contact"), host("h.example.de")));
  EXPECT_TRUE(sameForCallers(a, b));
  b.sinks.push_back(sink(param(0), host("h.example.de")));
  EXPECT_FALSE(sameForCallers(a, b));
}

TEST(Summary, PendingCallsAreBoundedAndCounted) {
  Summary s;
  LimitHits hits;
  LimitScope scope(hits);
  for (unsigned i = 0; i < 70; ++i) {
    PendingCall p;
    p.target = ParamRef{0, "cb", {}};
    p.site.loc = at(i + 1);
    addPending(s, p);
  }
  EXPECT_EQ(s.pending.size(), 64u);
  EXPECT_EQ(hits[Limit::PendingCalls], 6u);
}

TEST(Summary, APendingCallIsTakenOnceAndTheBoundIsAskedBeforeItsArgumentsAreBuilt) {
  Summary s;
  LimitHits hits;
  LimitScope scope(hits);
  const ParamRef cb{0, "cb", {}};
  EXPECT_TRUE(takesPending(s, cb, at(5)));
  PendingCall p;
  p.target = cb;
  p.site.loc = at(5);
  addPending(s, p);
  EXPECT_FALSE(takesPending(s, cb, at(5)));                       // the same input and site
  EXPECT_TRUE(takesPending(s, ParamRef{0, "other", {}}, at(5)));  // another field of it
  EXPECT_TRUE(takesPending(s, cb, at(6)));                        // another site
  EXPECT_EQ(hits[Limit::PendingCalls], 0u);                       // a repeat is no limit
  for (unsigned i = 0; i < 70; ++i) {
    p.site.loc = at(100 + i);
    addPending(s, p);
  }
  EXPECT_FALSE(takesPending(s, cb, at(7)));
  EXPECT_EQ(hits[Limit::PendingCalls], 8u);  // 7 added beyond the bound, then the question
}

// A call through the same input at the same site, reached again with other
// arguments: one pending call whose arguments are both routes', and a summary
// whose callers must look again though it holds as many pending calls as before.
TEST(Summary, ARepeatedPendingCallMergesItsArgumentsAndWakesCallers) {
  Summary s;
  PendingCall p;
  p.target = ParamRef{0, "cb", {}};
  p.site.loc = at(5);
  p.site.args = {arg(param(1))};
  addPending(s, p);
  const Summary before = s;
  p.site.args = {arg(param(2))};
  addPending(s, p);
  ASSERT_EQ(s.pending.size(), 1u);
  EXPECT_EQ(s.pending[0].site.args[0].whole.params.size(), 2u);
  EXPECT_FALSE(sameForCallers(before, s));
  const Summary merged = s;
  addPending(s, p);  // nothing new
  EXPECT_TRUE(sameForCallers(merged, s));
}

// `d->last = d->last->parent` around a recursive walk: the value the walk leaves in
// `d->last` gains a deeper alternative one round and loses it the next. Widened, it
// keeps what it had (with an unknown form) and the cluster settles.
TEST(Summary, AnEffectStringThatComesAndGoesWidensAndSettles) {
  const StrVal parent{{{StrPiece::Param, "last.parent", 0}}, {}};
  const StrVal grandparent{{{StrPiece::Param, "last.parent.parent", 0}}, {}};
  StrVal both = parent;
  addAlternatives(both, grandparent);
  Summary first, second, third;
  first.effectStrs["arg:0"]["last"] = parent;
  second.effectStrs["arg:0"]["last"] = both;
  third.effectStrs["arg:0"]["last"] = parent;
  widenChangingStrings(second, first);
  EXPECT_FALSE(sameForCallers(second, first));
  const std::vector<StrVal> kept = forms(second.effectStrs["arg:0"]["last"]);
  EXPECT_TRUE(std::any_of(kept.begin(), kept.end(), [](const StrVal& f) { return onlyPiece(f, StrPiece::Unknown); }));
  widenChangingStrings(third, second);
  EXPECT_TRUE(sameForCallers(third, second));
}

// A value found late (a long component's last round) is not widened, and one that
// went missing is the earlier one.
TEST(Summary, AnEffectStringFirstFoundOrLostIsNotWidened) {
  Summary before, next;
  next.effectStrs["arg:0"]["host"] = host("late.example.de");
  before.retStr = host("ret.example.de");
  widenChangingStrings(next, before);
  EXPECT_TRUE(sameStr(next.effectStrs["arg:0"]["host"], host("late.example.de")));
  EXPECT_TRUE(sameStr(next.retStr, host("ret.example.de")));
}

}  // namespace
}  // namespace egress
