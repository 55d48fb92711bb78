// Report stage: findings and coverage as JSON (the stable contract) or as text that
// reads like compiler diagnostics with a note per evidence step.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "facts/Facts.h"
#include "facts/Findings.h"
#include "link/Linker.h"
#include "rules/Rules.h"

namespace egress {

// A budget of the analysis that dropped or merged something.
struct LimitReport {
  std::string limit;    // "string-alternatives"
  unsigned count = 0;   // times it was hit
  std::string example;  // the first function or file (by name) that hit it
  std::string effect;   // what it means for the answer
  bool evidenceOnly = false;
};

struct Coverage {
  unsigned translationUnits = 0;
  std::vector<std::pair<std::string, std::string>> failed;   // file, reason
  std::vector<std::pair<std::string, std::string>> partial;  // file, first error
  std::vector<std::string> warnings;                         // "file:line:col: message"
  std::vector<LimitReport> limits;
  unsigned notChanged = 0;  // --changed: findings left out because no changed file is on their path
  // Something may be missing from the answer: a TU failed or was partial, or a limit
  // that can affect findings was hit (what --strict turns into exit 3).
  bool incomplete() const;
};

Coverage coverageOf(const std::vector<TUFacts>& tus, const LinkStats& link);
void writeJson(std::ostream& out, const std::vector<Finding>& findings, const Coverage& coverage);
void writeText(std::ostream& out, const std::vector<Finding>& findings, const Coverage& coverage);
// The egress inventory: one entry per sink and destination, from the findings of an
// inventory scan; text or JSON ("format": "egress-audit-inventory/1").
void writeInventory(std::ostream& out, const std::vector<Finding>& findings, const Coverage& coverage,
                    const RuleSet& rules, bool json);
// One self-contained HTML file: summary, data-flow map (SVG), findings with source
// lines (read below `root`), inventory, coverage. `findings` come from an inventory
// scan: those with verdict "none" appear only in the map and the inventory.
void writeHtml(std::ostream& out, const std::vector<Finding>& findings, const Coverage& coverage, const RuleSet& rules,
               const std::string& root);
// Markdown for pull-request comments: summary, a table, the evidence collapsed.
void writeMarkdown(std::ostream& out, const std::vector<Finding>& findings, const Coverage& coverage);
// SARIF 2.1.0; `root` (absolute) is the base that relative paths are relative to.
void writeSarif(std::ostream& out, const std::vector<Finding>& findings, const Coverage& coverage, const RuleSet& rules,
                const std::string& root);
// Why a finding got its verdict: the rules consulted, the catalog entry or TLD that
// located the destination, and how the destination string was put together.
void writeExplanation(std::ostream& out, const Finding& finding, const RuleSet& rules);

}  // namespace egress
