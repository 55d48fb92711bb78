// SARIF 2.1.0 for code scanning views (GitHub, GitLab, IDEs): one reporting rule per
// policy rule and verdict, each finding a result with its evidence path as a code
// flow, paths relative to the scan root through the ROOT base id.
#include <cctype>

#include <llvm/Support/FormatVariadic.h>
#include <llvm/Support/JSON.h>
#include <llvm/Support/raw_os_ostream.h>

#include "report/Describe.h"
#include "report/Report.h"
#include "report/Version.h"

namespace egress {
namespace {

namespace json = llvm::json;

// GitHub code scanning's documented limits: results per run and locations per
// thread flow. What goes over is cut and said in a notification.
constexpr std::size_t kMaxResults = 25000;
constexpr std::size_t kMaxFlowSteps = 1000;
constexpr const char* kRootId = "ROOT";

// Percent-encodes what a URI path may not hold as is (RFC 3986 unreserved and '/').
std::string uriPath(const std::string& path) {
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += char(c);
    } else {
      static const char kHex[] = "0123456789ABCDEF";
      out += {'%', kHex[c >> 4], kHex[c & 15]};
    }
  }
  return out;
}

// Relative paths are below --root (ROOT); absolute ones (system or outside the root)
// become file URIs.
json::Object artifact(const std::string& file) {
  if (!file.empty() && file.front() == '/') return json::Object{{"uri", "file://" + uriPath(file)}};
  return json::Object{{"uri", uriPath(file)}, {"uriBaseId", kRootId}};
}

json::Object location(const SourceLoc& loc, const std::string& message = "") {
  json::Object region{{"startLine", std::max(loc.line, 1u)}};
  if (loc.column > 0) region["startColumn"] = loc.column;
  json::Object l{
      {"physicalLocation", json::Object{{"artifactLocation", artifact(loc.file)}, {"region", std::move(region)}}}};
  if (!message.empty()) l["message"] = json::Object{{"text", message}};
  return l;
}

std::string ruleId(const std::string& policyRule, const std::string& verdict) {
  if (verdict == "unresolved") return "unresolved-destination";
  return (policyRule.empty() ? std::string("no-rule") : policyRule) + "/" + verdict;
}

std::string level(const std::string& verdict, const RuleSet& rules) {
  if (verdict == "violation") return "error";
  if (verdict == "unresolved") return rules.policy.unresolvedFails ? "error" : "warning";
  return "note";
}

