// What a scan produces: the report in each format, the inventory, the baseline file,
// an explanation, and the exit code.
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>

#include "facts/Errors.h"
#include "judge/Baseline.h"
#include "scan/Scan.h"

namespace egress {
namespace {

// Writes through `write` to options.output (or `fallback`); a report that did not
// reach its file (a full disk, a closed pipe) must not pass for a clean scan.
template <typename Write> llvm::Error writeTo(const ScanOptions& o, std::ostream& fallback, const Write& write) {
  std::ofstream file;
  if (!o.output.empty()) {
    file.open(o.output);
    if (!file) return inputProblem("cannot write " + o.output + ": " + std::strerror(errno));
  }
  std::ostream& out = o.output.empty() ? fallback : file;
  write(out);
  out.flush();
  if (file.is_open()) file.close();
  if (!out || (!o.output.empty() && !file))
    return inputProblem("writing the report to " + (o.output.empty() ? std::string("standard output") : o.output) +
                        " failed");
  return llvm::Error::success();
}

}  // namespace

llvm::Error writeReport(const ScanResult& r, const ScanOptions& o, std::ostream& fallback) {
  return writeTo(o, fallback, [&](std::ostream& out) {
    if (o.format == "json") writeJson(out, r.findings, r.coverage);
    else if (o.format == "sarif") writeSarif(out, r.findings, r.coverage, *r.rules, o.root);
    else if (o.format == "markdown") writeMarkdown(out, r.findings, r.coverage);
    else if (o.format == "html") writeHtml(out, r.findings, r.coverage, *r.rules, o.root);
    else writeText(out, r.findings, r.coverage);
  });
}

llvm::Error writeInventoryReport(const ScanResult& r, const ScanOptions& o, std::ostream& fallback) {
  return writeTo(o, fallback,
                 [&](std::ostream& out) { writeInventory(out, r.findings, r.coverage, *r.rules, o.format == "json"); });
}

llvm::Error writeBaselineFile(const ScanResult& r, const ScanOptions& o) {
  std::ofstream out(o.output);
  out << baselineToJson(r.findings);
  out.close();
  if (!out) return inputProblem("cannot write the baseline to " + o.output);
  return llvm::Error::success();
}

llvm::Error explainFinding(const ScanResult& r, const std::string& fingerprint, std::ostream& out) {
  unsigned shown = 0;
  for (const Finding& f : r.findings) {
    if (f.fingerprint.compare(0, fingerprint.size(), fingerprint) != 0) continue;
    if (shown++) out << "\n";
    writeExplanation(out, f, *r.rules);
  }
  if (shown == 0) return inputProblem("no finding has fingerprint " + fingerprint);
  return llvm::Error::success();
}

int exitCodeOf(const ScanResult& r, const ScanOptions& o) {
  const bool failing = std::any_of(r.findings.begin(), r.findings.end(), [&](const Finding& f) {
    if (f.accepted()) return false;
    return f.verdict == "violation" || (f.verdict == "unresolved" && r.rules->policy.unresolvedFails);
  });
  if (failing) return kExitViolations;
  if (o.strict && r.coverage.incomplete()) return kExitIncomplete;
  return kExitClean;
}

}  // namespace egress
