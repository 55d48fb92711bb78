// Fuzz target: the policy loader, checked against the bundled rules (categories
// and catalog names the policy may refer to).
#include <cstddef>
#include <cstdint>
#include <string>

#include "rules/Loaders.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  static const egress::RuleSet bundled = egress::loadRules(EGRESS_RULES_DIR, "");
  egress::RuleSet rules = bundled;
  rules.policy = {};
  try {
    egress::loadPolicy(egress::YamlReader("policy.yaml", std::string(reinterpret_cast<const char*>(data), size)),
                       rules);
  } catch (const egress::ConfigError&) {
  }
  return 0;
}
