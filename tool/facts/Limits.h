// Budgets of the analysis. Every budget that drops or merges something counts the
// times it did, so the report's coverage says where the answer may be incomplete:
// nothing is dropped silently.
#pragma once

#include <array>
#include <cstdint>
#include <string>

namespace egress {

enum class Limit : uint8_t {
  BlockVisits,         // a CFG block was visited too often: the function's fixpoint stopped early
  ExpressionDepth,     // an expression nested too deeply was not evaluated below the bound
  FieldDepth,          // an access path longer than the bound was merged into its prefix
  StringAlternatives,  // a string had more possible values than kept: the rest were dropped
  StringLength,        // a string had too many pieces or too long a constant: the tail is unknown
  EvidenceSteps,       // an evidence path was cut (findings are kept; the path is shorter)
  CallAtoms,           // a value collected effects of too many calls: they were widened to a range
  SummarySinks,        // a summary had too many sinks: sinks at one location were merged
  PendingCalls,        // too many unresolved indirect calls in one summary: the rest dropped
  ResolveDepth,        // nested call resolution stopped at the depth bound
  CallChain,           // a sink reached through too long a call chain was not followed further
  LinkBudget,          // the link stage stopped before its fixpoint
  GlobalsPerCall,      // a call site saw too many globals written before it: the rest read flow-insensitively
  GlobalInputs,        // a value read too many fields of globals: widened to the whole globals
  FieldInputs,         // a value read too many fields of one parameter: widened to any field of it
  kCount
};

constexpr std::size_t kLimitCount = std::size_t(Limit::kCount);

struct LimitInfo {
  const char* name;    // stable key in the JSON report and facts
  const char* effect;  // what hitting it means for the answer
  bool evidenceOnly;   // only the evidence shown is shorter; findings are not affected
};

const LimitInfo& limitInfo(Limit limit);
// The limit with this name, or kCount.
Limit limitNamed(const std::string& name);

// How often each limit was hit.
struct LimitHits {
  std::array<uint32_t, kLimitCount> counts{};

  void add(Limit limit, uint32_t n = 1) { counts[std::size_t(limit)] += n; }
  void merge(const LimitHits& other) {
    for (std::size_t i = 0; i < kLimitCount; ++i) counts[i] += other.counts[i];
  }
  uint32_t operator[](Limit limit) const { return counts[std::size_t(limit)]; }
  bool empty() const {
    for (uint32_t c : counts)
      if (c) return false;
    return true;
  }
};

// Hits noted on this thread go to `into` while the scope lives (the function being
// analysed or linked); scopes nest.
class LimitScope {
 public:
  explicit LimitScope(LimitHits& into);
  ~LimitScope();
  LimitScope(const LimitScope&) = delete;
  LimitScope& operator=(const LimitScope&) = delete;

 private:
  LimitHits* previous_;
};

// Counts a hit in the innermost scope of this thread (none: not counted).
void noteLimit(Limit limit);

}  // namespace egress
