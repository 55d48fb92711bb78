#include "report/Describe.h"

namespace egress {

std::string joinedList(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : separator) + s;
  return out;
}

std::string describeDestination(const Destination& d) {
  std::string out = d.display;
  if (!d.alternatives.empty()) out += " (or " + joinedList(d.alternatives) + ")";
  if (!d.unresolved.empty()) return out + " (unresolved: " + d.unresolved + ")";
  std::vector<std::string> facts;
  if (!d.country.empty()) facts.push_back("located " + d.country);
  else if (!d.regions.empty()) facts.push_back("located " + d.regions.front());
  if (!d.op.empty()) facts.push_back("operator " + d.op);
  if (!d.jurisdiction.empty()) facts.push_back("jurisdiction " + d.jurisdiction);
  if (d.internal) facts.push_back("internal");
  return facts.empty() ? out : out + " [" + joinedList(facts) + "]";
}

const char* levelOf(const Finding& f) {
  if (f.accepted()) return "note";
  if (f.verdict == "violation") return "error";
  return f.verdict == "unresolved" ? "warning" : "note";
}

}  // namespace egress
