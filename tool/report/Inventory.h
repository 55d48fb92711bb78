// The egress inventory: every place the program sends or writes data, classified or
// not, with its destination, library and API, whether the channel is encrypted, and
// the categories it carries. Built from the findings of a scan in which every sink
// carries an egress-point origin (ExtractOptions::everySink).
#pragma once

#include <string>
#include <vector>

#include "facts/Findings.h"
#include "rules/Rules.h"

namespace egress {

struct InventoryEntry {
  const Finding* first = nullptr;       // the sink, destination and API (of the first finding)
  std::vector<std::string> categories;  // the data of every call chain reaching it
  std::vector<std::string> functions;   // where the data was read (callers of a wrapper)
  std::string verdict;                  // the most severe of its findings ("none": no data)
  std::string library;                  // the model's `library:`
  std::string encrypted;                // yes | no | unknown | n/a (file exports)
};

// One entry per sink and destination, in sink order.
std::vector<InventoryEntry> inventoryOf(const std::vector<Finding>& findings, const RuleSet& rules);

}  // namespace egress
