#include "extract/Guards.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Expr.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/AST/Stmt.h>
#include <clang/Analysis/CFG.h>

#include "extract/Names.h"

namespace egress {
namespace {

bool isScalar(clang::QualType t) { return t->isIntegralOrEnumerationType() || t->isBooleanType(); }

// Finds parameters the body may change.
class Modified : public clang::RecursiveASTVisitor<Modified> {
 public:
  std::set<const clang::ParmVarDecl*> params;

  bool VisitUnaryOperator(clang::UnaryOperator* u) {
    if (u->isIncrementDecrementOp() || u->getOpcode() == clang::UO_AddrOf) note(u->getSubExpr());
    return true;
  }
  bool VisitBinaryOperator(clang::BinaryOperator* b) {
    if (b->isAssignmentOp()) note(b->getLHS());
    return true;
  }
  // Bound to a non-const reference (`int& r = level;`, passed to `f(int&)`).
  bool VisitVarDecl(clang::VarDecl* v) {
    if (v->getType()->isReferenceType() && !v->getType().getNonReferenceType().isConstQualified() && v->getInit())
      note(v->getInit());
    return true;
  }
  bool VisitCallExpr(clang::CallExpr* call) {
    const clang::FunctionDecl* callee = call->getDirectCallee();
    for (unsigned i = 0; i < call->getNumArgs(); ++i) {
      // A variadic argument is passed by value (`printf("%s", key)`).
      if (callee && callee->isVariadic() && i >= callee->getNumParams()) continue;
      const bool byRef = !callee || i >= callee->getNumParams() ||
                         (callee->getParamDecl(i)->getType()->isReferenceType() &&
                          !callee->getParamDecl(i)->getType().getNonReferenceType().isConstQualified());
      if (byRef) note(call->getArg(i));
    }
    return true;
  }

 private:
  void note(const clang::Expr* e) {
    if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(e->IgnoreParenImpCasts()))
      if (const auto* p = llvm::dyn_cast<clang::ParmVarDecl>(ref->getDecl())) params.insert(p);
  }
};

const clang::ParmVarDecl* stableParam(const clang::Expr* e, const std::set<const clang::ParmVarDecl*>& stable) {
  const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(e->IgnoreParenImpCasts());
  const auto* p = ref ? llvm::dyn_cast<clang::ParmVarDecl>(ref->getDecl()) : nullptr;
  return p && stable.count(p) ? p : nullptr;
}

std::optional<int64_t> constantOf(const clang::Expr* e, const clang::ASTContext& ast) {
  clang::Expr::EvalResult r;
  if (e->isValueDependent() || !e->EvaluateAsInt(r, ast)) return std::nullopt;
  return r.Val.getInt().getExtValue();
}

Guard::Op negate(Guard::Op op) {
  switch (op) {
    case Guard::Eq: return Guard::Ne;
    case Guard::Ne: return Guard::Eq;
    case Guard::Lt: return Guard::Ge;
    case Guard::Le: return Guard::Gt;
    case Guard::Gt: return Guard::Le;
    case Guard::Ge: return Guard::Lt;
    case Guard::BitsSet: return Guard::BitsClear;
    case Guard::BitsClear: return Guard::BitsSet;
    case Guard::HoldsData: return op;  // read from a field, never a branch: not negated
  }
  return op;
}

// `param OP constant` read from a comparison with the parameter on either side.
std::optional<Guard::Op> comparison(clang::BinaryOperatorKind kind, bool paramOnLeft) {
  using K = clang::BinaryOperatorKind;
  switch (kind) {
    case K::BO_EQ: return Guard::Eq;
    case K::BO_NE: return Guard::Ne;
    case K::BO_LT: return paramOnLeft ? Guard::Lt : Guard::Gt;
    case K::BO_LE: return paramOnLeft ? Guard::Le : Guard::Ge;
    case K::BO_GT: return paramOnLeft ? Guard::Gt : Guard::Lt;
    case K::BO_GE: return paramOnLeft ? Guard::Ge : Guard::Le;
    default: return std::nullopt;
  }
}

// `param & mask` with a constant mask, either way round: the test of a flag.
std::optional<std::pair<const clang::ParmVarDecl*, int64_t>>
flagTest(const clang::Expr* e, const std::set<const clang::ParmVarDecl*>& stable, const clang::ASTContext& ast) {
  const auto* b = llvm::dyn_cast<clang::BinaryOperator>(e->IgnoreParenImpCasts());
  if (!b || b->getOpcode() != clang::BO_And) return std::nullopt;
  const clang::ParmVarDecl* p = stableParam(b->getLHS(), stable);
  const clang::Expr* other = b->getRHS();
  if (!p) {
    p = stableParam(b->getRHS(), stable);
    other = b->getLHS();
  }
  const auto mask = p ? constantOf(other, ast) : std::nullopt;
  if (!mask) return std::nullopt;
  return std::make_pair(p, *mask);
}

// `(param & mask) == 0` and `!= 0`, either way round.
std::optional<std::pair<const clang::ParmVarDecl*, Guard>>
flagComparison(const clang::BinaryOperator* b, const std::set<const clang::ParmVarDecl*>& stable,
               const clang::ASTContext& ast) {
  if (b->getOpcode() != clang::BO_EQ && b->getOpcode() != clang::BO_NE) return std::nullopt;
  auto test = flagTest(b->getLHS(), stable, ast);
  auto zero = constantOf(b->getRHS(), ast);
  if (!test) {
    test = flagTest(b->getRHS(), stable, ast);
    zero = constantOf(b->getLHS(), ast);
  }
  if (!test || !zero || *zero != 0) return std::nullopt;
  const Guard::Op op = b->getOpcode() == clang::BO_NE ? Guard::BitsSet : Guard::BitsClear;
  return std::make_pair(test->first, Guard{0, op, test->second});
}

}  // namespace

