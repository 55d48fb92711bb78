#include "extract/Solver.h"

#include <map>
#include <set>

#include <clang/Analysis/Analyses/PostOrderCFGView.h>
#include <clang/Analysis/CFG.h>

#include "facts/Limits.h"

namespace egress {

std::optional<State> solveForward(const clang::CFG& cfg, const Transfer& transfer, const Branch& branch,
                                  unsigned maxBlockVisits) {
  // Blocks are visited in reverse post-order (a block after its predecessors, loops
  // aside), which keeps re-visits few.
  std::map<unsigned, unsigned> rank;
  unsigned n = 0;
  for (const clang::CFGBlock* b : clang::PostOrderCFGView(&cfg)) rank[b->getBlockID()] = n++;

  std::map<unsigned, State> in;
  std::map<unsigned, unsigned> visits;
  const clang::CFGBlock* entry = &cfg.getEntry();
  std::set<std::pair<unsigned, const clang::CFGBlock*>> work{{rank[entry->getBlockID()], entry}};
  in[entry->getBlockID()];
  while (!work.empty()) {
    const clang::CFGBlock* block = work.begin()->second;
    work.erase(work.begin());
    if (++visits[block->getBlockID()] > maxBlockVisits) {
      noteLimit(Limit::BlockVisits);
      continue;
    }
    State s = in[block->getBlockID()];
    for (const clang::CFGElement& el : *block) transfer(el, s);
    const unsigned edges = block->succ_size();
    unsigned index = 0;
    for (const auto& succ : block->succs()) {
      const clang::CFGBlock* next = succ.getReachableBlock();
      const unsigned which = index++;
      if (!next) continue;  // pruned: e.g. the body of `if (false)`
      State edge;
      State* out = &s;
      if (branch && block->getTerminatorStmt() && branch(*block, which, s, edge)) out = &edge;
      // The last edge hands its state over instead of copying it: `s` is not read
      // after it, and most blocks have one successor. (try_emplace leaves an
      // argument it does not insert as it was, for the join.)
      auto [it, fresh] = index == edges ? in.try_emplace(next->getBlockID(), std::move(*out))
                                        : in.try_emplace(next->getBlockID(), *out);
      if (fresh || joinStates(it->second, *out)) work.insert({rank[next->getBlockID()], next});
    }
  }
  auto exit = in.find(cfg.getExit().getBlockID());
  if (exit == in.end()) return std::nullopt;
  return std::move(exit->second);
}

}  // namespace egress
