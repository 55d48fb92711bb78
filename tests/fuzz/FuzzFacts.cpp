// Fuzz target: the TU facts readers. JSON facts (`merge` reads these files) that
// are accepted must survive a round trip: written again and read back, they give
// the same JSON; so must their binary form (the cache's). The same bytes read as
// binary facts must fail cleanly or round-trip too.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "facts/FactsBinary.h"
#include "facts/FactsJson.h"

namespace {

// Binary facts that decode must encode to bytes that decode to the same facts.
void checkBinary(const std::string& bytes) {
  std::optional<egress::TUFacts> tu = egress::decodeFactsHead(bytes);
  if (!tu || !egress::decodeFactsFunctions(bytes, *tu)) return;
  const std::string once = egress::encodeFacts(*tu);
  std::optional<egress::TUFacts> again = egress::decodeFactsHead(once);
  if (!again || !egress::decodeFactsFunctions(once, *again)) std::abort();
  if (egress::factsToJson(*again) != egress::factsToJson(*tu)) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  checkBinary(input);
  std::string error;
  auto tu = egress::factsFromJson(input, error);
  if (!tu) return 0;
  const std::string once = egress::factsToJson(*tu);
  auto again = egress::factsFromJson(once, error);
  if (!again || egress::factsToJson(*again) != once) std::abort();
  checkBinary(egress::encodeFacts(*tu));
  return 0;
}
