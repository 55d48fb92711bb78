// A directory of TU facts keyed by what they were computed from: the compile
// command, the rules, and every file the TU read (path and a hash of its contents).
// A re-scan after a one-file change parses only the TUs that read that file.
// An entry holds the header functions its TU claimed and names those it borrowed
// from other TUs (extract/Extractor.cpp keeps every borrowed one provided).
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "facts/Facts.h"

namespace egress {

// Hashes of file contents, each file read once per scan however many TUs include it.
class FileStamps {
 public:
  std::string of(const std::string& path);

 private:
  std::mutex mutex_;
  std::unordered_map<std::string, std::string> known_;
};

class FactsCache {
 public:
  // `key` covers what is the same for every TU: rules, tool version, extra options.
  FactsCache(std::string dir, std::string key, FileStamps& stamps)
      : dir_(std::move(dir)), key_(std::move(key)), stamps_(stamps) {}

  // The facts of `file` when its entry is still valid, with `entryDigest` set and
  // its functions left in the entry (`functionsPending`): a scan whose link is
  // reused never needs them.
  std::optional<TUFacts> load(const std::string& file, const std::string& command) const;
  // Adds the functions of an entry `load` returned; false when the entry is gone or
  // holds other facts now (the caller extracts the TU again).
  bool loadFunctions(const std::string& file, TUFacts& tu) const;
  void store(const std::string& file, const std::string& command, const TUFacts& facts,
             const std::vector<std::string>& dependencies) const;
  // A hash of the facts in the entry (empty when there is none): the identity of
  // the facts a linked result was computed from.
  std::string digest(const std::string& file) const;

 private:
  std::string entryPath(const std::string& file) const;
  std::string dir_;
  std::string key_;
  FileStamps& stamps_;
};

}  // namespace egress
