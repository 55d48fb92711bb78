// Justifications written in the audited code next to a reviewed flow:
//   // egress-audit: allow <category-glob> [to <host-glob>] -- <reason> [until YYYY-MM-DD]
// on the sink's line or the line above it, or on (or above) the line of a call on
// the finding's path (a wrapper's call site). A justified finding stays in the report
// with its reason and does not fail the scan; one past its date no longer applies.
#pragma once

#include <string>
#include <vector>

#include <llvm/Support/Error.h>

#include "facts/Facts.h"
#include "judge/Judge.h"
#include "rules/Rules.h"

namespace egress {

struct Justification {
  SourceLoc loc;
  std::string categories;  // a category pattern: customer.*, customer.contact, *
  std::string host;        // a host glob; empty: any destination
  std::string reason;
  std::string until;  // YYYY-MM-DD, or empty
  bool expired = false;
  bool used = false;
};

// Every marker comment of the scan (once per place), parsed. A malformed one (no
// reason, an unknown category, a bad date) is an error "file:line:col: ...".
// `today` (YYYY-MM-DD) decides expiry.
llvm::Expected<std::vector<Justification>> parseJustifications(const std::vector<TUFacts>& tus, const RuleSet& rules,
                                                               const std::string& today);
// Attaches the matching justification to each finding it covers (every category of
// the finding covered, the host matching); returns warnings: expired justifications
// that matched, and justifications that match nothing.
std::vector<std::string> applyJustifications(std::vector<Finding>& findings, std::vector<Justification>& list);

// Today's date, YYYY-MM-DD (UTC); EGRESS_AUDIT_TODAY overrides it for reproducible runs.
std::string todayDate();

}  // namespace egress