const clang::Expr* branchCondition(const clang::CFGBlock& block) {
  const auto* cond = llvm::dyn_cast_or_null<clang::Expr>(block.getTerminatorCondition());
  // The block ending `if (a && b)` evaluates `b` only: `a` held on the way in.
  while (const auto* b = llvm::dyn_cast_or_null<clang::BinaryOperator>(cond)) {
    if (!b->isLogicalOp() || block.getTerminatorStmt() == b) break;
    cond = b->getRHS()->IgnoreParens();
  }
  return cond;
}

Guard::Op negatedGuard(Guard::Op op) { return negate(op); }

// The guard a condition being true establishes, if it is one.
std::optional<std::pair<const clang::ParmVarDecl*, Guard>>
guardWhenTrue(const clang::Expr* cond, const std::set<const clang::ParmVarDecl*>& stable,
              const clang::ASTContext& ast) {
  cond = cond->IgnoreParenImpCasts();
  if (const clang::ParmVarDecl* p = stableParam(cond, stable)) return std::make_pair(p, Guard{0, Guard::Ne, 0});
  if (auto test = flagTest(cond, stable, ast))
    return std::make_pair(test->first, Guard{0, Guard::BitsSet, test->second});
  if (const auto* u = llvm::dyn_cast<clang::UnaryOperator>(cond); u && u->getOpcode() == clang::UO_LNot) {
    auto inner = guardWhenTrue(u->getSubExpr(), stable, ast);
    if (inner) inner->second.op = negate(inner->second.op);
    return inner;
  }
  const auto* b = llvm::dyn_cast<clang::BinaryOperator>(cond);
  if (!b || !b->isComparisonOp()) return std::nullopt;
  if (auto flag = flagComparison(b, stable, ast)) return flag;
  const clang::ParmVarDecl* p = stableParam(b->getLHS(), stable);
  const bool left = p != nullptr;
  if (!p) p = stableParam(b->getRHS(), stable);
  if (!p) return std::nullopt;
  auto value = constantOf(left ? b->getRHS() : b->getLHS(), ast);
  auto op = comparison(b->getOpcode(), left);
  if (!value || !op) return std::nullopt;
  return std::make_pair(p, Guard{0, *op, *value});
}

