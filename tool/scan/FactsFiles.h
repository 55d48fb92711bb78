// TU facts on disk for sharded scans: `scan --facts-dir` writes one file per TU,
// `merge` reads them back. Also the key that says which rules the facts were
// extracted with, so facts and cache entries from other rules are not mixed in.
#pragma once

#include <string>
#include <vector>

#include <llvm/Support/Error.h>

#include "facts/Facts.h"
#include "rules/Rules.h"

namespace egress {

// What extraction depends on besides the code: the tool, Clang's resource
// directory, extra compiler options, rules/data and rules/apis, and the policy's
// sanitizers (they are applied while extracting).
std::string extractionKey(const std::string& rulesDir, const RuleSet& rules, const std::vector<std::string>& extraArgs,
                          const std::string& resourceDir);

// A facts file name for a TU: its path made flat, plus a hash of the path so that
// `src/a_b.cpp` and `src/a/b.cpp` do not collide.
std::string factsFileName(const std::string& tuFile);

llvm::Error writeFactsDir(const std::vector<TUFacts>& tus, const std::string& dir);

// Facts files named directly, or every *.facts.json in named directories. Each TU
// must appear once, and every file must carry `rulesKey`.
llvm::Expected<std::vector<TUFacts>> readFactsInputs(const std::vector<std::string>& inputs,
                                                     const std::string& rulesKey);

}  // namespace egress
