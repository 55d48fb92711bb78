// Expression evaluation (extract/Evaluator.cpp): what an expression carries and the
// string it is, read from the state without changing it.
#include <gtest/gtest.h>

#include "ExtractedFacts.h"

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

TEST(Evaluator, AFieldOfALocalIsClassifiedByItsName) {
  const TUFacts tu = extractSnippet(R"(
Customer lookup(int id);
std::string f(int id) {
  Customer c = lookup(id);
  return c.email;
})");
  EXPECT_TRUE(carries(functionNamed(tu, "f").ret, "customer.contact"));
}

TEST(Evaluator, StringConcatenationKeepsTheConstantPieces) {
  const TUFacts tu = extractSnippet(R"(
const std::string kHost = "hub.example.de";
std::string f() { return "https://" + kHost + "/v1"; })");
  EXPECT_EQ(displayStr(functionNamed(tu, "f").retStr), "https://hub.example.de/v1");
}

TEST(Evaluator, AConditionalIsEitherSide) {
  const TUFacts tu = extractSnippet(R"(
std::string f(const Customer& c, bool full) { return full ? c.email : std::string("n/a"); })");
  EXPECT_TRUE(readsParam(functionNamed(tu, "f").ret, 0, "email"));
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
