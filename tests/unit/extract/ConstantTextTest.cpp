#include "extract/ConstantText.h"

#include <gtest/gtest.h>

#include "ParsedFunction.h"

namespace egress {
namespace {

// What `textOf` says of each expression of `f` of type E, in source order ("-" for
// nothing).
template <typename E, typename TextOf> std::vector<std::string> textsIn(const std::string& code, TextOf textOf) {
  const test::ParsedFunction p = test::parseFunction(code);
  std::vector<std::string> out;
  test::forEachExpr(p.fn, [&](const clang::Expr* e) {
    if (const auto* of = llvm::dyn_cast<E>(e)) out.push_back(textOf(of, p.unit->getASTContext()).value_or("-"));
  });
  return out;
}

// The constant text of each call `f` makes.
std::vector<std::string> textsOfCalls(const std::string& code) { return textsIn<clang::CallExpr>(code, constantText); }

constexpr const char* kPrelude = R"(
struct view { const char* str; unsigned long len; };
enum class Site { Hamburg, Shenzhen };
constexpr view kHosts[] = {{"scans.example.de", 16}, {"scans.example.cn", 16}};
constexpr view host_of(Site s) { return kHosts[static_cast<int>(s)]; }
constexpr const char* url_of(bool eu) { return eu ? "https://eu.example.de/in" : "https://cn.example.cn/in"; }
constexpr const char* tail_of(const char* s) { return s + 8; }
const char* runtime_url();
)";

TEST(ConstantText, AConstexprCallWithConstantArgumentsIsItsText) {
  EXPECT_EQ(textsOfCalls(std::string(kPrelude) + R"(
void f() {
  host_of(Site::Shenzhen);
  url_of(true);
  tail_of("https://x.example.de");
})"),
            (std::vector<std::string>{"scans.example.cn", "https://eu.example.de/in", "x.example.de"}));
}

TEST(ConstantText, RunTimeArgumentsAndOtherFunctionsGiveNothing) {
  EXPECT_EQ(textsOfCalls(std::string(kPrelude) + R"(
void f(bool eu, Site s) {
  url_of(eu);
  host_of(s);
  runtime_url();
})"),
            (std::vector<std::string>{"-", "-", "-"}));
}

// The text of each string literal `f` holds.
std::vector<std::string> literalsIn(const std::string& code) {
  return textsIn<clang::StringLiteral>(code, [](const clang::StringLiteral* literal, const clang::ASTContext&) {
    return std::optional<std::string>(literalText(literal));
  });
}

TEST(ConstantText, WideLiteralsAreReadAsUtf8) {
  EXPECT_EQ(literalsIn(R"(
void f() {
  (void)u"https://hub.example.de/%1";
  (void)L"depot";
  (void)U"K\u00f6ln";
})"),
            (std::vector<std::string>{"https://hub.example.de/%1", "depot", "K\xc3\xb6ln"}));
}

// The text of each call `f` makes that is wholly a literal macro's expansion.
std::vector<std::string> macroTexts(const std::string& code) {
  return textsIn<clang::CallExpr>(code, [](const clang::CallExpr* call, const clang::ASTContext& ast) {
    return literalMacroText(call, ast, {"TEXT"});
  });
}

TEST(ConstantText, ALiteralMacroIsTheLiteralItWasGiven) {
  EXPECT_EQ(macroTexts(R"(
struct Text { Text(const char*); Text arg(int) const; };
#define TEXT(s) ([]() -> Text { static const char data[] = s; return Text(data); }())
#define OTHER(s) ([]() -> Text { return Text(s); }())
void f() {
  TEXT("https://%1/v1");
  OTHER("https://other.example.de");
  TEXT("https://%1/v2").arg(7);
})"),
            (std::vector<std::string>{"https://%1/v1", "-", "-", "https://%1/v2"}));  // not the call of arg()
}

}  // namespace
}  // namespace egress
