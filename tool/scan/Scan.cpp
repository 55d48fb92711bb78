#include "scan/Scan.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <set>
#include <unistd.h>

#include <clang/Tooling/CompilationDatabase.h>

#include "extract/Extractor.h"
#include "extract/Paths.h"
#include "facts/Errors.h"
#include "judge/Baseline.h"
#include "judge/Judge.h"
#include "judge/Justifications.h"
#include "link/LinkCache.h"
#include "link/Linker.h"
#include "report/Stats.h"
#include "scan/CompileDatabase.h"
#include "scan/FactsFiles.h"

namespace fs = std::filesystem;

namespace egress {
namespace {

// The files to scan: the ones named (each must be in the database) or all of them.
llvm::Expected<std::vector<std::string>> selectFiles(const clang::tooling::CompilationDatabase& db,
                                                     const ScanOptions& o) {
  std::vector<std::string> all = db.getAllFiles();
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  if (o.files.empty()) return all;
  std::vector<std::string> out;
  for (const std::string& f : o.files) {
    std::error_code ec;
    const std::string abs = fs::weakly_canonical(fs::absolute(f, ec), ec).string();
    auto it = std::find_if(all.begin(), all.end(),
                           [&](const std::string& e) { return fs::weakly_canonical(fs::path(e), ec).string() == abs; });
    if (it == all.end()) return inputProblem(f + ": not in the compile database");
    out.push_back(*it);
  }
  return out;
}

// Every N-th file from the I-th (1-based), over the sorted file list: each shard of a
// CI matrix takes a disjoint slice.
std::vector<std::string> shardOf(const std::vector<std::string>& files, unsigned shard, unsigned shards) {
  std::vector<std::string> out;
  for (std::size_t i = shard - 1; i < files.size(); i += shards) out.push_back(files[i]);
  return out;
}

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

llvm::Expected<std::shared_ptr<const RuleSet>> rulesFor(const ScanRequest& req) {
  if (req.rules) return req.rules;
  const ScanOptions& o = req.options;
  try {
    return std::make_shared<const RuleSet>(loadRules(rulesDirOf(o), o.policyFile, overlayFor(o.root, o.configFile)));
  } catch (const ConfigError& e) {
    return inputProblem(e.what());
  }
}

// What extraction depends on besides the code; computed only when facts are stored
// or read (it hashes the tool's own binary). Inventory facts hold every sink: never
// mixed with a scan's.
std::string keyFor(const ScanRequest& req, const RuleSet& rules, bool everySink) {
  const ScanOptions& o = req.options;
  if (o.cacheDir.empty() && o.factsDir.empty() && !req.fromFacts) return "";
  return extractionKey(rulesDirOf(o), rules, o.extraArgs, req.resourceDir) + (everySink ? "-inventory" : "");
}

// `reused`: with the cache, the link of last time when the facts are the same; the
// cached TUs' functions are then not read at all.
llvm::Expected<std::vector<TUFacts>> extract(const ScanRequest& req, const RuleSet& rules, ScanStats& stats,
                                             std::optional<LinkedResult>& reused) {
  const ScanOptions& o = req.options;
  ExtractOptions eo;
  eo.root = o.root;
  std::error_code ec;
  if (!fs::is_directory(o.root, ec))
    std::cerr << "egress-audit: warning: --root " << o.root << " is not a directory; paths outside it stay absolute\n";
  eo.resourceDir = req.resourceDir;
  eo.jobs = o.jobs;
  eo.progress = !o.quiet && isatty(STDERR_FILENO) != 0;
  // The inventory and the HTML report (which holds it) list sinks without data too.
  eo.everySink = o.inventory || o.format == "html";
  eo.extraArgs = o.extraArgs;
  eo.cacheDir = o.cacheDir;  // made usable (or empty) by runScan
  eo.cacheKey = keyFor(req, rules, eo.everySink);
  eo.linkReused = [&](const std::vector<TUFacts>& tus) {
    if (!o.factsDir.empty()) return false;  // it writes the functions out
    reused = loadLinked(o.cacheDir, linkKey(tus));
    return reused.has_value();
  };
  std::vector<SourceSet> sources = req.sources;
  std::unique_ptr<clang::tooling::CompilationDatabase> loaded;
  if (sources.empty()) {
    auto db = loadCompileDatabase(o.buildDir);
    if (!db) return db.takeError();
    loaded = std::move(*db);
    auto files = selectFiles(*loaded, o);
    if (!files) return files.takeError();
    sources.push_back({loaded.get(), o.shards > 0 ? shardOf(*files, o.shard, o.shards) : *files});
  }
  std::vector<TUFacts> tus;
  for (const SourceSet& set : sources)
    for (TUFacts& tu : extractAll(*set.database, set.files, rules, eo)) tus.push_back(std::move(tu));
  for (TUFacts& tu : tus) tu.rulesKey = eo.cacheKey;
  stats.stage("extract");
  if (!o.factsDir.empty()) {
    if (llvm::Error e = writeFactsDir(tus, o.factsDir)) return std::move(e);
    stats.stage("facts-dir");
  }
  return tus;
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

// With the cache, a program whose facts are all as last time reuses that link.
LinkedResult linkOrReuse(const std::vector<TUFacts>& tus, const std::string& cacheDir,
                         std::optional<LinkedResult> reused) {
  if (reused) return std::move(*reused);
  const std::string key = cacheDir.empty() ? "" : linkKey(tus);
  if (std::optional<LinkedResult> stored = loadLinked(cacheDir, key)) return std::move(*stored);
  LinkedResult linked;
  linked.flows = link(tus, &linked.stats, cacheDir);
  storeLinked(cacheDir, key, linked);
  return linked;
}

}  // namespace

std::string defaultRulesDir() {
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  for (const fs::path& candidate :
       {self.parent_path() / "../share/egress-audit/rules", fs::path(EGRESS_SOURCE_RULES_DIR)})
    if (!self.empty() && fs::is_directory(candidate, ec)) return candidate.lexically_normal().string();
  return EGRESS_SOURCE_RULES_DIR;
}

llvm::Expected<ScanResult> runScan(const ScanRequest& request) {
  ScanRequest req = request;
  if (req.resourceDir.empty()) req.resourceDir = EGRESS_CLANG_RESOURCE_DIR;
  const ScanOptions& o = req.options;
  ScanResult r;
  auto rules = rulesFor(req);
  if (!rules) return rules.takeError();
  r.rules = *rules;
  // The baseline is read first: a broken one is found before the program is parsed.
  std::optional<Baseline> baseline;
  if (!o.baselineFile.empty()) {
    auto read = readBaseline(o.baselineFile);
    if (!read) return read.takeError();
    baseline = std::move(*read);
  }
  ScanStats stats;
  std::optional<LinkedResult> reused;
  if (req.fromFacts) {
    auto read = readFactsInputs(o.files, keyFor(req, *r.rules, false));
    if (!read) return read.takeError();
    r.tus = std::move(*read);
    stats.stage("read facts");
  } else {
    req.options.cacheDir = usableCacheDir(req.options.cacheDir);
    auto tus = extract(req, *r.rules, stats, reused);
    if (!tus) return tus.takeError();
    r.tus = std::move(*tus);
  }
  auto justifications = parseJustifications(r.tus, *r.rules, todayDate());
  if (!justifications) return justifications.takeError();
  LinkedResult linked = linkOrReuse(r.tus, req.fromFacts ? "" : o.cacheDir, std::move(reused));
  const std::vector<Flow>& flows = linked.flows;
  stats.stage("link");
  r.findings = judge(flows, *r.rules);
  const std::vector<std::string> notes = applyJustifications(r.findings, *justifications);
  stats.stage("judge");
  r.coverage = coverageOf(r.tus, linked.stats);
  r.coverage.warnings.insert(r.coverage.warnings.end(), notes.begin(), notes.end());
  if (baseline)
    applyBaseline(r.findings, *baseline, o.baselineMode == "pairs" ? BaselineMode::Pairs : BaselineMode::Findings);
  keepChanged(r, o);
  if (o.stats || std::getenv("EGRESS_DEBUG_TIME")) stats.write(std::cerr, r.tus, linked.stats);
  return r;
}

}  // namespace egress
