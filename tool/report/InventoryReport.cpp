// The egress inventory as text or JSON (`egress-audit inventory`).

#include <llvm/Support/FormatVariadic.h>
#include <llvm/Support/JSON.h>
#include <llvm/Support/raw_os_ostream.h>

#include "facts/TaintOps.h"
#include "report/Describe.h"
#include "report/Inventory.h"
#include "report/Report.h"

namespace egress {
namespace {
llvm::json::Value orNull(const std::string& s) {
  if (s.empty()) return nullptr;
  return s;
}

}  // namespace

void writeInventory(std::ostream& out, const std::vector<Finding>& findings, const Coverage& coverage,
                    const RuleSet& rules, bool json) {
  const std::vector<InventoryEntry> list = inventoryOf(findings, rules);
  if (json) {
    llvm::json::Array items;
    for (const InventoryEntry& e : list) {
      const Finding& f = *e.first;
      const Destination& d = f.destination;
      llvm::json::Array cats, fns, alts;
      for (const auto& c : e.categories) cats.push_back(c);
      for (const auto& fn : e.functions) fns.push_back(fn);
      for (const auto& a : d.alternatives) alts.push_back(a);
      items.push_back(llvm::json::Object{
          {"sink", llvm::json::Object{{"file", f.sink.file}, {"line", f.sink.line}, {"column", f.sink.column}}},
          {"api", f.api},
          {"library", orNull(e.library)},
          {"kind", f.kind},
          {"destination", llvm::json::Object{{"display", d.display},
                                             {"host", orNull(d.host)},
                                             {"unresolved", orNull(d.unresolved)},
                                             {"country", orNull(d.country)},
                                             {"operator", orNull(d.op)},
                                             {"jurisdiction", orNull(d.jurisdiction)},
                                             {"internal", d.internal},
                                             {"alternatives", std::move(alts)}}},
          {"encrypted", e.encrypted},
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
  for (const InventoryEntry& e : list) {
    const Finding& f = *e.first;
    withData += !e.categories.empty();
    out << locString(f.sink) << ": " << f.kind << " via " << f.api;
    if (!e.library.empty()) out << " (" << e.library << ")";
    out << "\n  to: " << describeDestination(f.destination) << "\n  encrypted: " << e.encrypted << "\n  data: "
        << (e.categories.empty() ? "none classified" : joinedList(e.categories) + " [" + e.verdict + "]")
        << "\n  from: " << joinedList(e.functions) << "\n\n";
  }
  out << list.size() << " egress point(s), " << withData << " carrying classified data; " << coverage.translationUnits
      << " translation unit(s), " << coverage.failed.size() << " failed, " << coverage.partial.size() << " partial\n";
}

}  // namespace egress
