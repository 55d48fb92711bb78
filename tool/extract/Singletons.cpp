#include "extract/Singletons.h"

#include <clang/AST/DeclCXX.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>

#include <string>

namespace egress {
namespace {

// Only the class itself (and its friends) can make an object: it declares a
// constructor and none but copies and moves is public and usable.
bool constructedOnlyByItself(const clang::CXXRecordDecl* record) {
  if (!record->hasUserDeclaredConstructor()) return false;
  for (const clang::CXXConstructorDecl* ctor : record->ctors()) {
    if (ctor->isCopyOrMoveConstructor()) continue;
    if (ctor->getAccess() == clang::AS_public && !ctor->isDeleted()) return false;
  }
  return true;
}

// A pointer-returning accessor named for the one object (`instance()`,
// `get_current()`), not a factory making a new one each call (`create()`).
bool namesTheOneObject(const clang::CXXMethodDecl* method) {
  if (!method->getIdentifier()) return false;
  const std::string name = method->getName().lower();
  for (const char* maker : {"create", "make", "new", "build", "clone", "alloc", "spawn", "open"})
    if (name.find(maker) != std::string::npos) return false;
  for (const char* one : {"instance", "get", "shared", "default", "current", "singleton", "global", "the"})
    if (name.find(one) != std::string::npos) return true;
  return false;
}

// `static T& get()` or `static T* instance()`: no parameters, the class itself.
bool handsOutItself(const clang::CXXRecordDecl* record) {
  for (const clang::CXXMethodDecl* method : record->methods()) {
    if (!method->isStatic() || method->getNumParams() != 0) continue;
    const clang::QualType result = method->getReturnType();
    if (!result->isReferenceType() && !(result->isPointerType() && namesTheOneObject(method))) continue;
    const clang::CXXRecordDecl* of = result->getPointeeCXXRecordDecl();
    if (of && of->getCanonicalDecl() == record->getCanonicalDecl()) return true;
  }
  return false;
}

bool isThisObject(const clang::Expr* e) {
  e = e->IgnoreParenImpCasts();
  if (const auto* deref = llvm::dyn_cast<clang::UnaryOperator>(e); deref && deref->getOpcode() == clang::UO_Deref)
    e = deref->getSubExpr()->IgnoreParenImpCasts();
  return llvm::isa<clang::CXXThisExpr>(e);
}

}  // namespace

bool isSingletonClass(const clang::CXXRecordDecl* record) {
  if (!record || !record->hasDefinition()) return false;
  record = record->getDefinition();
  if (record->isUnion() || record->isDependentType() || record->isAbstract()) return false;
  return constructedOnlyByItself(record) && handsOutItself(record);
}

const clang::CXXRecordDecl* singletonObjectOf(const clang::Expr* e) {
  if (!e || e->isTypeDependent()) return nullptr;
  const clang::QualType type = e->getType();
  const clang::CXXRecordDecl* record = nullptr;
  if (e->isGLValue()) record = type->getAsCXXRecordDecl();
  else if (type->isPointerType()) record = type->getPointeeCXXRecordDecl();
  if (!record || !isSingletonClass(record) || isThisObject(e)) return nullptr;
  return record->getDefinition();
}

}  // namespace egress
