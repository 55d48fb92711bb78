// `--stats`: where a scan spends its time and memory. Per stage: wall time and the
// process's peak RSS so far; the size of the facts (functions, call sites, sinks,
// string values, evidence steps); the size of the linked summaries and the largest.
#pragma once

#include <chrono>
#include <ostream>
#include <string>
#include <vector>

#include "facts/Facts.h"
#include "link/Linker.h"

namespace egress {

class ScanStats {
 public:
  ScanStats();
  // Marks the end of a stage ("extract", "link", ...).
  void stage(const std::string& name);
  void write(std::ostream& out, const std::vector<TUFacts>& tus, const LinkStats& link) const;

 private:
  struct Stage {
    std::string name;
    double seconds;
    long peakRssKb;
  };
  std::chrono::steady_clock::time_point last_;
  std::vector<Stage> stages_;
};

}  // namespace egress
