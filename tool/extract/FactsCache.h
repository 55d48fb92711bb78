// A directory of TU facts keyed by what they were computed from: the compile
// command, the rules, and every file the TU read (path, size, modification time).
// A re-scan after a one-file change parses only the TUs that read that file.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "facts/Facts.h"

namespace egress {

class FactsCache {
 public:
  // `key` covers what is the same for every TU: rules, tool version, extra options.
  FactsCache(std::string dir, std::string key) : dir_(std::move(dir)), key_(std::move(key)) {}

  std::optional<TUFacts> load(const std::string& file, const std::string& command) const;
  void store(const std::string& file, const std::string& command, const TUFacts& facts,
             const std::vector<std::string>& dependencies) const;

 private:
  std::string entryPath(const std::string& file) const;
  std::string dir_;
  std::string key_;
};

}  // namespace egress
