// Link stage: joins the TU facts of the whole program by USR, resolves each
// function's summary against its callees' (iterating to a fixpoint, so recursion
// terminates) and turns every sink reached by concrete data into a flow.
#pragma once

#include <array>
#include <utility>
#include <string>
#include <vector>

#include "facts/Facts.h"

namespace egress {

// A concrete flow of classified data to a sink, before the policy is applied.
struct Flow {
  std::string api;
  std::string kind;
  SourceLoc sink;
  std::vector<Origin> origins;  // one per category and source, each with its path
  StrVal destination;           // may still hold unbound parameters or env/config pieces
  std::vector<std::string> paramNames;  // names for unbound Param pieces of `destination`
  Path callChain;               // call sites from the function where the data was found
  std::string function;         // that function
};

struct LinkStats {
  unsigned functions = 0;
  unsigned rounds = 0;
  bool converged = true;
  // Budgets hit in extract (the functions linked) and link: how often, and the first
  // function or file (in name order) that hit each.
  LimitHits limits;
  std::array<std::string, kLimitCount> examples;
  // Size of the linked summaries (for --stats): sinks callers instantiate, sinks
  // reported where found, pending indirect calls, and the largest summaries by
  // number of sinks.
  std::size_t sinksForCallers = 0, reportedSinks = 0, pendingCalls = 0;
  std::vector<std::pair<std::string, std::size_t>> largest;
};

std::vector<Flow> link(const std::vector<TUFacts>& tus, LinkStats* stats = nullptr);

}  // namespace egress
