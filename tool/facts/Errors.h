// The one error path of the stages: an input problem (a file, a rule, a comment) is an
// llvm::Error carrying a message that names where it is.
#pragma once

#include <string>
#include <system_error>

#include <llvm/Support/Error.h>

namespace egress {

inline llvm::Error inputProblem(const std::string& message) {
  return llvm::createStringError(std::make_error_code(std::errc::invalid_argument), message);
}

}  // namespace egress
