// Extract stage: parses each translation unit of the compile database once and turns
// it into TU facts (function summaries, sinks, call sites, constant strings).
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_set>
#include <vector>

#include "extract/ApiCatalog.h"
#include "extract/FactsCache.h"
#include "extract/SharedFiles.h"
#include "facts/Facts.h"
#include "rules/Rules.h"

namespace clang::tooling {
class CompilationDatabase;
}

namespace egress {

// Functions defined in headers are seen by every TU that includes them; the first
// TU to claim one analyses it, the others skip it (the link stage needs one copy).
class HeaderClaims {
 public:
  bool claim(const std::string& usr) {
    std::lock_guard<std::mutex> lock(mutex_);
    return usrs_.insert(usr).second;
  }
  // A TU about to be extracted again gives back what it held, to claim it anew.
  void release(const std::vector<std::string>& usrs) {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const std::string& usr : usrs) usrs_.erase(usr);
  }

 private:
  std::mutex mutex_;
  std::unordered_set<std::string> usrs_;
};

struct ExtractOptions {
  std::string root;         // findings' paths are relative to this
  std::string resourceDir;  // Clang's resource directory (stddef.h & co.)
  unsigned jobs = 1;
  bool progress = false;               // a progress line on stderr
  std::vector<std::string> extraArgs;  // appended to every compiler command
  std::shared_ptr<HeaderClaims> claims = std::make_shared<HeaderClaims>();
  std::string cacheDir;  // reuse facts of TUs none of whose files changed (empty: off)
  std::shared_ptr<FileStamps> stamps = std::make_shared<FileStamps>();
  std::shared_ptr<NameMemo> names = std::make_shared<NameMemo>();        // regex results per callee name
  std::shared_ptr<SharedFiles> files = std::make_shared<SharedFiles>();  // read once for every TU
  std::string cacheKey;  // what else the facts depend on (rules, version, options)
  // `inventory`: record every sink, with an egress-point origin, data or not.
  bool everySink = false;
  // With the cache: asked once every TU's facts are known, cached ones read without
  // their functions. True when the caller holds a link of exactly these facts
  // (link/LinkCache.h): the functions then stay unread (TUFacts::functionsPending).
  std::function<bool(const std::vector<TUFacts>&)> linkReused;
};

std::vector<TUFacts> extractAll(const clang::tooling::CompilationDatabase& db, const std::vector<std::string>& files,
                                const RuleSet& rules, const ExtractOptions& opts);

// One in-memory translation unit (for tests and tools that have no compile database).
TUFacts extractFromCode(const std::string& code, const std::string& fileName, const std::vector<std::string>& args,
                        const RuleSet& rules, const ExtractOptions& opts);

// Compiler arguments from an untrusted compile database, minus anything that would
// load code into the analyser (plugins, pass plugins, -Xclang -load); -I of system
// library directories becomes -isystem.
std::vector<std::string> sanitizeArguments(const std::vector<std::string>& args);

// The command the analyser runs for a database entry (after LibTooling's own
// adjusters): sanitized, options Clang does not know dropped, `opts.extraArgs`
// before the input file, syntax-only, no warnings, the resource directory.
std::vector<std::string> analysisArguments(const std::vector<std::string>& args, const ExtractOptions& opts);

}  // namespace egress
