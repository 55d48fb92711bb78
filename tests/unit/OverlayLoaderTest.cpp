// The project overlay (tool/rules/OverlayLoader.cpp): what it adds to and removes
// from the bundled rules, and how a broken overlay is reported.
#include <algorithm>

#include <gtest/gtest.h>

#include "TestSupport.h"

using namespace egress;
using egress::test::writeTemp;

namespace {

RuleSet withOverlay(const std::string& text) {
  return loadRules(EGRESS_RULES_DIR, "", writeTemp("overlay.yaml", text));
}

std::string overlayError(const std::string& text) {
  try {
    withOverlay(text);
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

std::size_t fieldCount(const RuleSet& rules, const std::string& category) {
  for (const Category& c : rules.categories)
    if (c.id == category) return c.fields.size();
  return 0;
}

}  // namespace

TEST(OverlayLoader, AddsClassificationsSourcesAndModels) {
  const RuleSet& bundled = test::bundledRules();
  const RuleSet rules = withOverlay(
      "fields:\n  - {category: customer.identity, name: kunde, types: [string]}\n"
      "sources:\n  - {function: 'wms_.*_get_handset', category: customer.contact}\n"
      "  - {function: 'wms_read', category: customer.contact, out: 2}\n"
      "types:\n  - {type: 'acme::GeoFix', category: customer.location}\n"
      "sanitizers:\n  - {function: 'acme::tokenize', removes: [customer.*]}\n"
      "apis:\n  - library: acme-bus\n    functions:\n      - {name: acme_pub, sink: {kind: network, data: 1}}\n"
      "bindings:\n  env:ACME_URL: https://hub.acme.cn\n");
  EXPECT_EQ(fieldCount(rules, "customer.identity"), fieldCount(bundled, "customer.identity") + 1);
  ASSERT_EQ(rules.sources.size(), bundled.sources.size() + 2);
  EXPECT_TRUE(rules.sources.back().function.matches("wms_read"));
  EXPECT_EQ(rules.sources.back().out, 2u);
  EXPECT_FALSE(rules.sources.back().param);
  ASSERT_EQ(rules.types.size(), bundled.types.size() + 1);
  EXPECT_TRUE(rules.types.back().type.matches("acme::GeoFix"));
  EXPECT_EQ(rules.sanitizers.size(), bundled.sanitizers.size() + 1);
  EXPECT_EQ(rules.apis.size(), bundled.apis.size() + 1);
  EXPECT_EQ(rules.apis.back().library, "acme-bus");
  // The overlay's bindings come before the policy's, so they win.
  ASSERT_FALSE(rules.policy.bindings.empty());
  EXPECT_EQ(rules.policy.bindings.front().first, "env:ACME_URL");
}

TEST(OverlayLoader, DisablesBundledPatternsAndModels) {
  const RuleSet& bundled = test::bundledRules();
  const RuleSet rules =
      withOverlay("disable:\n  - {category: customer.address, pattern: "
                  "'country(_?(code|iso(_?[23])?(_?code)?))?|state|province|district', "
                  "reason: PLC states}\n"
                  "  - {api: sendto, library: POSIX sockets}\n  - {field: zip, record: 'archive.*'}\n");
  EXPECT_EQ(fieldCount(rules, "customer.address"), fieldCount(bundled, "customer.address") - 1);
  EXPECT_TRUE(
      std::none_of(rules.apis.begin(), rules.apis.end(), [](const ApiModel& m) { return m.name.text == "sendto"; }));
  ASSERT_EQ(rules.excludedFields.size(), 1u);
  EXPECT_TRUE(rules.excludedFields[0].name.matches("zip"));
}

TEST(OverlayLoader, ErrorsNameFileLineAndColumn) {
  EXPECT_NE(overlayError("fieldz: []\n").find("overlay.yaml:1:1: unknown key 'fieldz'"), std::string::npos);
  EXPECT_NE(overlayError("types:\n  - {type: X, category: customer.shoesize}\n")
                .find("overlay.yaml:2:25: unknown category 'customer.shoesize'"),
            std::string::npos)
      << overlayError("types:\n  - {type: X, category: customer.shoesize}\n");
  EXPECT_NE(overlayError("disable:\n  - {category: customer.address, pattern: zzz}\n")
                .find("overlay.yaml:2:43: category 'customer.address' has no field pattern written 'zzz'"),
            std::string::npos);
  EXPECT_NE(overlayError("disable:\n  - {api: no_such_function}\n").find("overlay.yaml:2:11: no bundled API model"),
            std::string::npos);
  EXPECT_NE(overlayError("sources:\n  - {function: f, category: customer.contact, out: x}\n")
                .find("overlay.yaml:2:52: expected 'out' to be an argument number"),
            std::string::npos);
  EXPECT_NE(overlayError("sources:\n  - {function: f, category: customer.contact, param: -1}\n")
                .find("overlay.yaml:2:54: expected 'param' to be an argument number"),
            std::string::npos);
  EXPECT_NE(overlayError("sources:\n  - {function: f, category: customer.contact, out: 1, param: 1}\n")
                .find("overlay.yaml:2:62: a source has 'out' or 'param', not both"),
            std::string::npos)
      << overlayError("sources:\n  - {function: f, category: customer.contact, out: 1, param: 1}\n");
  EXPECT_NE(overlayError("disable:\n  - {reason: why}\n").find("overlay.yaml:2:5: a disable entry needs"),
            std::string::npos);
}

// `unless`: names the pattern does not take although `name` matches them.
TEST(OverlayLoader, AFieldPatternNamesWhatItDoesNotTake) {
  const RuleSet rules = withOverlay(
      "fields:\n  - {category: customer.address, name: '.*_plz', unless: '(ab|an)_plz', types: [string]}\n");
  const Category* address = nullptr;
  for (const Category& c : rules.categories)
    if (c.id == "customer.address") address = &c;
  ASSERT_NE(address, nullptr);
  const FieldMatcher& added = address->fields.back();
  ASSERT_TRUE(added.unless.has_value());
  EXPECT_TRUE(added.name.matches("kunde_plz"));
  EXPECT_TRUE(added.unless->matches("an_plz"));
  EXPECT_FALSE(added.unless->matches("kunde_plz"));
  EXPECT_NE(overlayError("fields:\n  - {category: customer.address, name: plz, unless: '(?!x)plz'}\n")
                .find("overlay.yaml:2:"),
            std::string::npos);
}

TEST(OverlayLoader, AHandlersParameterCanBeASource) {
  const RuleSet rules =
      withOverlay("sources:\n  - {function: 'on_.*_request', category: customer.contact, param: 1}\n");
  ASSERT_FALSE(rules.sources.empty());
  EXPECT_EQ(rules.sources.back().param, 1u);
  EXPECT_FALSE(rules.sources.back().out);
}

TEST(OverlayLoader, MissingFileIsAnError) {
  try {
    loadRules(EGRESS_RULES_DIR, "", "/nonexistent/overlay.yaml");
    FAIL() << "expected a ConfigError";
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/overlay.yaml"), std::string::npos);
  }
}

TEST(OverlayLoader, DefaultOverlayIsFoundAtTheRoot) {
  const std::string file = writeTemp(".egress-audit.yaml", "description: x\n");
  const std::string root = file.substr(0, file.rfind('/'));
  EXPECT_EQ(overlayFor(root, ""), file);
  EXPECT_EQ(overlayFor(root, "/other.yaml"), "/other.yaml");
  EXPECT_EQ(overlayFor("/nonexistent-root", ""), "");
}
