// The scan library: the whole pipeline behind one entry point. Rules (with the
// overlay and policy), the translation units (a compile database, or facts files for
// merge), extract, link, judge, justifications, baseline and --changed; then the
// outputs. The CLI, test-rules and the unit tests all run scans through it.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include <llvm/Support/Error.h>

#include "facts/Findings.h"
#include "report/Report.h"
#include "rules/Rules.h"
#include "scan/ScanOptions.h"

namespace clang::tooling {
class CompilationDatabase;
}

namespace egress {

// Translation units from a compile database the caller holds (test-rules' folders,
// unit tests' temporary files) instead of `-p BUILD_DIR`.
struct SourceSet {
  const clang::tooling::CompilationDatabase* database = nullptr;
  std::vector<std::string> files;
};

struct ScanRequest {
  ScanOptions options;
  std::vector<SourceSet> sources;  // empty: options.buildDir's compile_commands.json
  bool fromFacts = false;          // merge: options.files are facts files or directories
  // Rules already loaded (test-rules runs many programs with one rule set); else
  // loaded from options.rulesDir, options.policyFile and the overlay.
  std::shared_ptr<const RuleSet> rules;
  std::string resourceDir;  // Clang's resource directory; empty: the one built in
};

struct ScanResult {
  std::shared_ptr<const RuleSet> rules;
  std::vector<TUFacts> tus;
  std::vector<Finding> findings;
  Coverage coverage;
};

// Runs the scan. Every failure (rules, compile database, facts, baseline,
// justification comments) is an llvm::Error whose message names the file and, for
// configuration, line and column.
llvm::Expected<ScanResult> runScan(const ScanRequest& request);

// The report in `options.format` (to options.output or `out`). A report that does
// not reach its file is an error.
llvm::Error writeReport(const ScanResult& result, const ScanOptions& options, std::ostream& out);
// The inventory (text or json), the baseline file, and `explain` for a fingerprint.
llvm::Error writeInventoryReport(const ScanResult& result, const ScanOptions& options, std::ostream& out);
llvm::Error writeBaselineFile(const ScanResult& result, const ScanOptions& options);
llvm::Error explainFinding(const ScanResult& result, const std::string& fingerprint, std::ostream& out);

// The exit-code contract: 0 clean, 1 violations (not accepted), 2 input errors (the
// caller's), 3 incomplete analysis under --strict.
constexpr int kExitClean = 0, kExitViolations = 1, kExitInputError = 2, kExitIncomplete = 3;
int exitCodeOf(const ScanResult& result, const ScanOptions& options);

// The bundled rules next to the binary (or in the source tree).
std::string defaultRulesDir();

}  // namespace egress
