// Regular expressions from rules files. POSIX extended syntax (llvm::Regex: no
// backtracking, no recursion on the matched text), plus the classes \d \w \s and
// their negations; a pattern matches the whole text.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <llvm/ADT/StringRef.h>

namespace llvm {
class Regex;
}

namespace egress {

struct Pattern {
  std::string text;  // as written in the rules
  std::shared_ptr<const llvm::Regex> re;
  // Literal texts of which every match contains at least one (empty: no filter):
  // a cheap test that spares the regex for most names. Lower case, and looked for
  // regardless of case, when the pattern ignores case.
  std::vector<std::string> anyOf;
  bool ignoreCase = false;

  bool matches(llvm::StringRef s) const;
};

// The literals of which every match of `posixRegex` contains one, or none when no
// such set is evident (an optional part, a class, a wildcard at the top).
std::vector<std::string> requiredLiterals(llvm::StringRef posixRegex);

// Compiles `text`, or explains in `error` why it is not accepted: too long, nested
// too deeply, a construct POSIX regexes lack (lookahead, lazy quantifiers), or a
// syntax error.
std::optional<Pattern> compilePattern(const std::string& text, bool ignoreCase, std::string& error);

}  // namespace egress
