// Wording shared by the human-readable reports (text, markdown, SARIF messages).
#pragma once

#include <string>
#include <vector>

#include "facts/Findings.h"

namespace egress {

std::string joinedList(const std::vector<std::string>& items, const char* separator = ", ");
// "https://x.cn/v1 (or ...) [located CN, operator Y, jurisdiction CN]", or with
// "(unresolved: env:X)".
std::string describeDestination(const Destination& d);
// Like a compiler: what fails the scan is an error, an unresolved destination a
// warning, the rest (allowed, justified, known) notes.
const char* levelOf(const Finding& f);

}  // namespace egress
