#include "rules/Pattern.h"

#include <llvm/Support/Regex.h>

namespace egress {
namespace {

constexpr std::size_t kMaxPatternLength = 4096;
constexpr unsigned kMaxNesting = 32;

// \d \w \s (and \D \W \S) as bracket expressions; other escapes stay as written.
std::optional<std::string> toPosix(const std::string& text, std::string& error) {
  std::string out;
  unsigned depth = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' && i + 1 < text.size()) {
      const char e = text[++i];
      switch (e) {
        case 'd': out += "[0-9]"; break;
        case 'D': out += "[^0-9]"; break;
        case 'w': out += "[A-Za-z0-9_]"; break;
        case 'W': out += "[^A-Za-z0-9_]"; break;
        case 's': out += "[[:space:]]"; break;
        case 'S': out += "[^[:space:]]"; break;
        case 'b': case 'B': case 'k': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8':
        case '9':
          error = std::string("'\\") + e + "' (word boundaries and back-references) is not supported";
          return std::nullopt;
        default: out += c; out += e;
      }
      continue;
    }
    if (c == '(' && i + 1 < text.size() && text[i + 1] == '?') {
      error = "'(?' (lookaround, non-capturing or flag groups) is not supported; use a plain group, or 'is-not'/'type-not' for a negation";
      return std::nullopt;
    }
    if ((c == '*' || c == '+' || c == '?' || c == '}') && i + 1 < text.size() && text[i + 1] == '?' && c != '?') {
      error = "lazy quantifiers ('*?', '+?') are not supported";
      return std::nullopt;
    }
    if (c == '(' && ++depth > kMaxNesting) {
      error = "groups nested more than " + std::to_string(kMaxNesting) + " deep";
      return std::nullopt;
    }
    if (c == ')' && depth > 0) --depth;
    out += c;
  }
  return out;
}

}  // namespace

bool Pattern::matches(llvm::StringRef s) const { return re && re->match(s); }

std::optional<Pattern> compilePattern(const std::string& text, bool ignoreCase, std::string& error) {
  if (text.size() > kMaxPatternLength) {
    error = "longer than " + std::to_string(kMaxPatternLength) + " characters";
    return std::nullopt;
  }
  auto posix = toPosix(text, error);
  if (!posix) return std::nullopt;
  unsigned flags = llvm::Regex::NoFlags;
  if (ignoreCase) flags |= llvm::Regex::IgnoreCase;
  auto re = std::make_shared<llvm::Regex>("^(" + *posix + ")$", flags);
  std::string why;
  if (!re->isValid(why)) {
    error = why;
    return std::nullopt;
  }
  return Pattern{text, std::move(re)};
}

}  // namespace egress
