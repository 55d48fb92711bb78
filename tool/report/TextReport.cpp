#include "facts/TaintOps.h"
#include "report/Report.h"

namespace egress {
namespace {

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

std::string where(const Destination& d) {
  std::string out = d.display;
  if (!d.alternatives.empty()) out += " (or " + joined(d.alternatives) + ")";
  if (!d.unresolved.empty()) return out + " (unresolved: " + d.unresolved + ")";
  std::string facts;
  if (!d.country.empty()) facts += "located " + d.country;
  else if (!d.regions.empty()) facts += "located " + d.regions.front();
  if (!d.op.empty()) facts += std::string(facts.empty() ? "" : ", ") + "operator " + d.op;
  if (!d.jurisdiction.empty()) facts += std::string(facts.empty() ? "" : ", ") + "jurisdiction " + d.jurisdiction;
  if (d.internal) facts += std::string(facts.empty() ? "" : ", ") + "internal";
  return facts.empty() ? out : out + " [" + facts + "]";
}

}  // namespace

void writeText(std::ostream& out, const std::vector<Finding>& findings, const Coverage& coverage) {
  unsigned violations = 0, unresolved = 0;
  for (const Finding& f : findings) {
    violations += f.verdict == "violation";
    unresolved += f.verdict == "unresolved";
    const std::string level = f.verdict == "violation" ? "error" : f.verdict == "unresolved" ? "warning" : "note";
    out << locString(f.sink) << ": " << level << ": " << joined(f.categories) << " sent by " << f.api << " to "
        << where(f.destination) << " [" << f.verdict << (f.rule.empty() ? "" : ": " + f.rule) << "]\n";
    out << "  source: " << f.what << " (" << f.source.file << ":" << f.source.line << "), in " << f.function << "()\n";
    for (const std::string& r : f.reasons) out << "  why: " << r << "\n";
    if (!f.destination.how.empty()) out << "  where: " << f.destination.how << "\n";
    for (const Step& s : f.path) out << "  " << locString(s.loc) << ": note: " << s.note << "\n";
    out << "  fingerprint: " << f.fingerprint << "\n\n";
  }
  for (const auto& [file, why] : coverage.failed) out << file << ": warning: not analysed: " << why << "\n";
  for (const auto& [file, why] : coverage.partial) out << file << ": warning: analysed partially: " << why << "\n";
  for (const std::string& w : coverage.warnings) out << w.substr(0, w.find(": ")) << ": warning:" << w.substr(w.find(": ") + 1) << "\n";
  for (const LimitReport& l : coverage.limits)
    out << "warning: limit " << l.limit << " hit " << l.count << " time(s), first in " << l.example << ": " << l.effect
        << "\n";
  out << findings.size() << " finding(s): " << violations << " violation(s), " << unresolved << " unresolved, "
      << findings.size() - violations - unresolved << " allowed; " << coverage.translationUnits
      << " translation unit(s), " << coverage.failed.size() << " failed, " << coverage.partial.size() << " partial\n";
}

}  // namespace egress
