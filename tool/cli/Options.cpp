#include "cli/Options.h"

#include <algorithm>

namespace egress {
namespace {

// "--flag=value" or "--flag value"; "-p DIR" or "-pDIR".
bool takeValue(const std::vector<std::string>& args, std::size_t& i, const std::string& flag, std::string& out) {
  const std::string& a = args[i];
  if (a == flag) {
    if (i + 1 >= args.size()) throw UsageError{"option " + flag + " expects a value"};
    out = args[++i];
    return true;
  }
  if (a.rfind(flag + "=", 0) == 0) {
    out = a.substr(flag.size() + 1);
    return true;
  }
  if (flag.size() == 2 && a.size() > 2 && a.rfind(flag, 0) == 0 && a[2] != '-') {
    out = a.substr(2);
    return true;
  }
  return false;
}

unsigned jobsValue(const std::string& v) {
  if (v.empty() || v.size() > 4 || !std::all_of(v.begin(), v.end(), ::isdigit) || std::stoul(v) == 0)
    throw UsageError{"option -j expects a positive number, got '" + v + "'"};
  return unsigned(std::stoul(v));
}

ScanOptions parseScan(const std::vector<std::string>& args, std::size_t i, bool needBuildDir) {
  ScanOptions o;
  std::string value;
  for (; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (takeValue(args, i, "-p", o.buildDir) || takeValue(args, i, "--root", o.root) ||
        takeValue(args, i, "--rules", o.rulesDir) || takeValue(args, i, "--policy", o.policyFile) ||
        takeValue(args, i, "--config", o.configFile) || takeValue(args, i, "--baseline", o.baselineFile) ||
        takeValue(args, i, "-o", o.output) || takeValue(args, i, "--output", o.output) ||
        takeValue(args, i, "--facts-dir", o.factsDir) || takeValue(args, i, "--cache", o.cacheDir))
      continue;
    if (takeValue(args, i, "--format", o.format)) {
      if (o.format != "text" && o.format != "json" && o.format != "sarif" && o.format != "markdown" &&
          o.format != "html")
        throw UsageError{"option --format expects text, json, sarif, markdown or html, got '" + o.format + "'"};
      continue;
    }
    if (takeValue(args, i, "--baseline-mode", o.baselineMode)) {
      if (o.baselineMode != "findings" && o.baselineMode != "pairs")
        throw UsageError{"option --baseline-mode expects findings or pairs, got '" + o.baselineMode + "'"};
      continue;
    }
    if (takeValue(args, i, "-j", value) || takeValue(args, i, "--jobs", value)) {
      o.jobs = jobsValue(value);
      continue;
    }
    if (takeValue(args, i, "--extra-arg", value)) {
      o.extraArgs.push_back(value);
      continue;
    }
    if (takeValue(args, i, "--shard", value)) {
      const auto slash = value.find('/');
      const std::string first = value.substr(0, slash),
                        second = slash == std::string::npos ? "" : value.substr(slash + 1);
      const auto number = [](const std::string& t) {
        return !t.empty() && t.size() < 6 && std::all_of(t.begin(), t.end(), ::isdigit) ? unsigned(std::stoul(t)) : 0u;
      };
      o.shard = number(first);
      o.shards = number(second);
      if (o.shard == 0 || o.shards == 0 || o.shard > o.shards)
        throw UsageError{"option --shard expects I/N with 1 <= I <= N, got '" + value + "'"};
      continue;
    }
    if (a == "--stats") {
      o.stats = true;
      continue;
    }
    if (a == "--quiet" || a == "-q") {
      o.quiet = true;
      continue;
    }
    if (a == "--changed") {
      o.changedOnly = true;
      continue;
    }
    if (a == "--strict") {
      o.strict = true;
      continue;
    }
    if (!a.empty() && a[0] == '-') throw UsageError{"unknown option '" + a + "' (see egress-audit --help)"};
    o.files.push_back(a);
  }
  if (needBuildDir && o.buildDir.empty())
    throw UsageError{"scan needs -p BUILD_DIR (the directory holding compile_commands.json)"};
  if (o.changedOnly) o.changedFiles = std::move(o.files), o.files.clear();
  return o;
}

}  // namespace

Command parseCommandLine(const std::vector<std::string>& args) {
  Command c;
  if (args.empty()) throw UsageError{"missing command (see egress-audit --help)"};
  const std::string& first = args[0];
  if (first == "--help" || first == "-h" || first == "help") return c;
  if (first == "--version") {
    c.kind = Command::Version;
    return c;
  }
  if (first == "scan") {
    if (std::find(args.begin(), args.end(), "--help") != args.end()) return c;
    c.kind = Command::Scan;
    c.scan = parseScan(args, 1, true);
    return c;
  }
  if (first == "inventory") {
    c.kind = Command::Inventory;
    c.scan = parseScan(args, 1, true);
    if (c.scan.format != "text" && c.scan.format != "json") throw UsageError{"inventory writes text or json"};
    return c;
  }
  if (first == "baseline") {
    c.kind = Command::Baseline;
    c.scan = parseScan(args, 1, true);
    if (c.scan.output.empty()) throw UsageError{"baseline needs -o FILE (where to write the accepted findings)"};
    return c;
  }
  if (first == "explain") {
    if (args.size() < 2 || args[1].empty() || args[1][0] == '-')
      throw UsageError{"explain expects a finding's fingerprint, then the scan options"};
    c.kind = Command::Explain;
    c.fingerprint = args[1];
    c.scan = parseScan(args, 2, true);
    return c;
  }
  if (first == "merge") {
    c.kind = Command::Merge;
    c.scan = parseScan(args, 1, false);
    if (c.scan.files.empty()) throw UsageError{"merge expects facts directories or files written by scan --facts-dir"};
    return c;
  }
  if (first == "test-rules") {
    c.kind = Command::TestRules;
    c.scan = parseScan(args, 1, false);
    if (c.scan.files.size() != 1) throw UsageError{"test-rules expects one directory of annotated sources"};
    return c;
  }
  throw UsageError{"unknown command or option '" + first + "' (see egress-audit --help)"};
}

std::string usageText() {
  return R"(usage: egress-audit scan -p BUILD_DIR [FILES...] [options]
       egress-audit baseline -p BUILD_DIR [FILES...] -o FILE [options]
       egress-audit inventory -p BUILD_DIR [FILES...] [--format text|json] [options]
       egress-audit explain FINGERPRINT -p BUILD_DIR [FILES...] [options]
       egress-audit merge FACTS... [--rules DIR] [--policy FILE] [--config FILE] [--format F] [-o FILE]
       egress-audit test-rules DIR [--rules DIR] [--policy FILE] [--config FILE] [--extra-arg ARG]
       egress-audit --version | --help

Finds where customer, seller and shipment data reaches network and export calls,
resolves the destination and judges it against a YAML policy.

scan options:
  -p BUILD_DIR        directory with compile_commands.json (or the file itself)
  FILES...            translation units to scan (default: every entry of the database)
  --root DIR          report paths relative to DIR (default: current directory)
  --rules DIR         rules directory (default: the bundled rules)
  --policy FILE       policy file (default: RULES/policies/eu-residency.yaml)
  --config FILE       project overlay adding to the rules (default: ROOT/.egress-audit.yaml
                      when it exists; see docs/rules.md "Project overlay")
  --format FORMAT     text (default), json, sarif (SARIF 2.1.0 for code scanning),
                      markdown (for pull-request comments) or html (one self-contained
                      audit report: summary, data-flow map, findings, inventory)
  -o FILE             write the report to FILE instead of standard output
  -j N                parse N translation units in parallel (default: 1)
  --extra-arg ARG     append ARG to every compiler command (repeatable)
  --facts-dir DIR     also write each translation unit's facts to DIR as JSON
  --cache DIR         keep facts in DIR; later scans parse only the translation
                      units one of whose files changed (pre-commit re-scans)
  --shard I/N         extract only the I-th of N slices of the database (with
                      --facts-dir; then `merge` the slices' facts into one report)
  --baseline FILE     findings known in FILE (written by `baseline`) are reported as
                      known and do not fail the scan; only new ones do
  --baseline-mode M   findings (default: the same finding, by fingerprint) or pairs
                      (known when each category already went to that destination)
  --strict            exit 3 when the analysis is incomplete (coverage.complete false)
  --stats             print time, peak memory and sizes per stage to standard error
  --changed           FILES are changed files (sources or headers, as pre-commit passes
                      them): scan the whole database (use --cache) and report only
                      findings whose evidence passes through one of them
  -q, --quiet         no progress line (shown only when standard error is a terminal:
                      translation units done/total, seconds elapsed, the last file)

inventory scans like scan and lists every egress point (network and file), with or
without classified data: destination, library and API, whether the channel is
encrypted, the categories it carries.

baseline scans like scan and writes every finding to FILE as the accepted state;
later scans with --baseline FILE fail only on what is new.

merge links and judges TU facts written by `scan --facts-dir` (on several machines,
with --shard) as one program, and reports like scan.

explain scans like scan and prints why the finding with that fingerprint (or a
prefix of it) got its verdict: the policy rules, the catalog entry, the destination.

test-rules runs the analysis over annotated sources in DIR (each folder one program,
flags from compile_flags.txt, overlay DIR/.egress-audit.yaml if present) and checks
`// expect: VERDICT CATEGORY...` and `// expect-none` comments; it prints
"N passed, N failed" and exits 1 on a failure.

exit codes: 0 no violation, 1 violations, 2 usage/config/input error,
            3 analysis incomplete (with --strict)
)";
}

}  // namespace egress
