#include "facts/Limits.h"

namespace egress {
namespace {

constexpr LimitInfo kInfo[kLimitCount] = {
    {"block-visits", "a loop's fixpoint stopped early: flows around it may be missed", false},
    {"expression-depth", "parts of a deeply nested expression were not evaluated", false},
    {"field-depth", "long access paths were merged into their prefix (more data per field)", false},
    {"string-alternatives", "further possible values of a string were dropped", false},
    {"string-length", "the tail of a long string is unknown", false},
    {"evidence-steps", "evidence paths were shortened (findings are not affected)", true},
    {"call-atoms",
     "what many calls left in one value was widened to every result and effect of a range of calls (more data per "
     "value)",
     false},
    {"summary-sinks", "sinks reached at one location through different call chains were merged", false},
    {"pending-calls", "indirect calls beyond the bound were not resolved", false},
    {"resolve-depth", "nested call resolution stopped at its depth bound: flows may be missed", false},
    {"call-chain", "sinks behind very long call chains were not followed further", false},
    {"link-budget",
     "a recursive cluster of functions stopped before its summaries settled: flows through it may be missed", false},
    {"globals-per-call",
     "globals written before a call beyond the bound are read as every value stored in them (more data per value)",
     false},
    {"global-inputs", "values reading many fields of globals were widened to the whole globals (more data per value)",
     false},
    {"field-inputs",
     "values reading many fields of one parameter were widened to any field of it (more data per value)", false},
};

thread_local LimitHits* current = nullptr;

}  // namespace

const LimitInfo& limitInfo(Limit limit) { return kInfo[std::size_t(limit)]; }

Limit limitNamed(const std::string& name) {
  for (std::size_t i = 0; i < kLimitCount; ++i)
    if (name == kInfo[i].name) return Limit(i);
  return Limit::kCount;
}

LimitScope::LimitScope(LimitHits& into) : previous_(current) { current = &into; }
LimitScope::~LimitScope() { current = previous_; }

void noteLimit(Limit limit) {
  if (current) current->add(limit);
}

}  // namespace egress
