#include "link/LinkCache.h"

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include <llvm/Support/JSON.h>
#include <llvm/Support/raw_ostream.h>

#include "facts/FactsJson.h"
#include "facts/TaintOps.h"

namespace egress {
namespace json = llvm::json;
namespace {

constexpr const char* kFormat = "egress-audit-linked/1";

std::string resultPath(const std::string& dir) { return (std::filesystem::path(dir) / "linked.jsonl").string(); }

json::Value limitsToJson(const LinkStats& s) {
  json::Object counts, examples;
  for (std::size_t i = 0; i < kLimitCount; ++i) {
    if (!s.limits.counts[i]) continue;
    counts[limitInfo(Limit(i)).name] = s.limits.counts[i];
    examples[limitInfo(Limit(i)).name] = s.examples[i];
  }
  return json::Object{{"counts", std::move(counts)}, {"examples", std::move(examples)}};
}

json::Value statsToJson(const LinkStats& s) {
  json::Array largest, slowest, unknown;
  for (const auto& [name, sinks] : s.largest) largest.push_back(json::Array{name, sinks});
  for (const LinkStats::SlowFunction& f : s.slowest) slowest.push_back(json::Array{f.name, f.seconds, f.resolutions});
  for (const std::string& w : s.unknownOutputs) unknown.push_back(w);
  return json::Object{{"functions", s.functions},
                      {"rounds", s.rounds},
                      {"converged", s.converged},
                      {"limits", limitsToJson(s)},
                      {"sinksForCallers", s.sinksForCallers},
                      {"reportedSinks", s.reportedSinks},
                      {"pendingCalls", s.pendingCalls},
                      {"largest", std::move(largest)},
                      {"slowest", std::move(slowest)},
                      {"unknownOutputs", std::move(unknown)}};
}

// Null on anything unexpected: the caller links again.
std::optional<LinkStats> statsFromJson(const json::Object& o) {
  LinkStats s;
  const auto num = [&](const char* k) { return o.getInteger(k).value_or(-1); };
  if (num("functions") < 0 || num("rounds") < 0 || !o.getBoolean("converged")) return std::nullopt;
  s.functions = unsigned(num("functions"));
  s.rounds = unsigned(num("rounds"));
  s.converged = *o.getBoolean("converged");
  s.sinksForCallers = std::size_t(std::max<int64_t>(0, num("sinksForCallers")));
  s.reportedSinks = std::size_t(std::max<int64_t>(0, num("reportedSinks")));
  s.pendingCalls = std::size_t(std::max<int64_t>(0, num("pendingCalls")));
  const json::Object* limits = o.getObject("limits");
  const json::Object* counts = limits ? limits->getObject("counts") : nullptr;
  const json::Object* examples = limits ? limits->getObject("examples") : nullptr;
  if (!counts || !examples) return std::nullopt;
  for (const auto& [name, n] : *counts) {
    const Limit l = limitNamed(name.str());
    if (l == Limit::kCount || n.getAsInteger().value_or(-1) < 0) return std::nullopt;
    s.limits.add(l, uint32_t(*n.getAsInteger()));
    s.examples[std::size_t(l)] = examples->getString(name).value_or("").str();
  }
  if (const json::Array* a = o.getArray("largest"))
    for (const json::Value& v : *a)
      if (const json::Array* e = v.getAsArray(); e && e->size() == 2)
        s.largest.emplace_back((*e)[0].getAsString().value_or("").str(),
                               std::size_t((*e)[1].getAsInteger().value_or(0)));
  if (const json::Array* a = o.getArray("slowest"))
    for (const json::Value& v : *a)
      if (const json::Array* e = v.getAsArray(); e && e->size() == 3)
        s.slowest.push_back({(*e)[0].getAsString().value_or("").str(), (*e)[1].getAsNumber().value_or(0),
                             unsigned((*e)[2].getAsInteger().value_or(0))});
  if (const json::Array* a = o.getArray("unknownOutputs"))
    for (const json::Value& v : *a) s.unknownOutputs.push_back(v.getAsString().value_or("").str());
  return s;
}

}  // namespace

std::string linkKey(const std::vector<TUFacts>& tus) {
  std::string all = kFormat;
  for (const TUFacts& tu : tus) {
    if (tu.entryDigest.empty()) return "";
    all += '\0' + tu.file + '\0' + tu.rulesKey + '\0' + tu.entryDigest;
  }
  return hashText(all);
}

std::optional<LinkedResult> loadLinked(const std::string& dir, const std::string& key) {
  if (dir.empty() || key.empty()) return std::nullopt;
  std::ifstream in(resultPath(dir));
  std::string line;
  if (!in || !std::getline(in, line)) return std::nullopt;
  auto header = json::parse(line);
  if (!header) {
    llvm::consumeError(header.takeError());
    return std::nullopt;
  }
  const json::Object* o = header->getAsObject();
  if (!o || o->getString("format").value_or("") != kFormat || o->getString("key").value_or("") != key)
    return std::nullopt;
  const json::Object* stats = o->getObject("stats");
  std::optional<LinkStats> read = stats ? statsFromJson(*stats) : std::nullopt;
  const std::optional<int64_t> count = o->getInteger("flows");
  if (!read || !count) return std::nullopt;
  LinkedResult result{{}, std::move(*read)};
  result.stats.reused = true;
  result.stats.slowest.clear();  // timings of another run
  while (std::getline(in, line)) {
    auto value = json::parse(line);
    if (!value) {
      llvm::consumeError(value.takeError());
      return std::nullopt;
    }
    std::string error;
    std::optional<Flow> flow = flowFromJson(*value, error);
    if (!flow) return std::nullopt;
    result.flows.push_back(std::move(*flow));
  }
  if (int64_t(result.flows.size()) != *count) return std::nullopt;  // cut short
  return result;
}

void storeLinked(const std::string& dir, const std::string& key, const LinkedResult& result) {
  if (dir.empty() || key.empty()) return;
  const std::string path = resultPath(dir);
  const std::string tmp = path + ".tmp" + std::to_string(::getpid());
  std::error_code ec;
  {
    llvm::raw_fd_ostream out(tmp, ec);
    if (ec) return;
    out << json::Value(json::Object{{"format", kFormat},
                                    {"key", key},
                                    {"flows", int64_t(result.flows.size())},
                                    {"stats", statsToJson(result.stats)}})
        << "\n";
    for (const Flow& f : result.flows) out << flowToJson(f) << "\n";
  }
  std::filesystem::rename(tmp, path, ec);
  if (ec) std::filesystem::remove(tmp, ec);
}

}  // namespace egress
