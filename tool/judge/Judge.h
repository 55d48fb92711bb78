// Judge stage: where does each flow go (URL parsing, bindings, the destination
// catalog) and does the policy allow it. Produces the findings that get reported.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "facts/Facts.h"
#include "facts/Findings.h"
#include "rules/Rules.h"

namespace egress {

// Where a destination string points, after the policy's bindings.
Destination resolveDestination(const StrVal& value, const std::string& kind, const std::vector<std::string>& paramNames,
                               const RuleSet& rules);
std::vector<Finding> judge(const std::vector<Flow>& flows, const RuleSet& rules);

}  // namespace egress
