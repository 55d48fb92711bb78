#include <gtest/gtest.h>

#include "TestSupport.h"

using namespace egress;
using egress::test::writeTemp;

namespace {

std::string loadError(const std::string& policyText) {
  const std::string file = writeTemp("policy.yaml", policyText);
  try {
    loadRules(EGRESS_RULES_DIR, file);
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

// The bundled rules plus one API file `zz-<name>.yaml` with `text`: the error
// loading them gives, or "" if they load.
std::string apiFileError(const std::string& name, const std::string& text) {
  const auto dir = std::filesystem::temp_directory_path() / "egress-unit" / ("rules-bad-" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::copy(EGRESS_RULES_DIR, dir, std::filesystem::copy_options::recursive);
  std::ofstream(dir / "apis" / ("zz-" + name + ".yaml")) << text;
  try {
    loadRules(dir.string(), "");
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST(RulesLoader, BundledRulesLoad) {
  const RuleSet& rules = test::bundledRules();
  EXPECT_EQ(rules.categories.size(), 10u);
  EXPECT_TRUE(rules.isCategory("customer.contact"));
  EXPECT_TRUE(rules.isCategory("shipment.metrics"));
  EXPECT_FALSE(rules.isCategory("customer.shoesize"));
  EXPECT_FALSE(rules.apis.empty());
  EXPECT_FALSE(rules.destinations.empty());
  EXPECT_EQ(rules.policy.name, "eu-residency");
}

TEST(RulesLoader, CategoryPatterns) {
  EXPECT_TRUE(categoryMatches("customer.*", "customer.contact"));
  EXPECT_TRUE(categoryMatches("*", "seller.identity"));
  EXPECT_FALSE(categoryMatches("customer.*", "seller.identity"));
  EXPECT_FALSE(categoryMatches("customer.contact", "customer.address"));
}

TEST(RulesLoader, SyntaxErrorNamesLineAndColumn) {
  const std::string err = loadError("policy: p\nrules: [\n  {id: a, data: [customer.*]\n");
  EXPECT_NE(err.find("policy.yaml:"), std::string::npos) << err;
  EXPECT_NE(err.find("YAML syntax error"), std::string::npos) << err;
}

TEST(RulesLoader, UnknownTopLevelKey) {
  const std::string err = loadError("policy: p\nrulez: []\n");
  EXPECT_NE(err.find("policy.yaml:2:1: unknown key 'rulez'"), std::string::npos) << err;
}

TEST(RulesLoader, UnknownCategory) {
  const std::string err = loadError(
      "policy: p\nrules:\n  - id: r\n    data: [customer.contact, customer.shoesize]\n    deny: [{country: CN}]\n");
  EXPECT_NE(err.find("policy.yaml:4:30: unknown category 'customer.shoesize'"), std::string::npos) << err;
}

TEST(RulesLoader, BadCidr) {
  const std::string err = loadError("policy: p\nrules:\n  - id: r\n    data: ['*']\n    deny: [{cidr: 10.0.0.0/40}]\n");
  EXPECT_NE(err.find("policy.yaml:5:19: expected a CIDR block"), std::string::npos) << err;
}

TEST(RulesLoader, UnknownDestinationName) {
  const std::string err = loadError("policy: p\nrules:\n  - id: r\n    data: ['*']\n    allow: [nowhere-cloud]\n");
  EXPECT_NE(err.find("unknown destination name 'nowhere-cloud'"), std::string::npos) << err;
}

TEST(RulesLoader, UnresolvedModeAndBindings) {
  const std::string file =
      writeTemp("ok.yaml", "policy: p\nrules:\n  - id: r\n    data: ['*']\n    deny: [{country: CN}]\n"
                           "bindings:\n  env:CARRIER_URL: https://api.carrier.example.de\nunresolved: fail\n");
  const RuleSet rules = loadRules(EGRESS_RULES_DIR, file);
  EXPECT_TRUE(rules.policy.unresolvedFails);
  ASSERT_EQ(rules.policy.bindings.size(), 1u);
  EXPECT_EQ(rules.policy.bindings[0].first, "env:CARRIER_URL");
}

TEST(RulesLoader, BadApiModelIsRejected) {
  const std::string got =
      apiFileError("bad", "library: bad\nfunctions:\n  - name: foo\n    sink: {kind: carrier-pigeon, data: [1]}\n");
  EXPECT_NE(got.find("zz-bad.yaml:4:18: expected sink kind"), std::string::npos) << got;
}

TEST(RulesLoader, HalvesTakeOnlyTheirKeys) {
  EXPECT_NE(apiFileError("halves", "library: h\nfunctions:\n  - {name: put, halves: {key: 0}}\n")
                .find("zz-halves.yaml:3:26: unknown key 'key'"),
            std::string::npos);
}

TEST(RulesLoader, JoinsNamesAPartAndAWhole) {
  for (const auto& [model, error] : std::vector<std::pair<std::string, std::string>>{
           {"{part: 1}", "zz-joins.yaml:3:24: 'joins' needs 'part' and 'whole'"},
           {"{part: return, whole: 0}", "expected 'part' and 'whole' to be argument numbers or 'this'"},
           {"{part: 1, whole: 0, into: 2}", "unknown key 'into'"}}) {
    const std::string got = apiFileError("joins", "library: j\nfunctions:\n  - {name: add, joins: " + model + "}\n");
    EXPECT_NE(got.find(error), std::string::npos) << model << ": " << got;
  }
  EXPECT_EQ(apiFileError("joins", "library: j\nfunctions:\n  - {name: add, joins: {part: 1, whole: 0}}\n"), "");
}

TEST(RulesLoader, MovesNamesTheOldAndTheNewPath) {
  for (const auto& [model, error] : std::vector<std::pair<std::string, std::string>>{
           {"{from: 0}", "zz-moves.yaml:3:27: 'moves' needs 'from' and 'to'"},
           {"{from: 0, to: 1, via: 2}", "unknown key 'via'"}}) {
    const std::string got = apiFileError("moves", "library: m\nfunctions:\n  - {name: rename, moves: " + model + "}\n");
    EXPECT_NE(got.find(error), std::string::npos) << model << ": " << got;
  }
  EXPECT_EQ(apiFileError("moves", "library: m\nfunctions:\n  - {name: rename, moves: {from: 0, to: 1}}\n"), "");
}

TEST(RulesLoader, AFlowsSeparatorJoinsItsSourcesButNotAFormat) {
  const std::string model =
      "library: p\nfunctions:\n  - {name: join, flow: {from: [0, 1], to: return, separator: '/'}}\n";
  EXPECT_EQ(apiFileError("sep", model), "");
  const std::string both =
      "library: p\nfunctions:\n  - {name: fmt, flow: {from: all, to: return, format: 0, separator: ','}}\n";
  EXPECT_NE(apiFileError("sep", both).find("a flow with 'format' takes no 'separator'"), std::string::npos);
}

TEST(RulesLoader, AFlowsTextIsABoolean) {
  const std::string data = "library: q\nfunctions:\n  - {name: bind, flow: {from: [2], to: 0, text: false}}\n";
  EXPECT_EQ(apiFileError("text", data), "");
  const std::string bad = "library: q\nfunctions:\n  - {name: bind, flow: {from: [2], to: 0, text: maybe}}\n";
  EXPECT_NE(apiFileError("text", bad).find("zz-text.yaml:3:"), std::string::npos) << apiFileError("text", bad);
}

// `compares` names two operands and what the call gives where their texts are equal.
TEST(RulesLoader, AComparisonNamesTwoOperandsAndWhatEqualGives) {
  const auto model = [](const std::string& body) {
    return "library: s\nfunctions:\n  - {name: strcmp, compares: " + body + "}\n";
  };
  EXPECT_EQ(apiFileError("cmp", model("{operands: [0, 1], equal: zero}")), "");
  EXPECT_EQ(apiFileError("cmp", model("{operands: [this, 0], equal: 'true'}")), "");
  EXPECT_NE(apiFileError("cmp", model("{operands: [0, 1], equal: maybe}")).find("expected 'equal' to be 'zero'"),
            std::string::npos);
  EXPECT_NE(apiFileError("cmp", model("{operands: [0], equal: zero}")).find("zz-cmp.yaml:3:"), std::string::npos);
  EXPECT_NE(apiFileError("cmp", model("{operands: [0, 1]}")).find("zz-cmp.yaml:3:"), std::string::npos);
  const std::string withWhen =
      "library: s\nfunctions:\n  - {name: strcmp, when: {args: 2}, compares: {operands: [0, 1], equal: zero}}\n";
  EXPECT_NE(apiFileError("cmp", withWhen).find("takes no 'when'"), std::string::npos) << apiFileError("cmp", withWhen);
}

// `input` alone is a model: `read(fd, buf, n)` only fills its buffer from outside.
TEST(RulesLoader, AnInputModelNamesTheOperandsItFills) {
  EXPECT_EQ(apiFileError("input", "library: i\nfunctions:\n  - {name: recv, input: 1}\n"), "");
  EXPECT_EQ(apiFileError("input", "library: i\nfunctions:\n  - {name: scan, input: 2+}\n"), "");
  EXPECT_NE(apiFileError("input", "library: i\nfunctions:\n  - {name: recv, input: buffer}\n").find("zz-input.yaml:3:"),
            std::string::npos);
}

TEST(RulesLoader, AProvenanceGoesToAnArgumentNumberOrTheObject) {
  const auto model = [](const std::string& to) {
    return "library: c\nfunctions:\n  - {name: lookup, returns: {provenance: config, key: 1, to: " + to + "}}\n";
  };
  EXPECT_EQ(apiFileError("to", model("2")), "");
  EXPECT_EQ(apiFileError("to", model("this, separator: '/'")), "");  // QSettings::beginGroup
  EXPECT_NE(apiFileError("to", model("return")).find("expected 'to' to be an argument number or 'this'"),
            std::string::npos);
  EXPECT_NE(apiFileError("to", model("2, separator: [a]")).find("zz-to.yaml:3:"), std::string::npos);
  EXPECT_EQ(apiFileError("to", model("2, parent: 0")), "");
  EXPECT_NE(apiFileError("to", model("2, parent: this")).find("expected 'parent' to be an argument number"),
            std::string::npos);
}

// `properties` names the argument its (name, &value) pairs start at.
TEST(RulesLoader, PropertiesStartAtAnArgument) {
  EXPECT_EQ(apiFileError("props", "library: g\nfunctions:\n  - {name: g_object_get, properties: 1}\n"), "");
  EXPECT_NE(apiFileError("props", "library: g\nfunctions:\n  - {name: g_object_get, properties: this}\n")
                .find("expected 'properties' to be an argument number"),
            std::string::npos);
}

// A section parameter completes a key given by number or found among all arguments.
TEST(RulesLoader, ASectionNeedsAKeyArgument) {
  const auto model = [](const std::string& key) {
    return "library: c\nfunctions:\n  - {name: conf_get, returns: {provenance: config, key: " + key +
           ", section: group}}\n";
  };
  EXPECT_EQ(apiFileError("section", model("0")), "");
  EXPECT_EQ(apiFileError("section", model("all")), "");
  EXPECT_NE(apiFileError("section", model("this")).find("'section' needs 'key' to be an argument number or 'all'"),
            std::string::npos);
}

TEST(RulesLoader, AConditionOnTheNumberOfArgumentsIsANumber) {
  for (const auto& [when, error] : std::vector<std::pair<std::string, std::string>>{
           {"{args: two}", "zz-when.yaml:3:59: expected 'args' to be a number of arguments, got 'two'"},
           {"{args: 2, is: x}", "'is', 'is-not', 'type' and 'type-not' need 'arg'"},
           {"{}", "'when' needs 'arg' (the operand to test) or 'args'"}}) {
    const std::string got = apiFileError(
        "when", "library: w\nfunctions:\n  - {name: put, flow: {from: [0], to: this}, when: " + when + "}\n");
    EXPECT_NE(got.find(error), std::string::npos) << when << ": " << got;
  }
  EXPECT_EQ(
      apiFileError("when", "library: w\nfunctions:\n  - {name: put, flow: {from: [0], to: this}, when: {args: 2}}\n"),
      "");
}

// `invokes.args` as a list: what each parameter of the handler receives.
TEST(RulesLoader, InvokesArgsListNamesWhatEachParameterGets) {
  for (const auto& [args, error] : std::vector<std::pair<std::string, std::string>>{
           {"[none, 0]", ""},
           {"2+", ""},
           {"[none, this]", "expected an argument number or 'none' in 'args'"},
           {"[nothing]", "expected an operand"}}) {
    const std::string got = apiFileError(
        "invokes", "library: i\nfunctions:\n  - {name: resolve, invokes: {target: 2, args: " + args + "}}\n");
    if (error.empty()) EXPECT_EQ(got, "") << args;
    else EXPECT_NE(got.find(error), std::string::npos) << args << ": " << got;
  }
}

// `binds` names the member function and the object it runs on, both required.
TEST(RulesLoader, BindsNeedsTheFunctionAndTheObject) {
  for (const auto& [binds, error] :
       std::vector<std::pair<std::string, std::string>>{{"{function: 0, object: 1}", ""},
                                                        {"{function: 0}", "'binds' needs 'function' and 'object'"},
                                                        {"{function: 0, object: 1, args: 2}", "args"},
                                                        {"[0, 1]", "'binds'"}}) {
    const std::string got = apiFileError("binds", "library: b\nfunctions:\n  - {name: bind, binds: " + binds + "}\n");
    if (error.empty()) EXPECT_EQ(got, "") << binds;
    else EXPECT_NE(got.find(error), std::string::npos) << binds << ": " << got;
  }
  bool beast = false;
  for (const ApiModel& m : test::bundledRules().apis)
    beast |= m.binds && m.name.text.find("bind_front_handler") != std::string::npos && m.binds->object.index == 1;
  EXPECT_TRUE(beast);
}

// The bundled models read both forms: `args: 1+` (asio::post's handler after the
// executor) and `args: [none, 0]` (async_resolve's handler gets the host).
TEST(RulesLoader, BundledInvokesKeepTheirArguments) {
  bool post = false, resolve = false;
  for (const ApiModel& m : test::bundledRules().apis) {
    if (!m.invokes) continue;
    const std::string& name = m.name.text;
    if (name.find("(post|dispatch|defer)") != std::string::npos && m.invokes->target.index == 1)
      post |= m.invokes->args.kind == Operand::AllArgs && m.invokes->args.index == 2;
    if (name.find("async_resolve") != std::string::npos && m.invokes->target.index == 2)
      resolve = m.invokes->passed.size() == 2 && !m.invokes->passed[0] && m.invokes->passed[1] == 0u;
  }
  EXPECT_TRUE(post);
  EXPECT_TRUE(resolve);
}

// `callback-context: N` is an argument number, enough for a model on its own; the
// bundled GLib signal connection names its data argument.
TEST(RulesLoader, CallbackContextIsAnArgument) {
  for (const auto& [value, error] : std::vector<std::pair<std::string, std::string>>{
           {"3", ""}, {"return", "expected 'callback-context' to be an argument number"}}) {
    const std::string got =
        apiFileError("ctx", "library: p\nfunctions:\n  - {name: connect, callback-context: " + value + "}\n");
    if (error.empty()) EXPECT_EQ(got, "") << value;
    else EXPECT_NE(got.find(error), std::string::npos) << value << ": " << got;
  }
  bool signal = false;
  for (const ApiModel& m : test::bundledRules().apis)
    if (m.name.text.find("g_signal_connect_data") != std::string::npos && m.callbackContext)
      signal = m.callbackContext->index == 3;
  EXPECT_TRUE(signal);
}

// `set-properties` names where the (name, value) pairs start and which object gets them.
TEST(RulesLoader, SetPropertiesNamesThePairsAndTheObject) {
  for (const auto& [model, error] : std::vector<std::pair<std::string, std::string>>{
           {"{from: 1, to: return}", ""},
           {"{from: 1, to: 0}", ""},
           {"{from: 1}", "'set-properties' needs 'from' and 'to'"},
           {"{from: 1, to: this}", "expected 'to' to be 'return' or an argument number"},
           {"{from: all, to: 0}", "expected 'from' to be an argument number"}}) {
    const std::string got =
        apiFileError("setprops", "library: p\nfunctions:\n  - {name: make, set-properties: " + model + "}\n");
    if (error.empty()) EXPECT_EQ(got, "") << model;
    else EXPECT_NE(got.find(error), std::string::npos) << model << ": " << got;
  }
}
