// What the link and judge stages hand on: flows (data reaching a sink, before the
// policy) and findings (a flow judged, with its destination resolved). Plain structs,
// shared by judge, report and the scan library.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "facts/Facts.h"

namespace egress {

// A concrete flow of classified data to a sink, before the policy is applied.
struct Flow {
  std::string api;
  std::string kind;
  SourceLoc sink;
  std::vector<Origin> origins;          // one per category and source, each with its path
  StrVal destination;                   // may still hold unbound parameters or env/config pieces
  std::vector<std::string> paramNames;  // names for unbound Param pieces of `destination`
  Path callChain;                       // call sites from the function where the data was found
  std::string function;                 // that function
  bool encrypted = false;               // the code turned TLS on for the channel
};

struct Destination {
  std::string display;             // "https://api.example.de/v1", "file:/var/spool/x.csv"
  std::string host;                // empty when not known
  std::string scheme, port, path;  // URL parts, where the text has them
  std::string unresolved;          // "env:X", "config:KEY", "param:url", "unknown"; empty when resolved
  std::string filePath;            // serialization sinks: the file written, where known
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
  bool encrypted = false;  // the code turned TLS on for the channel (CURLOPT_USE_SSL)
  // Accepted: justified in the code (and not expired), or known in the baseline.
  bool accepted() const { return baseline == "known" || (justification && !justification->expired); }
};

}  // namespace egress
