// SARIF output (tool/report/SarifReport.cpp): locations relative to ROOT or as file
// URIs, one reporting rule per policy rule and verdict, levels by verdict. The
// sample's whole log is validated by the SARIF multitool in e2e.sarif.
#include <sstream>

#include <gtest/gtest.h>
#include <llvm/Support/JSON.h>

#include "TestSupport.h"
#include "report/Report.h"

using namespace egress;

namespace {

Finding findingAt(const std::string& file, const std::string& verdict, const std::string& rule) {
  Finding f;
  f.fingerprint = "0123456789abcdef";
  f.verdict = verdict;
  f.rule = rule;
  f.categories = {"customer.contact"};
  f.kind = "network";
  f.api = "send";
  f.sink = {file, 12, 5};
  f.destination.display = "hub.example.cn";
  f.path = {{{file, 10, 3}, "reads Customer::email (customer.contact)"}, {{file, 12, 5}, "passed to send"}};
  return f;
}

llvm::json::Value sarifOf(const std::vector<Finding>& findings) {
  std::ostringstream out;
  writeSarif(out, findings, Coverage{}, test::bundledRules(), "/src/my project");
  auto parsed = llvm::json::parse(out.str());
  EXPECT_TRUE(bool(parsed));
  return parsed ? std::move(*parsed) : llvm::json::Value(nullptr);
}

const llvm::json::Object& firstRun(const llvm::json::Value& doc) {
  return *doc.getAsObject()->getArray("runs")->front().getAsObject();
}

}  // namespace

TEST(SarifReport, RelativePathsUseTheRootBaseAndOthersFileUris) {
  const auto doc = sarifOf(
      {findingAt("src/a.cpp", "violation", "no-data-to-china"), findingAt("/usr/include/x y.h", "unresolved", "")});
  const auto& run = firstRun(doc);
  EXPECT_EQ(*run.getObject("originalUriBaseIds")->getObject("ROOT")->getString("uri"), "file:///src/my%20project/");
  const auto* results = run.getArray("results");
  ASSERT_EQ(results->size(), 2u);
  const auto artifact = [&](std::size_t i) {
    return results->operator[](i)
        .getAsObject()
        ->getArray("locations")
        ->front()
        .getAsObject()
        ->getObject("physicalLocation")
        ->getObject("artifactLocation");
  };
  EXPECT_EQ(*artifact(0)->getString("uri"), "src/a.cpp");
  EXPECT_EQ(*artifact(0)->getString("uriBaseId"), "ROOT");
  EXPECT_EQ(*artifact(1)->getString("uri"), "file:///usr/include/x%20y.h");
  EXPECT_FALSE(artifact(1)->getString("uriBaseId"));
}

TEST(SarifReport, RulesAndLevelsFollowThePolicy) {
  const auto doc = sarifOf({findingAt("a.cpp", "violation", "no-data-to-china"), findingAt("a.cpp", "unresolved", ""),
                            findingAt("a.cpp", "allowed", "")});
  const auto& run = firstRun(doc);
  const auto* rules = run.getObject("tool")->getObject("driver")->getArray("rules");
  std::vector<std::string> ids;
  for (const auto& r : *rules) ids.push_back(r.getAsObject()->getString("id")->str());
  EXPECT_NE(std::find(ids.begin(), ids.end(), "no-data-to-china/violation"), ids.end());
  EXPECT_NE(std::find(ids.begin(), ids.end(), "unresolved-destination"), ids.end());
  const auto* results = run.getArray("results");
  EXPECT_EQ(*results->operator[](0).getAsObject()->getString("ruleId"), "no-data-to-china/violation");
  EXPECT_EQ(*results->operator[](0).getAsObject()->getString("level"), "error");
  EXPECT_EQ(*results->operator[](1).getAsObject()->getString("level"), "warning");
  EXPECT_EQ(*results->operator[](2).getAsObject()->getString("ruleId"), "no-rule/allowed");
  EXPECT_EQ(*results->operator[](2).getAsObject()->getString("level"), "note");
  const auto* steps = results->operator[](0)
                          .getAsObject()
                          ->getArray("codeFlows")
                          ->front()
                          .getAsObject()
                          ->getArray("threadFlows")
                          ->front()
                          .getAsObject()
                          ->getArray("locations");
  ASSERT_EQ(steps->size(), 2u);
  EXPECT_EQ(*steps->front().getAsObject()->getObject("location")->getObject("message")->getString("text"),
            "reads Customer::email (customer.contact)");
}
