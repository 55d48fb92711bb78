// How a call is dispatched (extract/Calls.cpp): a function value run, an element
// read back, a sanitizer, a library model, a function of the program, or the
// engine's default for a library call nobody modelled.
#include <gtest/gtest.h>

#include "ExtractedFacts.h"

namespace egress {
namespace {

using namespace test;

TEST(Calls, AProgramFunctionsResultIsLeftToTheLink) {
  const TUFacts tu = extractSnippet(R"(
std::string render(const Customer& c) { return c.email; }
std::string f(const Customer& c) { return render(c); })");
  const FunctionFacts& f = functionNamed(tu, "f");
  // Not the inputs merged: a call atom the link answers from render()'s summary.
  ASSERT_EQ(f.ret.calls.size(), 1u);
  EXPECT_EQ(f.ret.calls[0].slot, "");
  EXPECT_FALSE(readsParam(f.ret, 0, "email"));
  ASSERT_EQ(f.calls.size(), 1u);
  EXPECT_TRUE(readsParam(f.calls[0].args[0].whole, 0));
}

TEST(Calls, AFunctionValueRunIsAnIndirectCallOfItsHolder) {
  const TUFacts tu = extractSnippet(R"(
#include <functional>
void f(const std::function<void(const std::string&)>& notify, const Customer& c) { notify(c.email); })");
  const FunctionFacts& f = functionNamed(tu, "f");
  ASSERT_EQ(f.calls.size(), 1u);
  EXPECT_TRUE(f.calls[0].viaParam);  // resolved where a caller passes the function
  EXPECT_EQ(f.calls[0].target.index, 0u);
}

TEST(Calls, AnElementReadBackIsWhatWasStoredUnderItsKey) {
  const TUFacts tu = extractSnippet(R"(
#include <map>
std::string f(const Customer& c) {
  std::map<std::string, std::string> m;
  m["mail"] = c.email;
  m["hub"] = "HUB-1";
  return m.at("hub");
})");
  EXPECT_FALSE(carries(functionNamed(tu, "f").ret, "customer.contact"));
}

TEST(Calls, AModelOnlyForSomeArgumentCountsAppliesToThoseCalls) {
  // splice(pos, other) empties `other`; splice(pos, other, it) moves one element.
  const TUFacts tu = extractSnippet(R"(
#include <list>
void whole(int fd, const Parcel& p) {
  std::list<std::string> from{p.tracking_no}, to;
  to.splice(to.end(), from);
  send(fd, from.front().data(), 1, 0);
}
void one(int fd, const Parcel& p) {
  std::list<std::string> from{p.tracking_no}, to;
  to.splice(to.end(), from, from.begin());
  send(fd, from.front().data(), 1, 0);
})");
  EXPECT_TRUE(functionNamed(tu, "whole").sinks.empty() ||
              !carries(functionNamed(tu, "whole").sinks[0].data, "shipment.tracking"));
  const FunctionFacts& one = functionNamed(tu, "one");
  ASSERT_EQ(one.sinks.size(), 1u);
  EXPECT_TRUE(carries(one.sinks[0].data, "shipment.tracking"));
}

}  // namespace
}  // namespace egress
