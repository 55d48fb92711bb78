// Getters and setters recognised from their bodies (extract/Accessors.cpp).
#include "extract/Accessors.h"

#include <gtest/gtest.h>

#include "ParsedFunction.h"

namespace egress {
namespace {

using test::parseFunction;

constexpr const char* kRecord = "struct Addr { const char* city; }; struct C { const char* phone; int tries; Addr addr; };\n";

Accessor accessorOf(const std::string& fn) {
  const test::ParsedFunction p = parseFunction(std::string(kRecord) + fn);
  EXPECT_NE(p.fn, nullptr);
  AccessorIndex index;
  index.empties = [](const clang::FunctionDecl*) { return false; };
  return p.fn ? index.of(p.fn) : Accessor{};
}

TEST(Accessors, AGetterReturnsAFieldChainOfOneInput) {
  const Accessor a = accessorOf("const char* f(const C& c) { return c.addr.city; }");
  EXPECT_EQ(a.kind, Accessor::Getter);
  EXPECT_EQ(a.object, 0u);
  EXPECT_EQ(fieldPath(a.read), "addr.city");
}

TEST(Accessors, ASetterAssignsParametersOrLiteralsToFieldsOfOneInput) {
  const Accessor a = accessorOf("void f(C* c, const char* p) { c->phone = p; c->tries = 0; }");
  ASSERT_EQ(a.kind, Accessor::Setter);
  EXPECT_EQ(a.object, 0u);
  ASSERT_EQ(a.writes.size(), 2u);
  EXPECT_EQ(fieldPath(a.writes[0].field), "phone");
  EXPECT_EQ(a.writes[0].param, std::optional<unsigned>(1));
  EXPECT_EQ(fieldPath(a.writes[1].field), "tries");
  EXPECT_NE(a.writes[1].literal, nullptr);
}

TEST(Accessors, AnythingElseIsNeither) {
  // Computes what it stores; writes two inputs; does more than return a field.
  EXPECT_EQ(accessorOf("void f(C& c, int n) { c.tries = n + 1; }").kind, Accessor::None);
  EXPECT_EQ(accessorOf("void f(C& a, C& b, const char* p) { a.phone = p; b.phone = p; }").kind, Accessor::None);
  EXPECT_EQ(accessorOf("int g(); const char* f(const C& c) { g(); return c.phone; }").kind, Accessor::None);
}

TEST(Accessors, FieldsOverwrittenBeforeAnythingCouldLeaveAreResets) {
  const Accessor a = accessorOf(R"(
int log(const char*);
void f(C* c, const char* p) {
  c->phone = p;              // reset
  c->tries = c->tries + 1;   // keeps what it held: not a reset
  log("x");
  if (!p) return;            // may leave: nothing after it counts
  c->addr.city = "Berlin";
})");
  EXPECT_EQ(a.kind, Accessor::None);
  ASSERT_EQ(a.resets.size(), 1u);
  EXPECT_EQ(a.resets[0].object, 0u);
  EXPECT_EQ(fieldPath(a.resets[0].field), "phone");
  // Inside a branch is not on every path.
  EXPECT_TRUE(accessorOf("int g(); void f(C& c) { if (g()) c.tries = 0; g(); }").resets.empty());
}

}  // namespace
}  // namespace egress
