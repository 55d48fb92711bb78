#include "judge/Baseline.h"

#include <fstream>
#include <sstream>

#include <llvm/Support/FormatVariadic.h>
#include <llvm/Support/JSON.h>

#include "facts/Errors.h"

namespace egress {
namespace {

constexpr const char* kFormat = "egress-audit-baseline/1";

std::vector<std::string> destinationKeys(const Finding& f) {
  std::vector<std::string> keys{destinationKey(f.destination)};
  // The other possible values share the verdict; they are compared by text.
  for (const std::string& other : f.destination.alternatives) keys.push_back(other);
  return keys;
}

}  // namespace

std::string destinationKey(const Destination& d) {
  if (!d.host.empty()) return d.host;
  if (!d.op.empty() || !d.country.empty()) return "operator:" + d.op + "/country:" + d.country;
  if (!d.unresolved.empty()) return "unresolved:" + d.unresolved;
  return d.display;
}

std::vector<std::string> dataPairs(const Finding& f) {
  std::vector<std::string> out;
  for (const std::string& c : f.categories)
    for (const std::string& d : destinationKeys(f)) out.push_back(c + " -> " + d);
  return out;
}

std::string baselineToJson(const std::vector<Finding>& findings) {
  llvm::json::Array list;
  std::set<std::string> pairs;
  for (const Finding& f : findings) {
    llvm::json::Array cats;
    for (const auto& c : f.categories) cats.push_back(c);
    list.push_back(llvm::json::Object{{"fingerprint", f.fingerprint},
                                      {"verdict", f.verdict},
                                      {"categories", std::move(cats)},
                                      {"destination", f.destination.display},
                                      {"sink", f.sink.file + ":" + std::to_string(f.sink.line)},
                                      {"api", f.api}});
    for (const std::string& p : dataPairs(f)) pairs.insert(p);
  }
  llvm::json::Array pairList;
  for (const std::string& p : pairs) pairList.push_back(p);
  llvm::json::Value doc =
      llvm::json::Object{{"format", kFormat}, {"findings", std::move(list)}, {"pairs", std::move(pairList)}};
  return llvm::formatv("{0:2}", doc).str() + "\n";
}

llvm::Expected<Baseline> readBaseline(const std::string& file) {
  std::ifstream in(file);
  if (!in) return inputProblem(file + ": cannot read the baseline");
  std::stringstream text;
  text << in.rdbuf();
  auto parsed = llvm::json::parse(text.str());
  if (!parsed) return inputProblem(file + ": not JSON: " + llvm::toString(parsed.takeError()));
  const llvm::json::Object* root = parsed->getAsObject();
  if (!root || root->getString("format") != llvm::StringRef(kFormat))
    return inputProblem(file + ": not a baseline written by `egress-audit baseline` (expected \"format\": \"" +
                        kFormat + "\")");
  Baseline b;
  if (const auto* findings = root->getArray("findings"))
    for (const auto& f : *findings)
      if (const auto* o = f.getAsObject())
        if (auto fp = o->getString("fingerprint")) b.fingerprints.insert(fp->str());
  if (const auto* pairs = root->getArray("pairs"))
    for (const auto& p : *pairs)
      if (auto s = p.getAsString()) b.pairs.insert(s->str());
  return b;
}

void applyBaseline(std::vector<Finding>& findings, const Baseline& baseline, BaselineMode mode) {
  for (Finding& f : findings) {
    bool known = false;
    if (mode == BaselineMode::Findings) {
      known = baseline.fingerprints.count(f.fingerprint) > 0;
    } else {
      const auto pairs = dataPairs(f);
      known =
          std::all_of(pairs.begin(), pairs.end(), [&](const std::string& p) { return baseline.pairs.count(p) > 0; });
    }
    f.baseline = known ? "known" : "new";
  }
}

}  // namespace egress
