// `egress-audit test-rules DIR`: runs the analysis over annotated sources and checks
// each `// expect: VERDICT CATEGORY...` and `// expect-none` comment against the
// findings. Each folder holding sources is one program; its compiler flags come from
// the nearest compile_flags.txt (one flag per line), else -std=c++17.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "facts/Findings.h"

namespace egress {

struct Expectation {
  std::string file;  // as written in the finding paths
  unsigned line = 0;
  bool none = false;
  std::string verdict;
  std::vector<std::string> categories;
  // `// gap expect...`: the right answer that the engine does not give yet. Reported,
  // not failed; failed once it passes (so the mark is removed when a gap closes).
  bool gap = false;
};

// Expectations written in `source` (the file's text), attributed to `file`.
std::vector<Expectation> parseExpectations(const std::string& file, const std::string& source);
// Empty when the findings satisfy the expectation, else why not.
std::string checkExpectation(const Expectation& e, const std::vector<Finding>& findings);

struct TestRulesOptions {
  std::string dir;
  std::string rulesDir;
  std::string policyFile;
  std::string configFile;  // empty: dir/.egress-audit.yaml when present
  std::vector<std::string> extraArgs;
};

// Prints a PASS/FAIL line per expectation and "N passed, N failed"; returns the exit code.
int runTestRules(const TestRulesOptions& opts, std::ostream& out, std::ostream& err);

}  // namespace egress
