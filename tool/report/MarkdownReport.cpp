// Markdown for pull-request and merge-request comments: a summary line, one table row
// per finding that is not accepted, the evidence of each in a collapsed block, and
// the accepted ones (justified, known in the baseline) counted with their reasons.
#include "facts/TaintOps.h"
#include "report/Describe.h"
#include "report/Report.h"

namespace egress {
namespace {

// A table cell: pipes and line breaks would end it; backticks would open code.
std::string cell(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '|') out += "\\|";
    else if (c == '\n' || c == '\r') out += ' ';
    else if (c == '`') out += '\'';
    else out += c;
  }
  return out;
}

const char* mark(const Finding& f) {
  if (f.accepted()) return "accepted";
  if (f.verdict == "violation") return "**violation**";
  return f.verdict == "unresolved" ? "unresolved" : "allowed";
}

void row(std::ostream& out, const Finding& f) {
  out << "| " << mark(f) << " | " << cell(joinedList(f.categories)) << " | " << cell(describeDestination(f.destination))
      << " | `" << cell(locString(f.sink)) << "` " << cell(f.api) << " | " << cell(f.rule.empty() ? "-" : f.rule)
      << " | `" << f.fingerprint << "` |\n";
}

void evidence(std::ostream& out, const Finding& f) {
  out << "<details><summary><code>" << cell(locString(f.sink)) << "</code>: " << cell(joinedList(f.categories))
      << " to " << cell(f.destination.display) << "</summary>\n\n";
  unsigned n = 0;
  for (const Step& s : f.path) out << ++n << ". `" << cell(locString(s.loc)) << "` " << cell(s.note) << "\n";
  for (const std::string& r : f.reasons) out << "\n- why: " << cell(r);
  if (f.justification)
    out << "\n- " << (f.justification->expired ? "expired justification" : "justified") << " at `"
        << f.justification->at << "`: " << cell(f.justification->reason);
  out << "\n\n</details>\n\n";
}

}  // namespace

void writeMarkdown(std::ostream& out, const std::vector<Finding>& findings, const Coverage& coverage) {
  unsigned violations = 0, unresolved = 0, accepted = 0;
  for (const Finding& f : findings) {
    if (f.accepted()) ++accepted;
    else if (f.verdict == "violation") ++violations;
    else if (f.verdict == "unresolved") ++unresolved;
  }
  out << "## egress-audit: " << violations << " violation(s), " << unresolved << " unresolved destination(s)\n\n";
  out << findings.size() << " finding(s) in " << coverage.translationUnits << " translation unit(s); " << accepted
      << " accepted (justified in the code or known in the baseline)";
  if (coverage.notChanged) out << "; " << coverage.notChanged << " not touching the changed files, not shown";
  out << ".\n\n";
  if (!findings.empty()) {
    out << "| verdict | data | destination | sink | rule | fingerprint |\n| --- | --- | --- | --- | --- | --- |\n";
    for (const Finding& f : findings) row(out, f);
    out << "\n";
    for (const Finding& f : findings)
      if (!f.accepted() && f.verdict != "allowed") evidence(out, f);
  }
  if (!coverage.failed.empty() || !coverage.partial.empty() || coverage.incomplete()) {
    out << "**Coverage is incomplete**: " << coverage.failed.size() << " translation unit(s) not analysed, "
        << coverage.partial.size() << " analysed in part, " << coverage.limits.size() << " limit(s) hit; "
        << "see the JSON report's `coverage`.\n";
  }
}

}  // namespace egress
