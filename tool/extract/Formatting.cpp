// Format strings filled with their arguments' values (printf, fmt and Qt's numbered
// styles): the text a formatted URL or payload becomes.
#include <algorithm>
#include <cctype>
#include <cstring>
#include <optional>

#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <llvm/ADT/StringExtras.h>

#include "extract/FunctionAnalyzer.h"
#include "facts/TaintOps.h"

namespace egress {
namespace {

// A numbered placeholder at `text[i]`: `%N` or `%LN`, N from 1 to 99 (Qt's
// QString::arg), or `%N%` (Boost.Format). Its number and length.
std::optional<std::pair<unsigned, std::size_t>> placeholderAt(const std::string& text, std::size_t i) {
  if (text[i] != '%') return std::nullopt;
  std::size_t j = i + 1;
  if (j < text.size() && text[j] == 'L') ++j;
  unsigned number = 0;
  std::size_t digits = 0;
  for (; j < text.size() && digits < 2 && std::isdigit(static_cast<unsigned char>(text[j])); ++j, ++digits)
    number = number * 10 + unsigned(text[j] - '0');
  if (digits == 0 || number == 0) return std::nullopt;
  // Boost's closing '%', unless it opens the next Qt placeholder (`%1%2`).
  const auto opensNext = [&](std::size_t k) {
    return k < text.size() && (text[k] == 'L' || std::isdigit(static_cast<unsigned char>(text[k])));
  };
  if (j < text.size() && text[j] == '%' && !opensNext(j + 1)) ++j;
  return std::make_pair(number, j - i);
}

// The lowest placeholder number left in the constant text of `v`.
std::optional<unsigned> lowestPlaceholder(const StrVal& v) {
  std::optional<unsigned> lowest;
  for (const StrPiece& p : v.pieces)
    for (std::size_t i = 0; p.kind == StrPiece::Const && i < p.text.size(); ++i)
      if (auto at = placeholderAt(p.text, i); at && (!lowest || at->first < *lowest)) lowest = at->first;
  return lowest;
}

// `v` with every placeholder numbered `number` replaced by `value`.
StrVal withPlaceholder(const StrVal& v, unsigned number, const StrVal& value) {
  std::vector<StrVal> parts;
  for (const StrPiece& p : v.pieces) {
    if (p.kind != StrPiece::Const) {
      parts.push_back(StrVal{{p}, {}});
      continue;
    }
    std::string literal;
    for (std::size_t i = 0; i < p.text.size(); ++i) {
      auto at = placeholderAt(p.text, i);
      if (!at || at->first != number) {
        literal += p.text[i];
        continue;
      }
      if (!literal.empty()) parts.push_back(constStr(literal));
      parts.push_back(value);
      literal.clear();
      i += at->second - 1;
    }
    if (!literal.empty()) parts.push_back(constStr(literal));
  }
  return concatAll(parts);
}

// How many leading arguments fill placeholders: `arg(a, b, c)` of one text type
// fills three, `arg(n, width, base)` only the first.
unsigned fillingArgs(const CallView& call) {
  const unsigned first = call.selfInArgs ? 1 : 0;
  if (call.args.size() <= first) return 0;
  const auto typeOf = [&](unsigned i) { return call.args[i]->getType().getNonReferenceType().getUnqualifiedType(); };
  if (typeOf(first)->isBuiltinType()) return 1;  // a number, then its width, base or precision
  unsigned n = 1;
  while (first + n < call.args.size() && !llvm::isa<clang::CXXDefaultArgExpr>(call.args[first + n]) &&
         typeOf(first + n).getCanonicalType() == typeOf(first).getCanonicalType())
    ++n;
  return n;
}

}  // namespace

// Qt's numbered placeholders: each argument fills the lowest-numbered `%N` left in
// the text it is called on, `QString("https://%1/%2").arg(host).arg(path)`.
StrVal FunctionAnalyzer::filledPlaceholders(const CallView& call, const State& s) {
  if (!call.self) return {};
  const StrVal text = eval(call.self, s).str;
  if (!text.known()) return {};
  const unsigned first = call.selfInArgs ? 1 : 0;
  std::vector<StrVal> filled;
  for (StrVal form : forms(text)) {
    for (unsigned i = 0; i < fillingArgs(call); ++i) {
      const std::optional<unsigned> number = lowestPlaceholder(form);
      if (!number) break;
      form = withPlaceholder(form, *number, formatArg(call.args[first + i], s));
    }
    filled.push_back(std::move(form));
  }
  return fromForms(filled);
}

// The value of an argument as text for formatting: its string value, or the literal
// number it is.
StrVal FunctionAnalyzer::formatArg(const clang::Expr* e, const State& s) {
  const clang::Expr* bare = e->IgnoreParenImpCasts();
  if (const auto* i = llvm::dyn_cast<clang::IntegerLiteral>(bare))
    return constStr(llvm::toString(i->getValue(), 10, false));
  const AbsVal v = eval(e, s);
  return v.str.known() ? v.str : StrVal{{{StrPiece::Unknown, "", 0}}};
}

StrVal FunctionAnalyzer::formatted(const CallView& call, const ApiModel::Flow& flow, const State& s) {
  using Style = ApiModel::Flow::FormatStyle;
  if (flow.formatStyle == Style::Numbered) return filledPlaceholders(call, s);
  return formattedInOrder(call, flow.format->index, flow.formatStyle == Style::Braces, s);
}

// A format string with constant text filled with its arguments' values:
// snprintf(buf, n, "https://%s/api", host), fmt::format("{}/v1", base).
StrVal FunctionAnalyzer::formattedInOrder(const CallView& call, unsigned formatArgIndex, bool braces, const State& s) {
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
