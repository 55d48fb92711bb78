// Shared helpers for the unit tests: the bundled rules and temporary YAML files.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "rules/Rules.h"

namespace egress::test {

inline const RuleSet& bundledRules() {
  static const RuleSet rules = loadRules(EGRESS_RULES_DIR, "");
  return rules;
}

// Writes `text` to `name` in a temp dir of the running test (tests run in parallel).
inline std::string writeTemp(const std::string& name, const std::string& text) {
  const auto dir = std::filesystem::temp_directory_path() / "egress-unit" /
                   ::testing::UnitTest::GetInstance()->current_test_info()->name();
  std::filesystem::create_directories(dir);
  const auto path = dir / name;
  std::ofstream(path) << text;
  return path.string();
}

}  // namespace egress::test
