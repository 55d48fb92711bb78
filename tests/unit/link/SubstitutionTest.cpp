// Putting a callee's terms into a caller's: parameters, fields, variadic arguments,
// global inputs and call results (link/Substitution.cpp), on hand-written facts.
#include "link/Substitution.h"

#include <gtest/gtest.h>

#include <memory>

#include "FactsBuilder.h"
#include "facts/TaintOps.h"
#include "link/Fixpoint.h"

namespace egress {
namespace {

using namespace test;

std::vector<std::string> categories(const Taint& t) {
  std::vector<std::string> out;
  for (const Origin& o : t.origins) out.push_back(o.category);
  std::sort(out.begin(), out.end());
  return out;
}

// `fns` linked as one program, with `caller`'s id: what the tests substitute at.
struct Linked {
  std::vector<TUFacts> tus;
  std::unique_ptr<CallGraph> graph;
  std::unique_ptr<Relevance> relevance;
  std::unique_ptr<Fixpoint> fixpoint;
  FunctionId caller = 0;

  const Substitution& subst() const { return fixpoint->substitution(); }
  const CallSiteFact& site(unsigned index) const { return graph->function(caller).calls[index]; }
};

std::unique_ptr<Linked> link(std::vector<FunctionFacts> fns, const FunctionFacts& caller) {
  auto l = std::make_unique<Linked>();
  l->tus = {unit(std::move(fns))};
  l->graph = std::make_unique<CallGraph>(l->tus);
  l->relevance = std::make_unique<Relevance>(*l->graph);
  l->fixpoint = std::make_unique<Fixpoint>(*l->graph, *l->relevance);
  l->fixpoint->solve();
  l->caller = *l->graph->find(caller.usr);
  return l;
}

// `fns` linked as one program; callee taint `t` put into `caller`'s terms at the call
// site with index `site` of its calls.
Taint substituteAt(const std::vector<FunctionFacts>& fns, const FunctionFacts& caller, unsigned site, const Taint& t) {
  const auto l = link(fns, caller);
  return l->subst().substitute(l->caller, l->site(site), t, 0, true);
}

// A linked program with `caller` calling `callee` at site 0; substitutes `t` there.
Taint atCallSite(const FunctionFacts& callee, const FunctionFacts& caller, const Taint& t) {
  return substituteAt({callee, caller}, caller, 0, t);
}

TEST(Substitution, AParameterBecomesTheArgument) {
  const FunctionFacts callee = function("callee", 2);
  FunctionFacts caller = function("caller", 0);
  caller.calls = {call(0, callee, {arg({}), arg(dataOf("customer.contact"))})};
  EXPECT_EQ(categories(atCallSite(callee, caller, param(1))), (std::vector<std::string>{"customer.contact"}));
  EXPECT_TRUE(categories(atCallSite(callee, caller, param(0))).empty());
}

// A handler the library runs gets none of the caller's arguments: its parameter is
// unknown at that call, not the caller's parameter of the same number.
TEST(Substitution, AParameterTheCallPassesNothingForIsUnknown) {
  const FunctionFacts handler = function("handler", 2);
  FunctionFacts caller = function("caller", 2);
  caller.calls = {call(0, handler, {})};
  const auto l = link({handler, caller}, caller);
  const StrVal got = l->subst().substituteStr(l->caller, l->site(0), StrVal{{{StrPiece::Param, "", 1}}, {}});
  ASSERT_EQ(got.pieces.size(), 1u);
  EXPECT_EQ(got.pieces[0].kind, StrPiece::Unknown);
}

// `open_bus(5560)`: the number is the text a callee's `"tcp://10.1.1.1:%u"` prints,
// but a parameter used alone (a descriptor, `Channel(4)` sending on `fd_`) is no text.
TEST(Substitution, AConstantNumberIsTextOnlyInsideText) {
  const FunctionFacts callee = function("callee", 1);
  FunctionFacts caller = function("caller", 0);
  ArgFact port = arg({});
  port.constant = 5560;
  caller.calls = {call(0, callee, {port})};
  const auto l = link({callee, caller}, caller);
  const StrVal inText{{{StrPiece::Const, "tcp://10.1.1.1:", 0}, {StrPiece::Param, "", 0}}, {}};
  EXPECT_EQ(displayStr(l->subst().substituteStr(l->caller, l->site(0), inText)), "tcp://10.1.1.1:5560");
  const StrVal alone{{{StrPiece::Param, "", 0}}, {}};
  EXPECT_EQ(displayStr(l->subst().substituteStr(l->caller, l->site(0), alone)), "<?>");
}

// `rc = make_case(); g_hash_table_insert(svc->by_tracking, rc->id, rc); send(svc)`:
// the result came into `svc` as the data of one field; it says nothing of another
// field, `svc->relay.host`, which stays what the caller's callers pass.
TEST(Substitution, AResultHeldInOneFieldSaysNothingOfAnother) {
  FunctionFacts maker = function("make_case", 0);
  maker.retFieldStrs["relay.host"] = host("wrong.example");
  const FunctionFacts callee = function("send", 1);
  FunctionFacts caller = function("caller", 1);
  ArgFact svc = forwarded(0);
  svc.whole.calls = {CallRef{0, "", {}}};
  svc.fields["by_tracking"] = callResult(0);
  caller.calls = {call(0, maker, {}), call(1, callee, {svc})};
  const auto l = link({maker, callee, caller}, caller);
  const StrVal got = l->subst().substituteStr(l->caller, l->site(1), StrVal{{{StrPiece::Param, "relay.host", 0}}, {}});
  ASSERT_EQ(got.pieces.size(), 1u) << displayStr(got);
  EXPECT_EQ(got.pieces[0].kind, StrPiece::Param) << displayStr(got);
  EXPECT_EQ(got.pieces[0].text, "relay.host");
  // Held whole (`svc = make_case()`), the result is the object: it answers.
  caller.calls[1].args[0].fields.clear();
  const auto whole = link({maker, callee, caller}, caller);
  const StrVal made =
      whole->subst().substituteStr(whole->caller, whole->site(1), StrVal{{{StrPiece::Param, "relay.host", 0}}, {}});
  EXPECT_EQ(displayStr(made), "wrong.example");
}

// `ops->open(&ctx->priv, cfg); run(ctx)`: the call left a state in one field it was
// handed (the caller's `fields` place its atom at `priv`); it says nothing of
// another field, `ctx->bev`, which stays what the caller's callers pass.
TEST(Substitution, WhatACallLeftInOneFieldItWasHandedSaysNothingOfAnother) {
  FunctionFacts open = function("open", 2);  // *priv = state whose text is cfg's
  open.effects = {EffectFact{0, "", param(1), paramStr(1), {}}};
  const FunctionFacts run = function("run", 1);
  FunctionFacts caller = function("caller", 2);
  ArgFact ctx = forwarded(0);
  ctx.whole.calls = {CallRef{0, "arg:0", {}}};
  ctx.fields["priv"] = callResult(0, "arg:0");
  caller.calls = {call(0, open, {arg({}), forwarded(1)}), call(1, run, {ctx})};
  const StrVal asked{{{StrPiece::Param, "bev", 0}}, {}};
  const auto l = link({open, run, caller}, caller);
  EXPECT_EQ(displayStr(l->subst().substituteStr(l->caller, l->site(1), asked)), "${param:0.bev}");
  // Handed the whole object (`open(ctx, cfg)`), the call may have made it: it answers.
  caller.calls[1].args[0].fields.clear();
  const auto whole = link({open, run, caller}, caller);
  EXPECT_EQ(displayStr(whole->subst().substituteStr(whole->caller, whole->site(1), asked)), "${param:1.bev}");
}

TEST(Substitution, AnInputWhoseGuardAConstantArgumentFailsIsLeftOut) {
  const FunctionFacts callee = function("publish", 2);  // publish(unsigned flags, const Customer& c)
  FunctionFacts caller = function("caller", 1);
  ArgFact without = arg({}), with = arg({}), same = arg({});
  without.constant = 2;  // no bit 1
  with.constant = 3;
  same.sameAsParam = 0;  // the caller's own unchanged parameter 0
  caller.calls = {call(0, callee, {without, arg(dataOf("customer.contact"))}),
                  call(1, callee, {with, arg(dataOf("customer.contact"))}), call(2, callee, {same, arg(param(0))})};
  const Guard flag{0, Guard::BitsSet, 1};
  const Taint guarded{{}, {ParamRef{1, "", {}, {flag}}}, {}};
  EXPECT_TRUE(categories(substituteAt({callee, caller}, caller, 0, guarded)).empty());
  EXPECT_EQ(categories(substituteAt({callee, caller}, caller, 1, guarded)),
            (std::vector<std::string>{"customer.contact"}));
  // Passed on by a caller's own flag: conditional on that flag in the caller's terms.
  const Taint onward = substituteAt({callee, caller}, caller, 2, guarded);
  ASSERT_EQ(onward.params.size(), 1u);
  EXPECT_EQ(onward.params[0].guards, (std::vector<Guard>{flag}));
}

// `assign(p)` reads `p->tracking_no`, classified by its name. A caller that stored
// a constant there (a self-test's sample) does not get that data; one that stored
// data or nothing known there does; one handing on its own input, or storing only
// its own input there, gets it conditional on that input.
TEST(Substitution, ANamedFieldOfAnInputIsNoDataWhereTheCallerStoredAConstant) {
  const FunctionFacts callee = function("assign", 1);
  FunctionFacts caller = function("caller", 2);
  ArgFact sample = arg({}), filled = arg({}), unknown = arg({}), sampleOfInput = arg({});
  sample.exactFields = {"tracking_no"};
  sample.fieldStrs["tracking_no"] = constStr("SELFTEST");
  filled.exactFields = {"tracking_no"};
  filled.fields["tracking_no"] = dataOf("shipment.tracking", "Scan::code");
  sampleOfInput.exactFields = {"tracking_no"};
  sampleOfInput.fields["tracking_no"] = param(1);
  sampleOfInput.fieldStrs["tracking_no"] = StrVal{{{StrPiece::Const, "TEST", 0}, {StrPiece::Param, "", 1}}, {}};
  ArgFact copied = arg({});  // `probe.rcpt = other;`: stored whole above, no text known
  copied.exactFields = {"rcpt"};
  caller.calls = {call(0, callee, {sample}),       call(1, callee, {filled}),        call(2, callee, {unknown}),
                  call(3, callee, {forwarded(0)}), call(4, callee, {sampleOfInput}), call(5, callee, {copied})};
  const auto l = link({callee, caller}, caller);
  Taint named = dataOf("shipment.tracking", "Parcel::tracking_no");
  named.origins[0].guards = {Guard{0, Guard::HoldsData, 0, "tracking_no"}};
  const auto at = [&](unsigned site) { return l->subst().substitute(l->caller, l->site(site), named, 0, false); };
  EXPECT_TRUE(at(0).origins.empty());
  EXPECT_EQ(at(1).origins.size(), 1u);
  ASSERT_EQ(at(2).origins.size(), 1u);
  EXPECT_TRUE(at(2).origins[0].guards.empty());
  ASSERT_EQ(at(3).origins.size(), 1u);
  EXPECT_EQ(at(3).origins[0].guards, (std::vector<Guard>{Guard{0, Guard::HoldsData, 0, "tracking_no"}}));
  ASSERT_EQ(at(4).origins.size(), 1u);
  EXPECT_EQ(at(4).origins[0].guards, (std::vector<Guard>{Guard{1, Guard::HoldsData, 0, ""}}));
  Taint phone = dataOf("customer.contact", "Recipient::phone");
  phone.origins[0].guards = {Guard{0, Guard::HoldsData, 0, "rcpt.phone"}};
  EXPECT_EQ(l->subst().substitute(l->caller, l->site(5), phone, 0, false).origins.size(), 1u);
}

TEST(Substitution, AFieldTheCallerStoredSinceItsCallsIsOnlyWhatItStored) {
  // callee(obj): reads obj.buf. The caller's object had a call (site 0) leaving the
  // e-mail in it, then buf was reset: its entry is exact and holds no data.
  FunctionFacts filler = function("fill", 0);
  filler.effects.push_back(EffectFact{kThisParam, "buf", dataOf("customer.contact")});
  const FunctionFacts callee = function("callee", 1);
  FunctionFacts caller = function("caller", 0);
  ArgFact object = arg(Taint{{}, {}, {CallRef{0, "this", {}}}});
  object.fields["buf"] = Taint{};
  CallSiteFact fill = call(0, filler, {});
  fill.hasThis = true;
  caller.calls = {fill, call(1, callee, {object})};
  EXPECT_EQ(categories(substituteAt({filler, callee, caller}, caller, 1, param(0, "buf"))),
            (std::vector<std::string>{"customer.contact"}));
  caller.calls[1].args[0].exactFields = {"buf"};
  EXPECT_TRUE(categories(substituteAt({filler, callee, caller}, caller, 1, param(0, "buf"))).empty());
}

TEST(Substitution, WhatALaterCallResetsIsNoLongerThere) {
  // fill() left the e-mail in the object's `queue`; a later call, defined in another
  // TU, runs clear() (resets this#queue) or touch() (resets nothing).
  FunctionFacts fill = function("fill", 0);
  fill.effects.push_back(EffectFact{kThisParam, "queue", dataOf("customer.contact")});
  FunctionFacts clear = function("clear", 0), touch = function("touch", 0);
  clear.resets = {"this#queue"};
  const FunctionFacts callee = function("flush", 1);
  FunctionFacts caller = function("caller", 0);
  CallSiteFact c0 = call(0, fill, {}), c1 = call(1, clear, {}), c2 = call(2, touch, {});
  c0.hasThis = c1.hasThis = c2.hasThis = true;
  const auto objectAfter = [](unsigned later) {
    CallRef filled{0, "this", {}};
    filled.laterCalls = {{later, "this"}};
    return arg(Taint{{}, {}, {filled}});
  };
  caller.calls = {c0, c1, c2, call(3, callee, {objectAfter(1)}), call(4, callee, {objectAfter(2)})};
  const std::vector<FunctionFacts> program{fill, clear, touch, callee, caller};
  EXPECT_TRUE(categories(substituteAt(program, caller, 3, param(0, "queue"))).empty());
  EXPECT_EQ(categories(substituteAt(program, caller, 4, param(0, "queue"))),
            (std::vector<std::string>{"customer.contact"}));
}

// An element of a table indexed by the callee's parameter holds where the caller
// passes that index, or an index it does not know; another constant fails it, and
// the caller's own unchanged parameter takes the condition on.
TEST(Substitution, AnIndexConditionIsDecidedByAConstantArgument) {
  FunctionFacts callee = function("link_new", 1), caller = function("caller", 1);
  ArgFact zero = arg({}), one = arg({});
  zero.constant = 0;
  one.constant = 1;
  ArgFact own = forwarded(0);
  own.sameAsParam = 0;
  caller.calls = {call(0, callee, {zero}), call(1, callee, {one}), call(2, callee, {arg({})}), call(3, callee, {own})};
  auto l = link({callee, caller}, caller);
  const StrPiece when = indexCondition(0, 1);
  EXPECT_EQ(whenIndex(when), std::optional<uint64_t>(1));
  EXPECT_EQ(l->subst().conditionAtCall(l->site(0), when).outcome, Substitution::Condition::Fails);
  EXPECT_EQ(l->subst().conditionAtCall(l->site(1), when).outcome, Substitution::Condition::Holds);
  EXPECT_EQ(l->subst().conditionAtCall(l->site(2), when).outcome, Substitution::Condition::Holds);
  const Substitution::Condition forwardedOn = l->subst().conditionAtCall(l->site(3), when);
  EXPECT_EQ(forwardedOn.outcome, Substitution::Condition::Forwarded);
  EXPECT_EQ(whenIndex(forwardedOn.forwarded), std::optional<uint64_t>(1));
}

TEST(Substitution, VariadicArgumentsAreEveryArgumentFromTheirIndexOn) {
  const FunctionFacts callee = function("log_fmt", 1);  // log_fmt(const char* fmt, ...)
  FunctionFacts caller = function("caller", 0);
  caller.calls = {call(0, callee, {arg({}), arg(dataOf("customer.contact")), arg(dataOf("shipment.tracking"))})};
  const Taint rest{{}, {ParamRef{1, kRestArgsField, {}}}, {}};
  EXPECT_EQ(categories(atCallSite(callee, caller, rest)),
            (std::vector<std::string>{"customer.contact", "shipment.tracking"}));
}

TEST(Substitution, AGlobalInputIsWhatTheCallerStoredElseStaysAnInput) {
  const FunctionFacts callee = function("emit", 0);
  FunctionFacts caller = function("caller", 0);
  caller.calls = {call(0, callee, {})};
  caller.calls[0].globalsIn["c:@g"] = dataOf("customer.contact");
  const Taint readsG{{}, {ParamRef{kGlobalParam, "c:@g.body", {}}}, {}};
  EXPECT_EQ(categories(atCallSite(callee, caller, readsG)), (std::vector<std::string>{"customer.contact"}));
  const Taint readsH{{}, {ParamRef{kGlobalParam, "c:@h", {}}}, {}};
  const Taint kept = atCallSite(callee, caller, readsH);
  ASSERT_EQ(kept.params.size(), 1u);
  EXPECT_EQ(kept.params[0].field, "c:@h");
}

// `fill(rec)` is virtual with `n` overrides, override i writing category i into
// field "x" of its argument (the last one into "y"); `use(rec)` follows. What `use`
// reads from field x is every override's x: joined into one summary from four
// overrides on, one by one below; the answer must not depend on which.
std::vector<std::string> fieldAfterVirtualCall(unsigned n) {
  const std::vector<std::string> cats{"customer.contact",  "customer.identity", "seller.identity",
                                      "shipment.tracking", "shipment.contents", "customer.address"};
  std::vector<FunctionFacts> fns;
  FunctionFacts base = function("Base::fill");
  for (unsigned i = 0; i < n; ++i) {
    FunctionFacts o = function("Impl" + std::to_string(i) + "::fill");
    o.overrides = {base.usr};
    o.effects.push_back(EffectFact{0, i + 1 == n ? "y" : "x", dataOf(cats[i]), {}, {}});
    fns.push_back(o);
  }
  const FunctionFacts use = function("use");
  FunctionFacts caller = function("caller", 0);
  CallSiteFact fill = call(0, base, {arg({})});
  fill.isVirtual = true;
  caller.calls = {fill, call(1, use, {arg(callResult(0, "arg:0"))})};
  fns.push_back(base);
  fns.push_back(use);
  fns.push_back(caller);
  return categories(substituteAt(fns, caller, 1, param(0, "x")));
}

TEST(Substitution, AVirtualCallLeavesWhatAnyOverrideLeaves) {
  EXPECT_EQ(fieldAfterVirtualCall(3), (std::vector<std::string>{"customer.contact", "customer.identity"}));
  EXPECT_EQ(fieldAfterVirtualCall(6),
            (std::vector<std::string>{"customer.contact", "customer.identity", "seller.identity", "shipment.contents",
                                      "shipment.tracking"}));
}

// The string a virtual call returns is each override's, as alternatives (a caller's
// object then drops those reading fields its class lacks); past eight overrides the
// first known one stands.
std::vector<std::string> returnedByVirtualCall(unsigned n) {
  std::vector<FunctionFacts> fns;
  FunctionFacts base = function("Base::path", 0);
  for (unsigned i = 0; i < n; ++i) {
    FunctionFacts o = function("Impl" + std::to_string(i) + "::path", 0);
    o.overrides = {base.usr};
    o.retStr = host("/spool/" + std::to_string(i));
    fns.push_back(o);
  }
  FunctionFacts caller = function("caller", 0);
  CallSiteFact path = call(0, base, {});
  path.isVirtual = true;
  caller.calls = {path};
  fns.push_back(base);
  fns.push_back(caller);
  const auto l = link(fns, caller);
  std::vector<std::string> out;
  for (const StrVal& form : forms(l->subst().resolveStr(l->caller, callRetStr(0)))) out.push_back(displayStr(form));
  std::sort(out.begin(), out.end());
  return out;
}

TEST(Substitution, AVirtualCallReturnsEachOverridesString) {
  EXPECT_EQ(returnedByVirtualCall(2), (std::vector<std::string>{"/spool/0", "/spool/1"}));
  EXPECT_EQ(returnedByVirtualCall(9).size(), 1u);
}

// A value widened to a range of call sites carries what each site left; two ranges
// from the same first site to different last ones are not the same range.
TEST(Substitution, AWidenedRangeIsEachOfItsSitesAndOnlyThose) {
  const std::vector<std::string> cats{"customer.contact", "shipment.tracking", "seller.identity"};
  std::vector<FunctionFacts> fns;
  FunctionFacts caller = function("caller", 0);
  for (unsigned i = 0; i < cats.size(); ++i) {
    FunctionFacts fill = function("fill" + std::to_string(i));
    fill.effects.push_back(EffectFact{0, "x", dataOf(cats[i]), {}, {}});
    caller.calls.push_back(call(i, fill, {arg({})}));
    fns.push_back(fill);
  }
  const auto range = [](unsigned last) { return Taint{{}, {}, {CallRef{0, kAnyCallSlot, {}, last}}}; };
  const FunctionFacts use = function("use", 2);
  caller.calls.push_back(call(3, use, {arg(range(1)), arg(range(2))}));
  fns.push_back(use);
  fns.push_back(caller);
  EXPECT_EQ(categories(substituteAt(fns, caller, 3, param(0, "x"))),
            (std::vector<std::string>{"customer.contact", "shipment.tracking"}));
  EXPECT_EQ(categories(substituteAt(fns, caller, 3, param(1, "x"))),
            (std::vector<std::string>{"customer.contact", "seller.identity", "shipment.tracking"}));
}

// `fill(rec)` stores a tracking number in rec.pair.first and a phone number in
// rec.pair.second; `get(rec)` returns rec.pair. A call atom narrowed to a field
// (`get(rec).second`, `rec.pair.first` after fill) is that field only.
std::vector<std::string> narrowedRead(const CallRef& atom) {
  FunctionFacts fill = function("fill");
  fill.effects.push_back(EffectFact{0, "pair.first", dataOf("shipment.tracking"), {}, {}});
  fill.effects.push_back(EffectFact{0, "pair.second", dataOf("customer.contact"), {}, {}});
  FunctionFacts get = function("get");
  get.ret = param(0, "pair");
  const FunctionFacts use = function("use");
  FunctionFacts caller = function("caller", 0);
  caller.calls = {call(0, fill, {arg({})}), call(1, get, {arg(callResult(0, "arg:0"))}),
                  call(2, use, {arg(Taint{{}, {}, {atom}})})};
  return categories(substituteAt({fill, get, use, caller}, caller, 2, param(0)));
}

TEST(Substitution, ANarrowedCallAtomIsThatFieldOfWhatTheCallYieldsOrLeaves) {
  const auto atom = [](unsigned site, const std::string& slot, const std::string& field) {
    CallRef ref{site, slot, {}};
    ref.field = field;
    return ref;
  };
  EXPECT_EQ(narrowedRead(atom(1, "", "")), (std::vector<std::string>{"customer.contact", "shipment.tracking"}));
  EXPECT_EQ(narrowedRead(atom(1, "", "second")), (std::vector<std::string>{"customer.contact"}));
  EXPECT_EQ(narrowedRead(atom(1, "", "first")), (std::vector<std::string>{"shipment.tracking"}));
  EXPECT_EQ(narrowedRead(atom(0, "arg:0", "pair.first")), (std::vector<std::string>{"shipment.tracking"}));
  EXPECT_EQ(narrowedRead(atom(0, "arg:0", "pair")),
            (std::vector<std::string>{"customer.contact", "shipment.tracking"}));
  EXPECT_TRUE(narrowedRead(atom(0, "arg:0", "count")).empty());
}

// A callee's string naming a field of its input, put into a caller's terms where
// the argument holds a whole object: a closure whose captured `this` is the
// caller's own object, and a copy of a global's record.
TEST(Substitution, AFieldBelowAWholeObjectTheArgumentHoldsIsThatObjectsField) {
  const FunctionFacts callee = function("callee", 1);
  FunctionFacts caller = function("caller", 1);
  ArgFact closure = arg({});
  closure.fieldStrs["this"] = thisFieldStr("");
  ArgFact copy = arg({}, StrVal{{{StrPiece::Global, "c:@S@Hub.book.crm", 0}}, {}});
  caller.calls = {call(0, callee, {closure}, 30), call(1, callee, {copy}, 31)};
  const auto l = link({callee, caller}, caller);
  const auto put = [&](unsigned site, const std::string& field) {
    const StrVal asked{{{StrPiece::Param, field, 0}}, {}};
    const StrVal got = l->subst().substituteStr(l->caller, l->site(site), asked);
    EXPECT_EQ(got.pieces.size(), 1u);
    return got.pieces.empty() ? StrPiece{} : got.pieces[0];
  };
  const StrPiece captured = put(0, "this.hall_.host");
  EXPECT_EQ(captured.kind, StrPiece::Param);
  EXPECT_EQ(captured.index, kThisParam);
  EXPECT_EQ(captured.text, "hall_.host");
  const StrPiece copied = put(1, "host");
  EXPECT_EQ(copied.kind, StrPiece::Global);
  EXPECT_EQ(copied.text, "c:@S@Hub.book.crm.host");
}

// What a call left in an argument (`resolve(host, &ai)`): a field the callee left
// nothing in, below a value it left whole, is that value (`ai->ai_addr`); an
// alternative for a call that left nothing is dropped, the value before stays.
TEST(Substitution, WhatACallLeftInAnArgumentIsReadFromItsSummary) {
  FunctionFacts resolve = function("resolve", 2);
  resolve.effects = {EffectFact{1, "", {}, paramStr(0), {}}};
  FunctionFacts quiet = function("quiet", 1);
  FunctionFacts caller = function("caller", 0);
  caller.calls = {call(0, resolve, {arg({}, host("relay.example.cn")), arg({})}, 30), call(1, quiet, {arg({})}, 31)};
  const auto l = link({resolve, quiet, caller}, caller);
  const FunctionId id = l->caller;
  const Substitution& subst = l->subst();
  const StrVal address{{{StrPiece::CallOut, "arg:1.ai_addr", 0}}, {}};
  EXPECT_EQ(displayStr(subst.resolveStr(id, address)), "relay.example.cn");
  const StrVal keptOrLeft{{{StrPiece::CallOut, "arg:0", 1}}, {{{StrPiece::Const, "depot.example.de", 0}}}};
  const StrVal got = subst.resolveStr(id, keptOrLeft);
  EXPECT_EQ(displayStr(got), "depot.example.de");
  EXPECT_TRUE(got.alts.empty());
}

// A model's condition on the callee's parameter 1 (`set_opt(h, opt, url)` around
// curl_easy_setopt): holds where the caller passes a matching constant (by its name,
// or a literal's bytes), fails otherwise, and moves to the caller's own parameter
// where it forwards it.
TEST(Substitution, AModelConditionIsDecidedByTheArgumentAtEachCall) {
  const FunctionFacts setOpt = function("set_opt", 3);
  const auto spelled = [](const std::string& spelling, const std::string& modelText = "") {
    ArgFact a = arg({});
    a.spelling = spelling;
    a.modelText = modelText;
    return a;
  };
  ArgFact opt = forwarded(0);
  opt.sameAsParam = 0u;
  const ArgFact url = arg({}, host("https://pod.example.cn"));
  FunctionFacts caller = function("caller", 1);
  caller.calls = {call(0, setOpt, {arg({}), spelled("CURLOPT_URL"), url}, 30),
                  call(1, setOpt, {arg({}), spelled("CURLOPT_USERAGENT"), url}, 31),
                  call(2, setOpt, {arg({}), opt, url}, 32),
                  call(3, setOpt, {arg({}), spelled("\"bootstrap.servers\"", "bootstrap.servers"), url}, 33)};
  const auto l = link({setOpt, caller}, caller);
  const auto at = [&](unsigned site, const std::string& pattern) {
    const StrVal s{{{StrPiece::When, pattern, 1}, {StrPiece::Param, "", 2}}, {}};
    return l->subst().substituteStr(l->caller, l->site(site), s);
  };
  EXPECT_EQ(displayStr(at(0, "CURLOPT_URL")), "https://pod.example.cn");
  EXPECT_TRUE(onlyPiece(at(0, "CURLOPT_URL"), StrPiece::Const));
  EXPECT_TRUE(onlyPiece(at(1, "CURLOPT_URL"), StrPiece::Absent));
  EXPECT_TRUE(onlyPiece(at(1, "!CURLOPT_URL"), StrPiece::Const));
  const StrVal forwardedOn = at(2, "CURLOPT_URL");
  ASSERT_EQ(forwardedOn.pieces.size(), 2u);
  EXPECT_EQ(forwardedOn.pieces[0].kind, StrPiece::When);
  EXPECT_EQ(forwardedOn.pieces[0].index, 0u);
  EXPECT_EQ(displayStr(withoutConditions(forwardedOn)), "https://pod.example.cn");
  EXPECT_EQ(displayStr(at(3, "bootstrap\\.servers")), "https://pod.example.cn");
}

// A model's `type` condition on a parameter taking a base class (`std::ostream&
// out` where the model wants a file stream) holds where the caller passes an object
// of a matching class, and fails where it passes some other stream.
TEST(Substitution, ATypeConditionIsDecidedByTheClassEachCallerPasses) {
  const FunctionFacts writeRow = function("write_row", 1);
  ArgFact file = arg({}, host("/var/spool/rows.csv"));
  file.typeName = "std::basic_ofstream";
  ArgFact text = arg({}, host("/var/spool/rows.csv"));
  text.typeName = "std::basic_ostringstream";
  FunctionFacts caller = function("caller", 0);
  caller.calls = {call(0, writeRow, {file}, 30), call(1, writeRow, {text}, 31), call(2, writeRow, {arg({})}, 32)};
  const auto l = link({writeRow, caller}, caller);
  const std::string when = std::string(kTypeCondition) + "std::basic_ofstream|std::basic_fstream";
  const StrVal s{{{StrPiece::When, when, 0}, {StrPiece::Param, "", 0}}, {}};
  EXPECT_EQ(displayStr(l->subst().substituteStr(l->caller, l->site(0), s)), "/var/spool/rows.csv");
  EXPECT_TRUE(onlyPiece(l->subst().substituteStr(l->caller, l->site(1), s), StrPiece::Absent));
  EXPECT_TRUE(onlyPiece(l->subst().substituteStr(l->caller, l->site(2), s), StrPiece::Absent));
}

// A `type` condition on what a call of the function returned (`auto out =
// open_stream(path); *out << row;`): the form holds where the callee returns an
// object of a matching class, and is absent where it returns another.
TEST(Substitution, ATypeConditionOnACallsResultIsDecidedByWhatTheCalleeReturns) {
  FunctionFacts file = function("open_file", 0), memory = function("open_memory", 0),
                either = function("open_either", 0);
  file.retTypeNames = {"std::basic_ofstream"};
  memory.retTypeNames = {"std::basic_ostringstream"};
  either.retTypeNames = {"std::basic_ostringstream", "std::basic_ofstream"};
  FunctionFacts caller = function("caller", 0);
  caller.calls = {call(0, file, {}, 30), call(1, memory, {}, 31), call(2, either, {}, 32)};
  const auto l = link({file, memory, either, caller}, caller);
  const auto at = [&](unsigned site) {
    const std::string when = std::string(kReturnTypeCondition) + "std::basic_ofstream";
    return l->subst().resolveStr(l->caller,
                                 StrVal{{{StrPiece::When, when, site}, {StrPiece::Const, "file:/x", 0}}, {}});
  };
  EXPECT_EQ(displayStr(at(0)), "file:/x");
  EXPECT_TRUE(onlyPiece(at(1), StrPiece::Absent));
  EXPECT_EQ(displayStr(at(2)), "file:/x");  // a string stream on a dry run, else a file
}

// `each(cb, user)` runs `cb(row, user)`; `caller` calls it handing `fill` (site 0)
// and `count` (site 1), which leaves nothing in `user`. `deferred`: `each` hands
// `cb` to a library that runs it later (a timer).
std::vector<FunctionFacts> handedToEach(const EffectFact& fillLeaves, bool deferred = false) {
  FunctionFacts fill = function("fill", 2), count = function("count", 2);
  fill.effects = {fillLeaves};
  FunctionFacts each = function("each", 2);
  CallSiteFact run = call(0, FunctionFacts{}, {arg({}), forwarded(1)}, 40);
  run.viaParam = true;
  run.target = ParamRef{0, "", {}};
  run.deferred = deferred;
  each.calls = {run};
  each.effects = {EffectFact{1, "", callResult(0, "arg:1"), {}, {}}};
  ArgFact filler = arg({}), counter = arg({});
  filler.fns = {fill.usr};
  counter.fns = {count.usr};
  FunctionFacts caller = function("caller", 0);
  caller.calls = {call(0, each, {filler, arg({})}, 50), call(1, each, {counter, arg({})}, 51)};
  return {fill, count, each, caller};
}

// What the function a caller hands `each` leaves in `user` is what the call leaves
// in the caller's argument, field by field and whole; a caller handing a function
// that writes nothing there gets nothing.
TEST(Substitution, WhatAHandedFunctionLeavesInTheContextIsTheCallsEffect) {
  const std::vector<FunctionFacts> program = handedToEach(EffectFact{1, "buf", dataOf("customer.contact"), {}, {}});
  const auto l = link(program, program.back());
  const auto left = [&](unsigned site, const std::string& field) {
    return l->subst().resolveTaint(l->caller, Taint{{}, {}, {CallRef{site, "arg:1", {}, site, field}}});
  };
  ASSERT_EQ(left(0, "buf").origins.size(), 1u);
  EXPECT_EQ(left(0, "buf").origins[0].category, "customer.contact");
  EXPECT_EQ(left(0, "").origins.size(), 1u);
  EXPECT_TRUE(left(1, "buf").origins.empty());
}

// A callback a library runs later has left nothing in the context by the time the
// call handing it over returns.
TEST(Substitution, WhatADeferredCallbackLeavesIsNotTheCallsEffect) {
  const std::vector<FunctionFacts> program =
      handedToEach(EffectFact{1, "buf", dataOf("customer.contact"), {}, {}}, true);
  const auto l = link(program, program.back());
  EXPECT_TRUE(l->subst().resolveTaint(l->caller, Taint{{}, {}, {CallRef{0, "arg:1", {}, 0, "buf"}}}).origins.empty());
  EXPECT_TRUE(l->subst().resolveTaint(l->caller, callResult(0, "arg:1")).origins.empty());
}

// The same for text: the handler sets `user.host` to a configuration entry (a
// parser's handler filling its settings). What the call left in the caller's
// context at `host` is that entry; the other handler set nothing there.
TEST(Substitution, WhatAHandedFunctionSetsInTheContextIsTheCallsText) {
  const StrVal entry{{{StrPiece::Config, "hub.address", 0}}, {}};
  const std::vector<FunctionFacts> program = handedToEach(EffectFact{1, "host", {}, entry, {}});
  const auto l = link(program, program.back());
  const auto left = [&](unsigned site) {
    return displayStr(l->subst().resolveStr(l->caller, StrVal{{{StrPiece::CallOut, "arg:1.host", site}}, {}}));
  };
  EXPECT_EQ(left(0), "${config:hub.address}");
  EXPECT_NE(left(1), "${config:hub.address}");
}

// `open_log(&c.log)` set only the address part of the log's socket address
// (`inet_pton(AF_INET, "10.40.0.5", &l->dst.sin_addr)`): asked at `dst`, what it
// left there is that part's text.
TEST(Substitution, WhatACallSetBelowAFieldIsThatFieldsText) {
  FunctionFacts open = function("open_log", 1);
  open.effects = {EffectFact{0, "dst.sin_addr", {}, host("10.40.0.5"), {}}};
  FunctionFacts caller = function("caller", 0);
  caller.calls = {call(0, open, {arg({})}, 30)};
  const auto l = link({open, caller}, caller);
  const auto left = [&](const std::string& field) {
    return displayStr(l->subst().resolveStr(l->caller, StrVal{{{StrPiece::CallOut, "arg:0" + field, 0}}, {}}));
  };
  EXPECT_EQ(left(".dst"), "10.40.0.5");
  EXPECT_NE(left(".tag"), "10.40.0.5");
}

// A sink's destination at a call that hands over a handle not yet pointed anywhere
// (the body set before the URL) is what the caller leaves in the handle; a handle
// the call already knew keeps what it held then.
TEST(Substitution, AnOpenDestinationIsReadFromTheHandleTheCallerLeaves) {
  const FunctionFacts send = function("send", 1);
  FunctionFacts caller = function("caller", 0);
  ArgFact pointedLater = arg({});
  pointedLater.atExit = 0u;
  ArgFact pointedBefore = arg({}, host("https://pod.example.de"));
  pointedBefore.atExit = 0u;
  caller.calls = {call(0, send, {pointedLater}, 30), call(1, send, {pointedBefore}, 31)};
  ArgFact leftIn;
  leftIn.str = host("https://pod.example.cn");
  caller.localsAtExit = {leftIn};
  const auto l = link({send, caller}, caller);
  const StrVal handle = paramStr(0);
  EXPECT_EQ(displayStr(l->subst().destinationAtCall(l->caller, l->site(0), handle)), "https://pod.example.cn");
  EXPECT_EQ(displayStr(l->subst().destinationAtCall(l->caller, l->site(1), handle)), "https://pod.example.de");
}

// An environment variable read by a wrapper (`env(name)` around getenv) is named at
// each call: by a constant argument, or by the caller's own parameter it forwards.
TEST(Substitution, AnEnvironmentKeyThatIsTheCalleesParameterIsNamedByEachCall) {
  const FunctionFacts env = function("env", 1);
  FunctionFacts caller = function("caller", 1);
  caller.calls = {call(0, env, {arg({}, StrVal{{{StrPiece::Const, "PARTNER_URL", 0}}, {}})}, 30),
                  call(1, env, {forwarded(0)}, 31), call(2, env, {arg({})}, 32)};
  const auto l = link({env, caller}, caller);
  const StrVal keyedByParam{{{StrPiece::Env, keyParam(0), 0}, {StrPiece::Const, "/notify", 0}}, {}};
  const auto at = [&](unsigned site) { return l->subst().substituteStr(l->caller, l->site(site), keyedByParam); };
  EXPECT_EQ(displayStr(at(0)), "${env:PARTNER_URL}/notify");
  ASSERT_FALSE(at(1).pieces.empty());
  EXPECT_EQ(at(1).pieces[0].kind, StrPiece::Env);
  EXPECT_EQ(at(1).pieces[0].text, keyParam(0));     // now the caller's parameter 0
  EXPECT_EQ(displayStr(at(2)), "${env:?}/notify");  // an unknown name stays unknown
}

// A configuration read by section and key, both the wrapper's parameters
// (`get(section, key)` over `doc[section][key]`), is named part by part at each call.
TEST(Substitution, AConfigurationKeyMadeOfTheCalleesParametersIsNamedPartByPart) {
  const FunctionFacts get = function("get", 2);
  FunctionFacts caller = function("caller", 1);
  const StrVal section{{{StrPiece::Const, "customs", 0}}, {}};
  caller.calls = {call(0, get, {arg({}, section), arg({}, StrVal{{{StrPiece::Const, "gateway_url", 0}}, {}})}, 30),
                  call(1, get, {arg({}, section), forwarded(0)}, 31)};
  const auto l = link({get, caller}, caller);
  const StrVal keyed{{{StrPiece::Config, keyParam(0) + "." + keyParam(1), 0}}, {}};
  const auto at = [&](unsigned site) { return l->subst().substituteStr(l->caller, l->site(site), keyed); };
  EXPECT_EQ(displayStr(at(0)), "${config:customs.gateway_url}");
  ASSERT_FALSE(at(1).pieces.empty());
  EXPECT_EQ(at(1).pieces[0].text, "customs." + keyParam(0));
  EXPECT_EQ(displayStr(at(1)), "${config:customs.?}");
}

}  // namespace
}  // namespace egress
