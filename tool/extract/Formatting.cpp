// Format strings filled with their arguments' values (printf and fmt styles): the
// text a formatted URL or payload becomes.
#include <algorithm>
#include <cstring>

#include <clang/AST/Expr.h>
#include <llvm/ADT/StringExtras.h>

#include "extract/FunctionAnalyzer.h"
#include "facts/TaintOps.h"

namespace egress {

// The value of an argument as text for formatting: its string value, or the literal
// number it is.
StrVal FunctionAnalyzer::formatArg(const clang::Expr* e, const State& s) {
  const clang::Expr* bare = e->IgnoreParenImpCasts();
  if (const auto* i = llvm::dyn_cast<clang::IntegerLiteral>(bare))
    return constStr(llvm::toString(i->getValue(), 10, false));
  const AbsVal v = eval(e, s);
  return v.str.known() ? v.str : StrVal{{{StrPiece::Unknown, "", 0}}};
}

// A format string with constant text filled with its arguments' values:
// snprintf(buf, n, "https://%s/api", host), fmt::format("{}/v1", base).
StrVal FunctionAnalyzer::formatted(const CallView& call, unsigned formatArgIndex, bool braces, const State& s) {
  if (formatArgIndex >= call.args.size()) return {};
  const StrVal fmt = eval(call.args[formatArgIndex], s).str;
  if (fmt.pieces.size() != 1 || fmt.pieces[0].kind != StrPiece::Const) return {};
  const std::string& text = fmt.pieces[0].text;
  std::vector<StrVal> parts;
  std::string literal;
  std::size_t next = formatArgIndex + 1;
  const auto takeArg = [&](std::size_t index) {
    parts.push_back(constStr(literal));
    literal.clear();
    parts.push_back(index < call.args.size() ? formatArg(call.args[index], s) : StrVal{{{StrPiece::Unknown, "", 0}}});
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (!braces && c == '%') {
      if (i + 1 < text.size() && text[i + 1] == '%') {
        literal += '%';
        ++i;
        continue;
      }
      std::size_t j = i + 1;
      while (j < text.size() && std::strchr("-+ #0123456789.*hlLqjzt", text[j])) {
        if (text[j] == '*') ++next;  // a width or precision argument
        ++j;
      }
      takeArg(next++);
      i = j;
    } else if (braces && c == '{') {
      if (i + 1 < text.size() && text[i + 1] == '{') {
        literal += '{';
        ++i;
        continue;
      }
      const std::size_t close = text.find('}', i);
      if (close == std::string::npos) break;
      const std::string spec = text.substr(i + 1, close - i - 1);
      const std::string pos = spec.substr(0, spec.find(':'));
      const bool positional = !pos.empty() && std::all_of(pos.begin(), pos.end(), ::isdigit);
      takeArg(positional ? formatArgIndex + 1 + std::stoul(pos) : next++);
      i = close;
    } else if (braces && c == '}' && i + 1 < text.size() && text[i + 1] == '}') {
      literal += '}';
      ++i;
    } else {
      literal += c;
    }
  }
  parts.push_back(constStr(literal));
  return concatAll(parts);
}

}  // namespace egress
