// The linked result of the whole program, kept in the cache folder: a re-scan in
// which every TU's facts are the same as last time (each cache entry unchanged)
// reuses the flows and link statistics instead of linking again. Anything else
// links as usual and replaces the result.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "facts/Facts.h"
#include "facts/Findings.h"
#include "link/Linker.h"

namespace egress {

struct LinkedResult {
  std::vector<Flow> flows;
  LinkStats stats;
};

// What the link of `tus` depends on: each TU's file and cache entry, in order.
// Empty when some TU has no entry (it failed, or the cache is off).
std::string linkKey(const std::vector<TUFacts>& tus);
// The result stored under `key` in `dir`, if that is the one there (else nothing:
// a missing, stale or unreadable file just means linking again).
std::optional<LinkedResult> loadLinked(const std::string& dir, const std::string& key);
void storeLinked(const std::string& dir, const std::string& key, const LinkedResult& result);

}  // namespace egress
