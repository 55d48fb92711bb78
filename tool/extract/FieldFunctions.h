// Functions the program stores in function-pointer fields of its own records, by
// field: what a call through such a field (`bc->drv->emit(...)`) may run where
// nothing else says what the pointer holds (a driver chosen at start-up, kept in a
// heap object). Only the AST: no analysis state.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class BinaryOperator;
class Expr;
class InitListExpr;
}  // namespace clang

namespace egress {

// Field key ("record USR::name") -> the USRs of the functions stored there.
using FieldFunctions = std::map<std::string, std::vector<std::string>>;

// The key of the function-pointer field a call's callee expression reads
// (`d->emit`, `(*ops.send)`); empty for any other callee.
std::string calledFieldKey(const clang::ASTContext& ast, const clang::Expr* callee);

// The functions an initializer of a record stores in its function-pointer fields
// (`{"redis", redis_open, redis_emit}`, `{.emit = jsonl_emit}`).
void addStoredFunctions(const clang::ASTContext& ast, const clang::InitListExpr* init, FieldFunctions& out);

// The function an assignment stores in such a field (`d->emit = &redis_emit`).
void addStoredFunction(const clang::ASTContext& ast, const clang::BinaryOperator* assign, FieldFunctions& out);

}  // namespace egress
