#include "extract/Singletons.h"

#include <gtest/gtest.h>

#include <clang/AST/DeclCXX.h>
#include <clang/Lex/Lexer.h>

#include "ParsedFunction.h"

namespace egress {
namespace {

const clang::CXXRecordDecl* recordNamed(const test::ParsedFunction& p, const std::string& name) {
  for (const clang::Decl* d : p.unit->getASTContext().getTranslationUnitDecl()->decls())
    if (const auto* rd = llvm::dyn_cast<clang::CXXRecordDecl>(d); rd && rd->getName() == name && rd->hasDefinition())
      return rd->getDefinition();
  return nullptr;
}

// The spelling of each expression in `f` that denotes a singleton's object.
std::vector<std::string> singletonObjects(const test::ParsedFunction& p) {
  std::vector<std::string> out;
  test::forEachExpr(p.fn, [&](const clang::Expr* e) {
    if (!singletonObjectOf(e) || llvm::isa<clang::ParenExpr>(e)) return;
    const auto range = clang::CharSourceRange::getTokenRange(e->getSourceRange());
    out.push_back(clang::Lexer::getSourceText(range, p.unit->getSourceManager(), clang::LangOptions()).str());
  });
  return out;
}

constexpr const char* kClasses = R"(
class Depot {
 public:
  static Depot& get();
  int n = 0;
  void touch() { n = (*this).n + this->n; }
 private:
  Depot() = default;
};
class Relay {
 public:
  static Relay* instance();
  Relay(const Relay&) = delete;
 private:
  Relay() = default;
};
class Open {  // anyone may make one
 public:
  static Open& get();
  Open() = default;
};
class Made {  // a named constructor: many objects
 public:
  static Made make();
 private:
  Made() = default;
};
class Conn {  // a factory handing out a new object by pointer each call
 public:
  static Conn* create();
 private:
  Conn() = default;
};
)";

TEST(Singletons, APrivatelyConstructedClassHandingOutItselfIsOne) {
  const test::ParsedFunction p = test::parseFunction(std::string(kClasses) + "void f() {}");
  EXPECT_TRUE(isSingletonClass(recordNamed(p, "Depot")));
  EXPECT_TRUE(isSingletonClass(recordNamed(p, "Relay")));
  EXPECT_FALSE(isSingletonClass(recordNamed(p, "Open")));
  EXPECT_FALSE(isSingletonClass(recordNamed(p, "Made")));
  EXPECT_FALSE(isSingletonClass(recordNamed(p, "Conn")));
}

TEST(Singletons, ReferencesAndPointersNameTheObjectButThisDoesNot) {
  const test::ParsedFunction p = test::parseFunction(std::string(kClasses) + R"(
struct Holder { Depot& d; Relay* r; };
void f(Holder& h, Open& o) {
  Depot& local = Depot::get();
  local.n = h.d.n;
  Relay* q = h.r;
  (void)q;
  (void)o;
})");
  // `Depot::get()`, `local` and `h.d`; `h.r` read as a pointer value (not the
  // member itself, which may be re-aimed); `o` is no singleton.
  EXPECT_EQ(singletonObjects(p), (std::vector<std::string>{"Depot::get()", "local", "h.d", "h.r"}));
  const clang::CXXMethodDecl* touch = nullptr;
  for (const clang::CXXMethodDecl* m : recordNamed(p, "Depot")->methods())
    if (m->getName() == "touch") touch = m;
  ASSERT_NE(touch, nullptr);
  int found = 0;
  test::forEachExpr(touch, [&](const clang::Expr* e) { found += singletonObjectOf(e) != nullptr; });
  EXPECT_EQ(found, 0);  // `*this` and `this->n` stay the method's own object
}

}  // namespace
}  // namespace egress
