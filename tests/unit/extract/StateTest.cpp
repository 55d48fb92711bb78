#include "extract/State.h"

#include <gtest/gtest.h>

#include "facts/TaintOps.h"

namespace egress {
namespace {

const int kVarA = 0, kVarB = 0;  // stand-ins for two declarations

AbsVal value(const std::string& text) {
  AbsVal v;
  v.str = constStr(text);
  return v;
}

Origin origin(const std::string& what, unsigned line) {
  Origin o;
  o.category = "customer.contact";
  o.what = what;
  o.source.line = line;
  return o;
}

TEST(State, JoinKeepsBothValuesAsAlternatives) {
  State left{{{&kVarA, ""}, value("eu.example")}};
  const State right{{{&kVarA, ""}, value("cn.example")}};
  EXPECT_TRUE(joinStates(left, right));
  const std::vector<StrVal> values = forms(left.at({&kVarA, ""}).str);
  ASSERT_EQ(values.size(), 2u);
  EXPECT_EQ(displayStr(values[0]), "eu.example");
  EXPECT_EQ(displayStr(values[1]), "cn.example");
  EXPECT_FALSE(joinStates(left, right)) << "a second join adds nothing";
}

TEST(State, APathStoredOnOneSideOnlyIsPartial) {
  State left{{{&kVarA, "email"}, value("x")}};
  const State right{{{&kVarB, ""}, value("y")}};
  EXPECT_TRUE(joinStates(left, right));
  EXPECT_TRUE(left.at({&kVarA, "email"}).partial);
  EXPECT_TRUE(left.at({&kVarB, ""}).partial);
}

TEST(State, TlsHoldsOnlyWhereEveryPathTurnedItOn) {
  AbsVal on = value("h");
  on.tls = true;
  State both{{{&kVarA, ""}, on}};
  joinStates(both, State{{{&kVarA, ""}, on}});
  EXPECT_TRUE(both.at({&kVarA, ""}).tls);
  State one{{{&kVarA, ""}, on}};
  joinStates(one, State{{{&kVarA, ""}, value("h")}});
  EXPECT_FALSE(one.at({&kVarA, ""}).tls);
}

TEST(State, JoinMergesTaintAtoms) {
  AbsVal email, phone;
  email.taint.origins.push_back(origin("Customer::email", 3));
  phone.taint.origins.push_back(origin("Customer::phone", 4));
  State into{{{&kVarA, ""}, email}};
  EXPECT_TRUE(joinStates(into, State{{{&kVarA, ""}, phone}}));
  EXPECT_EQ(into.at({&kVarA, ""}).taint.origins.size(), 2u);
}

}  // namespace
}  // namespace egress
