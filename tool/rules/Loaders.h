// Internal to the rules folder: the pieces RulesLoader.cpp and PolicyLoader.cpp share.
#pragma once

#include <string>
#include <vector>

#include "rules/Rules.h"
#include "rules/YamlReader.h"

namespace egress {

std::vector<Sanitizer> loadSanitizerList(const YamlReader& y, const YAML::Node& list);
void loadPolicyFile(const std::string& file, RuleSet& rules);

}  // namespace egress
