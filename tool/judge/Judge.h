// Judge stage: where does each flow go (URL parsing, bindings, the destination
// catalog) and does the policy allow it. Produces the findings that get reported.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "facts/Facts.h"
#include "link/Linker.h"
#include "rules/Rules.h"

namespace egress {

struct Destination {
  std::string display;     // "https://api.example.de/v1", "file:/var/spool/x.csv"
  std::string host;        // empty when not known
  std::string scheme, port, path;  // URL parts, where the text has them
  std::string unresolved;  // "env:X", "config:KEY", "param:url", "unknown"; empty when resolved
  std::string filePath;    // serialization sinks: the file written, where known
  std::string country, op, jurisdiction, entry;
  std::vector<std::string> regions;
  bool internal = false;
  std::string how;  // how the location was decided, for explanations
  // The other possible values of the destination that got the same verdict: one sink
  // and one data set give one finding per verdict, not one per value.
  std::vector<std::string> alternatives;
};

// The justification in the code that covers a finding (judge/Justifications.h).
struct JustificationRef {
  std::string reason;
  std::string until;  // YYYY-MM-DD or empty
  std::string at;     // file:line:col of the comment
  bool expired = false;
};

struct Finding {
  std::string fingerprint;
  std::string verdict;  // violation | allowed | unresolved
  std::string rule;     // deciding policy rule, empty for none
  std::vector<std::string> categories;
  std::string kind;
  std::string api;
  SourceLoc sink;
  SourceLoc source;
  std::string what;
  Destination destination;
  StrVal destinationValue;  // what the analysis found, before the policy's bindings
  Path path;
  std::string function;
  std::vector<std::string> reasons;  // one line per category: why this verdict
  std::string baseline;              // with --baseline: "known" or "new"; else empty
  std::optional<JustificationRef> justification;
  // Accepted: justified in the code (and not expired), or known in the baseline.
  bool accepted() const { return baseline == "known" || (justification && !justification->expired); }
};

// Where a destination string points, after the policy's bindings.
Destination resolveDestination(const StrVal& value, const std::string& kind,
                               const std::vector<std::string>& paramNames, const RuleSet& rules);
std::vector<Finding> judge(const std::vector<Flow>& flows, const RuleSet& rules);

}  // namespace egress
