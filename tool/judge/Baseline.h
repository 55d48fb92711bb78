// Baselines: the findings a team has reviewed and accepted, so a CI gate fails only on
// what is new. Two ways to compare: by finding fingerprint (each reviewed flow), or by
// data -> destination pairs (a new code path sending a category already sent to a
// destination is not new).
#pragma once

#include <set>
#include <string>
#include <vector>

#include <llvm/Support/Error.h>

#include "judge/Judge.h"

namespace egress {

enum class BaselineMode { Findings, Pairs };

struct Baseline {
  std::set<std::string> fingerprints;
  std::set<std::string> pairs;  // "category -> destination key"
};

// Where a finding's data goes, as the pairs mode compares it: the host; else the
// operator and country; else the unresolved input (env:X); else the display text.
std::string destinationKey(const Destination& d);
// "customer.contact -> api.example.cn", one per category and possible destination.
std::vector<std::string> dataPairs(const Finding& f);

std::string baselineToJson(const std::vector<Finding>& findings);
// Reads a file written by `egress-audit baseline`; errors name the file.
llvm::Expected<Baseline> readBaseline(const std::string& file);
// Sets each finding's `baseline` to "known" or "new".
void applyBaseline(std::vector<Finding>& findings, const Baseline& baseline, BaselineMode mode);

}  // namespace egress
