// Glob matching for host patterns and file paths.
#pragma once

#include <string>

namespace egress {

// `*` matches any run of characters except `stop` (a dot for hosts, a slash for paths).
bool globMatch(const std::string& pattern, const std::string& text, char stop);
// A host matches when it, or one of its parent domains, matches the pattern.
bool hostMatches(const std::string& pattern, const std::string& host);

}  // namespace egress
