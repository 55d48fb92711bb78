// Text Clang's own constant evaluator can compute: a call of a constexpr function
// with constant arguments (`region_host(Region::Germany)` indexing a constexpr
// `std::array<std::string_view, N>`) gives its characters, whatever the function
// does inside.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class CallExpr;
class Expr;
class StringLiteral;
}  // namespace clang

namespace egress {

// A string literal's text in UTF-8, whatever its character width (`u"..."`, which
// Qt's QStringLiteral expands to, or `L"..."`).
std::string literalText(const clang::StringLiteral* literal);

// The text of a call that is wholly one expansion of a macro in `macros`
// (`QStringLiteral("https://%1")`): the string literal it was given.
std::optional<std::string> literalMacroText(const clang::Expr* e, const clang::ASTContext& ast,
                                            const std::vector<std::string>& macros);

// The text a call of a constexpr function returns (a `const char*` or a
// string-view-like record of a pointer and a length), when its arguments are
// constants; nothing otherwise.
std::optional<std::string> constantText(const clang::CallExpr* call, const clang::ASTContext& ast);

}  // namespace egress
