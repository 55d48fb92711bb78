#include "facts/JsonParse.h"

#include <cerrno>
#include <cstdlib>
#include <string>

#include <llvm/ADT/SmallString.h>
#include <llvm/ADT/SmallVector.h>
#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/FormatVariadic.h>

namespace egress {
namespace json = llvm::json;
namespace {

class JsonParser {
 public:
  JsonParser(llvm::StringRef text, unsigned maxDepth) : text_(text), maxDepth_(maxDepth) {}

  llvm::Expected<json::Value> run() {
    std::size_t bad = 0;
    if (!json::isUTF8(text_, &bad)) return fail(bad, "invalid UTF-8");
    json::Value v = nullptr;
    if (!value(v, 0)) return takeError();
    skipSpace();
    if (at_ != text_.size()) return fail(at_, "text after the end of the document");
    return std::move(v);
  }

 private:
  bool value(json::Value& out, unsigned depth) {
    skipSpace();
    if (at_ == text_.size()) return error("a value, not the end of the text");
    const char c = text_[at_];
    if (c == '{' || c == '[') {
      if (depth >= maxDepth_) return error("nesting within the depth limit");
      return c == '{' ? object(out, depth + 1) : array(out, depth + 1);
    }
    if (c == '"') {
      std::string s;
      if (!string(s)) return false;
      out = std::move(s);
      return true;
    }
    if (literal("null")) return out = nullptr, true;
    if (literal("true")) return out = true, true;
    if (literal("false")) return out = false, true;
    return number(out);
  }

  // The elements are gathered in a SmallVector, which moves them as it grows, and
  // handed to the json::Array at their final count.
  bool array(json::Value& out, unsigned depth) {
    ++at_;
    llvm::SmallVector<json::Value, 0> elements;
    skipSpace();
    if (peek() == ']') {
      ++at_;
      out = json::Array();
      return true;
    }
    for (;;) {
      elements.emplace_back(nullptr);
      if (!value(elements.back(), depth)) return false;
      skipSpace();
      const char c = next();
      if (c == ']') break;
      if (c != ',') return error("',' or ']' after an array element");
    }
    json::Array a;
    a.reserve(elements.size());
    for (json::Value& e : elements) a.push_back(std::move(e));
    out = std::move(a);
    return true;
  }

  bool object(json::Value& out, unsigned depth) {
    ++at_;
    json::Object o;
    skipSpace();
    if (peek() == '}') {
      ++at_;
      out = std::move(o);
      return true;
    }
    for (;;) {
      skipSpace();
      if (peek() != '"') return error("an object key");
      std::string key;
      if (!string(key)) return false;
      skipSpace();
      if (next() != ':') return error("':' after an object key");
      json::Value member = nullptr;
      if (!value(member, depth)) return false;
      o[std::move(key)] = std::move(member);  // a repeated key: the last one counts
      skipSpace();
      const char c = next();
      if (c == '}') break;
      if (c != ',') return error("',' or '}' after an object member");
    }
    out = std::move(o);
    return true;
  }

  bool string(std::string& out) {
    ++at_;  // the opening quote
    for (;;) {
      const std::size_t run = at_;
      while (at_ < text_.size() && text_[at_] != '"' && text_[at_] != '\\' &&
             static_cast<unsigned char>(text_[at_]) >= 0x20)
        ++at_;
      out.append(text_.data() + run, at_ - run);
      if (at_ == text_.size()) return error("the end of a string");
      const char c = text_[at_++];
      if (c == '"') return true;
      if (c != '\\') {
        --at_;
        return error("no control character in a string");
      }
      if (!escape(out)) return false;
    }
  }

  bool escape(std::string& out) {
    switch (next()) {
      case '"': out += '"'; return true;
      case '\\': out += '\\'; return true;
      case '/': out += '/'; return true;
      case 'b': out += '\b'; return true;
      case 'f': out += '\f'; return true;
      case 'n': out += '\n'; return true;
      case 'r': out += '\r'; return true;
      case 't': out += '\t'; return true;
      case 'u': return unicode(out);
      default: return error("a valid escape sequence");
    }
  }

