// Loads the user's policy and checks it against the categories and catalog.
#include <algorithm>

#include "rules/Cidr.h"
#include "rules/Loaders.h"

namespace egress {
namespace {

DestMatcher destMatcher(const YamlReader& y, const YAML::Node& n, const RuleSet& rules) {
  DestMatcher m;
  if (n.IsScalar()) {  // shorthand: a catalog entry name, e.g. `localhost`
    m.name = n.Scalar();
  } else {
    y.expectMap(n, "a destination matcher");
    y.checkKeys(n, {"name", "host", "cidr", "country", "region", "operator", "jurisdiction", "internal", "path"});
    if (n.size() == 0) y.fail(n, "a destination matcher needs at least one key");
    const auto opt = [&](const char* key) -> std::optional<std::string> {
      if (!n[key]) return std::nullopt;
      return y.scalar(n[key], std::string("'") + key + "'");
    };
    m.name = opt("name");
    m.host = opt("host");
    m.cidr = opt("cidr");
    m.country = opt("country");
    m.region = opt("region");
    m.op = opt("operator");
    m.jurisdiction = opt("jurisdiction");
    m.path = opt("path");
    if (n["internal"]) m.internal = y.optionalBool(n, "internal", false);
    if (m.cidr && !parseCidr(*m.cidr))
      y.fail(n["cidr"], "expected a CIDR block such as 10.0.0.0/8, got '" + *m.cidr + "'");
  }
  if (m.name && *m.name != "localhost" && *m.name != "internal") {
    const bool known = std::any_of(rules.destinations.begin(), rules.destinations.end(),
                                   [&](const DestinationEntry& d) { return d.name == *m.name; });
    if (!known) y.fail(n, "unknown destination name '" + *m.name + "'; expected an entry name from rules/destinations");
  }
  return m;
}

std::vector<DestMatcher> destMatchers(const YamlReader& y, const YAML::Node& n, const RuleSet& rules) {
  std::vector<DestMatcher> out;
  if (!n) return out;
  y.expectSeq(n, "'allow'/'deny'");
  for (const auto& e : n) out.push_back(destMatcher(y, e, rules));
  return out;
}

PolicyRule policyRule(const YamlReader& y, const YAML::Node& n, const RuleSet& rules) {
  y.expectMap(n, "a policy rule");
  y.checkKeys(n, {"id", "description", "data", "allow", "deny"});
  PolicyRule r;
  r.id = y.requiredScalar(n, "id");
  if (!n["data"]) y.fail(n, "missing required key 'data' (category patterns such as customer.*)");
  r.data = y.scalarList(n["data"], "'data'");
  for (std::size_t i = 0; i < r.data.size(); ++i) {
    if (!rules.categoryPatternValid(r.data[i])) {
      const YAML::Node at = n["data"].IsSequence() ? n["data"][i] : n["data"];
      y.fail(at, "unknown category '" + r.data[i] +
                     "'; expected a category id from rules/data or a pattern like customer.*");
    }
  }
  r.allow = destMatchers(y, n["allow"], rules);
  r.deny = destMatchers(y, n["deny"], rules);
  if (r.allow.empty() && r.deny.empty()) y.fail(n, "a policy rule needs 'allow' or 'deny'");
  return r;
}

}  // namespace

void loadBindings(const YamlReader& y, const YAML::Node& map, std::vector<std::pair<std::string, std::string>>& out) {
  if (!map) return;
  y.expectMap(map, "'bindings'");
  for (const auto& kv : map) {
    const std::string key = kv.first.Scalar();
    if (key.rfind("env:", 0) != 0 && key.rfind("config:", 0) != 0 && key.rfind("option:", 0) != 0)
      y.fail(kv.first, "expected a binding key env:NAME, config:KEY or option:NAME, got '" + key + "'");
    out.emplace_back(key, y.scalar(kv.second, "a binding value"));
  }
}

void loadPolicy(const YamlReader& y, RuleSet& rules) {
  const std::string& file = y.file();
  y.checkKeys(y.root(), {"policy", "description", "rules", "bindings", "unresolved", "sanitizers"});
  Policy& p = rules.policy;
  p.file = file;
  p.name = y.requiredScalar(y.root(), "policy");
  const YAML::Node rs = y.root()["rules"];
  if (!rs) y.fail(y.root(), "missing required key 'rules'");
  y.expectSeq(rs, "'rules'");
  for (const auto& r : rs) {
    PolicyRule rule = policyRule(y, r, rules);
    const bool again =
        std::any_of(p.rules.begin(), p.rules.end(), [&](const PolicyRule& o) { return o.id == rule.id; });
    if (again) y.fail(r["id"], "rule id '" + rule.id + "' is used twice; findings name their rule by id");
    p.rules.push_back(std::move(rule));
  }
  loadBindings(y, y.root()["bindings"], p.bindings);
  const std::string unresolved = y.optionalScalar(y.root(), "unresolved");
  if (!unresolved.empty() && unresolved != "warn" && unresolved != "fail")
    y.fail(y.root()["unresolved"], "expected 'unresolved' to be warn or fail, got '" + unresolved + "'");
  p.unresolvedFails = unresolved == "fail";
  p.sanitizers = loadCheckedSanitizers(y, y.root()["sanitizers"], rules);
}

std::vector<Sanitizer> loadCheckedSanitizers(const YamlReader& y, const YAML::Node& list, const RuleSet& rules) {
  std::vector<Sanitizer> sans = loadSanitizerList(y, list);
  for (std::size_t i = 0; i < sans.size(); ++i)
    for (const auto& c : sans[i].removes)
      if (!rules.categoryPatternValid(c))
        y.fail(list[i]["removes"] ? list[i]["removes"] : list[i], "sanitizer removes unknown category '" + c + "'");
  return sans;
}

}  // namespace egress
