// Constructors a factory call runs inside a library body (`std::make_shared<T>(...)`).
// Library bodies are not parsed, so a constructor of a class template's
// specialisation that only such a call uses is never instantiated by the compiler,
// and the scan would have no facts for what it stores (`Channel<Msg>(ctx, url)`
// connecting its socket). This pass instantiates them before functions are analysed.
#pragma once

namespace clang {
class ASTContext;
class CXXConstructorDecl;
class FunctionDecl;
class Sema;
}  // namespace clang

namespace egress {

class ApiCatalog;

// The program's constructor a factory call (a model with `constructs: true`) runs: a
// user-written constructor of the call's first template argument taking `argCount`
// arguments, the first declared one where several do (overloads differing only in
// types are rare for clients). Null if there is none.
const clang::CXXConstructorDecl* factoryConstructor(const clang::FunctionDecl* factory, unsigned argCount);

// Instantiates the body of every factory constructor the program's functions use that
// is a template instance without one. Returns how many were instantiated.
unsigned instantiateFactoryConstructors(clang::Sema& sema, clang::ASTContext& ast, ApiCatalog& apis);

}  // namespace egress