StableParams stableParams(const clang::FunctionDecl* fn) {
  StableParams out;
  if (!fn || !fn->getBody()) return out;
  Modified modified;  // one walk of the body for both kinds
  modified.TraverseStmt(fn->getBody());
  for (const clang::ParmVarDecl* p : fn->parameters()) {
    if (modified.params.count(p)) continue;
    const clang::QualType t = p->getType();
    if (isScalar(t)) out.scalars.insert(p);
    else if (isStringLike(t) && (t->isPointerType() || t.getNonReferenceType().isConstQualified()))
      out.texts.push_back(p);
  }
  return out;
}

std::optional<std::pair<const clang::CallExpr*, bool>> callTruthIn(const clang::Expr* cond,
                                                                   const clang::ASTContext& ast) {
  bool truthy = true;
  for (int hops = 0; cond && hops < 8; ++hops) {
    cond = cond->IgnoreParenImpCasts();
    if (const auto* u = llvm::dyn_cast<clang::UnaryOperator>(cond); u && u->getOpcode() == clang::UO_LNot) {
      truthy = !truthy;
      cond = u->getSubExpr();
      continue;
    }
    const auto* b = llvm::dyn_cast<clang::BinaryOperator>(cond);
    if (!b || (b->getOpcode() != clang::BO_EQ && b->getOpcode() != clang::BO_NE)) break;
    const auto isZero = [&](const clang::Expr* e) { return constantOf(e, ast) == std::optional<int64_t>(0); };
    const clang::Expr* other = isZero(b->getRHS()) ? b->getLHS() : isZero(b->getLHS()) ? b->getRHS() : nullptr;
    if (!other) return std::nullopt;
    if (b->getOpcode() == clang::BO_EQ) truthy = !truthy;
    cond = other;
  }
  const auto* call = llvm::dyn_cast_or_null<clang::CallExpr>(cond);
  if (!call) return std::nullopt;
  return std::make_pair(call, truthy);
}

std::vector<std::pair<const clang::ParmVarDecl*, Guard>> edgeGuards(const clang::CFGBlock& block, unsigned succ,
                                                                    const std::set<const clang::ParmVarDecl*>& stable,
                                                                    const clang::ASTContext& ast) {
  std::vector<std::pair<const clang::ParmVarDecl*, Guard>> out;
  if (stable.empty()) return out;
  const clang::Stmt* term = block.getTerminatorStmt();
  if (const auto* sw = llvm::dyn_cast_or_null<clang::SwitchStmt>(term)) {
    const clang::ParmVarDecl* p = stableParam(sw->getCond(), stable);
    const clang::CFGBlock* target = succ < block.succ_size() ? block.succ_begin()[succ].getReachableBlock() : nullptr;
    if (!p || !target) return out;
    // `default:` is taken when no case matched.
    if (llvm::isa_and_nonnull<clang::DefaultStmt>(target->getLabel())) {
      for (const clang::SwitchCase* c = sw->getSwitchCaseList(); c; c = c->getNextSwitchCase())
        if (const auto* cs = llvm::dyn_cast<clang::CaseStmt>(c); cs && !cs->getRHS())
          if (auto value = constantOf(cs->getLHS(), ast)) out.push_back({p, Guard{0, Guard::Ne, *value}});
      return out;
    }
    const auto* label = llvm::dyn_cast_or_null<clang::CaseStmt>(target->getLabel());
    if (!label || label->getRHS()) return out;  // a GNU case range
    if (auto value = constantOf(label->getLHS(), ast)) out.push_back({p, Guard{0, Guard::Eq, *value}});
    return out;
  }
  const clang::Expr* cond = branchCondition(block);
  if (!cond || block.succ_size() != 2 || succ > 1) return out;
  if (auto g = guardWhenTrue(cond, stable, ast)) {
    if (succ == 1) g->second.op = negate(g->second.op);
    out.push_back(*g);
  }
  return out;
}

}  // namespace egress
