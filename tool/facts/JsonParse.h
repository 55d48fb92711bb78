// A JSON parser building llvm::json::Value trees, for reading facts. It accepts
// what llvm::json::parse accepts and gives the same values, but builds each array
// whole once its elements are parsed: llvm::json::Value's move constructor is not
// noexcept, so an array grown element by element (as llvm::json::parse does)
// copies everything it holds at each reallocation, which was a quarter of reading
// the facts of a large program.
#pragma once

#include <llvm/ADT/StringRef.h>
#include <llvm/Support/Error.h>
#include <llvm/Support/JSON.h>

namespace egress {

// The value `text` holds, or an error naming the byte offset and what was expected.
// Nesting deeper than `maxDepth` is refused.
llvm::Expected<llvm::json::Value> parseJson(llvm::StringRef text, unsigned maxDepth = 256);

}  // namespace egress
