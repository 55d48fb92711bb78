#include "rules/Pattern.h"

#include <algorithm>

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
        case 'b':
        case 'B':
        case 'k':
        case '1':
        case '2':
        case '3':
        case '4':
        case '5':
        case '6':
        case '7':
        case '8':
        case '9':
          error = std::string("'\\") + e + "' (word boundaries and back-references) is not supported";
          return std::nullopt;
        default: out += c; out += e;
      }
      continue;
    }
    if (c == '(' && i + 1 < text.size() && text[i + 1] == '?') {
      error = "'(?' (lookaround, non-capturing or flag groups) is not supported; use a plain group, or "
              "'is-not'/'type-not' for a negation";
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

// The `]` closing the bracket expression that opens at `open`, or npos. A `]` first
// in the list (after an optional `^`) is a member, and [:digit:], [=e=] and [.ch.]
// hold brackets of their own.
std::size_t closingBracket(llvm::StringRef re, std::size_t open) {
  std::size_t i = open + 1;
  if (i < re.size() && re[i] == '^') ++i;
  if (i < re.size() && re[i] == ']') ++i;
  for (; i < re.size(); ++i) {
    const bool inner = re[i] == '[' && i + 1 < re.size() && llvm::StringRef(":=.").contains(re[i + 1]);
    if (inner) {
      i = re.find(std::string{re[i + 1], ']'}, i + 2);
      if (i == llvm::StringRef::npos) return i;
      ++i;  // at the inner `]`
      continue;
    }
    if (re[i] == ']') return i;
  }
  return llvm::StringRef::npos;
}

// The end of the group that opens at `open`, or npos.
std::size_t closingParen(llvm::StringRef re, std::size_t open) {
  unsigned depth = 0;
  for (std::size_t i = open; i < re.size(); ++i) {
    if (re[i] == '\\') {
      ++i;
      continue;
    }
    if (re[i] == '[') {  // a bracket expression may hold parentheses
      const std::size_t close = closingBracket(re, i);
      if (close == llvm::StringRef::npos) return close;
      i = close;
      continue;
    }
    if (re[i] == '(') ++depth;
    if (re[i] == ')' && --depth == 0) return i;
  }
  return llvm::StringRef::npos;
}

// The top-level alternatives of `re`.
std::vector<llvm::StringRef> alternatives(llvm::StringRef re) {
  std::vector<llvm::StringRef> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i < re.size(); ++i) {
    if (re[i] == '\\') {
      ++i;
    } else if (re[i] == '(' || re[i] == '[') {
      const std::size_t close = re[i] == '(' ? closingParen(re, i) : closingBracket(re, i);
      if (close == llvm::StringRef::npos) return {};
      i = close;
    } else if (re[i] == '|') {
      out.push_back(re.slice(start, i));
      start = i + 1;
    }
  }
  out.push_back(re.substr(start));
  return out;
}

bool quantified(llvm::StringRef re, std::size_t after, bool allowsZero) {
  if (after >= re.size()) return false;
  const char q = re[after];
  if (q == '?' || q == '*') return true;
  if (q == '{') return allowsZero ? re.substr(after).starts_with("{0") : true;
  return q == '+' && !allowsZero;
}

// For one alternative: the best requirement among its literal runs and mandatory groups.
std::vector<std::string> requiredInSequence(llvm::StringRef re) {
  std::vector<std::string> best;
  std::string run;
  const auto offer = [&](std::vector<std::string> candidate) {
    if (candidate.empty()) return;
    std::size_t shortest = std::string::npos;
    for (const auto& c : candidate) shortest = std::min(shortest, c.size());
    std::size_t bestShortest = std::string::npos;
    for (const auto& c : best) bestShortest = std::min(bestShortest, c.size());
    if (best.empty() || shortest > bestShortest) best = std::move(candidate);
  };
  const auto endRun = [&] {
    if (!run.empty()) offer({run});
    run.clear();
  };
  for (std::size_t i = 0; i < re.size(); ++i) {
    const char c = re[i];
    if (c == '(') {
      const std::size_t close = closingParen(re, i);
      if (close == llvm::StringRef::npos) return {};
      endRun();
      if (!quantified(re, close + 1, true)) offer(requiredLiterals(re.slice(i + 1, close)));
      i = close;
      continue;
    }
    if (c == '[' || c == '.' || c == '^' || c == '$') {
      endRun();
      if (c == '[') {
        const std::size_t close = closingBracket(re, i);
        if (close == llvm::StringRef::npos) return {};
        i = close;
      }
      continue;
    }
    if (c == '?' || c == '*' || c == '+' || c == '{') {  // the previous character may vanish or repeat
      if (!run.empty()) run.pop_back();
      endRun();
      if (c == '{') i = std::min(re.size() - 1, re.find('}', i));
      continue;
    }
    std::string ch(1, c);
    if (c == '\\' && i + 1 < re.size()) ch = std::string(1, re[++i]);
    if (quantified(re, i + 1, true) || (i + 1 < re.size() && re[i + 1] == '+')) {
      endRun();
      continue;
    }
    run += ch;
  }
  endRun();
  return best;
}

}  // namespace

std::vector<std::string> requiredLiterals(llvm::StringRef re) {
  std::vector<std::string> out;
  for (llvm::StringRef alt : alternatives(re)) {
    std::vector<std::string> need = requiredInSequence(alt);
    if (need.empty()) return {};  // this alternative needs nothing literal
    out.insert(out.end(), need.begin(), need.end());
  }
  return out;
}

bool Pattern::matches(llvm::StringRef s) const {
  if (!re) return false;
  const auto has = [&](const std::string& lit) { return ignoreCase ? s.contains_insensitive(lit) : s.contains(lit); };
  if (!anyOf.empty() && std::none_of(anyOf.begin(), anyOf.end(), has)) return false;
  return re->match(s);
}

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
  std::vector<std::string> literals = requiredLiterals(*posix);
  if (ignoreCase)
    for (std::string& lit : literals) lit = llvm::StringRef(lit).lower();
  return Pattern{text, std::move(re), std::move(literals), ignoreCase};
}

}  // namespace egress
