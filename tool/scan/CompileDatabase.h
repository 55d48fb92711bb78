// Reading a compile_commands.json from untrusted hands: a clear error for a
// missing, unreadable, malformed or absurdly nested file, never a crash.
#pragma once

#include <memory>
#include <string>

#include <clang/Tooling/CompilationDatabase.h>
#include <llvm/Support/Error.h>

namespace egress {

// `where` is a build directory holding compile_commands.json, or the file itself.
llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>> loadCompileDatabase(const std::string& where);

// The same checks on text already read (`name` is used in messages).
llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>> compileDatabaseFromText(const std::string& name,
                                                                                             const std::string& text);

}  // namespace egress
