#include "extract/Paths.h"

#include <filesystem>
#include <unordered_map>

namespace egress {

namespace {

std::string computeRelative(const std::string& path, const std::string& root) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path abs = fs::weakly_canonical(fs::absolute(path, ec), ec);
  if (root.empty()) return abs.string();
  const fs::path base = fs::weakly_canonical(fs::absolute(root, ec), ec);
  const auto rel = abs.lexically_relative(base);
  if (rel.empty() || *rel.begin() == "..") return abs.string();
  return rel.string();
}

}  // namespace

std::string relativeTo(const std::string& path, const std::string& root) {
  // Locations repeat a lot; the filesystem calls behind them are not free.
  thread_local std::unordered_map<std::string, std::string> cache;
  const std::string key = root + '\0' + path;
  auto it = cache.find(key);
  if (it != cache.end()) return it->second;
  return cache.emplace(key, computeRelative(path, root)).first->second;
}

}  // namespace egress
