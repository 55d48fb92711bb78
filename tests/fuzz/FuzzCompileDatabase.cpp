// Fuzz target: reading an untrusted compile_commands.json and turning each entry
// into the command the analyser would run (plugins stripped, unknown options
// dropped). Nothing is parsed or executed.
#include <cstddef>
#include <cstdint>
#include <string>

#include "extract/Extractor.h"
#include "scan/CompileDatabase.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  auto db =
      egress::compileDatabaseFromText("compile_commands.json", std::string(reinterpret_cast<const char*>(data), size));
  if (!db) {
    llvm::consumeError(db.takeError());
    return 0;
  }
  egress::ExtractOptions opts;
  opts.extraArgs = {"-DFUZZ"};
  for (const std::string& file : (*db)->getAllFiles())
    for (const auto& cmd : (*db)->getCompileCommands(file)) (void)egress::analysisArguments(cmd.CommandLine, opts);
  return 0;
}
