#include "extract/ConstantText.h"

#include <gtest/gtest.h>

#include "ParsedFunction.h"

namespace egress {
namespace {

// The constant text of each call `f` makes, in source order ("-" for none).
std::vector<std::string> textsOfCalls(const std::string& code) {
  const test::ParsedFunction p = test::parseFunction(code);
  std::vector<std::string> out;
  test::forEachExpr(p.fn, [&](const clang::Expr* e) {
    if (const auto* call = llvm::dyn_cast<clang::CallExpr>(e))
      out.push_back(constantText(call, p.unit->getASTContext()).value_or("-"));
  });
  return out;
}

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

}  // namespace
}  // namespace egress
