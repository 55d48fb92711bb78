#include "extract/FieldFunctions.h"

#include <algorithm>

#include <clang/AST/ASTContext.h>
#include <clang/AST/Decl.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/Expr.h>

#include "extract/Names.h"

namespace egress {
namespace {

// "record USR::name" for a function-pointer field of one of the program's records.
std::string functionFieldKey(const clang::ASTContext& ast, const clang::FieldDecl* field) {
  if (!field || !field->getType()->isFunctionPointerType()) return "";
  const clang::RecordDecl* owner = field->getParent();
  if (isSystemRecord(ast, owner)) return "";
  return usrOf(owner) + "::" + field->getNameAsString();
}

// The function an expression names (`redis_emit`, `&redis_emit`, a cast of either).
const clang::FunctionDecl* namedFunction(const clang::Expr* e) {
  if (!e) return nullptr;
  e = e->IgnoreParenCasts();
  if (const auto* u = llvm::dyn_cast<clang::UnaryOperator>(e); u && u->getOpcode() == clang::UO_AddrOf)
    e = u->getSubExpr()->IgnoreParenCasts();
  const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(e);
  return ref ? llvm::dyn_cast<clang::FunctionDecl>(ref->getDecl()) : nullptr;
}

void add(FieldFunctions& out, const std::string& key, const clang::FunctionDecl* fn) {
  if (key.empty() || !fn) return;
  std::vector<std::string>& fns = out[key];
  const std::string usr = usrOf(fn);
  if (std::find(fns.begin(), fns.end(), usr) == fns.end()) fns.push_back(usr);
}

}  // namespace

std::string calledFieldKey(const clang::ASTContext& ast, const clang::Expr* callee) {
  const clang::Expr* e = callee->IgnoreParenImpCasts();
  if (const auto* u = llvm::dyn_cast<clang::UnaryOperator>(e); u && u->getOpcode() == clang::UO_Deref)
    e = u->getSubExpr()->IgnoreParenImpCasts();
  const auto* member = llvm::dyn_cast<clang::MemberExpr>(e);
  return member ? functionFieldKey(ast, llvm::dyn_cast<clang::FieldDecl>(member->getMemberDecl())) : "";
}

void addStoredFunctions(const clang::ASTContext& ast, const clang::InitListExpr* init, FieldFunctions& out) {
  // The semantic form has the fields in order (designators applied); the visitor
  // may reach either form, and storing twice adds nothing.
  if (!init->isSemanticForm() && init->getSemanticForm()) init = init->getSemanticForm();
  const clang::RecordDecl* record = init->getType()->getAsRecordDecl();
  if (!record || isSystemRecord(ast, record)) return;
  if (record->isUnion()) {
    if (const clang::FieldDecl* field = init->getInitializedFieldInUnion(); field && init->getNumInits() == 1)
      add(out, functionFieldKey(ast, field), namedFunction(init->getInit(0)));
    return;
  }
  unsigned i = 0;  // C++17 aggregates initialise their bases first
  if (const auto* cxx = llvm::dyn_cast<clang::CXXRecordDecl>(record)) i = cxx->getNumBases();
  for (const clang::FieldDecl* field : record->fields()) {
    if (i >= init->getNumInits()) break;
    add(out, functionFieldKey(ast, field), namedFunction(init->getInit(i++)));
  }
}

void addStoredFunction(const clang::ASTContext& ast, const clang::BinaryOperator* assign, FieldFunctions& out) {
  if (assign->getOpcode() != clang::BO_Assign) return;
  const auto* member = llvm::dyn_cast<clang::MemberExpr>(assign->getLHS()->IgnoreParenImpCasts());
  if (!member) return;
  add(out, functionFieldKey(ast, llvm::dyn_cast<clang::FieldDecl>(member->getMemberDecl())),
      namedFunction(assign->getRHS()));
}

}  // namespace egress
