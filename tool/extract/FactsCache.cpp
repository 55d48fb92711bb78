#include "extract/FactsCache.h"

#include <filesystem>
#include <mutex>
#include <tuple>
#include <unordered_map>
#include <unistd.h>

#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/FormatVariadic.h>
#include <llvm/Support/JSON.h>
#include <llvm/Support/MemoryBuffer.h>
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
  // Mapped and hashed with xxh3: a scan stamps every header of the program (and of
  // the system) once, and a re-scan's cache check is mostly this.
  std::string value = "missing";
  if (auto file = llvm::MemoryBuffer::getFile(path, /*IsText=*/false, /*RequiresNullTerminator=*/false))
    value = llvm::utohexstr(llvm::xxh3_64bits(llvm::arrayRefFromStringRef((*file)->getBuffer())));
  std::lock_guard<std::mutex> lock(mutex_);
  return known_.emplace(path, value).first->second;
}

std::string FactsCache::entryPath(const std::string& file) const {
  return (fs::path(dir_) / (hashText(file) + ".entry")).string();
}

namespace {

// A cache entry read whole: its header line and its facts lines.
struct Entry {
  std::unique_ptr<llvm::MemoryBuffer> buffer;
  llvm::StringRef header, facts;
};

std::optional<Entry> readEntry(const std::string& path) {
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/false, /*RequiresNullTerminator=*/false);
  if (!buffer) return std::nullopt;
  Entry e{std::move(*buffer), {}, {}};
  std::tie(e.header, e.facts) = e.buffer->getBuffer().split('\n');
  return e;
}

// The facts only, after the header line: an edit that leaves them as they were (a
// comment, a file hash in the dependencies) keeps the same digest.
std::string digestOf(llvm::StringRef facts) {
  return llvm::utohexstr(llvm::xxh3_64bits(llvm::arrayRefFromStringRef(facts)));
}

}  // namespace

// An entry is a JSON line saying what the facts were computed from (checked before
// the facts are read), then the facts in binary (facts/FactsBinary.h).
std::optional<TUFacts> FactsCache::load(const std::string& file, const std::string& command) const {
  std::optional<Entry> entry = readEntry(entryPath(file));
  if (!entry) return std::nullopt;
  auto header = llvm::json::parse(entry->header);
  if (!header) {
    llvm::consumeError(header.takeError());
    return std::nullopt;
  }
  const llvm::json::Object* o = header->getAsObject();
  if (!o || o->getString("key").value_or("") != hashText(key_ + '\0' + command)) return std::nullopt;
  const llvm::json::Array* deps = o->getArray("dependencies");
  if (!deps) return std::nullopt;
  for (const auto& d : *deps) {
    const llvm::json::Array* pair = d.getAsArray();
    if (!pair || pair->size() != 2) return std::nullopt;
    const std::string path = (*pair)[0].getAsString().value_or("").str();
    if (stamps_.of(path) != (*pair)[1].getAsString().value_or("")) return std::nullopt;
  }
  std::optional<TUFacts> facts = decodeFactsHead(entry->facts);
  if (!facts) return std::nullopt;
  facts->functionsPending = true;
  facts->entryDigest = digestOf(entry->facts);
  const auto strings = [&](const char* key, std::vector<std::string>& into) {
    if (const llvm::json::Array* a = o->getArray(key))
      for (const auto& v : *a) into.push_back(v.getAsString().value_or("").str());
  };
  strings("claimed", facts->claimed);
  strings("borrowed", facts->borrowed);
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
  llvm::json::Array deps;
  deps.reserve(dependencies.size());
  for (const std::string& d : dependencies) deps.push_back(llvm::json::Array{d, stamps_.of(d)});
  const llvm::json::Value header = llvm::json::Object{{"key", hashText(key_ + '\0' + command)},
                                                      {"dependencies", std::move(deps)},
                                                      {"claimed", llvm::json::Array(facts.claimed)},
                                                      {"borrowed", llvm::json::Array(facts.borrowed)}};
  // Written whole, then renamed: a concurrent reader sees the old entry or the new one.
  const std::string tmp = entryPath(file) + ".tmp" + std::to_string(::getpid());
  {
    llvm::raw_fd_ostream out(tmp, ec);
    if (ec) return;
    out << header << "\n" << encodeFacts(facts);
  }
  fs::rename(tmp, entryPath(file), ec);
}

std::string FactsCache::digest(const std::string& file) const {
  std::optional<Entry> entry = readEntry(entryPath(file));
  return entry ? digestOf(entry->facts) : std::string();
}

}  // namespace egress
