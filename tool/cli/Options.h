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
  std::string configFile;  // --config: project overlay (default: ROOT/.egress-audit.yaml if present)
  std::string format = "text";
  std::string output;  // -o; empty: stdout
  unsigned jobs = 1;
  bool strict = false;
  bool stats = false;  // --stats: time, memory and sizes per stage on standard error
  bool quiet = false;  // --quiet: no progress line on a terminal
  // --changed: FILES are the changed files (pre-commit); the whole database is
  // scanned and only findings whose evidence touches one of them are reported.
  bool changedOnly = false;
  bool inventory = false;  // set by the inventory command: every sink is recorded
  std::vector<std::string> changedFiles;
  std::vector<std::string> extraArgs;  // --extra-arg: appended to every compiler command
  std::string factsDir;                // --facts-dir: write each TU's facts there as JSON
  std::string cacheDir;                // --cache: reuse facts of unchanged TUs
  unsigned shard = 0, shards = 0;      // --shard I/N: only every N-th translation unit, from the I-th
  std::string baselineFile;            // --baseline: findings known there do not fail the scan
  std::string baselineMode = "findings";  // --baseline-mode findings|pairs
};

struct Command {
  enum Kind { Help, Version, Scan, TestRules, Explain, Merge, Baseline, Inventory } kind = Help;
  ScanOptions scan;  // for TestRules: files[0] is the directory; for Merge: files are facts
  std::string fingerprint;  // for Explain
};

// Throws UsageError with a message naming the offending argument.
struct UsageError {
  std::string message;
};

Command parseCommandLine(const std::vector<std::string>& args);
std::string usageText();

}  // namespace egress
