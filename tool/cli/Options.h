// Command-line options of `egress-audit`, parsed without global state so tests can
// drive the parser directly.
#pragma once

#include <string>
#include <vector>

namespace egress {

struct ScanOptions {
  std::string buildDir;  // -p
  std::vector<std::string> files;
  std::string root = ".";
  std::string rulesDir;
  std::string policyFile;
  std::string format = "text";
  std::string output;  // -o; empty: stdout
  unsigned jobs = 1;
  bool strict = false;
  std::vector<std::string> extraArgs;  // --extra-arg: appended to every compiler command
  std::string factsDir;                // --facts-dir: write each TU's facts there as JSON
};

struct Command {
  enum Kind { Help, Version, Scan, TestRules, Explain } kind = Help;
  ScanOptions scan;  // for TestRules: rulesDir, policyFile and files[0] (the directory)
  std::string fingerprint;  // for Explain
};

// Throws UsageError with a message naming the offending argument.
struct UsageError {
  std::string message;
};

Command parseCommandLine(const std::vector<std::string>& args);
std::string usageText();

}  // namespace egress
