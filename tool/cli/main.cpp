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
#include <set>
#include <sstream>
#include <unistd.h>
#include <variant>

#include <clang/Tooling/JSONCompilationDatabase.h>

#include "cli/Options.h"
#include "cli/TestRules.h"
#include "extract/Extractor.h"
#include "extract/Isolation.h"
#include "facts/FactsJson.h"
#include "facts/TaintOps.h"
#include "judge/Judge.h"
#include "link/Linker.h"
#include "report/Report.h"
#include "report/Version.h"
#include "rules/Rules.h"

namespace fs = std::filesystem;
using namespace egress;

namespace {

constexpr int kExitClean = 0;
constexpr int kExitViolations = 1;
constexpr int kExitInputError = 2;
constexpr int kExitIncomplete = 3;

std::unique_ptr<clang::tooling::CompilationDatabase> loadDatabase(const std::string& where) {
  std::string error;
  const fs::path p(where);
  const fs::path file = p.extension() == ".json" ? p : p / "compile_commands.json";
  if (!fs::exists(file)) {
    std::cerr << "egress-audit: error: no compile database: looked for " << file.string()
              << " (configure the project with -DCMAKE_EXPORT_COMPILE_COMMANDS=ON)\n";
    return nullptr;
  }
  auto db = clang::tooling::JSONCompilationDatabase::loadFromFile(
      file.string(), error, clang::tooling::JSONCommandLineSyntax::AutoDetect);
  if (!db) std::cerr << "egress-audit: error: " << file.string() << ": invalid compile database: " << error << "\n";
  return db;
}

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
    const std::string abs = fs::weakly_canonical(fs::absolute(f), ec).string();
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
  const fs::path self = fs::read_symlink("/proc/self/exe");
  for (const fs::path& candidate : {self.parent_path() / "../share/egress-audit/rules", fs::path(EGRESS_SOURCE_RULES_DIR)})
    if (fs::is_directory(candidate)) return candidate.lexically_normal().string();
  return EGRESS_SOURCE_RULES_DIR;
}

// One JSON file per TU, named after the TU's path.
bool writeFacts(const std::vector<TUFacts>& tus, const std::string& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  for (const TUFacts& tu : tus) {
    std::string name = tu.file;
    for (char& c : name)
      if (c == '/' || c == '\\') c = '_';
    std::ofstream out(fs::path(dir) / (name + ".facts.json"));
    out << factsToJson(tu) << "\n";
    if (!out) {
      std::cerr << "egress-audit: error: cannot write facts to " << dir << "\n";
      return false;
    }
  }
  return true;
}

// Every N-th file from the I-th (1-based), over the sorted file list: each shard of a
// CI matrix takes a disjoint slice.
std::vector<std::string> shardOf(const std::vector<std::string>& files, unsigned shard, unsigned shards) {
  std::vector<std::string> out;
  for (std::size_t i = shard - 1; i < files.size(); i += shards) out.push_back(files[i]);
  return out;
}

// Facts files named on the command line, or every *.facts.json in named directories.
bool readFacts(const std::vector<std::string>& inputs, std::vector<TUFacts>& out) {
  std::vector<fs::path> files;
  for (const std::string& in : inputs) {
    if (fs::is_directory(in)) {
      for (const auto& e : fs::directory_iterator(in))
        if (e.path().string().size() > 11 && e.path().string().rfind(".facts.json") == e.path().string().size() - 11)
          files.push_back(e.path());
    } else {
      files.emplace_back(in);
    }
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    std::ifstream stream(f);
    std::stringstream text;
    text << stream.rdbuf();
    std::string error;
    auto tu = stream ? factsFromJson(text.str(), error) : std::nullopt;
    if (!tu) {
      std::cerr << "egress-audit: error: " << f.string() << ": " << (stream ? error : "cannot read file") << "\n";
      return false;
    }
    out.push_back(std::move(*tu));
  }
  if (out.empty()) std::cerr << "egress-audit: error: no *.facts.json found in the given inputs\n";
  return !out.empty();
}

struct ScanResult {
  RuleSet rules;
  std::vector<Finding> findings;
  Coverage coverage;
};

// What cached facts depend on besides the TU's own files: the tool, the library
// models and data rules (not the policy: it is applied after extraction), options.
std::string cacheKey(const ScanOptions& o) {
  std::string key = std::string(kVersion) + '\0' + EGRESS_CLANG_RESOURCE_DIR + '\0';
  for (const auto& a : o.extraArgs) key += a + '\0';
  const fs::path rules = o.rulesDir.empty() ? fs::path(defaultRulesDir()) : fs::path(o.rulesDir);
  std::vector<fs::path> files;
  for (const char* sub : {"data", "apis"}) {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(rules / sub, ec)) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    std::ifstream in(f);
    std::stringstream text;
    text << in.rdbuf();
    key += f.filename().string() + '\0' + text.str() + '\0';
  }
  return hashText(key);
}

