#include "scan/CompileDatabase.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <clang/Tooling/JSONCompilationDatabase.h>

#include "facts/Errors.h"
#include "facts/FactsJson.h"

namespace fs = std::filesystem;

namespace egress {
namespace {

// A compile database is three levels deep; LLVM's parser recurses on nesting.
constexpr unsigned kMaxDatabaseNesting = 64;

}  // namespace

llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>> compileDatabaseFromText(const std::string& name,
                                                                                             const std::string& text) {
  if (!withinJsonNesting(text, kMaxDatabaseNesting))
    return inputProblem(name + ": invalid compile database: nested more than " + std::to_string(kMaxDatabaseNesting) +
                        " levels deep");
  std::string error;
  auto db = clang::tooling::JSONCompilationDatabase::loadFromBuffer(text, error,
                                                                    clang::tooling::JSONCommandLineSyntax::AutoDetect);
  if (!db) return inputProblem(name + ": invalid compile database: " + error);
  return std::unique_ptr<clang::tooling::CompilationDatabase>(std::move(db));
}

llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>> loadCompileDatabase(const std::string& where) {
  const fs::path p(where);
  const fs::path file = p.extension() == ".json" ? p : p / "compile_commands.json";
  std::error_code ec;
  if (!fs::exists(file, ec))
    return inputProblem(
        "no compile database: looked for " + file.string() +
        (ec ? " (" + ec.message() + ")" : " (configure the project with -DCMAKE_EXPORT_COMPILE_COMMANDS=ON)"));
  std::ifstream in(file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  if (!in && !in.eof()) return inputProblem(file.string() + ": cannot read file");
  return compileDatabaseFromText(file.string(), text.str());
}

}  // namespace egress
