#include "facts/TaintOps.h"
#include "report/Report.h"

namespace egress {
namespace {

std::string describePiece(const StrPiece& p, const RuleSet& rules) {
  const auto bound = [&](const std::string& key) -> std::string {
    for (const auto& [k, v] : rules.policy.bindings)
      if (k == key) return " (bound by the policy to \"" + v + "\")";
    return " (not bound by the policy)";
  };
  const std::string key = displayKey(p.text);
  switch (p.kind) {
    case StrPiece::Const: return "constant \"" + p.text + "\"";
    case StrPiece::Env: return "environment variable " + key + bound("env:" + key);
    case StrPiece::Config:
    case StrPiece::Setting: return "configuration key " + key + bound("config:" + key);
    case StrPiece::Option: return "command-line argument " + key + bound("option:" + key);
    case StrPiece::Param:
      if (p.index == kGlobalParam) return "global " + readableGlobal(p.text) + ", which no store the scan saw sets";
      return "a parameter no caller binds";
    default: return "a value not known statically";
  }
}

std::string matcherText(const DestMatcher& m) {
  std::string out;
  const auto add = [&](const char* key, const std::optional<std::string>& v) {
    if (v) out += std::string(out.empty() ? "" : ", ") + key + ": " + *v;
  };
  add("name", m.name);
  add("host", m.host);
  add("cidr", m.cidr);
  add("country", m.country);
  add("region", m.region);
  add("operator", m.op);
  add("jurisdiction", m.jurisdiction);
  add("path", m.path);
  if (m.internal) out += std::string(out.empty() ? "" : ", ") + "internal: " + (*m.internal ? "true" : "false");
  return "{" + out + "}";
}

void explainRule(std::ostream& out, const RuleSet& rules, const std::string& id) {
  for (const PolicyRule& r : rules.policy.rules) {
    if (r.id != id) continue;
    out << "  rule '" << r.id << "' (" << rules.policy.file << "):\n";
    for (const auto& m : r.deny) out << "    deny " << matcherText(m) << "\n";
    for (const auto& m : r.allow) out << "    allow " << matcherText(m) << "\n";
  }
}

}  // namespace

void writeExplanation(std::ostream& out, const Finding& f, const RuleSet& rules) {
  const Destination& d = f.destination;
  out << "finding " << f.fingerprint << ": " << f.verdict << (f.rule.empty() ? "" : " (rule '" + f.rule + "')") << "\n";
  out << "  sink: " << locString(f.sink) << " " << f.api << " (" << f.kind << ") in " << f.function << "()\n";
  out << "  data: ";
  for (const auto& c : f.categories) out << c << (c == f.categories.back() ? "\n" : ", ");
  out << "  first source: " << f.what << " (" << f.source.file << ":" << f.source.line << ")\n";
  out << "destination: " << d.display << "\n";
  for (const std::string& other : d.alternatives) out << "  or: " << other << " (same verdict)\n";
  out << "  put together from:\n";
  for (const StrPiece& p : f.destinationValue.pieces) out << "    " << describePiece(p, rules) << "\n";
  if (!d.unresolved.empty()) out << "  unresolved: " << d.unresolved << "\n";
  if (!d.host.empty()) {
    out << "  host: " << d.host << (d.port.empty() ? "" : ", port " + d.port)
        << (d.scheme.empty() ? "" : ", scheme " + d.scheme) << "\n";
    out << "  located by: " << d.how << "\n";
    out << "  country: " << (d.country.empty() ? "unknown" : d.country) << "; regions:";
    for (const auto& r : d.regions) out << " " << r;
    out << "; operator: " << (d.op.empty() ? "unknown" : d.op)
        << "; operator's jurisdiction: " << (d.jurisdiction.empty() ? "unknown" : d.jurisdiction)
        << (d.internal ? "; internal" : "") << "\n";
  }
  out << "policy '" << rules.policy.name << "':\n";
  for (const auto& r : f.reasons) out << "  " << r << "\n";
  if (!f.rule.empty()) explainRule(out, rules, f.rule);
  out << "path:\n";
  for (const Step& s : f.path) out << "  " << locString(s.loc) << ": " << s.note << "\n";
}

}  // namespace egress
