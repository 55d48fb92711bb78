// Regular expressions from rules files. POSIX extended syntax (llvm::Regex: no
// backtracking, no recursion on the matched text), plus the classes \d \w \s and
// their negations; a pattern matches the whole text.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include <llvm/ADT/StringRef.h>

namespace llvm {
class Regex;
}

namespace egress {

struct Pattern {
  std::string text;  // as written in the rules
  std::shared_ptr<const llvm::Regex> re;

  bool matches(llvm::StringRef s) const;
};

// Compiles `text`, or explains in `error` why it is not accepted: too long, nested
// too deeply, a construct POSIX regexes lack (lookahead, lazy quantifiers), or a
// syntax error.
std::optional<Pattern> compilePattern(const std::string& text, bool ignoreCase, std::string& error);

}  // namespace egress
