// What each function's resolution reads besides its callees' summaries, hashed, so
// that a re-scan can tell which summaries may have changed since the last link:
// - its own facts (the facts of the TU they come from),
// - what it reads of the facts of the functions it reads summaries of: the fields
//   they reset, the fields of the record they build, their parameter counts, and
//   whether each is run by no call site,
// - which functions each of its call sites may run,
// - which of its parameters may carry data (link/Relevance.h),
// - for each global its facts name, whether it may carry data and its value if it
//   is a constant;
// and for the whole program: what each method overrides, and the rules and build
// that extracted the facts.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "link/CallGraph.h"
#include "link/Relevance.h"

namespace egress {

struct InputKeys {
  uint64_t program = 0;
  std::vector<uint64_t> functions;  // by FunctionId
  // By FunctionId: its component's members in resolution order. The order of a
  // cluster's resolutions decides where its budgets cut, so it is an input too.
  std::vector<uint64_t> components;
};

// The part of each function's key relevance does not decide, hashed (and the
// globals its facts name, to add whether each may carry data): computed before
// relevance is known, so the linker does it on another thread meanwhile.
struct FactKeys {
  std::vector<uint64_t> hashes;                   // by FunctionId; empty when some TU has no cache digest
  std::vector<std::vector<std::string>> globals;  // by FunctionId
};
FactKeys factKeys(const CallGraph& graph);

// Empty (`functions` empty) when some TU's facts have no cache digest.
InputKeys inputKeys(const CallGraph& graph, const Relevance& relevance,
                    const std::vector<std::vector<FunctionId>>& components, const FactKeys& facts);
InputKeys inputKeys(const CallGraph& graph, const Relevance& relevance,
                    const std::vector<std::vector<FunctionId>>& components);

}  // namespace egress
