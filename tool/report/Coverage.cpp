#include <algorithm>

#include "report/Report.h"

namespace egress {

Coverage coverageOf(const std::vector<TUFacts>& tus) {
  Coverage c;
  c.translationUnits = unsigned(tus.size());
  for (const TUFacts& tu : tus) {
    const std::string why = tu.diagnostics.empty() ? std::string() : tu.diagnostics.front();
    if (!tu.parsed) c.failed.emplace_back(tu.file, why);
    else if (tu.hadErrors) c.partial.emplace_back(tu.file, why);
    for (const std::string& w : tu.warnings)
      if (std::find(c.warnings.begin(), c.warnings.end(), w) == c.warnings.end()) c.warnings.push_back(w);
  }
  return c;
}

}  // namespace egress
