// Link stage: joins the TU facts of the whole program by USR, resolves each
// function's summary against its callees' (iterating to a fixpoint, so recursion
// terminates) and turns every sink reached by concrete data into a flow.
#pragma once

#include <array>
#include <string>
#include <utility>
#include <vector>

#include "facts/Facts.h"
#include "facts/Findings.h"

namespace egress {

struct LinkStats {
  unsigned functions = 0;
  unsigned rounds = 0;
  bool converged = true;
  bool reused = false;  // taken from the cache's last link of the same facts (link/LinkCache.h)
  // Resumed from the cache's link state (link/LinkState.h): only `relinked`
  // resolutions were done, in the clusters an edit could change.
  bool resumed = false;
  std::size_t relinked = 0;
  // Budgets hit in extract (the functions linked) and link: how often, and the first
  // function or file (in name order) that hit each.
  LimitHits limits;
  std::array<std::string, kLimitCount> examples;
  // Size of the linked summaries (for --stats): sinks callers instantiate, sinks
  // reported where found, pending indirect calls, and the largest summaries by
  // number of sinks.
  std::size_t sinksForCallers = 0, reportedSinks = 0, pendingCalls = 0;
  std::vector<std::pair<std::string, std::size_t>> largest;
  // The functions that took longest to resolve (all rounds), in seconds.
  struct SlowFunction {
    std::string name;
    double seconds = 0;
    unsigned resolutions = 0;
  };
  std::vector<SlowFunction> slowest;
  // The clusters of calls whose summaries did not settle within their budget: one
  // function of each, and how many functions the cluster has.
  std::vector<std::pair<std::string, std::size_t>> unsettled;
  // Seconds spent in each phase of the link, in order ("call graph", "fixpoint", ...).
  std::vector<std::pair<std::string, double>> phases;
  // Coverage warnings ("file:line:col: message"), one per function of the program
  // that is called with arguments it may write but has no body anywhere in the scan.
  std::vector<std::string> unknownOutputs;
};

// `stateDir` (the cache folder, or empty): where the last link's state is read from
// and this one's is left, so that a re-scan resolves only what an edit can change.
std::vector<Flow> link(const std::vector<TUFacts>& tus, LinkStats* stats = nullptr, const std::string& stateDir = "");

}  // namespace egress
