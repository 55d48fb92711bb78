// Shared helpers for the unit tests: the bundled rules and temporary YAML files.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>

#include "rules/Rules.h"

namespace egress::test {

inline const RuleSet& bundledRules() {
  static const RuleSet rules = loadRules(EGRESS_RULES_DIR, "");
  return rules;
}

// Writes `text` to a fresh file under the test temp dir and returns its path.
inline std::string writeTemp(const std::string& name, const std::string& text) {
  const auto dir = std::filesystem::temp_directory_path() / "egress-unit";
  std::filesystem::create_directories(dir);
  const auto path = dir / name;
  std::ofstream(path) << text;
  return path.string();
}

}  // namespace egress::test
