#include <llvm/Support/FormatVariadic.h>
#include <llvm/Support/JSON.h>
#include <llvm/Support/raw_os_ostream.h>

#include "report/Report.h"
#include "report/Version.h"

namespace egress {
namespace {

llvm::json::Value orNull(const std::string& s) {
  if (s.empty()) return nullptr;
  return s;
}

llvm::json::Object destination(const Destination& d) {
  llvm::json::Array regions, alternatives;
  for (const auto& r : d.regions) regions.push_back(r);
  for (const auto& a : d.alternatives) alternatives.push_back(a);
  return llvm::json::Object{
      {"display", d.display},
      {"host", orNull(d.host)},
      {"scheme", orNull(d.scheme)},
      {"port", orNull(d.port)},
      {"path", orNull(d.path)},
      {"unresolved", orNull(d.unresolved)},
      {"country", orNull(d.country)},
      {"region", d.regions.empty() ? llvm::json::Value(orNull(d.country)) : llvm::json::Value(d.regions.front())},
      {"regions", std::move(regions)},
      {"operator", orNull(d.op)},
      {"jurisdiction", orNull(d.jurisdiction)},
      {"internal", d.internal},
      {"catalog_entry", orNull(d.entry)},
      {"how", orNull(d.how)},
      {"alternatives", std::move(alternatives)},
  };
}

llvm::json::Value justification(const Finding& f) {
  if (!f.justification) return nullptr;
  const JustificationRef& j = *f.justification;
  return llvm::json::Object{{"reason", j.reason}, {"until", orNull(j.until)}, {"at", j.at}, {"expired", j.expired}};
}

llvm::json::Object finding(const Finding& f) {
  llvm::json::Array categories;
  for (const auto& c : f.categories) categories.push_back(c);
  llvm::json::Array path;
  path.reserve(f.path.size());  // a growing json::Array copies its elements deeply
  for (const Step& s : f.path)
    path.push_back(
        llvm::json::Object{{"file", s.loc.file}, {"line", s.loc.line}, {"column", s.loc.column}, {"note", s.note}});
  llvm::json::Array reasons;
  for (const auto& r : f.reasons) reasons.push_back(r);
  return llvm::json::Object{
      {"fingerprint", f.fingerprint},
      {"verdict", f.verdict},
      {"rule", orNull(f.rule)},
      {"categories", std::move(categories)},
      {"kind", f.kind},
      {"sink",
       llvm::json::Object{{"file", f.sink.file}, {"line", f.sink.line}, {"column", f.sink.column}, {"api", f.api}}},
      {"source", llvm::json::Object{{"file", f.source.file}, {"line", f.source.line}, {"what", f.what}}},
      {"destination", destination(f.destination)},
      {"path", std::move(path)},
      {"function", f.function},
      {"reasons", std::move(reasons)},
      {"baseline", orNull(f.baseline)},
      {"justification", justification(f)},
  };
}

llvm::json::Array fileList(const std::vector<std::pair<std::string, std::string>>& files) {
  llvm::json::Array out;
  for (const auto& [file, why] : files) out.push_back(llvm::json::Object{{"file", file}, {"reason", why}});
  return out;
}

llvm::json::Array warningList(const std::vector<std::string>& warnings) {
  llvm::json::Array out;
  for (const auto& w : warnings) out.push_back(w);
  return out;
}

llvm::json::Array limitList(const std::vector<LimitReport>& limits) {
  llvm::json::Array out;
  for (const LimitReport& l : limits)
    out.push_back(llvm::json::Object{{"limit", l.limit},
                                     {"count", l.count},
                                     {"example", l.example},
                                     {"effect", l.effect},
                                     {"evidence_only", l.evidenceOnly}});
  return out;
}

}  // namespace

void writeJson(std::ostream& out, const std::vector<Finding>& findings, const Coverage& coverage) {
  llvm::json::Array list;
  list.reserve(findings.size());
  for (const Finding& f : findings) list.push_back(finding(f));
  llvm::json::Value doc = llvm::json::Object{
      {"tool", llvm::json::Object{{"name", "egress-audit"}, {"version", kVersion}}},
      {"findings", std::move(list)},
      {"coverage", llvm::json::Object{{"translation_units", coverage.translationUnits},
                                      {"failed", fileList(coverage.failed)},
                                      {"partial", fileList(coverage.partial)},
                                      {"warnings", warningList(coverage.warnings)},
                                      {"limits", limitList(coverage.limits)},
                                      {"not_shown_unchanged", coverage.notChanged},
                                      {"complete", !coverage.incomplete()}}},
  };
  llvm::raw_os_ostream os(out);
  os << llvm::formatv("{0:2}", doc) << "\n";
}

}  // namespace egress
