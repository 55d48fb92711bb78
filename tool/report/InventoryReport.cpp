// The egress inventory (`egress-audit inventory`): every place the program sends or
// writes data, classified or not, with its destination, library and API, whether the
// channel is encrypted, and the categories it carries. Built from the findings of a
// scan in which every sink carries an egress-point origin (ExtractOptions::everySink).
#include <algorithm>
#include <cctype>
#include <map>

#include <llvm/Support/FormatVariadic.h>
#include <llvm/Support/JSON.h>
#include <llvm/Support/raw_os_ostream.h>

#include "facts/TaintOps.h"
#include "report/Describe.h"
#include "report/Report.h"

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

struct Entry {
  const Finding* first = nullptr;
  std::vector<std::string> categories;
  std::vector<std::string> functions;  // where the data was read (callers of a wrapper)
  std::string verdict;                 // the most severe of its findings
};

int severity(const std::string& verdict) {
  return verdict == "violation" ? 3 : verdict == "unresolved" ? 2 : verdict == "allowed" ? 1 : 0;
}

// One entry per sink and destination; the data of every call chain reaching it merged.
std::vector<Entry> entries(const std::vector<Finding>& findings) {
  std::map<std::string, Entry> byKey;
  for (const Finding& f : findings) {
    Entry& e = byKey[locString(f.sink) + "|" + f.api + "|" + f.destination.display];
    if (!e.first) e.first = &f;
    for (const std::string& c : f.categories)
      if (std::find(e.categories.begin(), e.categories.end(), c) == e.categories.end()) e.categories.push_back(c);
    if (std::find(e.functions.begin(), e.functions.end(), f.function) == e.functions.end()) e.functions.push_back(f.function);
    if (severity(f.verdict) > severity(e.verdict)) e.verdict = f.verdict;
  }
  std::vector<Entry> out;
  for (auto& [key, e] : byKey) {
    std::sort(e.categories.begin(), e.categories.end());
    out.push_back(std::move(e));
  }
  return out;
}

llvm::json::Value orNull(const std::string& s) {
  if (s.empty()) return nullptr;
  return s;
}

}  // namespace

void writeInventory(std::ostream& out, const std::vector<Finding>& findings, const Coverage& coverage,
                    const RuleSet& rules, bool json) {
  const std::vector<Entry> list = entries(findings);
  if (json) {
    llvm::json::Array items;
    for (const Entry& e : list) {
      const Finding& f = *e.first;
      const Destination& d = f.destination;
      llvm::json::Array cats, fns, alts;
      for (const auto& c : e.categories) cats.push_back(c);
      for (const auto& fn : e.functions) fns.push_back(fn);
      for (const auto& a : d.alternatives) alts.push_back(a);
      items.push_back(llvm::json::Object{
          {"sink", llvm::json::Object{{"file", f.sink.file}, {"line", f.sink.line}, {"column", f.sink.column}}},
          {"api", f.api},
          {"library", orNull(libraryOf(f))},
          {"kind", f.kind},
          {"destination", llvm::json::Object{{"display", d.display}, {"host", orNull(d.host)},
                                             {"unresolved", orNull(d.unresolved)}, {"country", orNull(d.country)},
                                             {"operator", orNull(d.op)}, {"jurisdiction", orNull(d.jurisdiction)},
                                             {"internal", d.internal}, {"alternatives", std::move(alts)}}},
          {"encrypted", encryption(f, rules)},
          {"categories", std::move(cats)},
          {"verdict", e.verdict},
          {"functions", std::move(fns)}});
    }
    llvm::json::Value doc = llvm::json::Object{{"format", "egress-audit-inventory/1"},
                                               {"egress_points", std::move(items)},
                                               {"translation_units", coverage.translationUnits},
                                               {"complete", !coverage.incomplete()}};
    llvm::raw_os_ostream os(out);
    os << llvm::formatv("{0:2}", doc) << "\n";
    return;
  }
  unsigned withData = 0;
  for (const Entry& e : list) {
    const Finding& f = *e.first;
    withData += !e.categories.empty();
    out << locString(f.sink) << ": " << f.kind << " via " << f.api;
    if (const std::string lib = libraryOf(f); !lib.empty()) out << " (" << lib << ")";
    out << "\n  to: " << describeDestination(f.destination) << "\n  encrypted: " << encryption(f, rules)
        << "\n  data: " << (e.categories.empty() ? "none classified" : joinedList(e.categories) + " [" + e.verdict + "]")
        << "\n  from: " << joinedList(e.functions) << "\n\n";
  }
  out << list.size() << " egress point(s), " << withData << " carrying classified data; " << coverage.translationUnits
      << " translation unit(s), " << coverage.failed.size() << " failed, " << coverage.partial.size() << " partial\n";
}

}  // namespace egress
