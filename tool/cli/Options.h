// Command-line options of `egress-audit`, parsed without global state so tests can
// drive the parser directly.
#pragma once

#include <string>
#include <vector>

#include "scan/ScanOptions.h"

namespace egress {

struct Command {
  enum Kind { Help, Version, Scan, TestRules, Explain, Merge, Baseline, Inventory } kind = Help;
  ScanOptions scan;         // for TestRules: files[0] is the directory; for Merge: files are facts
  std::string fingerprint;  // for Explain
};

// Throws UsageError with a message naming the offending argument.
struct UsageError {
  std::string message;
};

Command parseCommandLine(const std::vector<std::string>& args);
std::string usageText();

}  // namespace egress
