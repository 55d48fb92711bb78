// Fuzz target: the TU facts reader (`merge` and the cache read these files). Facts
// that are accepted must survive a round trip: written again and read back, they
// give the same JSON.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "facts/FactsJson.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  std::string error;
  auto tu = egress::factsFromJson(std::string(reinterpret_cast<const char*>(data), size), error);
  if (!tu) return 0;
  const std::string once = egress::factsToJson(*tu);
  auto again = egress::factsFromJson(once, error);
  if (!again || egress::factsToJson(*again) != once) std::abort();
  return 0;
}
