// A project overlay (`--config FILE`, or `.egress-audit.yaml` at --root): what an
// auditor adds to the bundled rules for one codebase without copying rules/. It is
// read after the bundled data, API and destination files and before the policy.
#include <algorithm>

#include "rules/Loaders.h"

namespace egress {
namespace {

// `fields:` entries: a field matcher plus the category it adds to.
void loadFieldClassifications(const YamlReader& y, const YAML::Node& list, RuleSet& rules) {
  if (!list) return;
  y.expectSeq(list, "'fields'");
  for (const auto& n : list) {
    FieldMatcher m = loadFieldMatcher(y, n, true);
    const std::string id = loadCategoryKey(y, n, rules);
    if (!m.context.empty() && std::none_of(rules.contexts.begin(), rules.contexts.end(),
                                           [&](const RecordContext& c) { return c.id == m.context; }))
      y.fail(n["context"], "unknown context '" + m.context + "'; expected an id from the contexts in rules/data");
    for (Category& c : rules.categories)
      if (c.id == id) c.fields.push_back(std::move(m));
  }
}

// `{category, pattern}`: removes the bundled field matcher written exactly so.
void disableFieldPattern(const YamlReader& y, const YAML::Node& n, RuleSet& rules) {
  const std::string id = loadCategoryKey(y, n, rules);
  const std::string text = y.requiredScalar(n, "pattern");
  for (Category& c : rules.categories) {
    if (c.id != id) continue;
    const auto before = c.fields.size();
    c.fields.erase(
        std::remove_if(c.fields.begin(), c.fields.end(), [&](const FieldMatcher& m) { return m.name.text == text; }),
        c.fields.end());
    if (c.fields.size() != before) return;
    std::string known;
    for (const FieldMatcher& m : c.fields) known += "\n  '" + m.name.text + "'";
    y.fail(n["pattern"],
           "category '" + id + "' has no field pattern written '" + text + "'; its patterns are:" + known);
  }
}

// `{api, library}`: removes the bundled models whose name is written exactly so.
void disableApiModel(const YamlReader& y, const YAML::Node& n, RuleSet& rules) {
  const std::string name = y.requiredScalar(n, "api");
  const std::string library = y.optionalScalar(n, "library");
  const auto matches = [&](const ApiModel& m) {
    return m.name.text == name && (library.empty() || m.library == library);
  };
  const auto before = rules.apis.size();
  rules.apis.erase(std::remove_if(rules.apis.begin(), rules.apis.end(), matches), rules.apis.end());
  if (rules.apis.size() == before)
    y.fail(n["api"], "no bundled API model has the name '" + name + "'" +
                         (library.empty() ? "" : " in library '" + library + "'") +
                         "; expected a `name:` exactly as written in rules/apis");
}

void loadDisables(const YamlReader& y, const YAML::Node& list, RuleSet& rules) {
  if (!list) return;
  y.expectSeq(list, "'disable'");
  for (const auto& n : list) {
    y.expectMap(n, "a disable entry");
    y.checkKeys(n, {"category", "pattern", "api", "library", "field", "record", "reason"});
    if (n["pattern"]) {
      disableFieldPattern(y, n, rules);
    } else if (n["api"]) {
      disableApiModel(y, n, rules);
    } else if (n["field"]) {
      FieldExclusion e{y.pattern(n["field"], "'field'", true), std::nullopt};
      if (n["record"]) e.record = y.pattern(n["record"], "'record'", true);
      rules.excludedFields.push_back(std::move(e));
    } else {
      y.fail(n, "a disable entry needs 'pattern' (with 'category'), 'api' or 'field'");
    }
  }
}

}  // namespace

void loadOverlay(const YamlReader& y, RuleSet& rules) {
  if (!y.root() || y.root().IsNull()) return;  // an empty overlay changes nothing
  y.expectMap(y.root(), "a project overlay");
  y.checkKeys(y.root(), {"description", "fields", "sources", "types", "sanitizers", "apis", "destinations", "bindings",
                         "disable"});
  loadDisables(y, y.root()["disable"], rules);  // first: it names bundled entries only
  loadFieldClassifications(y, y.root()["fields"], rules);
  loadSourcesAndTypes(y, y.root(), rules);
  const auto sans = loadCheckedSanitizers(y, y.root()["sanitizers"], rules);
  rules.sanitizers.insert(rules.sanitizers.end(), sans.begin(), sans.end());
  if (const YAML::Node apis = y.root()["apis"]) {
    y.expectSeq(apis, "'apis'");
    for (const auto& lib : apis) loadApiLibrary(y, lib, rules);
  }
  loadDestinationList(y, y.root()["destinations"], rules);
  loadBindings(y, y.root()["bindings"], rules.policy.bindings);
}

}  // namespace egress
