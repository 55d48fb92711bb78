// egress-audit: command-line entry point. Parses the command line and dispatches to
// the scan library (scan/Scan.h); the pipeline, its outputs and the exit-code
// contract live there.
#include <filesystem>
#include <iostream>

#include "cli/Options.h"
#include "cli/TestRules.h"
#include "extract/Isolation.h"
#include "facts/Lifetime.h"
#include "report/Version.h"
#include "scan/Scan.h"

namespace fs = std::filesystem;
using namespace egress;

namespace {

// An error of the input or configuration: printed, exit code 2.
int inputError(llvm::Error e) {
  std::cerr << "egress-audit: error: " << llvm::toString(std::move(e)) << "\n";
  return kExitInputError;
}

// Scans, then hands the result to `output`, which returns an error or the exit code.
// One scan, after which the process ends: its result and the link's structures are
// left to the end of the process (facts/Lifetime.h). test-rules, scanning many
// folders, frees as it goes.
template <typename Output> int scanThen(const ScanRequest& request, const Output& output) {
  freeOnRetire() = false;
  auto result = runScan(request);
  if (!result) return inputError(result.takeError());
  auto kept = std::make_unique<ScanResult>(std::move(*result));
  const int code = output(*kept);
  retire(std::move(kept));
  return code;
}

int scan(const ScanOptions& o, bool fromFacts) {
  return scanThen(ScanRequest{o, {}, fromFacts, nullptr, ""}, [&](const ScanResult& r) {
    if (llvm::Error e = writeReport(r, o, std::cout)) return inputError(std::move(e));
    return exitCodeOf(r, o);
  });
}

// Every egress point, data or not; a listing, not a gate: exit 0.
int inventory(ScanOptions o) {
  o.inventory = true;
  return scanThen(ScanRequest{o, {}, false, nullptr, ""}, [&](const ScanResult& r) {
    if (llvm::Error e = writeInventoryReport(r, o, std::cout)) return inputError(std::move(e));
    return kExitClean;
  });
}

int baseline(const ScanOptions& o) {
  return scanThen(ScanRequest{o, {}, false, nullptr, ""}, [&](const ScanResult& r) {
    if (llvm::Error e = writeBaselineFile(r, o)) return inputError(std::move(e));
    std::cerr << "egress-audit: baseline of " << r.findings.size() << " findings written to " << o.output << "\n";
    return kExitClean;
  });
}

int explain(const std::string& fingerprint, const ScanOptions& o) {
  return scanThen(ScanRequest{o, {}, false, nullptr, ""}, [&](const ScanResult& r) {
    if (llvm::Error e = explainFinding(r, fingerprint, std::cout)) return inputError(std::move(e));
    return kExitClean;
  });
}

// Paths the user gave are relative to where the tool was started, whatever the
// analysis does later.
void makePathsAbsolute(ScanOptions& o) {
  std::error_code ec;
  for (std::string* p : {&o.output, &o.cacheDir, &o.factsDir, &o.buildDir, &o.root, &o.rulesDir, &o.policyFile,
                         &o.configFile, &o.baselineFile}) {
    if (p->empty() || *p == "-") continue;
    const fs::path abs = fs::absolute(*p, ec);
    if (!ec) *p = abs.lexically_normal().string();
  }
}

int dispatch(const Command& cmd) {
  switch (cmd.kind) {
    case Command::Help: std::cout << usageText(); return kExitClean;
    case Command::Version: std::cout << "egress-audit " << kVersion << "\n"; return kExitClean;
    case Command::Scan: return scan(cmd.scan, false);
    case Command::Merge: return scan(cmd.scan, true);
    case Command::Explain: return explain(cmd.fingerprint, cmd.scan);
    case Command::Baseline: return baseline(cmd.scan);
    case Command::Inventory: return inventory(cmd.scan);
    case Command::TestRules: {
      const TestRulesOptions t{cmd.scan.files[0], cmd.scan.rulesDir.empty() ? defaultRulesDir() : cmd.scan.rulesDir,
                               cmd.scan.policyFile, cmd.scan.configFile, cmd.scan.extraArgs};
      return runTestRules(t, std::cout, std::cerr);
    }
  }
  return kExitInputError;
}

}  // namespace

int main(int argc, char** argv) {
  enableCrashRecovery();
  Command cmd;
  try {
    cmd = parseCommandLine(std::vector<std::string>(argv + 1, argv + argc));
  } catch (const UsageError& e) {
    std::cerr << "egress-audit: error: " << e.message << "\n";
    return kExitInputError;
  }
  makePathsAbsolute(cmd.scan);
  try {
    return dispatch(cmd);
  } catch (const std::exception& e) {  // a bug, not an input problem: still a clear exit
    std::cerr << "egress-audit: error: internal error: " << e.what() << "\n";
    return kExitInputError;
  }
}
