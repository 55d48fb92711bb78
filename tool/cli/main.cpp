// egress-audit: command-line entry point. Wires the stages together:
// rules -> extract (per TU) -> link -> judge -> report.
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <set>
#include <sstream>
#include <unistd.h>
#include <variant>

#include "cli/CompileDatabase.h"
#include "cli/FactsFiles.h"
#include "cli/Options.h"
#include "cli/TestRules.h"
#include "extract/Extractor.h"
#include "extract/Isolation.h"
#include "extract/Paths.h"
#include "facts/FactsJson.h"
#include "facts/TaintOps.h"
#include "judge/Baseline.h"
#include "judge/Judge.h"
#include "judge/Justifications.h"
#include "link/Linker.h"
#include "report/Report.h"
#include "report/Stats.h"
#include "report/Version.h"
#include "rules/Rules.h"

namespace fs = std::filesystem;
using namespace egress;

namespace {

constexpr int kExitClean = 0;
constexpr int kExitViolations = 1;
constexpr int kExitInputError = 2;
constexpr int kExitIncomplete = 3;

// The files to scan: the ones named (each must be in the database) or all of them.
bool selectFiles(const clang::tooling::CompilationDatabase& db, const ScanOptions& o, std::vector<std::string>& out) {
  std::vector<std::string> all = db.getAllFiles();
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  if (o.files.empty()) {
    out = all;
    return true;
  }
  for (const std::string& f : o.files) {
    std::error_code ec;
    const std::string abs = fs::weakly_canonical(fs::absolute(f, ec), ec).string();
    auto it = std::find_if(all.begin(), all.end(), [&](const std::string& e) {
      return fs::weakly_canonical(fs::path(e), ec).string() == abs;
    });
    if (it == all.end()) {
      std::cerr << "egress-audit: error: " << f << ": not in the compile database\n";
      return false;
    }
    out.push_back(*it);
  }
  return true;
}

std::string defaultRulesDir() {
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  for (const fs::path& candidate : {self.parent_path() / "../share/egress-audit/rules", fs::path(EGRESS_SOURCE_RULES_DIR)})
    if (!self.empty() && fs::is_directory(candidate, ec)) return candidate.lexically_normal().string();
  return EGRESS_SOURCE_RULES_DIR;
}

// Every N-th file from the I-th (1-based), over the sorted file list: each shard of a
// CI matrix takes a disjoint slice.
std::vector<std::string> shardOf(const std::vector<std::string>& files, unsigned shard, unsigned shards) {
  std::vector<std::string> out;
  for (std::size_t i = shard - 1; i < files.size(); i += shards) out.push_back(files[i]);
  return out;
}

struct ScanResult {
  RuleSet rules;
  std::vector<Finding> findings;
  Coverage coverage;
};

std::string rulesDirOf(const ScanOptions& o) { return o.rulesDir.empty() ? defaultRulesDir() : o.rulesDir; }

// A cache folder that cannot be created or written to turns the cache off, with a
// warning: the scan itself still works.
std::string usableCacheDir(const std::string& dir) {
  if (dir.empty()) return dir;
  std::error_code ec;
  fs::create_directories(dir, ec);
  const fs::path probe = fs::path(dir) / (".probe-" + std::to_string(::getpid()));
  std::ofstream(probe) << "x";
  const bool writable = !ec && fs::exists(probe, ec);
  fs::remove(probe, ec);
  if (writable) return dir;
  std::cerr << "egress-audit: warning: --cache " << dir << " cannot be written to; scanning without a cache\n";
  return {};
}

// The rules and policy the options name; a broken file is reported with its position.
bool loadRuleSet(const ScanOptions& o, RuleSet& out) {
  try {
    out = loadRules(rulesDirOf(o), o.policyFile, overlayFor(o.root, o.configFile));
    return true;
  } catch (const ConfigError& e) {
    std::cerr << e.what() << "\n";
    return false;
  }
}

llvm::Error linkAndJudge(const std::vector<TUFacts>& tus, const ScanOptions& o, ScanResult& r, ScanStats& stats);

// Rules, compile database, extract, link, judge. Returns an exit code on failure.
std::variant<ScanResult, int> runScan(const ScanOptions& o) {
  ScanResult r;
  if (!loadRuleSet(o, r.rules)) return kExitInputError;
  auto loaded = loadCompileDatabase(o.buildDir);
  if (!loaded) {
    std::cerr << "egress-audit: error: " << llvm::toString(loaded.takeError()) << "\n";
    return kExitInputError;
  }
  std::unique_ptr<clang::tooling::CompilationDatabase> db = std::move(*loaded);
  std::vector<std::string> files;
  if (!selectFiles(*db, o, files)) return kExitInputError;

  ExtractOptions eo;
  eo.root = o.root;  // absolute since start-up
  std::error_code ec;
  if (!fs::is_directory(o.root, ec))
    std::cerr << "egress-audit: warning: --root " << o.root << " is not a directory; paths outside it stay absolute\n";
  eo.resourceDir = EGRESS_CLANG_RESOURCE_DIR;
  eo.jobs = o.jobs;
  eo.progress = !o.quiet && isatty(STDERR_FILENO) != 0;
  // The inventory and the HTML report (which holds it) list sinks without data too.
  eo.everySink = o.inventory || o.format == "html";
  eo.extraArgs = o.extraArgs;
  eo.cacheDir = usableCacheDir(o.cacheDir);
  // An inventory's facts hold every sink: never mixed with a scan's in a cache.
  const std::string key =
      extractionKey(rulesDirOf(o), r.rules, o.extraArgs, EGRESS_CLANG_RESOURCE_DIR) + (eo.everySink ? "-inventory" : "");
  eo.cacheKey = key;
  if (o.shards > 0) files = shardOf(files, o.shard, o.shards);
  ScanStats stats;
  std::vector<TUFacts> tus = extractAll(*db, files, r.rules, eo);
  for (TUFacts& tu : tus) tu.rulesKey = key;
  stats.stage("extract");
  if (!o.factsDir.empty()) {
    if (llvm::Error e = writeFactsDir(tus, o.factsDir)) {
      std::cerr << "egress-audit: error: " << llvm::toString(std::move(e)) << "\n";
      return kExitInputError;
    }
    stats.stage("facts-dir");
  }
  if (llvm::Error e = linkAndJudge(tus, o, r, stats)) {
    std::cerr << llvm::toString(std::move(e)) << "\n";
    return kExitInputError;
  }
  return r;
}

// Link, judge and coverage of extracted (or merged) facts; --stats reports them.
// A malformed justification comment is an input error ("file:line:col: ...").
llvm::Error linkAndJudge(const std::vector<TUFacts>& tus, const ScanOptions& o, ScanResult& r, ScanStats& stats) {
  auto justifications = parseJustifications(tus, r.rules, todayDate());
  if (!justifications) return justifications.takeError();
  LinkStats linked;
  const std::vector<Flow> flows = link(tus, &linked);
  stats.stage("link");
  r.findings = judge(flows, r.rules);
  const std::vector<std::string> notes = applyJustifications(r.findings, *justifications);
  stats.stage("judge");
  r.coverage = coverageOf(tus, linked);
  r.coverage.warnings.insert(r.coverage.warnings.end(), notes.begin(), notes.end());
  if (o.stats || std::getenv("EGRESS_DEBUG_TIME")) stats.write(std::cerr, tus, linked);
  return llvm::Error::success();
}

int report(const ScanResult& r, const ScanOptions& o) {
  std::ofstream file;
  if (!o.output.empty()) {
    file.open(o.output);
    if (!file) {
      std::cerr << "egress-audit: error: cannot write " << o.output << ": " << std::strerror(errno) << "\n";
      return kExitInputError;
    }
  }
  std::ostream& out = o.output.empty() ? std::cout : file;
  if (o.format == "json") writeJson(out, r.findings, r.coverage);
  else if (o.format == "sarif") writeSarif(out, r.findings, r.coverage, r.rules, o.root);
  else if (o.format == "markdown") writeMarkdown(out, r.findings, r.coverage);
  else if (o.format == "html") writeHtml(out, r.findings, r.coverage, r.rules, o.root);
  else writeText(out, r.findings, r.coverage);
  // A report that did not reach its file (a full disk, a closed pipe) must not pass
  // for a clean scan.
  out.flush();
  if (file.is_open()) file.close();
  if (!out || (!o.output.empty() && !file)) {
    std::cerr << "egress-audit: error: writing the report to " << (o.output.empty() ? "standard output" : o.output)
              << " failed\n";
    return kExitInputError;
  }

  const bool failing = std::any_of(r.findings.begin(), r.findings.end(), [&](const Finding& f) {
    if (f.accepted()) return false;
    return f.verdict == "violation" || (f.verdict == "unresolved" && r.rules.policy.unresolvedFails);
  });
  if (failing) return kExitViolations;
  if (o.strict && r.coverage.incomplete()) return kExitIncomplete;
  return kExitClean;
}

// The --baseline file, read before the scan: one that cannot be read is an input
// error found at once, not after the whole program was parsed.
bool readBaselineOption(const ScanOptions& o, std::optional<Baseline>& out) {
  if (o.baselineFile.empty()) return true;
  auto baseline = readBaseline(o.baselineFile);
  if (!baseline) {
    std::cerr << "egress-audit: error: " << llvm::toString(baseline.takeError()) << "\n";
    return false;
  }
  out = std::move(*baseline);
  return true;
}

void markBaseline(ScanResult& r, const std::optional<Baseline>& baseline, const ScanOptions& o) {
  if (baseline)
    applyBaseline(r.findings, *baseline, o.baselineMode == "pairs" ? BaselineMode::Pairs : BaselineMode::Findings);
}

// --changed: only findings whose sink, source or a path step lies in a changed file.
// The rest of the program was still linked, so a flow from an unchanged file into a
// changed one is reported.
void keepChanged(ScanResult& r, const ScanOptions& o) {
  if (!o.changedOnly) return;
  std::set<std::string> changed;
  for (const std::string& f : o.changedFiles) changed.insert(relativeTo(f, o.root));
  const auto touches = [&](const Finding& f) {
    if (changed.count(f.sink.file) || changed.count(f.source.file)) return true;
    return std::any_of(f.path.begin(), f.path.end(), [&](const Step& s) { return changed.count(s.loc.file) > 0; });
  };
  const auto before = r.findings.size();
  r.findings.erase(std::remove_if(r.findings.begin(), r.findings.end(), [&](const Finding& f) { return !touches(f); }),
                   r.findings.end());
  r.coverage.notChanged = unsigned(before - r.findings.size());
}

int scan(const ScanOptions& o) {
  std::optional<Baseline> baseline;
  if (!readBaselineOption(o, baseline)) return kExitInputError;
  auto result = runScan(o);
  if (auto* code = std::get_if<int>(&result)) return *code;
  ScanResult& r = std::get<ScanResult>(result);
  markBaseline(r, baseline, o);
  keepChanged(r, o);
  return report(r, o);
}

// Every egress point: a scan in which each sink carries an egress-point origin, so
// sinks without data are linked, resolved and listed too.
int inventory(ScanOptions o) {
  o.inventory = true;
  auto result = runScan(o);
  if (auto* code = std::get_if<int>(&result)) return *code;
  const ScanResult& r = std::get<ScanResult>(result);
  std::ofstream file;
  if (!o.output.empty()) file.open(o.output);
  std::ostream& out = o.output.empty() ? std::cout : file;
  writeInventory(out, r.findings, r.coverage, r.rules, o.format == "json");
  out.flush();
  if (!out) {
    std::cerr << "egress-audit: error: writing the inventory to " << (o.output.empty() ? "standard output" : o.output)
              << " failed\n";
    return kExitInputError;
  }
  return kExitClean;
}

// Writes every current finding as the accepted state.
int writeBaseline(const ScanOptions& o) {
  auto result = runScan(o);
  if (auto* code = std::get_if<int>(&result)) return *code;
  const ScanResult& r = std::get<ScanResult>(result);
  std::ofstream out(o.output);
  out << baselineToJson(r.findings);
  out.close();
  if (!out) {
    std::cerr << "egress-audit: error: cannot write the baseline to " << o.output << "\n";
    return kExitInputError;
  }
  std::cerr << "egress-audit: baseline of " << r.findings.size() << " findings written to " << o.output << "\n";
  return kExitClean;
}

int merge(const ScanOptions& o) {
  std::optional<Baseline> baseline;
  if (!readBaselineOption(o, baseline)) return kExitInputError;
  ScanStats stats;
  ScanResult r;
  if (!loadRuleSet(o, r.rules)) return kExitInputError;
  auto read = readFactsInputs(o.files, extractionKey(rulesDirOf(o), r.rules, o.extraArgs, EGRESS_CLANG_RESOURCE_DIR));
  if (!read) {
    std::cerr << "egress-audit: error: " << llvm::toString(read.takeError()) << "\n";
    return kExitInputError;
  }
  const std::vector<TUFacts> tus = std::move(*read);
  stats.stage("read facts");
  if (llvm::Error e = linkAndJudge(tus, o, r, stats)) {
    std::cerr << llvm::toString(std::move(e)) << "\n";
    return kExitInputError;
  }
  markBaseline(r, baseline, o);
  return report(r, o);
}


int explain(const std::string& fingerprint, const ScanOptions& o) {
  auto result = runScan(o);
  if (auto* code = std::get_if<int>(&result)) return *code;
  const ScanResult& r = std::get<ScanResult>(result);
  unsigned shown = 0;
  for (const Finding& f : r.findings) {
    if (f.fingerprint.compare(0, fingerprint.size(), fingerprint) != 0) continue;
    if (shown++) std::cout << "\n";
    writeExplanation(std::cout, f, r.rules);
  }
  if (shown == 0) {
    std::cerr << "egress-audit: error: no finding has fingerprint " << fingerprint << "\n";
    return kExitInputError;
  }
  return kExitClean;
}

// Paths the user gave are relative to where the tool was started, whatever the
// analysis does later.
void makePathsAbsolute(ScanOptions& o) {
  std::error_code ec;
  for (std::string* p : {&o.output, &o.cacheDir, &o.factsDir, &o.buildDir, &o.root, &o.rulesDir, &o.policyFile, &o.configFile,
                         &o.baselineFile}) {
    if (p->empty() || *p == "-") continue;
    const fs::path abs = fs::absolute(*p, ec);
    if (!ec) *p = abs.lexically_normal().string();
  }
}

}  // namespace

int dispatch(const Command& cmd);

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

int dispatch(const Command& cmd) {
  switch (cmd.kind) {
    case Command::Help: std::cout << usageText(); return kExitClean;
    case Command::Version: std::cout << "egress-audit " << kVersion << "\n"; return kExitClean;
    case Command::Scan: return scan(cmd.scan);
    case Command::Explain: return explain(cmd.fingerprint, cmd.scan);
    case Command::Merge: return merge(cmd.scan);
    case Command::Baseline: return writeBaseline(cmd.scan);
    case Command::Inventory: return inventory(cmd.scan);
    case Command::TestRules: {
      const TestRulesOptions t{cmd.scan.files[0], cmd.scan.rulesDir.empty() ? defaultRulesDir() : cmd.scan.rulesDir,
                               cmd.scan.policyFile, cmd.scan.configFile, EGRESS_CLANG_RESOURCE_DIR,
                               cmd.scan.extraArgs};
      return runTestRules(t, std::cout, std::cerr);
    }
  }
  return kExitInputError;
}
