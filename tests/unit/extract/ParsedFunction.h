// A snippet parsed with Clang and the CFG of its function `f`, for the unit tests of
// the per-function analysis units (solver, guards).
#pragma once

#include <memory>
#include <string>

#include <clang/AST/ASTContext.h>
#include <clang/AST/Decl.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/Analysis/CFG.h>
#include <clang/Frontend/ASTUnit.h>
#include <clang/Tooling/Tooling.h>

namespace egress::test {

struct ParsedFunction {
  std::unique_ptr<clang::ASTUnit> unit;
  const clang::FunctionDecl* fn = nullptr;
  std::unique_ptr<clang::CFG> cfg;
};

// Calls `fn` on each expression of `decl`'s body, in source order.
inline void forEachExpr(const clang::Decl* decl, llvm::function_ref<void(const clang::Expr*)> fn) {
  struct Visitor : clang::RecursiveASTVisitor<Visitor> {
    llvm::function_ref<void(const clang::Expr*)> fn;
    bool VisitExpr(clang::Expr* e) {
      fn(e);
      return true;
    }
  } v;
  v.fn = fn;
  v.TraverseDecl(const_cast<clang::Decl*>(decl));
}

inline ParsedFunction parseFunction(const std::string& code) {
  ParsedFunction p;
  p.unit = clang::tooling::buildASTFromCodeWithArgs(code, {"-std=c++17", "-resource-dir=" EGRESS_CLANG_RESOURCE_DIR});
  clang::ASTContext& ast = p.unit->getASTContext();
  for (const clang::Decl* d : ast.getTranslationUnitDecl()->decls())
    if (const auto* fn = llvm::dyn_cast<clang::FunctionDecl>(d); fn && fn->getName() == "f") p.fn = fn;
  if (p.fn) p.cfg = clang::CFG::buildCFG(p.fn, p.fn->getBody(), &ast, clang::CFG::BuildOptions());
  return p;
}

}  // namespace egress::test
