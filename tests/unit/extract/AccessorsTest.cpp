// Getters and setters recognised from their bodies (extract/Accessors.cpp).
#include "extract/Accessors.h"
#include "facts/Facts.h"

#include <gtest/gtest.h>

#include "ParsedFunction.h"

namespace egress {
namespace {

using test::parseFunction;

constexpr const char* kRecord =
    "struct Addr { const char* city; }; struct C { const char* phone; int tries; Addr addr; };\n";

// The accessor `f` of a snippet is, with the AST its field pointers point into.
struct Classified {
  test::ParsedFunction parsed;
  Accessor accessor;
};

Classified accessorOf(const std::string& fn) {
  Classified c{parseFunction(std::string(kRecord) + fn), {}};
  EXPECT_NE(c.parsed.fn, nullptr);
  AccessorIndex index;
  index.empties = [](const clang::FunctionDecl*) { return false; };
  if (c.parsed.fn) c.accessor = index.of(c.parsed.fn);
  return c;
}

TEST(Accessors, AGetterReturnsAFieldChainOfOneInput) {
  const Classified c = accessorOf("const char* f(const C& c) { return c.addr.city; }");
  const Accessor& a = c.accessor;
  EXPECT_EQ(a.kind, Accessor::Getter);
  EXPECT_EQ(a.object, 0u);
  EXPECT_EQ(fieldPath(a.read), "addr.city");
}

// A RAII wrapper's `get()` handing out what its smart pointer manages reads that
// smart pointer: each `h.get()` is the same handle.
TEST(Accessors, AGetterOfWhatASmartPointerFieldManagesReadsThatField) {
  const Classified c =
      accessorOf("#include <memory>\nstruct H { std::unique_ptr<int> p; };\nint* f(const H& h) { return h.p.get(); }");
  EXPECT_EQ(c.accessor.kind, Accessor::Getter);
  EXPECT_EQ(fieldPath(c.accessor.read), "p");
  const Classified other = accessorOf("struct R { int* raw() const; };\nint* f(const R& r) { return r.raw(); }");
  EXPECT_EQ(other.accessor.kind, Accessor::None);
}

TEST(Accessors, ASetterAssignsParametersOrLiteralsToFieldsOfOneInput) {
  const Classified c = accessorOf("void f(C* c, const char* p) { c->phone = p; c->tries = 0; }");
  const Accessor& a = c.accessor;
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
  EXPECT_EQ(accessorOf("void f(C& c, int n) { c.tries = n + 1; }").accessor.kind, Accessor::None);
  EXPECT_EQ(accessorOf("void f(C& a, C& b, const char* p) { a.phone = p; b.phone = p; }").accessor.kind,
            Accessor::None);
  EXPECT_EQ(accessorOf("int g(); const char* f(const C& c) { g(); return c.phone; }").accessor.kind, Accessor::None);
}

TEST(Accessors, FieldsOverwrittenBeforeAnythingCouldLeaveAreResets) {
  const Classified c = accessorOf(R"(
int log(const char*);
void f(C* c, const char* p) {
  c->phone = p;              // reset
  c->tries = c->tries + 1;   // keeps what it held: not a reset
  log("x");
  if (!p) return;            // may leave: nothing after it counts
  c->addr.city = "Berlin";
})");
  const Accessor& a = c.accessor;
  EXPECT_EQ(a.kind, Accessor::None);
  ASSERT_EQ(a.resets.size(), 1u);
  EXPECT_EQ(a.resets[0].object, 0u);
  EXPECT_EQ(fieldPath(a.resets[0].field), "phone");
  // Inside a branch is not on every path.
  EXPECT_TRUE(accessorOf("int g(); void f(C& c) { if (g()) c.tries = 0; g(); }").accessor.resets.empty());
}

TEST(Accessors, AMethodMayStoreTheFieldsItAssignsAddressesOrChanges) {
  const Classified c = accessorOf(R"(
struct Handle { void aim(const char*); int id() const; };
struct Link {
  int fd_; Handle h_; const char* name_; int sent_;
  void f();
};
int open_fd();
void Link::f() {
  if (fd_ >= 0) return;      // read only
  fd_ = open_fd();           // assigned
  h_.aim(name_);             // a non-const method of the member; name_ only read
  (void)h_.id();             // const: stores nothing
  auto later = [this] { sent_ = 1; };  // runs elsewhere
  later();
})");
  const Accessor& a = c.accessor;
  EXPECT_EQ(a.kind, Accessor::None);
  ASSERT_EQ(a.mayStore.size(), 2u);
  EXPECT_EQ(fieldPath(a.mayStore[0].field), "fd_");
  EXPECT_EQ(a.mayStore[0].object, kThisParam);
  EXPECT_EQ(fieldPath(a.mayStore[1].field), "h_");
}

// A C function handed an object by pointer may store into it (`link_ensure(self)`
// connecting `self->conn`); not into a copy it was handed by value.
TEST(Accessors, AFunctionMayStoreTheFieldsOfWhatItIsHandedByPointer) {
  const Classified c = accessorOf(R"(
struct Link { int conn; const char* host; };
struct Stats { int sent; };
int connect_to(const char*);
void f(int port, struct Link* self, struct Stats copy) {
  if (self->conn) return;
  self->conn = connect_to(self->host);
  copy.sent = 1;
})");
  const Accessor& a = c.accessor;
  ASSERT_EQ(a.mayStore.size(), 1u);
  EXPECT_EQ(a.mayStore[0].object, 1u);
  EXPECT_EQ(fieldPath(a.mayStore[0].field), "conn");
}

}  // namespace
}  // namespace egress
