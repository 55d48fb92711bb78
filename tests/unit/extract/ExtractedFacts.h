// A snippet extracted with the bundled rules, for the unit tests of the per-function
// analysis units (call models, call sites, sinks, summary building): what one
// function's facts hold, without the link stage.
#pragma once

#include <algorithm>
#include <string>

#include "../TestSupport.h"
#include "extract/Extractor.h"
#include "facts/TaintOps.h"

namespace egress::test {

// The common model of the snippets: a customer and a parcel as logistics code has them.
inline const char* kLogisticsModel = R"(
#include <string>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sys/socket.h>
struct Customer { std::string name; std::string email; };
struct Parcel { std::string tracking_no; Customer recipient; };
)";

inline TUFacts extractSnippet(const std::string& code, bool everySink = false) {
  ExtractOptions opts;
  opts.resourceDir = EGRESS_CLANG_RESOURCE_DIR;
  opts.everySink = everySink;
  return extractFromCode(std::string(kLogisticsModel) + code, "snippet.cpp", {"-std=c++17"}, bundledRules(), opts);
}

inline const FunctionFacts& functionNamed(const TUFacts& tu, const std::string& name) {
  for (const FunctionFacts& f : tu.functions)
    if (f.name == name) return f;
  ADD_FAILURE() << "no function " << name;
  static const FunctionFacts none;
  return none;
}

inline bool carries(const Taint& t, const std::string& category) {
  return std::any_of(t.origins.begin(), t.origins.end(), [&](const Origin& o) { return o.category == category; });
}

inline bool readsParam(const Taint& t, unsigned index, const std::string& field = "") {
  return std::any_of(t.params.begin(), t.params.end(),
                     [&](const ParamRef& p) { return p.index == index && p.field == field; });
}

}  // namespace egress::test
