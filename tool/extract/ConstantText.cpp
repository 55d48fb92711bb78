#include "extract/ConstantText.h"

#include <algorithm>

#include <clang/AST/APValue.h>
#include <clang/AST/ASTContext.h>
#include <clang/AST/Decl.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/Expr.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Lex/Lexer.h>
#include <llvm/Support/ConvertUTF.h>

namespace egress {

std::string literalText(const clang::StringLiteral* literal) {
  if (literal->getCharByteWidth() == 1) return literal->getString().str();
  std::string out;
  for (unsigned i = 0; i < literal->getLength(); ++i) {
    char utf8[UNI_MAX_UTF8_BYTES_PER_CODE_POINT];
    char* end = utf8;
    if (!llvm::ConvertCodePointToUTF8(literal->getCodeUnit(i), end)) continue;
    out.append(utf8, end);
  }
  return out;
}

namespace {

const clang::StringLiteral* firstLiteral(const clang::Stmt* s) {
  if (!s) return nullptr;
  if (const auto* literal = llvm::dyn_cast<clang::StringLiteral>(s)) return literal;
  for (const clang::Stmt* child : s->children())
    if (const clang::StringLiteral* found = firstLiteral(child)) return found;
  return nullptr;
}

}  // namespace

std::optional<std::string> literalMacroText(const clang::Expr* e, const clang::ASTContext& ast,
                                            const std::vector<std::string>& macros) {
  const clang::SourceLocation begin = e->getBeginLoc(), end = e->getEndLoc();
  if (macros.empty() || !begin.isMacroID() || !end.isMacroID()) return std::nullopt;
  const clang::SourceManager& sm = ast.getSourceManager();
  // Both ends inside one expansion: `QStringLiteral("a").arg(b)` is not the macro's.
  if (sm.getExpansionRange(begin).getBegin() != sm.getExpansionRange(end).getBegin()) return std::nullopt;
  const llvm::StringRef name = clang::Lexer::getImmediateMacroName(begin, sm, ast.getLangOpts());
  if (std::find(macros.begin(), macros.end(), name) == macros.end()) return std::nullopt;
  if (const clang::StringLiteral* literal = firstLiteral(e)) return literalText(literal);
  return std::nullopt;
}

namespace {

// A pointer into a string literal (or a constant character array): its text from
// the pointed-at character on, `length` characters or up to the terminator.
std::optional<std::string> pointedText(const clang::APValue& pointer, std::optional<uint64_t> length) {
  if (!pointer.isLValue() || pointer.isNullPointer()) return std::nullopt;
  const clang::APValue::LValueBase base = pointer.getLValueBase();
  const clang::StringLiteral* literal = nullptr;
  if (const auto* e = base.dyn_cast<const clang::Expr*>()) literal = llvm::dyn_cast<clang::StringLiteral>(e);
  else if (const auto* d = base.dyn_cast<const clang::ValueDecl*>())
    if (const auto* var = llvm::dyn_cast<clang::VarDecl>(d); var && var->getInit())
      literal = llvm::dyn_cast<clang::StringLiteral>(var->getInit()->IgnoreParenImpCasts());
  if (!literal || literal->getCharByteWidth() != 1) return std::nullopt;
  const llvm::StringRef bytes = literal->getBytes();
  const int64_t offset = pointer.getLValueOffset().getQuantity();
  if (offset < 0 || static_cast<uint64_t>(offset) > bytes.size()) return std::nullopt;
  llvm::StringRef rest = bytes.drop_front(offset);
  if (length) {
    if (*length > rest.size()) return std::nullopt;
    return rest.take_front(*length).str();
  }
  return rest.take_until([](char c) { return c == '\0'; }).str();
}

// A record holding one pointer to characters and one length (`std::string_view`,
// `llvm::StringRef`, a hand-written span of text).
std::optional<std::string> viewText(const clang::APValue& value, clang::QualType type) {
  const auto* record = type->getAsCXXRecordDecl();
  if (!value.isStruct() || !record || value.getStructNumBases() != 0) return std::nullopt;
  std::optional<clang::APValue> pointer;
  std::optional<uint64_t> length;
  unsigned i = 0;
  for (const clang::FieldDecl* field : record->fields()) {
    if (i >= value.getStructNumFields()) return std::nullopt;
    const clang::APValue& f = value.getStructField(i++);
    const clang::QualType t = field->getType();
    if (t->isPointerType() && t->getPointeeType()->isAnyCharacterType()) pointer = f;
    else if (t->isIntegerType() && f.isInt()) length = f.getInt().getZExtValue();
  }
  if (!pointer || !length || i != value.getStructNumFields()) return std::nullopt;
  return pointedText(*pointer, length);
}

// Worth asking the evaluator: text by pointer, or a record named like a view of
// text (`string_view`, `StringRef`, `str_span`); other constexpr calls (sizes,
// points, flags) are left alone, as evaluating each has a cost.
bool returnsText(clang::QualType type) {
  type = type.getCanonicalType();
  if (type->isPointerType()) return type->getPointeeType()->isCharType();
  const auto* record = type->getAsCXXRecordDecl();
  if (!record || !record->getIdentifier()) return false;
  const llvm::StringRef name = record->getName();
  return name.contains_insensitive("view") || name.contains_insensitive("str");
}

}  // namespace

std::optional<std::string> constantText(const clang::CallExpr* call, const clang::ASTContext& ast) {
  const clang::FunctionDecl* callee = call->getDirectCallee();
  if (!callee || !callee->isConstexpr() || call->isValueDependent() || !returnsText(call->getType()))
    return std::nullopt;
  clang::Expr::EvalResult result;
  if (!call->EvaluateAsRValue(result, ast) || result.HasSideEffects) return std::nullopt;
  if (result.Val.isLValue()) return pointedText(result.Val, std::nullopt);
  return viewText(result.Val, call->getType());
}

}  // namespace egress
