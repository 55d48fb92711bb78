// TU facts as JSON: what the extract stage hands to the link stage, written out so
// it can be cached, computed on other machines and joined later, or inspected.
#pragma once

#include <optional>
#include <string>

#include <llvm/Support/raw_ostream.h>

#include "facts/Facts.h"

namespace egress {

std::string factsToJson(const TUFacts& tu);
void writeFactsJson(const TUFacts& tu, llvm::raw_ostream& os);
// Empty on malformed input; `error` says why.
std::optional<TUFacts> factsFromJson(const std::string& text, std::string& error);

// False when `text` opens more than `maxDepth` nested arrays or objects: LLVM's JSON
// and YAML parsers recurse on nesting, so such input is refused before parsing.
bool withinJsonNesting(const std::string& text, unsigned maxDepth);

}  // namespace egress
