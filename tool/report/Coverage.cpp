#include <algorithm>

#include "report/Report.h"

namespace egress {

bool Coverage::incomplete() const {
  if (!failed.empty() || !partial.empty()) return true;
  return std::any_of(limits.begin(), limits.end(), [](const LimitReport& l) { return !l.evidenceOnly; });
}

Coverage coverageOf(const std::vector<TUFacts>& tus, const LinkStats& link) {
  Coverage c;
  c.translationUnits = unsigned(tus.size());
  for (const TUFacts& tu : tus) {
    const std::string why = tu.diagnostics.empty() ? std::string() : tu.diagnostics.front();
    if (!tu.parsed) c.failed.emplace_back(tu.file, why);
    else if (tu.hadErrors) c.partial.emplace_back(tu.file, why);
    for (const std::string& w : tu.warnings)
      if (std::find(c.warnings.begin(), c.warnings.end(), w) == c.warnings.end()) c.warnings.push_back(w);
  }
  c.warnings.insert(c.warnings.end(), link.unknownOutputs.begin(), link.unknownOutputs.end());
  for (std::size_t i = 0; i < kLimitCount; ++i) {
    if (!link.limits.counts[i]) continue;
    const LimitInfo& info = limitInfo(Limit(i));
    c.limits.push_back({info.name, link.limits.counts[i], link.examples[i], info.effect, info.evidenceOnly});
  }
  return c;
}

}  // namespace egress
