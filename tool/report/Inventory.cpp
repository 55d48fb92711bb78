#include "report/Inventory.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "facts/TaintOps.h"

namespace egress {
namespace {

// "reaches curl_easy_setopt (libcurl)", the sink's step: the library's name.
std::string libraryOf(const Finding& f) {
  for (auto it = f.path.rbegin(); it != f.path.rend(); ++it) {
    const std::string& note = it->note;
    if (note.rfind("reaches ", 0) != 0 || note.back() != ')') continue;
    const auto open = note.rfind(" (");
    if (open != std::string::npos) return note.substr(open + 2, note.size() - open - 3);
  }
  return "";
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return s;
}

// yes / no / unknown: from a model marking its sink encrypted, else the URL scheme.
std::string encryption(const Finding& f, const RuleSet& rules) {
  if (f.encrypted) return "yes";  // TLS switched on for the handle (CURLOPT_USE_SSL)
  for (const ApiModel& m : rules.apis)
    if (m.sink && m.sink->encrypted && m.name.matches(f.api)) return "yes";
  if (f.kind == "serialization") return "n/a";
  const std::string scheme = lower(f.destination.scheme);
  const auto listed = [&](const std::vector<std::string>& list) {
    return !scheme.empty() && std::find(list.begin(), list.end(), scheme) != list.end();
  };
  if (listed(rules.encryptedSchemes)) return "yes";
  if (listed(rules.plainSchemes)) return "no";
  return "unknown";
}

int severity(const std::string& verdict) {
  return verdict == "violation" ? 3 : verdict == "unresolved" ? 2 : verdict == "allowed" ? 1 : 0;
}

}  // namespace

std::vector<InventoryEntry> inventoryOf(const std::vector<Finding>& findings, const RuleSet& rules) {
  std::map<std::string, InventoryEntry> byKey;
  for (const Finding& f : findings) {
    InventoryEntry& e = byKey[locString(f.sink) + "|" + f.api + "|" + f.destination.display];
    if (!e.first) {
      e.first = &f;
      e.library = libraryOf(f);
      e.encrypted = encryption(f, rules);
    }
    for (const std::string& c : f.categories)
      if (std::find(e.categories.begin(), e.categories.end(), c) == e.categories.end()) e.categories.push_back(c);
    if (std::find(e.functions.begin(), e.functions.end(), f.function) == e.functions.end())
      e.functions.push_back(f.function);
    if (severity(f.verdict) > severity(e.verdict)) e.verdict = f.verdict;
  }
  std::vector<InventoryEntry> out;
  for (auto& [key, e] : byKey) {
    std::sort(e.categories.begin(), e.categories.end());
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace egress
