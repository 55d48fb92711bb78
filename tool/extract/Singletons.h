// Singletons: a class only its own members can construct and which hands its one
// object out through a static accessor (`static Depot& get()`, `static Relay*
// instance()`; a pointer-returning one named for the object, not `create()`). Every reference or pointer of such a
// class names that object, so a member `Depot& depot_` read in a listener nobody traceably built is the object main
// configured.
#pragma once

namespace clang {
class CXXRecordDecl;
class Expr;
}  // namespace clang

namespace egress {

bool isSingletonClass(const clang::CXXRecordDecl* record);

// The singleton class whose object `e` denotes: a glvalue of the class, or a pointer
// value of it. Null for anything else, and for `this` or `*this`: inside the class's
// own members the object stays the `this` parameter its callers bind.
const clang::CXXRecordDecl* singletonObjectOf(const clang::Expr* e);

}  // namespace egress
