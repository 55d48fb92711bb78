// File path helpers shared by the extract and report stages.
#pragma once

#include <string>

namespace egress {

// `path` made absolute and normalised, then relative to `root` when it lies below it.
std::string relativeTo(const std::string& path, const std::string& root);

}  // namespace egress
