#include "extract/FieldFunctions.h"

#include <gtest/gtest.h>

#include <clang/AST/Expr.h>

#include "ParsedFunction.h"

namespace egress {
namespace {

constexpr const char* kPrelude = R"(
struct link;
struct ops { const char *name; int (*send)(struct link *, const char *); void (*close)(struct link *); };
struct link { const ops *o; int (*on_data)(const char *); };
int tcp_send(struct link *, const char *);
int udp_send(struct link *, const char *);
void tcp_close(struct link *);
int log_data(const char *);
)";

// What `f`'s initializer lists and assignments store in function-pointer fields.
FieldFunctions storedIn(const test::ParsedFunction& p) {
  FieldFunctions out;
  const clang::ASTContext& ast = p.unit->getASTContext();
  test::forEachExpr(p.fn, [&](const clang::Expr* e) {
    if (const auto* init = llvm::dyn_cast<clang::InitListExpr>(e)) addStoredFunctions(ast, init, out);
    if (const auto* assign = llvm::dyn_cast<clang::BinaryOperator>(e)) addStoredFunction(ast, assign, out);
  });
  return out;
}

// The key of the field the first call through a pointer in `f` reads.
std::string calledField(const test::ParsedFunction& p) {
  std::string key;
  test::forEachExpr(p.fn, [&](const clang::Expr* e) {
    const auto* call = llvm::dyn_cast<clang::CallExpr>(e);
    if (key.empty() && call && !call->getDirectCallee())
      key = calledFieldKey(p.unit->getASTContext(), call->getCallee());
  });
  return key;
}

// Positional and designated rows name their fields; a string field stores nothing.
TEST(FieldFunctionsTest, InitializersStoreTheirFunctionsByField) {
  const test::ParsedFunction p = test::parseFunction(std::string(kPrelude) + R"(
void f() {
  static const ops rows[] = {{"tcp", tcp_send, tcp_close}, {.name = "udp", .send = &udp_send}};
  (void)rows;
}
)");
  ASSERT_NE(p.fn, nullptr);
  const FieldFunctions stored = storedIn(p);
  ASSERT_EQ(stored.size(), 2u);
  EXPECT_EQ(stored.at("c:@S@ops::send"),
            (std::vector<std::string>{"c:@F@tcp_send#*$@S@link#*1C#", "c:@F@udp_send#*$@S@link#*1C#"}));
  EXPECT_EQ(stored.at("c:@S@ops::close").size(), 1u);
}

TEST(FieldFunctionsTest, AnAssignmentStoresItsFunction) {
  const test::ParsedFunction p = test::parseFunction(std::string(kPrelude) + R"(
void f(struct link *l) { l->on_data = log_data; l->on_data = 0; }
)");
  ASSERT_NE(p.fn, nullptr);
  const FieldFunctions stored = storedIn(p);
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored.at("c:@S@link::on_data").size(), 1u);
}

TEST(FieldFunctionsTest, ACallThroughAFieldNamesIt) {
  const test::ParsedFunction p = test::parseFunction(std::string(kPrelude) + R"(
void f(struct link *l) { l->o->send(l, "x"); }
)");
  ASSERT_NE(p.fn, nullptr);
  EXPECT_EQ(calledField(p), "c:@S@ops::send");
}

TEST(FieldFunctionsTest, ACallThroughALocalPointerNamesNoField) {
  const test::ParsedFunction p = test::parseFunction(std::string(kPrelude) + R"(
void f(struct link *l) { int (*fn)(struct link *, const char *) = tcp_send; fn(l, "x"); }
)");
  ASSERT_NE(p.fn, nullptr);
  EXPECT_EQ(calledField(p), "");
}

}  // namespace
}  // namespace egress