// The rules and policy the options name; a broken file is reported with its position.
bool loadRuleSet(const ScanOptions& o, RuleSet& out) {
  try {
    out = loadRules(o.rulesDir.empty() ? defaultRulesDir() : o.rulesDir, o.policyFile);
    return true;
  } catch (const ConfigError& e) {
    std::cerr << e.what() << "\n";
    return false;
  }
}

// Rules, compile database, extract, link, judge. Returns an exit code on failure.
std::variant<ScanResult, int> runScan(const ScanOptions& o) {
  ScanResult r;
  if (!loadRuleSet(o, r.rules)) return kExitInputError;
  auto db = loadDatabase(o.buildDir);
  if (!db) return kExitInputError;
  std::vector<std::string> files;
  if (!selectFiles(*db, o, files)) return kExitInputError;

  ExtractOptions eo;
  eo.root = fs::absolute(o.root).lexically_normal().string();  // the tool chdirs per TU
  eo.resourceDir = EGRESS_CLANG_RESOURCE_DIR;
  eo.jobs = o.jobs;
  eo.progress = isatty(STDERR_FILENO) != 0;
  eo.extraArgs = o.extraArgs;
  eo.cacheDir = o.cacheDir;
  if (!o.cacheDir.empty()) eo.cacheKey = cacheKey(o);
  if (o.shards > 0) files = shardOf(files, o.shard, o.shards);
  const auto t0 = std::chrono::steady_clock::now();
  const std::vector<TUFacts> tus = extractAll(*db, files, r.rules, eo);
  if (!o.factsDir.empty() && !writeFacts(tus, o.factsDir)) return kExitInputError;
  const auto t1 = std::chrono::steady_clock::now();
  LinkStats stats;
  r.findings = judge(link(tus, &stats), r.rules);
  if (std::getenv("EGRESS_DEBUG_TIME")) {
    const auto ms = [](auto d) { return std::chrono::duration_cast<std::chrono::milliseconds>(d).count(); };
    std::cerr << "extract " << ms(t1 - t0) << " ms, link+judge " << ms(std::chrono::steady_clock::now() - t1) << " ms\n";
  }
  r.coverage = coverageOf(tus, stats);
  return r;
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
    return f.verdict == "violation" || (f.verdict == "unresolved" && r.rules.policy.unresolvedFails);
  });
  if (failing) return kExitViolations;
  if (o.strict && r.coverage.incomplete()) return kExitIncomplete;
  return kExitClean;
}

int scan(const ScanOptions& o) {
  auto result = runScan(o);
  if (auto* code = std::get_if<int>(&result)) return *code;
  return report(std::get<ScanResult>(result), o);
}

int merge(const ScanOptions& o) {
  ScanResult r;
  if (!loadRuleSet(o, r.rules)) return kExitInputError;
  std::vector<TUFacts> tus;
  if (!readFacts(o.files, tus)) return kExitInputError;
  LinkStats stats;
  r.findings = judge(link(tus, &stats), r.rules);
  r.coverage = coverageOf(tus, stats);
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
  for (std::string* p : {&o.output, &o.cacheDir, &o.factsDir, &o.buildDir, &o.root, &o.rulesDir, &o.policyFile}) {
    if (p->empty() || *p == "-") continue;
    const fs::path abs = fs::absolute(*p, ec);
    if (!ec) *p = abs.lexically_normal().string();
  }
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
  switch (cmd.kind) {
    case Command::Help: std::cout << usageText(); return kExitClean;
    case Command::Version: std::cout << "egress-audit " << kVersion << "\n"; return kExitClean;
    case Command::Scan: return scan(cmd.scan);
    case Command::Explain: return explain(cmd.fingerprint, cmd.scan);
    case Command::Merge: return merge(cmd.scan);
    case Command::TestRules: {
      const TestRulesOptions t{cmd.scan.files[0], cmd.scan.rulesDir.empty() ? defaultRulesDir() : cmd.scan.rulesDir,
                               cmd.scan.policyFile, EGRESS_CLANG_RESOURCE_DIR, cmd.scan.extraArgs};
      return runTestRules(t, std::cout, std::cerr);
    }
  }
  return kExitInputError;
}
