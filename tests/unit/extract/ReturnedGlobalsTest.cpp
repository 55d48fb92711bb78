#include "extract/ReturnedGlobals.h"

#include <gtest/gtest.h>

#include <clang/AST/Decl.h>

#include "ParsedFunction.h"

namespace egress {
namespace {

constexpr const char* kPrelude = R"(
struct slot { char id[8]; char *buf; };
struct table { struct slot rows[4]; int n; };
static struct slot s_slots[8];
static struct slot s_other[8];
static struct table s_table;
int same(const char *, const char *);
)";

// The name of the global `f` returns into, or "" for none.
std::string returnedGlobal(const std::string& body) {
  const test::ParsedFunction p = test::parseFunction(std::string(kPrelude) + body);
  if (!p.fn) return "<no f>";
  const clang::VarDecl* g = globalReturnedBy(p.fn);
  return g ? g->getNameAsString() : "";
}

TEST(ReturnedGlobalsTest, ALookupReturningAnElementOrNullReturnsIntoTheTable) {
  EXPECT_EQ(returnedGlobal(R"(
struct slot *f(const char *id) {
  for (int i = 0; i < 8; i++) {
    struct slot *s = &s_slots[i];
    if (same(s->id, id)) return s;
  }
  return 0;
})"),
            "s_slots");
  EXPECT_EQ(returnedGlobal("struct slot *f(int i) { return i < 8 ? s_slots + i : nullptr; }"), "s_slots");
  EXPECT_EQ(returnedGlobal("struct slot *f(int i) { return &s_table.rows[i]; }"), "s_table");
}

TEST(ReturnedGlobalsTest, AnyOtherReturnOrASecondGlobalReturnsNone) {
  EXPECT_EQ(returnedGlobal("struct slot *f(int i) { return i ? &s_slots[i] : &s_other[i]; }"), "");
  EXPECT_EQ(returnedGlobal("struct slot *f(struct slot *p) { return p ? p : &s_slots[0]; }"), "");
  EXPECT_EQ(returnedGlobal("struct slot *f(int i) { struct slot *s = &s_slots[i]; s = new slot; return s; }"), "");
  EXPECT_EQ(returnedGlobal("struct slot *f() { return 0; }"), "");
  EXPECT_EQ(returnedGlobal("int f() { return s_table.n; }"), "");
}

}  // namespace
}  // namespace egress
