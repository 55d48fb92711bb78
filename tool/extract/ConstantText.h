// Text Clang's own constant evaluator can compute: a call of a constexpr function
// with constant arguments (`region_host(Region::Germany)` indexing a constexpr
// `std::array<std::string_view, N>`) gives its characters, whatever the function
// does inside.
#pragma once

#include <optional>
#include <string>

namespace clang {
class ASTContext;
class CallExpr;
}  // namespace clang

namespace egress {

// The text a call of a constexpr function returns (a `const char*` or a
// string-view-like record of a pointer and a length), when its arguments are
// constants; nothing otherwise.
std::optional<std::string> constantText(const clang::CallExpr* call, const clang::ASTContext& ast);

}  // namespace egress
