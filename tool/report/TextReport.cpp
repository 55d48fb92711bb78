#include "facts/TaintOps.h"
#include "report/Describe.h"
#include "report/Report.h"

namespace egress {

void writeText(std::ostream& out, const std::vector<Finding>& findings, const Coverage& coverage) {
  unsigned violations = 0, unresolved = 0, known = 0, justified = 0;
  for (const Finding& f : findings) {
    if (f.baseline == "known") {  // accepted before: counted, not repeated
      ++known;
      continue;
    }
    if (f.accepted()) {
      ++justified;
    } else {
      violations += f.verdict == "violation";
      unresolved += f.verdict == "unresolved";
    }
    out << locString(f.sink) << ": " << levelOf(f) << ": " << joinedList(f.categories) << " sent by " << f.api << " to "
        << describeDestination(f.destination) << " [" << f.verdict << (f.rule.empty() ? "" : ": " + f.rule) << "]\n";
    if (f.justification) {
      const JustificationRef& j = *f.justification;
      out << "  " << (j.expired ? "expired justification" : "justified") << " (" << j.at << "): " << j.reason
          << (j.until.empty() ? "" : " (until " + j.until + ")") << "\n";
    }
    out << "  source: " << f.what << " (" << f.source.file << ":" << f.source.line << "), in " << f.function << "()\n";
    for (const std::string& r : f.reasons) out << "  why: " << r << "\n";
    if (!f.destination.how.empty()) out << "  where: " << f.destination.how << "\n";
    for (const Step& s : f.path) out << "  " << locString(s.loc) << ": note: " << s.note << "\n";
    out << "  fingerprint: " << f.fingerprint << "\n\n";
  }
  for (const auto& [file, why] : coverage.failed) out << file << ": warning: not analysed: " << why << "\n";
  for (const auto& [file, why] : coverage.partial) out << file << ": warning: analysed partially: " << why << "\n";
  for (const std::string& w : coverage.warnings)
    out << w.substr(0, w.find(": ")) << ": warning:" << w.substr(w.find(": ") + 1) << "\n";
  for (const LimitReport& l : coverage.limits)
    out << "warning: limit " << l.limit << " hit " << l.count << " time(s), first in " << l.example << ": " << l.effect
        << "\n";
  if (known) out << known << " finding(s) known in the baseline, not shown\n";
  if (coverage.notChanged) out << coverage.notChanged << " finding(s) not touching the changed files, not shown\n";
  const std::size_t shown = findings.size() - known;
  out << shown << (known ? " new" : "") << " finding(s): " << violations << " violation(s), " << unresolved
      << " unresolved, " << justified << " justified, " << shown - violations - unresolved - justified << " allowed; "
      << coverage.translationUnits << " translation unit(s), " << coverage.failed.size() << " failed, "
      << coverage.partial.size() << " partial\n";
}

}  // namespace egress
