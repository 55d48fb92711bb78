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
class CFGElement;
}  // namespace clang

namespace egress {

using Transfer = std::function<void(const clang::CFGElement&, State&)>;

// Runs `transfer` over every element of every reachable block until a fixpoint and
// returns the state at the exit block (none if the exit is unreachable).
std::optional<State> solveForward(const clang::CFG& cfg, const Transfer& transfer, unsigned maxBlockVisits = 40);

}  // namespace egress