// A rule's readable name: its id in CamelCase ("no-data-to-china/violation" ->
// "NoDataToChinaViolation"); SARIF wants it to differ from the opaque id.
std::string ruleName(const std::string& id) {
  std::string out;
  bool upper = true;
  for (char c : id) {
    if (!std::isalnum(static_cast<unsigned char>(c))) {
      upper = true;
      continue;
    }
    out += upper ? char(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return out;
}

json::Object reportingRule(const std::string& id, const std::string& text, const std::string& verdict,
                           const RuleSet& rules) {
  return json::Object{{"id", id},
                      {"name", ruleName(id)},
                      {"shortDescription", json::Object{{"text", text}}},
                      {"defaultConfiguration", json::Object{{"level", level(verdict, rules)}}},
                      {"properties", json::Object{{"verdict", verdict}, {"policy", rules.policy.name}}}};
}

// Every policy rule with each verdict it can give, then the two verdicts no rule gives.
json::Array reportingRules(const RuleSet& rules) {
  json::Array out;
  for (const PolicyRule& r : rules.policy.rules) {
    out.push_back(reportingRule(ruleId(r.id, "violation"), "Data sent where policy rule '" + r.id + "' forbids",
                                "violation", rules));
    if (!r.allow.empty())
      out.push_back(reportingRule(ruleId(r.id, "allowed"), "Data sent where policy rule '" + r.id + "' allows",
                                  "allowed", rules));
  }
  out.push_back(reportingRule(ruleId("", "allowed"), "Data sent where no policy rule applies", "allowed", rules));
  out.push_back(reportingRule(ruleId("", "unresolved"), "Data sent to a destination the analysis cannot resolve",
                              "unresolved", rules));
  return out;
}

json::Object codeFlow(const Finding& f) {
  json::Array steps;
  for (const Step& s : f.path) {
    if (steps.size() == kMaxFlowSteps) break;
    steps.push_back(json::Object{{"location", location(s.loc, s.note)}});
  }
  if (steps.empty()) steps.push_back(json::Object{{"location", location(f.sink, "reaches " + f.api)}});
  return json::Object{{"threadFlows", json::Array{json::Object{{"locations", std::move(steps)}}}}};
}

json::Object result(const Finding& f, const RuleSet& rules) {
  const Destination& d = f.destination;
  const std::string text = joinedList(f.categories) + " reaches " + f.api + " (" + f.kind + ") to " + d.display + ": " +
                           f.verdict + (f.reasons.empty() ? "" : " (" + joinedList(f.reasons, "; ") + ")");
  json::Array categories, alternatives;
  for (const auto& c : f.categories) categories.push_back(c);
  for (const auto& a : d.alternatives) alternatives.push_back(a);
  json::Object props{{"verdict", f.verdict},
                     {"categories", std::move(categories)},
                     {"kind", f.kind},
                     {"api", f.api},
                     {"function", f.function},
                     {"destination", d.display},
                     {"destinationAlternatives", std::move(alternatives)}};
  const auto optional = [&](const char* key, const std::string& v) {
    if (!v.empty()) props[key] = v;
  };
  optional("host", d.host);
  optional("unresolved", d.unresolved);
  optional("country", d.country);
  optional("operator", d.op);
  optional("jurisdiction", d.jurisdiction);
  optional("catalogEntry", d.entry);
  optional("source", f.what);
  json::Object out{{"ruleId", ruleId(f.rule, f.verdict)},
                   {"level", level(f.verdict, rules)},
                   {"message", json::Object{{"text", text}}},
                   {"locations", json::Array{location(f.sink)}},
                   {"codeFlows", json::Array{codeFlow(f)}},
                   {"partialFingerprints", json::Object{{"egressAuditFingerprint/v1", f.fingerprint}}},
                   {"properties", std::move(props)}};
  if (!f.baseline.empty()) out["baselineState"] = f.baseline == "known" ? "unchanged" : "new";
  if (f.justification && !f.justification->expired)
    out["suppressions"] = json::Array{
        json::Object{{"kind", "inSource"}, {"status", "accepted"}, {"justification", f.justification->reason}}};
  return out;
}

json::Object notification(const std::string& level, const std::string& text, const std::string& file = "") {
  json::Object n{{"level", level}, {"message", json::Object{{"text", text}}}};
  if (!file.empty()) n["locations"] = json::Array{location(SourceLoc{file, 1, 0})};
  return n;
}

// Coverage as the invocation's notifications: what was not analysed, or not wholly.
json::Array notifications(const Coverage& c, std::size_t droppedResults) {
  json::Array out;
  for (const auto& [file, why] : c.failed) out.push_back(notification("error", "not analysed: " + why, file));
  for (const auto& [file, why] : c.partial) out.push_back(notification("warning", "analysed in part: " + why, file));
  for (const LimitReport& l : c.limits)
    out.push_back(
        notification(l.evidenceOnly ? "note" : "warning", "limit " + l.limit + " hit " + std::to_string(l.count) +
                                                              " times (first: " + l.example + "): " + l.effect));
  for (const std::string& w : c.warnings) out.push_back(notification("note", w));
  if (droppedResults)
    out.push_back(notification("warning", std::to_string(droppedResults) + " findings left out: SARIF consumers take " +
                                              std::to_string(kMaxResults) + " results per run; see the JSON report"));
  return out;
}

}  // namespace

void writeSarif(std::ostream& out, const std::vector<Finding>& findings, const Coverage& coverage, const RuleSet& rules,
                const std::string& root) {
  json::Array results;
  for (const Finding& f : findings) {
    if (results.size() == kMaxResults) break;
    results.push_back(result(f, rules));
  }
  const std::size_t dropped = findings.size() - results.size();
  const std::string rootUri = "file://" + uriPath(root.empty() || root.back() == '/' ? root : root + "/");
  json::Object run{
      {"tool", json::Object{{"driver", json::Object{{"name", "egress-audit"},
                                                    {"version", kVersion},
                                                    {"semanticVersion", kVersion},
                                                    {"rules", reportingRules(rules)}}}}},
      {"originalUriBaseIds", json::Object{{kRootId, json::Object{{"uri", rootUri}}}}},
      {"invocations", json::Array{json::Object{{"executionSuccessful", coverage.failed.empty()},
                                               {"toolExecutionNotifications", notifications(coverage, dropped)}}}},
      {"results", std::move(results)},
      {"properties", json::Object{{"complete", !coverage.incomplete()},
                                  {"translationUnits", coverage.translationUnits},
                                  {"policy", rules.policy.name}}},
  };
  json::Value doc = json::Object{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                                 {"version", "2.1.0"},
                                 {"runs", json::Array{std::move(run)}}};
  llvm::raw_os_ostream os(out);
  os << llvm::formatv("{0:2}", doc) << "\n";
}

}  // namespace egress
