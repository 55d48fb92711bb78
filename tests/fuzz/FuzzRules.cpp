// Fuzz target: the rules loaders (rules/data, rules/apis, rules/destinations). The
// input is up to four YAML documents separated by a line "%%": a data file, an
// API model file, a destination file and a project overlay. Configuration errors are the expected
// outcome of bad input; anything else (a crash, another exception) is a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include "rules/Loaders.h"

namespace {

std::string nextPart(std::string& rest) {
  const std::size_t cut = rest.find("\n%%\n");
  std::string part = rest.substr(0, cut);
  rest = cut == std::string::npos ? std::string() : rest.substr(cut + 4);
  return part;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  std::string rest(reinterpret_cast<const char*>(data), size);
  const std::string dataFile = nextPart(rest), apiFile = nextPart(rest), destinationFile = nextPart(rest);
  const std::string overlayFile = nextPart(rest);
  egress::RuleSet rules;
  try {
    egress::loadDataFile(egress::YamlReader("data.yaml", dataFile), rules);
    egress::loadApiFile(egress::YamlReader("apis.yaml", apiFile), rules);
    egress::loadDestinationFile(egress::YamlReader("destinations.yaml", destinationFile), rules);
    egress::loadOverlay(egress::YamlReader(".egress-audit.yaml", overlayFile), rules);
  } catch (const egress::ConfigError&) {
  }
  return 0;
}
