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
// The same facts as lines: the TU without its functions, then one function per
// line, so a reader holds one function's JSON tree at a time (the cache's format).
void writeFactsLines(const TUFacts& tu, llvm::raw_ostream& os);
std::optional<TUFacts> readFactsLines(llvm::StringRef text, std::string& error);
// The TU of facts lines without its functions (a quick look: the cache's), and then
// the functions, added to it; false on malformed input.
std::optional<TUFacts> readFactsHead(llvm::StringRef text, std::string& error);
bool readFactsFunctions(llvm::StringRef text, TUFacts& tu, std::string& error);
// Empty on malformed input; `error` says why.
std::optional<TUFacts> factsFromJson(llvm::StringRef text, std::string& error);

// A linked flow (the link stage's output), for the cache's linked result.
llvm::json::Value flowToJson(const Flow& f);
std::optional<Flow> flowFromJson(const llvm::json::Value& v, std::string& error);

// False when `text` opens more than `maxDepth` nested arrays or objects: LLVM's JSON
// and YAML parsers recurse on nesting, so such input is refused before parsing.
bool withinJsonNesting(llvm::StringRef text, unsigned maxDepth);

}  // namespace egress
