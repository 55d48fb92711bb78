// What each function's resolution reads besides its callees' summaries, hashed, so
// that a re-scan can tell which summaries may have changed since the last link:
// - its own facts (their binary form, hashed: `factDigests`), so that an edit leaves
//   the keys of the TU's other functions whose facts it did not change (header
//   functions the TU analysed, template instantiations from headers) as they were,
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
#include <vector>

#include "link/CallGraph.h"
#include "link/Relevance.h"

namespace egress {

struct InputKeys {
  uint64_t program = 0;
  std::vector<uint64_t> functions;   // by FunctionId
  // By FunctionId: its component's members in resolution order. The order of a
  // cluster's resolutions decides where its budgets cut, so it is an input too.
  std::vector<uint64_t> components;
};

// By FunctionId: a hash of the function's own facts. It does not depend on
// relevance, so the linker computes it on another thread meanwhile.
std::vector<uint64_t> factDigests(const CallGraph& graph);

// Empty (`functions` empty) when some TU's facts have no cache digest.
InputKeys inputKeys(const CallGraph& graph, const Relevance& relevance,
                    const std::vector<std::vector<FunctionId>>& components, const std::vector<uint64_t>& digests);
InputKeys inputKeys(const CallGraph& graph, const Relevance& relevance,
                    const std::vector<std::vector<FunctionId>>& components);

}  // namespace egress
