#include "extract/FactoryInstances.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Sema/Sema.h>
#include <vector>

#include "extract/ApiCatalog.h"

namespace egress {

namespace {

// The type a factory call builds (its first template argument).
clang::QualType builtType(const clang::FunctionDecl* factory) {
  const clang::TemplateArgumentList* targs = factory->getTemplateSpecializationArgs();
  if (!targs || targs->size() == 0 || targs->get(0).getKind() != clang::TemplateArgument::Type) return {};
  return targs->get(0).getAsType();
}

}  // namespace

const clang::CXXConstructorDecl* factoryConstructor(const clang::FunctionDecl* factory, unsigned argCount) {
  const clang::QualType type = builtType(factory);
  const clang::CXXRecordDecl* rd = type.isNull() ? nullptr : type->getAsCXXRecordDecl();
  if (!rd || !rd->hasDefinition()) return nullptr;
  for (const clang::CXXConstructorDecl* c : rd->getDefinition()->ctors())
    if (c->isUserProvided() && !c->isCopyOrMoveConstructor() && c->getMinRequiredArguments() <= argCount &&
        c->getNumParams() >= argCount)
      return c;
  return nullptr;
}

namespace {

struct FactoryCall {
  clang::SourceLocation at;
  const clang::FunctionDecl* factory;
  unsigned argCount;
};

// Collects the factory calls of the program's own functions that build a class
// template's specialisation. They are acted on after the walk: completing a class
// adds to the AST being walked.
class FactoryCallFinder : public clang::RecursiveASTVisitor<FactoryCallFinder> {
 public:
  FactoryCallFinder(const clang::SourceManager& sm, ApiCatalog& apis) : sm_(sm), apis_(apis) {}

  bool shouldVisitTemplateInstantiations() const { return true; }

  bool TraverseDecl(clang::Decl* d) {
    if (d && llvm::isa<clang::FunctionDecl>(d) && sm_.isInSystemHeader(d->getLocation())) return true;
    return clang::RecursiveASTVisitor<FactoryCallFinder>::TraverseDecl(d);
  }

  bool VisitCallExpr(clang::CallExpr* call) {
    const clang::FunctionDecl* callee = call->getDirectCallee();
    if (!callee || !constructs(callee)) return true;
    const clang::QualType type = builtType(callee);
    const auto* spec = type.isNull()
                           ? nullptr
                           : llvm::dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(type->getAsCXXRecordDecl());
    if (!spec || sm_.isInSystemHeader(spec->getSpecializedTemplate()->getLocation())) return true;
    calls.push_back({call->getBeginLoc(), callee, call->getNumArgs()});
    return true;
  }

  std::vector<FactoryCall> calls;

 private:
  bool constructs(const clang::FunctionDecl* callee) {
    for (const ApiModel* m : apis_.modelsFor(callee))
      if (m->constructs) return true;
    return false;
  }

  const clang::SourceManager& sm_;
  ApiCatalog& apis_;
};

}  // namespace

unsigned instantiateFactoryConstructors(clang::Sema& sema, clang::ASTContext& ast, ApiCatalog& apis) {
  // Instantiating a broken program's templates only adds to its errors.
  if (ast.getDiagnostics().hasErrorOccurred()) return 0;
  FactoryCallFinder finder(ast.getSourceManager(), apis);
  finder.TraverseDecl(ast.getTranslationUnitDecl());
  // The constructor is picked by its number of parameters: one that does not fit
  // these template arguments would report errors the compiler never would. Those
  // are not the program's: they are suppressed, and such a constructor is invalid
  // and skipped by the analysis.
  clang::DiagnosticsEngine& diags = ast.getDiagnostics();
  const bool suppressed = diags.getSuppressAllDiagnostics();
  diags.setSuppressAllDiagnostics(true);
  unsigned instantiated = 0;
  for (const FactoryCall& call : finder.calls) {
    // `shared_ptr<Channel<Msg>>` members never needed the class complete.
    if (!sema.isCompleteType(call.at, builtType(call.factory))) continue;
    auto* ctor = const_cast<clang::CXXConstructorDecl*>(factoryConstructor(call.factory, call.argCount));
    if (!ctor || ctor->hasBody() || ctor->isInvalidDecl() || !ctor->getTemplateInstantiationPattern()) continue;
    sema.InstantiateFunctionDefinition(call.at, ctor, /*Recursive=*/true, /*DefinitionRequired=*/false,
                                       /*AtEndOfTU=*/true);
    ++instantiated;
  }
  if (instantiated) sema.PerformPendingInstantiations();
  diags.setSuppressAllDiagnostics(suppressed);
  return instantiated;
}

}  // namespace egress
