// What a scan is asked to do: the command-line options of scan, merge, baseline,
// inventory and explain, as plain data (parsed by cli/Options.cpp).
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
  std::vector<std::string> extraArgs;     // --extra-arg: appended to every compiler command
  std::string factsDir;                   // --facts-dir: write each TU's facts there as JSON
  std::string cacheDir;                   // --cache: reuse facts of unchanged TUs
  unsigned shard = 0, shards = 0;         // --shard I/N: only every N-th translation unit, from the I-th
  std::string baselineFile;               // --baseline: findings known there do not fail the scan
  std::string baselineMode = "findings";  // --baseline-mode findings|pairs
};

}  // namespace egress
