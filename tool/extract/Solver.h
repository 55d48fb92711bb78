// The forward data-flow solver: a worklist over a function's CFG in reverse
// post-order, joining states where edges meet, until nothing changes. Statement
// transfer is the caller's; a block visited too often is reported as a limit hit
// (coverage) and left at what it had, instead of looping.
#pragma once

#include <functional>
#include <optional>

#include "extract/State.h"

namespace clang {
class CFG;
class CFGBlock;
class CFGElement;
}  // namespace clang

namespace egress {

using Transfer = std::function<void(const clang::CFGElement&, State&)>;
// What taking successor `succ` of `block` tells (a condition that held): when it tells
// something, fills `edge` with `in` refined for that edge only and returns true.
using Branch = std::function<bool(const clang::CFGBlock& block, unsigned succ, const State& in, State& edge)>;

// Runs `transfer` over every element of every reachable block until a fixpoint and
// returns the state at the exit block (none if the exit is unreachable).
std::optional<State> solveForward(const clang::CFG& cfg, const Transfer& transfer, const Branch& branch = {},
                                  unsigned maxBlockVisits = 40);

}  // namespace egress
