// How the engine names and sorts Clang declarations and types: canonical qualified
// names (no inline namespaces, no template arguments) match the rules' `name:` regexes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <clang/AST/Type.h>

namespace clang {
class ASTContext;
class FileManager;
class CXXRecordDecl;
class Decl;
class Expr;
class LambdaCapture;
class LambdaExpr;
class NamedDecl;
class RecordDecl;
class SourceManager;
class Stmt;
}  // namespace clang

namespace egress {

struct SourceLoc;

// "std::basic_string::append", "nlohmann::basic_json::dump", "curl_easy_setopt".
std::string canonicalName(const clang::NamedDecl* decl);
// Canonical name of a type's record or, for other types, its printed form.
std::string canonicalTypeName(clang::QualType type);
std::string usrOf(const clang::Decl* decl);
// The functions calling a lambda runs: its call operator, or for a generic lambda
// (`[&](const auto&... f) {...}`) each instantiation of it the program makes.
std::vector<std::string> callOperatorUsrs(const clang::LambdaExpr* lambda);
// The closure field a lambda's capture is kept in: the variable's name, or "this"
// for the enclosing object (`[this]`, `[&]` using a member); none for others.
std::optional<std::string> captureField(const clang::LambdaCapture& capture);
// A record's name; for `typedef struct { ... } shipment_t;` the typedef's.
std::string recordName(const clang::RecordDecl* record);

bool isStringLike(clang::QualType type);
// A handle: a trivially copyable class holding a pointer (`pugi::xml_node`), not of
// the standard library. It owns nothing, so a copy refers to what the original
// does: writes through it reach that.
bool isHandleType(clang::QualType type);
bool isContainerLike(const clang::CXXRecordDecl* record);
// std::unique_ptr or std::shared_ptr: what it manages is one object, its own.
bool isSmartPointer(clang::QualType type);
// `derived` is `base` or a class derived from it. False where either has no
// definition (a specialisation never instantiated has no bases to walk).
bool derivesFrom(const clang::CXXRecordDecl* derived, const clang::CXXRecordDecl* base);
// Numbers, booleans, enums and void carry no record data when they are a call's
// result (returned by value: a reference names an element of what was passed).
bool isScalarResult(clang::QualType type);
// What a model's `when: {is: ...}` matches of an argument: a name, a literal's bytes
// or digits; empty for anything else.
std::string modelSpelling(const clang::Expr* e);
// The field name element `index` of a library aggregate is tracked under: a pair's
// `first`/`second`, else `#N` (a tuple's elements are not named fields).
std::string elementName(const clang::RecordDecl* record, unsigned index);
// A record declared in a system header (a library type); false for null.
bool isSystemRecord(const clang::ASTContext& ast, const clang::RecordDecl* rd);
// How many elements a library aggregate has: 2 for a pair, a tuple's type count.
unsigned elementCount(const clang::RecordDecl* record);
// The position of the element of type `type` in a pair or tuple (`std::get<int>`),
// when exactly one element has that type.
std::optional<unsigned> elementIndexOfType(const clang::RecordDecl* record, clang::QualType type);
// An iterator, or a pair whose first member is one (what `insert` returns).
bool isPositionType(clang::QualType type);
// A container whose elements are pairs or tuples (a map's entries, a vector of
// rows): its `value_type` is a std::pair or std::tuple.
bool hasPartedElements(clang::QualType container);
// The std::pair or std::tuple record a container's elements are, else null.
const clang::RecordDecl* partedElementOf(clang::QualType container);
// A library tuple or pair of references (what std::tie returns).
bool holdsReferences(clang::QualType aggregate);
// The first template argument of a library template record when it is a type
// (std::vector<Visit> -> Visit, std::unique_ptr<Client> -> Client); else null.
clang::QualType firstTypeArgument(const clang::RecordDecl* record);

// A file name as the SourceManager has it, made absolute against the TU's compile
// directory.
std::string absolutePath(const clang::FileManager& files, llvm::StringRef name);
// File location (expansion point for macros), with the file made relative to `root`.
SourceLoc sourceLoc(const clang::SourceManager& sm, clang::SourceLocation loc, const std::string& root);
std::string sourceText(const clang::ASTContext& ctx, const clang::Stmt* stmt);

}  // namespace egress
