// Internal to the rules folder: the pieces RulesLoader.cpp and PolicyLoader.cpp share.
#pragma once

#include <string>
#include <vector>

#include "rules/Rules.h"
#include "rules/YamlReader.h"

namespace egress {

std::vector<Sanitizer> loadSanitizerList(const YamlReader& y, const YAML::Node& list);
// The same, each `removes` checked against the categories already loaded.
std::vector<Sanitizer> loadCheckedSanitizers(const YamlReader& y, const YAML::Node& list, const RuleSet& rules);
// A field matcher; `withCategory` also takes the `category` key of an overlay's entry.
FieldMatcher loadFieldMatcher(const YamlReader& y, const YAML::Node& n, bool withCategory);
// The `category` key of `map`: required, and an existing category id.
std::string loadCategoryKey(const YamlReader& y, const YAML::Node& map, const RuleSet& rules);
// `sources:` and `types:` of a data file or an overlay.
void loadSourcesAndTypes(const YamlReader& y, const YAML::Node& root, RuleSet& rules);
// One `{library, functions}` map: an API file's root or an overlay's `apis` entry.
void loadApiLibrary(const YamlReader& y, const YAML::Node& lib, RuleSet& rules);
void loadDestinationList(const YamlReader& y, const YAML::Node& list, RuleSet& rules);

// One file of each kind, added to `rules` (also used by the fuzz targets).
void loadDataFile(const YamlReader& y, RuleSet& rules);
void loadApiFile(const YamlReader& y, RuleSet& rules);
void loadDestinationFile(const YamlReader& y, RuleSet& rules);
void loadPolicy(const YamlReader& y, RuleSet& rules);
// `bindings:` of a policy or an overlay: env:NAME / config:KEY / option:NAME -> value.
void loadBindings(const YamlReader& y, const YAML::Node& map, std::vector<std::pair<std::string, std::string>>& out);
// A project overlay (.egress-audit.yaml); see OverlayLoader.cpp.
void loadOverlay(const YamlReader& y, RuleSet& rules);

}  // namespace egress
