#include "extract/FactsCache.h"

#include <filesystem>
#include <mutex>
#include <tuple>
#include <unistd.h>
#include <unordered_map>

#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/Support/xxhash.h>

#include "facts/FactsBinary.h"
#include "facts/TaintOps.h"

namespace fs = std::filesystem;

namespace egress {

std::string FileStamps::of(const std::string& path) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = known_.find(path);
    if (it != known_.end()) return it->second;
  }
  // Read whole (not mapped: a header truncated meanwhile by a concurrent build must
  // not kill the scan) and hashed with xxh3: a scan stamps every header of the
  // program and of the system once, and a re-scan's cache check is mostly this.
  std::string value = "missing";
  if (auto file = llvm::MemoryBuffer::getFile(path, /*IsText=*/false, /*RequiresNullTerminator=*/false,
                                              /*IsVolatile=*/true))
    value = llvm::utohexstr(llvm::xxh3_64bits(llvm::arrayRefFromStringRef((*file)->getBuffer())));
  std::lock_guard<std::mutex> lock(mutex_);
  return known_.emplace(path, value).first->second;
}

std::string FactsCache::entryPath(const std::string& file) const {
  return (fs::path(dir_) / (hashText(file) + ".entry")).string();
}

namespace {

constexpr const char* kEntryFormat = "egress-audit-cache-entry/2";

// A cache entry read whole: its header (what the facts were computed from) and the
// facts in binary after it.
struct Entry {
  std::unique_ptr<llvm::MemoryBuffer> buffer;
  llvm::StringRef header, facts;
};

std::optional<Entry> readEntry(const std::string& path) {
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/false, /*RequiresNullTerminator=*/false);
  if (!buffer) return std::nullopt;
  Entry e{std::move(*buffer), {}, {}};
  const llvm::StringRef all = e.buffer->getBuffer();
  BinaryReader r(all);
  if (r.blobRef() != kEntryFormat) return std::nullopt;
  e.header = r.blobRef();
  if (!r.ok() || e.header.empty()) return std::nullopt;
  e.facts = all.substr(std::size_t(e.header.end() - all.begin()));
  return e;
}

// The header: the key, each dependency with the stamp of its contents, and the
// TU's `claimed` and `borrowed` lists. Blobs, not interned strings: read once, in
// order, by every re-scan's cache check.
struct EntryHeader {
  std::string key;
  std::vector<std::pair<std::string, std::string>> dependencies;
  std::vector<std::string> claimed, borrowed;
};

template <class A> void ioList(A& a, std::vector<std::string>& items) {
  std::size_t n = items.size();
  a.size(n);
  if constexpr (A::kReading) items.resize(a.ok() ? n : 0);
  for (std::string& item : items) a.blob(item);
}

template <class A> void io(A& a, EntryHeader& h) {
  a.blob(h.key);
  std::size_t n = h.dependencies.size();
  a.size(n);
  if constexpr (A::kReading) h.dependencies.resize(a.ok() ? n : 0);
  for (auto& [path, stamp] : h.dependencies) a.blob(path), a.blob(stamp);
  ioList(a, h.claimed);
  ioList(a, h.borrowed);
}

// The facts only, after the header: an edit that leaves them as they were (a
// comment, a file hash in the dependencies) keeps the same digest.
std::string digestOf(llvm::StringRef facts) {
  return llvm::utohexstr(llvm::xxh3_64bits(llvm::arrayRefFromStringRef(facts)));
}

}  // namespace

// An entry is a header saying what the facts were computed from (checked before
// the facts are read), then the facts in binary (facts/FactsBinary.h).
std::optional<TUFacts> FactsCache::load(const std::string& file, const std::string& command) const {
  std::optional<Entry> entry = readEntry(entryPath(file));
  if (!entry) return std::nullopt;
  EntryHeader header;
  BinaryReader r(entry->header);
  io(r, header);
  if (!r.ok() || !r.atEnd() || header.key != hashText(key_ + '\0' + command)) return std::nullopt;
  for (const auto& [path, stamp] : header.dependencies)
    if (stamps_.of(path) != stamp) return std::nullopt;
  std::optional<TUFacts> facts = decodeFactsHead(entry->facts);
  if (!facts) return std::nullopt;
  facts->functionsPending = true;
  facts->entryDigest = digestOf(entry->facts);
  facts->claimed = std::move(header.claimed);
  facts->borrowed = std::move(header.borrowed);
  return facts;
}

bool FactsCache::loadFunctions(const std::string& file, TUFacts& tu) const {
  if (!tu.functionsPending) return true;
  std::optional<Entry> entry = readEntry(entryPath(file));
  if (!entry || digestOf(entry->facts) != tu.entryDigest) return false;
  if (!decodeFactsFunctions(entry->facts, tu)) return false;
  tu.functionsPending = false;
  return true;
}

void FactsCache::store(const std::string& file, const std::string& command, const TUFacts& facts,
                       const std::vector<std::string>& dependencies) const {
  std::error_code ec;
  fs::create_directories(dir_, ec);
  EntryHeader header{hashText(key_ + '\0' + command), {}, facts.claimed, facts.borrowed};
  header.dependencies.reserve(dependencies.size());
  for (const std::string& d : dependencies) header.dependencies.emplace_back(d, stamps_.of(d));
  BinaryWriter head, entry;
  io(head, header);
  entry.blob(kEntryFormat);
  entry.blob(head.bytes());
  // Written whole, then renamed: a concurrent reader sees the old entry or the new one.
  const std::string tmp = entryPath(file) + ".tmp" + std::to_string(::getpid());
  {
    llvm::raw_fd_ostream out(tmp, ec);
    if (ec) return;
    out << entry.bytes() << encodeFacts(facts);
  }
  fs::rename(tmp, entryPath(file), ec);
}

std::string FactsCache::digest(const std::string& file) const {
  std::optional<Entry> entry = readEntry(entryPath(file));
  return entry ? digestOf(entry->facts) : std::string();
}

}  // namespace egress
