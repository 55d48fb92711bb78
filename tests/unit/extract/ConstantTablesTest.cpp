#include "extract/ConstantTables.h"

#include <gtest/gtest.h>

#include <clang/AST/Expr.h>

#include "ParsedFunction.h"

namespace egress {
namespace {

// The rows the first argument of the call of `copy` in `f` may point into.
std::vector<TableRow> rowsWrittenIn(const test::ParsedFunction& p) {
  const clang::Expr* target = nullptr;
  test::forEachExpr(p.fn, [&](const clang::Expr* e) {
    const auto* call = llvm::dyn_cast<clang::CallExpr>(e);
    const auto* callee = call ? call->getDirectCallee() : nullptr;
    if (!target && callee && callee->getName() == "copy") target = call->getArg(0);
  });
  return target ? tableRowsOf(target) : std::vector<TableRow>{};
}

constexpr const char* kPrelude = R"(
#include <cstddef>
void copy(char *dst, const char *src);
struct settings { char uplink_host[64]; int port; struct { char address[32]; } hub; };
)";

// `(char *)s + row->off` over `offsetof` rows: one row per field, named by the row's
// strings (a section and a name join with a dot), a nested field by its path.
TEST(ConstantTablesTest, OffsetRowsNameTheirFieldsAndKeys) {
  const test::ParsedFunction p = test::parseFunction(std::string(kPrelude) + R"(
struct row { const char *section; const char *name; std::size_t off; };
static const row k_rows[] = {
  {"uplink", "host", offsetof(settings, uplink_host)},
  {"hub", "address", offsetof(settings, hub.address)},
};
void f(settings *s, const char *value, int i) {
  const row *r = &k_rows[i];
  char *field = (char *)s + r->off;
  copy(field, value);
}
)");
  ASSERT_NE(p.fn, nullptr);
  const std::vector<TableRow> rows = rowsWrittenIn(p);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].field, "uplink_host");
  EXPECT_EQ(rows[0].key, "uplink.host");
  EXPECT_EQ(rows[1].field, "hub.address");
  EXPECT_EQ(rows[1].key, "hub.address");
}

// Rows holding the address of the buffer they fill: the row's initializer is the
// target, with no field below it.
TEST(ConstantTablesTest, AddressRowsAreTheirInitializers) {
  const test::ParsedFunction p = test::parseFunction(std::string(kPrelude) + R"(
settings g_conf;
static const struct { const char *key; char *dst; } k_map[] = {{"uplink_host", g_conf.uplink_host}};
void f(const char *value, int i) { copy(k_map[i].dst, value); }
)");
  ASSERT_NE(p.fn, nullptr);
  const std::vector<TableRow> rows = rowsWrittenIn(p);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_TRUE(rows[0].field.empty());
  EXPECT_EQ(rows[0].key, "uplink_host");
  EXPECT_TRUE(llvm::isa<clang::MemberExpr>(rows[0].target));
}

// A table the program may change is no description of where values go.
TEST(ConstantTablesTest, AMutableTableGivesNoRows) {
  const test::ParsedFunction p = test::parseFunction(std::string(kPrelude) + R"(
struct row { const char *key; std::size_t off; };
static row k_rows[] = {{"uplink_host", offsetof(settings, uplink_host)}};
void f(settings *s, const char *value, int i) { copy((char *)s + k_rows[i].off, value); }
)");
  ASSERT_NE(p.fn, nullptr);
  EXPECT_TRUE(rowsWrittenIn(p).empty());
}

}  // namespace
}  // namespace egress
