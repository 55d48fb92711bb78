// TU facts as JSON: what the extract stage hands to the link stage, written out so
// it can be cached, computed on other machines and joined later, or inspected.
#pragma once

#include <optional>
#include <string>

#include <llvm/Support/JSON.h>
#include <llvm/Support/raw_ostream.h>

#include "facts/Facts.h"
#include "facts/Findings.h"

namespace egress {

std::string factsToJson(const TUFacts& tu);
void writeFactsJson(const TUFacts& tu, llvm::raw_ostream& os);
// Empty on malformed input; `error` says why.
std::optional<TUFacts> factsFromJson(llvm::StringRef text, std::string& error);

// A linked flow (the link stage's output), for the cache's linked result.
llvm::json::Value flowToJson(const Flow& f);
std::optional<Flow> flowFromJson(const llvm::json::Value& v, std::string& error);

// False when `text` opens more than `maxDepth` nested arrays or objects: LLVM's JSON
// and YAML parsers recurse on nesting, so such input is refused before parsing.
bool withinJsonNesting(llvm::StringRef text, unsigned maxDepth);

}  // namespace egress
