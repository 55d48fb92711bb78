// What a link leaves in the cache folder for the next one (link-state.bin): every
// function's summary with the key of what its resolution read. A re-scan after an
// edit resolves again only the recursive clusters whose inputs or callees' summaries
// changed, and reads the others' summaries back (link/Fixpoint.h, resume).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "link/Summary.h"

namespace llvm {
class raw_fd_ostream;
}

namespace egress {

struct StoredFunction {
  uint64_t key = 0;           // InputKeys::functions
  uint64_t componentKey = 0;  // InputKeys::components
  unsigned times = 0;         // resolutions it took (the link's budget counts them)
  std::string summary;        // encodeSummary
  SummaryShape shape;         // of the summary
  // Whose facts and summaries its resolutions read besides its callees' summaries
  // (Substitution::takeFurtherReads), by hash of their USRs, sorted.
  std::vector<uint64_t> furtherReads;
};

struct LinkState {
  uint64_t programKey = 0;
  std::unordered_map<std::string, StoredFunction> functions;  // by USR
};

std::string encodeSummary(const Summary& s);
// False when the bytes are not a summary (the caller links in full instead).
bool decodeSummary(const std::string& bytes, Summary& into);
// Only what a call's data yields (return value, effects, held objects, limits), or
// only the sinks and pending calls: each part is decoded on its own.
bool decodeSummaryData(const std::string& bytes, Summary& into);
bool decodeSummarySinks(const std::string& bytes, Summary& into);

// Nothing when the folder holds no state, or one this build cannot read.
std::optional<LinkState> loadLinkState(const std::string& dir);
// Written whole, then renamed: a concurrent reader sees the old state or the new
// one. commitLinkState puts a file LinkStateWriter wrote in place.
void storeLinkState(const std::string& dir, const LinkState& state);
void commitLinkState(const std::string& dir, const std::string& written);
void removeLinkState(const std::string& dir);

// The state file written aside one function at a time (`functions` of them), so
// that no LinkState need be built first. One destroyed before close() removes it.
class LinkStateWriter {
 public:
  LinkStateWriter(const std::string& dir, uint64_t programKey, std::size_t functions);
  ~LinkStateWriter();
  void add(const std::string& usr, const StoredFunction& stored);
  std::string close();  // the file written aside, empty if it could not be

 private:
  std::string path_;
  std::unique_ptr<llvm::raw_fd_ostream> out_;
};

}  // namespace egress