  // \uXXXX, pairing surrogates; an unpaired surrogate is valid JSON and reads as
  // U+FFFD (RFC 8259, 8.2), as llvm::json::parse reads it.
  bool unicode(std::string& out) {
    uint32_t unit = 0;
    if (!hex4(unit)) return false;
    for (;;) {
      if (unit < 0xD800 || unit >= 0xE000) return appendUtf8(unit, out), true;
      if (unit >= 0xDC00 || !text_.substr(at_).starts_with("\\u")) return appendUtf8(0xFFFD, out), true;
      at_ += 2;
      uint32_t low = 0;
      if (!hex4(low)) return false;
      if (low >= 0xDC00 && low < 0xE000)
        return appendUtf8(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00), out), true;
      appendUtf8(0xFFFD, out);
      unit = low;  // not a low surrogate: read on its own
    }
  }

  bool hex4(uint32_t& out) {
    for (int i = 0; i < 4; ++i) {
      const char c = next();
      const unsigned digit = llvm::hexDigitValue(c);
      if (digit == ~0U) return error("four hex digits after \\u");
      out = out * 16 + digit;
    }
    return true;
  }

  static void appendUtf8(uint32_t cp, std::string& out) {
    if (cp < 0x80) {
      out += char(cp);
    } else if (cp < 0x800) {
      out += char(0xC0 | (cp >> 6));
      out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += char(0xE0 | (cp >> 12));
      out += char(0x80 | ((cp >> 6) & 0x3F));
      out += char(0x80 | (cp & 0x3F));
    } else {
      out += char(0xF0 | (cp >> 18));
      out += char(0x80 | ((cp >> 12) & 0x3F));
      out += char(0x80 | ((cp >> 6) & 0x3F));
      out += char(0x80 | (cp & 0x3F));
    }
  }

  // The characters a number may hold, read as a 64-bit integer when they are one
  // (signed, else unsigned), else as a double, as llvm::json::parse reads them.
  bool number(json::Value& out) {
    const std::size_t start = at_;
    while (at_ < text_.size() && llvm::StringRef("0123456789eE+-.").contains(text_[at_])) ++at_;
    if (at_ == start) return error("a JSON value");
    llvm::SmallString<32> digits(text_.substr(start, at_ - start));
    char* end = nullptr;
    const char* begin = digits.c_str();
    const char* last = begin + digits.size();
    errno = 0;
    const long long signedValue = std::strtoll(begin, &end, 10);
    if (end == last && errno != ERANGE) return out = int64_t(signedValue), true;
    if (digits[0] != '-') {
      errno = 0;
      const unsigned long long unsignedValue = std::strtoull(begin, &end, 10);
      if (end == last && errno != ERANGE) return out = uint64_t(unsignedValue), true;
    }
    const double real = std::strtod(begin, &end);
    if (end != last) {
      at_ = start;
      return error("a number");
    }
    out = real;
    return true;
  }

  bool literal(llvm::StringRef word) {
    if (!text_.substr(at_).starts_with(word)) return false;
    at_ += word.size();
    return true;
  }
  void skipSpace() {
    while (at_ < text_.size() && (text_[at_] == ' ' || text_[at_] == '\n' || text_[at_] == '\r' || text_[at_] == '\t'))
      ++at_;
  }
  char peek() const { return at_ < text_.size() ? text_[at_] : '\0'; }
  char next() { return at_ < text_.size() ? text_[at_++] : '\0'; }

  bool error(const char* expected) {
    if (message_.empty()) message_ = llvm::formatv("byte {0}: expected {1}", at_, expected).str();
    return false;
  }
  llvm::Error fail(std::size_t at, const char* what) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(), llvm::formatv("byte {0}: {1}", at, what).str());
  }
  llvm::Error takeError() { return llvm::createStringError(llvm::inconvertibleErrorCode(), message_); }

  llvm::StringRef text_;
  unsigned maxDepth_;
  std::size_t at_ = 0;
  std::string message_;
};

}  // namespace

llvm::Expected<json::Value> parseJson(llvm::StringRef text, unsigned maxDepth) {
  return JsonParser(text, maxDepth).run();
}

}  // namespace egress
