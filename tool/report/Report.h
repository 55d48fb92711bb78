// Report stage: findings and coverage as JSON (the stable contract) or as text that
// reads like compiler diagnostics with a note per evidence step.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "facts/Facts.h"
#include "judge/Judge.h"

namespace egress {

struct Coverage {
  unsigned translationUnits = 0;
  std::vector<std::pair<std::string, std::string>> failed;   // file, reason
  std::vector<std::pair<std::string, std::string>> partial;  // file, first error
};

Coverage coverageOf(const std::vector<TUFacts>& tus);
void writeJson(std::ostream& out, const std::vector<Finding>& findings, const Coverage& coverage);
void writeText(std::ostream& out, const std::vector<Finding>& findings, const Coverage& coverage);

}  // namespace egress
