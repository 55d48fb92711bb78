#include "judge/HostMatch.h"

namespace egress {

bool globMatch(const std::string& pattern, const std::string& text, char stop) {
  std::size_t p = 0, t = 0, star = std::string::npos, mark = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = t;
    } else if (p < pattern.size() && (pattern[p] == text[t] || pattern[p] == '?')) {
      ++p;
      ++t;
    } else if (star != std::string::npos && text[mark] != stop) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

bool hostMatches(const std::string& pattern, const std::string& host) {
  std::string h = host;
  while (!h.empty()) {
    if (globMatch(pattern, h, '.')) return true;
    const auto dot = h.find('.');
    if (dot == std::string::npos) break;
    h = h.substr(dot + 1);
  }
  return false;
}

}  // namespace egress
