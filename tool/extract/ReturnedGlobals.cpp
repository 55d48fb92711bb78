#include "extract/ReturnedGlobals.h"

#include <clang/AST/Decl.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/Stmt.h>

#include <set>
#include <vector>

namespace egress {
namespace {

bool isNull(const clang::Expr* e, clang::ASTContext& ast) {
  return e->isNullPointerConstant(ast, clang::Expr::NPC_ValueDependentIsNotNull) != clang::Expr::NPCK_NotNull;
}

// The global variable an lvalue is (part of): `g`, `g[i]`, `g.rows[i].x`.
const clang::VarDecl* globalObjectOf(const clang::Expr* e) {
  e = e->IgnoreParenImpCasts();
  if (const auto* element = llvm::dyn_cast<clang::ArraySubscriptExpr>(e)) return globalObjectOf(element->getBase());
  if (const auto* member = llvm::dyn_cast<clang::MemberExpr>(e))
    return member->isArrow() ? nullptr : globalObjectOf(member->getBase());
  const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(e);
  const auto* v = ref ? llvm::dyn_cast<clang::VarDecl>(ref->getDecl()) : nullptr;
  return v && v->hasGlobalStorage() ? v : nullptr;
}

// The global the pointer values a body returns point into, gathered value by value;
// a local pointer returned has its initializer and assignments gathered as well.
class Collector {
 public:
  explicit Collector(clang::ASTContext& ast) : ast_(ast) {}

  // False once a value points anywhere else.
  bool addValue(const clang::Expr* e) {
    e = e->IgnoreParens();
    if (isNull(e, ast_)) return true;
    if (const auto* cast = llvm::dyn_cast<clang::CastExpr>(e)) {
      if (cast->getCastKind() == clang::CK_ArrayToPointerDecay) return addGlobal(globalObjectOf(cast->getSubExpr()));
      return addValue(cast->getSubExpr());
    }
    if (const auto* u = llvm::dyn_cast<clang::UnaryOperator>(e); u && u->getOpcode() == clang::UO_AddrOf)
      return addGlobal(globalObjectOf(u->getSubExpr()));
    if (const auto* b = llvm::dyn_cast<clang::BinaryOperator>(e); b && b->isAdditiveOp())
      return addValue(b->getLHS()->getType()->isPointerType() ? b->getLHS() : b->getRHS());
    if (const auto* c = llvm::dyn_cast<clang::ConditionalOperator>(e))
      return addValue(c->getTrueExpr()) && addValue(c->getFalseExpr());
    if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(e)) {
      const auto* local = llvm::dyn_cast<clang::VarDecl>(ref->getDecl());
      if (!local || !local->hasLocalStorage() || llvm::isa<clang::ParmVarDecl>(local)) return false;
      locals_.push_back(local);
      return true;
    }
    return false;
  }

  // Every `return` under `s`, and every assignment to a local pointer returned.
  bool addReturns(const clang::Stmt* s) {
    if (!s || llvm::isa<clang::LambdaExpr>(s)) return true;
    if (const auto* ret = llvm::dyn_cast<clang::ReturnStmt>(s))
      return ret->getRetValue() && addValue(ret->getRetValue());
    for (const clang::Stmt* child : s->children())
      if (!addReturns(child)) return false;
    return true;
  }

  bool addLocals(const clang::Stmt* body) {
    for (std::size_t i = 0; i < locals_.size(); ++i) {  // grows as locals copy locals
      const clang::VarDecl* local = locals_[i];
      if (!seen_.insert(local).second) continue;
      if (local->getInit() && !addValue(local->getInit())) return false;
      if (!addAssignments(body, local)) return false;
    }
    return true;
  }

  const clang::VarDecl* global() const { return global_; }

 private:
  bool addGlobal(const clang::VarDecl* g) {
    if (!g || (global_ && global_ != g)) return false;
    global_ = g;
    return true;
  }

  bool addAssignments(const clang::Stmt* s, const clang::VarDecl* local) {
    if (!s) return true;
    if (const auto* b = llvm::dyn_cast<clang::BinaryOperator>(s); b && b->isAssignmentOp()) {
      const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(b->getLHS()->IgnoreParenImpCasts());
      // `p += n` stays inside what `p` pointed into.
      if (ref && ref->getDecl() == local && !b->isCompoundAssignmentOp() && !addValue(b->getRHS())) return false;
    }
    for (const clang::Stmt* child : s->children())
      if (!addAssignments(child, local)) return false;
    return true;
  }

  clang::ASTContext& ast_;
  const clang::VarDecl* global_ = nullptr;
  std::vector<const clang::VarDecl*> locals_;
  std::set<const clang::VarDecl*> seen_;
};

}  // namespace

const clang::VarDecl* globalReturnedBy(const clang::FunctionDecl* definition) {
  const clang::Stmt* body = definition ? definition->getBody() : nullptr;
  if (!body || !definition->getReturnType()->isPointerType()) return nullptr;
  Collector values(definition->getASTContext());
  if (!values.addReturns(body) || !values.addLocals(body)) return nullptr;
  return values.global();
}

}  // namespace egress
