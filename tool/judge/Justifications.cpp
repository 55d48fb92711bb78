#include "judge/Justifications.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <ctime>
#include <map>
#include <sstream>

#include "facts/Errors.h"
#include "judge/HostMatch.h"

namespace egress {
namespace {

constexpr const char* kMarker = "egress-audit:";

llvm::Error fail(const SourceLoc& at, const std::string& msg) {
  return inputProblem(at.file + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) + ": " + msg);
}

std::string trimmed(std::string s) {
  const auto notSpace = [](unsigned char c) { return !std::isspace(c); };
  s.erase(s.begin(), std::find_if(s.begin(), s.end(), notSpace));
  s.erase(std::find_if(s.rbegin(), s.rend(), notSpace).base(), s.end());
  return s;
}

bool isDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  const int month = std::stoi(s.substr(5, 2)), day = std::stoi(s.substr(8, 2));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

// The comment's text after the marker, without comment delimiters.
std::string body(const std::string& comment) {
  std::string text = comment.substr(comment.find(kMarker) + std::string(kMarker).size());
  if (const auto close = text.rfind("*/"); close != std::string::npos) text.erase(close);
  return trimmed(text);
}

llvm::Expected<Justification> parseOne(const MarkerComment& m, const RuleSet& rules, const std::string& today) {
  Justification j;
  j.loc = m.loc;
  const std::string text = body(m.text);
  const auto dashes = text.find(" -- ");
  std::istringstream head(text.substr(0, dashes));
  std::string verb;
  head >> verb >> j.categories;
  if (verb != "allow")
    return fail(m.loc, "expected `egress-audit: allow <category> [to <host>] -- <reason> [until YYYY-MM-DD]`, got '" +
                           text.substr(0, 80) + "'");
  if (j.categories.empty() || !rules.categoryPatternValid(j.categories))
    return fail(m.loc, "justification names no known category: '" + j.categories +
                           "'; expected a category id or pattern such as customer.*");
  std::string word;
  if (head >> word) {
    if (word != "to" || !(head >> j.host))
      return fail(m.loc, "expected `to <host-glob>` after the category, got '" + word + "'");
    if (head >> word) return fail(m.loc, "unexpected '" + word + "' before ` -- <reason>`");
  }
  if (dashes == std::string::npos) return fail(m.loc, "a justification needs a reason: `-- <reason>`");
  j.reason = trimmed(text.substr(dashes + 4));
  const auto until = j.reason.rfind(" until ");
  if (until != std::string::npos || j.reason.rfind("until ", 0) == 0) {
    const std::size_t at = until == std::string::npos ? 0 : until + 1;
    j.until = trimmed(j.reason.substr(at + 6));
    if (!isDate(j.until)) return fail(m.loc, "expected `until YYYY-MM-DD`, got 'until " + j.until + "'");
    j.reason = trimmed(j.reason.substr(0, at));
  }
  if (j.reason.empty()) return fail(m.loc, "a justification needs a reason: `-- <reason>`");
  j.expired = !j.until.empty() && j.until < today;
  return j;
}

// The lines a justification may stand on for this finding: the sink's and the call
// sites' on its path, each with the line above.
bool covers(const Justification& j, const Finding& f) {
  const auto near = [&](const SourceLoc& l) {
    return l.file == j.loc.file && (l.line == j.loc.line || l.line == j.loc.line + 1);
  };
  bool placed = near(f.sink);
  for (const Step& s : f.path)
    placed = placed || ((s.note.rfind("passed to ", 0) == 0 || s.note.rfind("calls ", 0) == 0) && near(s.loc));
  if (!placed) return false;
  for (const std::string& c : f.categories)
    if (!categoryMatches(j.categories, c)) return false;
  if (j.host.empty()) return true;
  const std::string& host = f.destination.host;
  return !host.empty() && globMatch(j.host, host, '\0');
}

std::string where(const SourceLoc& l) { return l.file + ":" + std::to_string(l.line) + ":" + std::to_string(l.column); }

}  // namespace

std::string todayDate() {
  if (const char* fixed = std::getenv("EGRESS_AUDIT_TODAY"); fixed && isDate(fixed)) return fixed;
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &utc);
  return buf;
}

llvm::Expected<std::vector<Justification>> parseJustifications(const std::vector<TUFacts>& tus, const RuleSet& rules,
                                                               const std::string& today) {
  std::map<std::string, const MarkerComment*> byPlace;  // a header's comment is seen by every TU including it
  for (const TUFacts& tu : tus)
    for (const MarkerComment& m : tu.markers) byPlace.emplace(where(m.loc), &m);
  std::vector<Justification> out;
  for (const auto& [place, m] : byPlace) {
    auto j = parseOne(*m, rules, today);
    if (!j) return j.takeError();
    out.push_back(std::move(*j));
  }
  return out;
}

std::vector<std::string> applyJustifications(std::vector<Finding>& findings, std::vector<Justification>& list) {
  std::vector<std::string> warnings;
  for (Finding& f : findings) {
    for (Justification& j : list) {
      if (!covers(j, f)) continue;
      j.used = true;
      f.justification = JustificationRef{j.reason, j.until, where(j.loc), j.expired};
      if (!j.expired) break;  // a current one wins over an expired one
    }
  }
  for (const Justification& j : list) {
    if (!j.used)
      warnings.push_back(where(j.loc) + ": justification matches no finding (allow " + j.categories +
                         (j.host.empty() ? "" : " to " + j.host) + ")");
    else if (j.expired) warnings.push_back(where(j.loc) + ": justification expired on " + j.until + ": " + j.reason);
  }
  return warnings;
}

}  // namespace egress
