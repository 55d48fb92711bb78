// Call atoms narrowed to the field read of them (extract/Narrowing.cpp): only atoms
// that stand for a whole object of the record owning the field are narrowed.
#include <gtest/gtest.h>

#include "ExtractedFacts.h"

namespace egress {
namespace {

using namespace test;

// The call atoms the only sink of `fn` sends.
std::vector<CallRef> sentCalls(const TUFacts& tu, const std::string& fn) {
  const FunctionFacts& f = functionNamed(tu, fn);
  EXPECT_EQ(f.sinks.size(), 1u);
  return f.sinks.empty() ? std::vector<CallRef>{} : f.sinks[0].data.calls;
}

bool hasAtom(const std::vector<CallRef>& calls, const std::string& slot, const std::string& field) {
  return std::any_of(calls.begin(), calls.end(), [&](const CallRef& c) { return c.slot == slot && c.field == field; });
}

TEST(Narrowing, AMemberOfACallResultIsThatFieldOfTheResult) {
  const TUFacts tu = extractSnippet(R"(
#include <utility>
struct Ledger {
  std::pair<std::string, int> last_;
  void book(const Parcel& p, int n);
  const std::pair<std::string, int>& last() const;
};
void f(int fd, Ledger& l) {
  const int n = l.last().second;
  send(fd, &n, sizeof n, 0);
}
void g(int fd, Ledger& l) {
  const int n = std::get<int>(l.last());
  send(fd, &n, sizeof n, 0);
}
void h(int fd, Ledger& l) {
  const std::string& t = std::get<0>(l.last());
  send(fd, t.data(), t.size(), 0);
})");
  EXPECT_TRUE(hasAtom(sentCalls(tu, "f"), "", "second"));
  EXPECT_TRUE(hasAtom(sentCalls(tu, "g"), "", "second"));
  EXPECT_TRUE(hasAtom(sentCalls(tu, "h"), "", "first"));
}

TEST(Narrowing, AFieldOfAnObjectAfterAMethodCallIsWhatTheCallLeftThere) {
  const TUFacts tu = extractSnippet(R"(
struct Packet {
  std::string body;
  int len;
  void fill(const Customer& c);
};
void f(int fd, const Customer& c) {
  Packet p;
  p.fill(c);
  send(fd, &p.len, sizeof p.len, 0);
})");
  const std::vector<CallRef> calls = sentCalls(tu, "f");
  EXPECT_TRUE(hasAtom(calls, "this", "len"));
  EXPECT_FALSE(hasAtom(calls, "this", ""));
}

// The packet's call atom reaches the frame through the frame's constructor: it
// stands for a packet, not a frame, so reading the frame's `len` keeps it whole.
TEST(Narrowing, AFieldDeepInALocalACallFilledIsNarrowedFieldByField) {
  const TUFacts tu = extractSnippet(R"(
#include <vector>
struct Scan { std::string code; };
struct Snapshot { std::vector<Scan> scans; Scan last; std::vector<std::string> keys; };
Snapshot load();
void f(int fd) {
  const Snapshot snap = load();
  send(fd, snap.last.code.data(), snap.last.code.size(), 0);
}
void g(int fd) {
  const Snapshot snap = load();
  for (const Scan& s : snap.scans) send(fd, s.code.data(), s.code.size(), 0);
})");
  EXPECT_TRUE(hasAtom(sentCalls(tu, "f"), "", "last.code"));
  // Into an element of a vector the record no longer tells the field: the vector.
  EXPECT_TRUE(hasAtom(sentCalls(tu, "g"), "", "scans"));
  EXPECT_FALSE(hasAtom(sentCalls(tu, "g"), "", ""));
}

TEST(Narrowing, AnAtomOfAnotherRecordStaysWhole) {
  const TUFacts tu = extractSnippet(R"(
struct Packet {
  std::string body;
  void fill(const Customer& c);
};
struct Frame {
  explicit Frame(const Packet& p);
  std::string body;
  int len = 0;
};
void f(int fd, const Customer& c) {
  Packet p;
  p.fill(c);
  Frame fr(p);
  send(fd, &fr.len, sizeof fr.len, 0);
})");
  const std::vector<CallRef> calls = sentCalls(tu, "f");
  EXPECT_TRUE(hasAtom(calls, "this", ""));
}

TEST(Narrowing, AFieldOfACStructReturnedByValueIsThatField) {
  const TUFacts tu = extractSnippet(R"(
struct reply { char text[64]; int code; };
struct reply build_reply(const Customer* c);
void f(int fd, const Customer* c) {
  struct reply r = build_reply(c);
  send(fd, &r.code, sizeof r.code, 0);
})");
  EXPECT_TRUE(hasAtom(sentCalls(tu, "f"), "", "code"));
}

// A getter returning a member map by reference names that member; a map keeps its
// keys at `first` and its mapped values at `second`, so iterating it and reading a
// binding narrows what the object held to that half of the member.
TEST(Narrowing, AMapReturnedByAGetterIsReadHalfByHalf) {
  const TUFacts tu = extractSnippet(R"(
#include <map>
struct Tally {
  void count(const Parcel& p);
  const std::map<std::string, int>& by_ref() const { return by_ref_; }
  std::map<std::string, int> by_ref_;
};
void f(int fd, const Parcel& p) {
  Tally t;
  t.count(p);
  for (const auto& [ref, n] : t.by_ref()) send(fd, &n, sizeof n, 0);
}
void g(int fd, const Parcel& p) {
  Tally t;
  t.count(p);
  for (const auto& entry : t.by_ref()) send(fd, entry.first.data(), entry.first.size(), 0);
})");
  // Narrowed as the getter's result or as the member it returns: either way, only
  // the mapped half (f) or only the keys (g).
  const auto onlyHalf = [](const std::vector<CallRef>& calls, llvm::StringRef half) {
    return !calls.empty() && std::all_of(calls.begin(), calls.end(),
                                         [&](const CallRef& c) { return llvm::StringRef(c.field).ends_with(half); });
  };
  EXPECT_TRUE(onlyHalf(sentCalls(tu, "f"), "second"));
  EXPECT_TRUE(onlyHalf(sentCalls(tu, "g"), "first"));
}

}  // namespace
}  // namespace egress
