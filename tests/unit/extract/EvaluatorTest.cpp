// Expression evaluation (extract/Evaluator.cpp): what an expression carries and the
// string it is, read from the state without changing it.
#include <gtest/gtest.h>

#include "ExtractedFacts.h"
#include "facts/TaintOps.h"

namespace egress {
namespace {

using namespace test;

TEST(Evaluator, AFieldOfAParameterIsThatParametersField) {
  const TUFacts tu = extractSnippet(R"(
std::string f(const Parcel& p) { return p.recipient.email; })");
  const Taint& t = functionNamed(tu, "f").ret;
  EXPECT_TRUE(readsParam(t, 0, "recipient.email"));
  EXPECT_FALSE(readsParam(t, 0, "tracking_no"));
}

// A field stored into an input (`svc->label = name()`) does not make the input's own
// text that field's: a call handed `svc` gets what the callers pass.
TEST(Evaluator, AnInputsTextIsNotTheTextOfOneOfItsFields) {
  const TUFacts tu = extractSnippet(R"(
struct Svc { const char* label; const char* relay; };
const char* name();
void use(Svc* s);
void f(Svc* svc) {
  svc->label = name();
  use(svc);
})");
  const FunctionFacts& f = functionNamed(tu, "f");
  ASSERT_EQ(f.calls.size(), 2u);
  const StrVal& passed = f.calls[1].args[0].str;
  ASSERT_EQ(passed.pieces.size(), 1u) << displayStr(passed);
  EXPECT_EQ(passed.pieces[0].kind, StrPiece::Param) << displayStr(passed);
  EXPECT_EQ(passed.pieces[0].text, "");
}

TEST(Evaluator, AFieldOfALocalIsClassifiedByItsName) {
  const TUFacts tu = extractSnippet(R"(
Customer lookup(int id);
std::string f(int id) {
  Customer c = lookup(id);
  return c.email;
})");
  EXPECT_TRUE(carries(functionNamed(tu, "f").ret, "customer.contact"));
}

// A local record's fields hold what the function put there; where that is bytes
// read from outside (a line scanned into the fields), the field's name says what
// they are. A pseudonymiser's result put there is not.
TEST(Evaluator, AFieldFilledFromOutsideIsClassifiedByItsName) {
  const TUFacts tu = extractSnippet(R"(
struct Rec { char tracking_no[24]; char station[8]; };
const char* pseudonymize(const char* v);
void f(FILE* in, int fd) {
  char line[64];
  Rec r;
  std::memset(&r, 0, sizeof r);
  if (!std::fgets(line, sizeof line, in)) return;
  std::sscanf(line, "%23s %7s", r.tracking_no, r.station);
  send(fd, r.tracking_no, 8, 0);
}
void g(FILE* in, int fd) {
  char line[64];
  Rec r;
  std::memset(&r, 0, sizeof r);
  if (!std::fgets(line, sizeof line, in)) return;
  std::strcpy(r.tracking_no, pseudonymize(line));
  send(fd, r.tracking_no, 8, 0);
})");
  const auto sent = [&](const char* fn) {
    const FunctionFacts& f = functionNamed(tu, fn);
    return f.sinks.empty() ? Taint{} : f.sinks.front().data;
  };
  EXPECT_TRUE(carries(sent("f"), "shipment.tracking"));
  EXPECT_FALSE(carries(sent("g"), "shipment.tracking"));
}

TEST(Evaluator, StringConcatenationKeepsTheConstantPieces) {
  const TUFacts tu = extractSnippet(R"(
const std::string kHost = "hub.example.de";
std::string f() { return "https://" + kHost + "/v1"; })");
  EXPECT_EQ(displayStr(functionNamed(tu, "f").retStr), "https://hub.example.de/v1");
}

// `kHosts[region]` of a parameter the function never changes: each element holds
// where a caller passes its index (a `#=N` condition on that parameter).
TEST(Evaluator, AnElementOfAConstantTableIndexedByAParameterHoldsForItsIndex) {
  const TUFacts tu = extractSnippet(R"(
static const char* const kHosts[] = {"eu.example.de", "cn.example.cn"};
std::string f(int region) { return kHosts[region]; })");
  const std::vector<StrVal> each = forms(functionNamed(tu, "f").retStr);
  ASSERT_EQ(each.size(), 2u);
  for (unsigned i = 0; i < 2; ++i) {
    ASSERT_FALSE(each[i].pieces.empty());
    EXPECT_EQ(whenIndex(each[i].pieces[0]), std::optional<uint64_t>(i));
    EXPECT_EQ(each[i].pieces[0].index, 0u);
  }
  EXPECT_EQ(displayStr(withoutConditions(each[1])), "cn.example.cn");
}

TEST(Evaluator, AConditionalIsEitherSide) {
  const TUFacts tu = extractSnippet(R"(
std::string f(const Customer& c, bool full) { return full ? c.email : std::string("n/a"); })");
  EXPECT_TRUE(readsParam(functionNamed(tu, "f").ret, 0, "email"));
}

// The guards on the atoms of `t` reading parameter `index`'s `field`, as "op value".
std::vector<std::string> guardsOn(const Taint& t, unsigned index, const std::string& field) {
  std::vector<std::string> out;
  for (const ParamRef& p : t.params)
    if (p.index == index && p.field == field)
      for (const Guard& g : p.guards)
        out.push_back(std::to_string(g.param) + " " + std::to_string(int(g.op)) + " " + std::to_string(g.value));
  return out;
}

TEST(Evaluator, EachArmOfAConditionalOnAParameterIsConditionalOnIt) {
  const TUFacts tu = extractSnippet(
      "std::string f(const Customer& c, bool redact) { return redact ? std::string(\"***\") : c.email; }");
  // The e-mail is returned only where `redact` is false (param 1 Eq 0).
  EXPECT_EQ(guardsOn(functionNamed(tu, "f").ret, 0, "email"), (std::vector<std::string>{"1 0 0"}));
}

TEST(Evaluator, DataReadUnderAFlagIsConditionalOnItUntilPathsMeetWithoutIt) {
  const TUFacts tu = extractSnippet(R"(
std::string f(const Customer& c, unsigned flags) {
  std::string m = "EV";
  if (flags & 1u) m += c.email;
  return m;
}
std::string g(const Customer& c, unsigned flags) {
  std::string m = c.email;
  if (flags & 1u) m += c.email;
  return m;
})");
  const Taint& f = functionNamed(tu, "f").ret;
  EXPECT_EQ(guardsOn(f, 0, "email"), (std::vector<std::string>{"1 6 1"}));
  // The origin the field's name gives is conditional the same way.
  // (It also holds only where the caller's `c.email` may be data: HoldsData.)
  const Guard named{0, Guard::HoldsData, 0, "email"};
  ASSERT_TRUE(carries(f, "customer.contact"));
  ASSERT_EQ(f.origins[0].guards.size(), 2u);
  EXPECT_EQ(f.origins[0].guards[1], named);
  // Read on both paths: unconditional but for the caller's value.
  const Taint& g = functionNamed(tu, "g").ret;
  EXPECT_TRUE(readsParam(g, 0, "email"));
  EXPECT_TRUE(guardsOn(g, 0, "email").empty());
  for (const Origin& o : g.origins) EXPECT_EQ(o.guards, std::vector<Guard>{named});
}

TEST(Evaluator, LengthsAndComparisonsCarryNothing) {
  const TUFacts tu = extractSnippet(R"(
size_t f(const Customer& c) { return c.email.size() + strlen(c.name.c_str()); }
bool g(const Customer& c) { return c.email == "x@y.de"; })");
  EXPECT_TRUE(functionNamed(tu, "f").ret.empty());
  EXPECT_TRUE(functionNamed(tu, "g").ret.empty());
}

TEST(Evaluator, CastsAndParenthesesAreSeenThrough) {
  const TUFacts tu = extractSnippet(R"(
const char* f(const Customer& c) { return (const char*)((c.email).c_str()); })");
  EXPECT_TRUE(readsParam(functionNamed(tu, "f").ret, 0, "email"));
}

}  // namespace
}  // namespace egress
