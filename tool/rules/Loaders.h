// Internal to the rules folder: the pieces RulesLoader.cpp and PolicyLoader.cpp share.
#pragma once

#include <string>
#include <vector>

#include "rules/Rules.h"
#include "rules/YamlReader.h"

namespace egress {

std::vector<Sanitizer> loadSanitizerList(const YamlReader& y, const YAML::Node& list);

// One file of each kind, added to `rules` (also used by the fuzz targets).
void loadDataFile(const YamlReader& y, RuleSet& rules);
void loadApiFile(const YamlReader& y, RuleSet& rules);
void loadDestinationFile(const YamlReader& y, RuleSet& rules);
void loadPolicy(const YamlReader& y, RuleSet& rules);

}  // namespace egress
