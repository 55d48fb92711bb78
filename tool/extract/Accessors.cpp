#include "extract/Accessors.h"

#include <algorithm>

#include <clang/AST/Decl.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/Stmt.h>
#include <llvm/ADT/SmallVector.h>

#include "extract/Names.h"
#include "facts/Facts.h"

namespace egress {
namespace {

const clang::Expr* bare(const clang::Expr* e) {
  while (e) {
    e = e->IgnoreParenImpCasts();
    if (const auto* c = llvm::dyn_cast<clang::CXXConstructExpr>(e); c && c->getNumArgs() == 1) {
      e = c->getArg(0);  // a copy or move of the field
    } else if (const auto* b = llvm::dyn_cast<clang::CXXBindTemporaryExpr>(e)) {
      e = b->getSubExpr();
    } else if (const auto* m = llvm::dyn_cast<clang::MaterializeTemporaryExpr>(e)) {
      e = m->getSubExpr();
    } else if (const auto* call = llvm::dyn_cast<clang::CallExpr>(e);
               call && call->getNumArgs() == 1 && call->getDirectCallee() &&
               call->getDirectCallee()->getQualifiedNameAsString() == "std::move") {
      e = call->getArg(0);
    } else {
      return e;
    }
  }
  return e;
}

// The input a parameter reference or `this` names: kThisParam or the index.
std::optional<unsigned> inputOf(const clang::Expr* e, const clang::FunctionDecl* fn) {
  e = bare(e);
  if (llvm::isa<clang::CXXThisExpr>(e)) return kThisParam;
  if (const auto* dr = llvm::dyn_cast<clang::DeclRefExpr>(e))
    if (const auto* p = llvm::dyn_cast<clang::ParmVarDecl>(dr->getDecl()))
      for (unsigned i = 0; i < fn->getNumParams(); ++i)
        if (fn->getParamDecl(i) == p) return i;
  return std::nullopt;
}

// `handle_.get()` of a smart pointer field is the object it manages: reads `handle_`
// (a RAII wrapper's `CURL* get()`). Anything else is itself.
const clang::Expr* managedObject(const clang::Expr* e) {
  const auto* call = llvm::dyn_cast<clang::CXXMemberCallExpr>(bare(e));
  if (!call || call->getNumArgs() != 0 || !call->getMethodDecl() || call->getMethodDecl()->getName() != "get") return e;
  const clang::Expr* object = call->getImplicitObjectArgument();
  return object && isSmartPointer(object->getType()) ? object : e;
}

// `o->addr.city` or `phone_`: the input and the field chain, outermost first; none
// through a union, a method or anything else.
std::optional<std::pair<unsigned, std::vector<const clang::FieldDecl*>>> fieldOfInput(const clang::Expr* e,
                                                                                      const clang::FunctionDecl* fn) {
  std::vector<const clang::FieldDecl*> chain;
  e = bare(e);
  while (const auto* m = llvm::dyn_cast<clang::MemberExpr>(e)) {
    const auto* f = llvm::dyn_cast<clang::FieldDecl>(m->getMemberDecl());
    if (!f || f->getParent()->isUnion()) return std::nullopt;
    chain.insert(chain.begin(), f);
    e = m->getBase()->IgnoreParenImpCasts();
  }
  if (chain.empty()) return std::nullopt;
  auto input = inputOf(e, fn);
  if (!input) return std::nullopt;
  return std::make_pair(*input, std::move(chain));
}

bool isLiteral(const clang::Expr* e) {
  return llvm::isa<clang::StringLiteral, clang::IntegerLiteral, clang::FloatingLiteral, clang::CharacterLiteral,
                   clang::CXXBoolLiteralExpr, clang::CXXNullPtrLiteralExpr>(e);
}

// `lhs = rhs` as a plain or overloaded assignment.
bool assignment(const clang::Stmt* st, const clang::Expr*& lhs, const clang::Expr*& rhs) {
  if (const auto* e = llvm::dyn_cast<clang::Expr>(st)) st = e->IgnoreImplicit();
  if (const auto* b = llvm::dyn_cast<clang::BinaryOperator>(st); b && b->getOpcode() == clang::BO_Assign) {
    lhs = b->getLHS();
    rhs = b->getRHS();
    return true;
  }
  if (const auto* op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(st);
      op && op->getOperator() == clang::OO_Equal && op->getNumArgs() == 2) {
    lhs = op->getArg(0);
    rhs = op->getArg(1);
    return true;
  }
  return false;
}

Accessor getter(const clang::FunctionDecl* fn, const clang::CompoundStmt* body) {
  if (body->size() != 1) return {};
  const auto* ret = llvm::dyn_cast<clang::ReturnStmt>(body->body_front());
  if (!ret || !ret->getRetValue()) return {};
  auto read = fieldOfInput(managedObject(ret->getRetValue()), fn);
  if (!read) return {};
  Accessor a;
  a.kind = Accessor::Getter;
  a.object = read->first;
  a.read = std::move(read->second);
  return a;
}

// `field.clear()` with a method that empties its object: the field it empties.
const clang::Expr* emptied(const clang::Stmt* st, const std::function<bool(const clang::FunctionDecl*)>& empties) {
  if (const auto* e = llvm::dyn_cast<clang::Expr>(st)) st = e->IgnoreImplicit();
  const auto* call = llvm::dyn_cast<clang::CXXMemberCallExpr>(st);
  if (!call || call->getNumArgs() != 0 || !empties || !call->getMethodDecl() || !empties(call->getMethodDecl()))
    return nullptr;
  return call->getImplicitObjectArgument();
}

Accessor setter(const clang::FunctionDecl* fn, const clang::CompoundStmt* body,
                const std::function<bool(const clang::FunctionDecl*)>& empties) {
  Accessor a;
  for (const clang::Stmt* st : body->body()) {
    const clang::Expr *lhs = nullptr, *rhs = nullptr;
    if (const clang::Expr* object = emptied(st, empties)) {
      auto field = fieldOfInput(object, fn);
      if (!field || (!a.writes.empty() && field->first != a.object)) return {};
      a.object = field->first;
      a.writes.push_back({std::move(field->second), std::nullopt, nullptr, true});
      continue;
    }
    if (!assignment(st, lhs, rhs)) return {};
    auto written = fieldOfInput(lhs, fn);
    if (!written || (!a.writes.empty() && written->first != a.object)) return {};
    a.object = written->first;
    Accessor::Write w{std::move(written->second), inputOf(rhs, fn), nullptr};
    if (w.param && *w.param == kThisParam) return {};
    if (!w.param && isLiteral(bare(rhs))) w.literal = bare(rhs);
    if (!w.param && !w.literal) return {};
    a.writes.push_back(std::move(w));
  }
  if (a.writes.empty()) return {};
  a.kind = Accessor::Setter;
  return a;
}

// Whether `st` may leave the function (or jump past what follows it).
bool mayLeave(const clang::Stmt* st) {
  if (!st) return false;
  if (llvm::isa<clang::ReturnStmt, clang::GotoStmt, clang::CXXThrowExpr, clang::IndirectGotoStmt>(st)) return true;
  for (const clang::Stmt* child : st->children())
    if (mayLeave(child)) return true;
  return false;
}

// Whether `e` reads field `f` at all (`buf_ = buf_.substr(3)` keeps part of it).
bool mentions(const clang::Stmt* e, const clang::FieldDecl* f) {
  if (!e) return false;
  if (const auto* m = llvm::dyn_cast<clang::MemberExpr>(e); m && m->getMemberDecl() == f) return true;
  for (const clang::Stmt* child : e->children())
    if (mentions(child, f)) return true;
  return false;
}

// The fields a body's top-level statements overwrite or empty before any statement
// that may leave it, in order: a field reset on every path through the function.
std::vector<Accessor::Reset> resets(const clang::FunctionDecl* fn, const clang::CompoundStmt* body,
                                    const std::function<bool(const clang::FunctionDecl*)>& empties,
                                    const AccessorIndex::Swapped& swapped) {
  std::vector<Accessor::Reset> out;
  for (const clang::Stmt* st : body->body()) {
    // An exchange of two fields (`line_.swap(o.line_)`): each holds only the other's.
    const auto* expr = llvm::dyn_cast<clang::Expr>(st);
    const auto* call = expr ? llvm::dyn_cast<clang::CallExpr>(expr->IgnoreImplicit()) : nullptr;
    if (call && swapped && !mayLeave(st)) {
      const std::vector<const clang::Expr*> sides = swapped(call);
      std::vector<Accessor::Reset> both;
      for (const clang::Expr* side : sides)
        if (auto field = fieldOfInput(side, fn)) both.push_back({field->first, std::move(field->second)});
      if (both.size() == 2) {
        out.insert(out.end(), both.begin(), both.end());
        continue;
      }
    }
    const clang::Expr *lhs = nullptr, *rhs = nullptr;
    std::optional<std::pair<unsigned, std::vector<const clang::FieldDecl*>>> field;
    if (const clang::Expr* object = emptied(st, empties)) field = fieldOfInput(object, fn);
    else if (assignment(st, lhs, rhs)) field = fieldOfInput(lhs, fn);
    if (mayLeave(st)) break;
    if (field && !mentions(rhs, field->second.back())) out.push_back({field->first, std::move(field->second)});
  }
  return out;
}

// The field of an input `e` names that the caller sees changed: of `this`, or of a
// parameter handed by pointer or reference (not a copy).
std::optional<Accessor::Reset> callerVisibleField(const clang::Expr* e, const clang::FunctionDecl* fn) {
  auto field = fieldOfInput(e, fn);
  if (!field) return std::nullopt;
  if (field->first != kThisParam) {
    if (field->first >= fn->getNumParams()) return std::nullopt;
    const clang::QualType type = fn->getParamDecl(field->first)->getType();
    if (!type->isPointerType() && !type->isReferenceType()) return std::nullopt;
  }
  return Accessor::Reset{field->first, std::move(field->second)};
}

// The field of an input statement `st` may store into, if any.
std::optional<Accessor::Reset> storedField(const clang::Stmt* st, const clang::FunctionDecl* fn) {
  const clang::Expr *lhs = nullptr, *rhs = nullptr;
  if (assignment(st, lhs, rhs)) return callerVisibleField(lhs, fn);
  if (const auto* op = llvm::dyn_cast<clang::UnaryOperator>(st); op && op->getOpcode() == clang::UO_AddrOf)
    return callerVisibleField(op->getSubExpr(), fn);
  // A non-const method of a member held by value (`sock_.connect(ep)`); through a
  // pointer member (`client_->send()`) the member itself is not changed.
  if (const auto* call = llvm::dyn_cast<clang::CXXMemberCallExpr>(st))
    if (const clang::CXXMethodDecl* m = call->getMethodDecl(); m && !m->isConst() && !m->isStatic())
      if (const clang::Expr* object = call->getImplicitObjectArgument(); !object->getType()->isPointerType())
        return callerVisibleField(object, fn);
  return std::nullopt;
}

// Walked with a work list, not recursion: a generated expression may nest thousands
// of levels deep.
void collectStores(const clang::Stmt* body, const clang::FunctionDecl* fn, std::vector<Accessor::Reset>& out) {
  llvm::SmallVector<const clang::Stmt*, 64> work{body};
  while (!work.empty()) {
    const clang::Stmt* st = work.pop_back_val();
    if (!st || llvm::isa<clang::LambdaExpr>(st)) continue;  // a lambda's body runs elsewhere
    if (auto field = storedField(st, fn)) {
      const auto same = [&](const Accessor::Reset& r) { return r.object == field->object && r.field == field->field; };
      if (std::none_of(out.begin(), out.end(), same)) out.push_back(std::move(*field));
    }
    const std::size_t first = work.size();
    for (const clang::Stmt* child : st->children()) work.push_back(child);
    std::reverse(work.begin() + first, work.end());  // in source order
  }
}

Accessor classify(const clang::FunctionDecl* fn, const std::function<bool(const clang::FunctionDecl*)>& empties,
                  const AccessorIndex::Swapped& swapped) {
  if (const auto* m = llvm::dyn_cast<clang::CXXMethodDecl>(fn);
      m && (m->isVirtual() || llvm::isa<clang::CXXConstructorDecl>(m)))
    return {};  // an override may do something else; constructors are handled as such
  const clang::FunctionDecl* def = nullptr;
  if (!fn->hasBody(def) || !def) return {};
  const auto* body = llvm::dyn_cast_or_null<clang::CompoundStmt>(def->getBody());
  if (!body || body->body_empty()) return {};
  Accessor a = getter(def, body);
  if (a.kind == Accessor::None) a = setter(def, body, empties);
  if (a.kind != Accessor::None) return a;
  a.resets = resets(def, body, empties, swapped);
  collectStores(body, def, a.mayStore);
  return a;
}

}  // namespace

std::string fieldPath(const std::vector<const clang::FieldDecl*>& chain) {
  std::string out;
  for (const clang::FieldDecl* f : chain) out += (out.empty() ? "" : ".") + f->getNameAsString();
  return out;
}

const Accessor& AccessorIndex::of(const clang::FunctionDecl* fn) {
  fn = fn->getCanonicalDecl();
  auto it = known_.find(fn);
  if (it != known_.end()) return it->second;
  return known_.emplace(fn, classify(fn, empties, swapped)).first->second;
}

}  // namespace egress
