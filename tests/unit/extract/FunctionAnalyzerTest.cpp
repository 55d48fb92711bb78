// Statement transfer (extract/FunctionAnalyzer.cpp): declarations, assignments,
// returns, branches joined, references and pointers as aliases, local objects.
#include <gtest/gtest.h>

#include "ExtractedFacts.h"

namespace egress {
namespace {

using namespace test;

const Taint& returned(const TUFacts& tu, const std::string& fn) { return functionNamed(tu, fn).ret; }

TEST(FunctionAnalyzer, AnOverwriteReplacesWhatAVariableHeld) {
  const TUFacts tu = extractSnippet(R"(
std::string f(const Customer& c) {
  std::string s = c.email;
  s = "redacted";
  return s;
}
std::string g(const Customer& c) {
  std::string s = "to: ";
  s += c.email;
  return s;
})");
  EXPECT_FALSE(carries(returned(tu, "f"), "customer.contact"));
  EXPECT_TRUE(carries(returned(tu, "g"), "customer.contact"));
}

TEST(FunctionAnalyzer, BranchesJoinWhatEitherSideStored) {
  const TUFacts tu = extractSnippet(R"(
std::string f(const Customer& c, bool full) {
  std::string s = "anonymous";
  if (full) s = c.name;
  return s;
})");
  EXPECT_TRUE(carries(returned(tu, "f"), "customer.identity"));
}

TEST(FunctionAnalyzer, AWriteThroughAReferenceOrPointerReachesTheObject) {
  const TUFacts tu = extractSnippet(R"(
std::string by_ref(const Customer& c) {
  std::string s;
  std::string& r = s;
  r = c.email;
  return s;
}
std::string by_ptr(const Customer& c) {
  std::string s;
  std::string* p = &s;
  *p = c.email;
  return s;
})");
  EXPECT_TRUE(carries(returned(tu, "by_ref"), "customer.contact"));
  EXPECT_TRUE(carries(returned(tu, "by_ptr"), "customer.contact"));
}

TEST(FunctionAnalyzer, FieldsOfALocalObjectAreKeptApart) {
  const TUFacts tu = extractSnippet(R"(
std::string f(const Parcel& in) {
  Parcel p;
  p.tracking_no = in.tracking_no;
  p.recipient.name = "depot";
  return p.recipient.name;
}
std::string g(const Parcel& in) {
  Parcel p;
  p.tracking_no = in.tracking_no;
  return p.tracking_no;
})");
  EXPECT_FALSE(readsParam(returned(tu, "f"), 0, "tracking_no"));
  EXPECT_TRUE(readsParam(returned(tu, "g"), 0, "tracking_no"));
}

TEST(FunctionAnalyzer, AnAggregateInitialiserStoresFieldByField) {
  const TUFacts tu = extractSnippet(R"(
std::string f(const Customer& c) {
  Customer copy{c.name, "desk@example.de"};
  return copy.email;
}
std::string g(const Customer& c) {
  Customer copy{c.name, "desk@example.de"};
  return copy.name;
})");
  EXPECT_TRUE(returned(tu, "f").params.empty());
  EXPECT_TRUE(readsParam(returned(tu, "g"), 0, "name"));
}

TEST(FunctionAnalyzer, AReturnInEveryBranchJoinsTheReturnedValues) {
  const TUFacts tu = extractSnippet(R"(
std::string f(const Parcel& p, int kind) {
  if (kind == 1) return p.tracking_no;
  if (kind == 2) return p.recipient.email;
  return "none";
})");
  EXPECT_TRUE(readsParam(returned(tu, "f"), 0, "tracking_no"));
  EXPECT_TRUE(readsParam(returned(tu, "f"), 0, "recipient.email"));
}

}  // namespace
}  // namespace egress
