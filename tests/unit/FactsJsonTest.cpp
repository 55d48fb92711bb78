#include "facts/FactsJson.h"

#include <gtest/gtest.h>

namespace egress {
namespace {

TUFacts sampleFacts() {
  TUFacts tu;
  tu.file = "src/orders.cpp";
  tu.rulesKey = "k1";
  for (const char* name : {"upload", "encode"}) {
    FunctionFacts f;
    f.usr = std::string("c:@F@") + name;
    f.name = name;
    f.loc = {"src/orders.cpp", 3, 1};
    f.ret.params.push_back({0, "email", {}});
    f.retFieldStrs["url.host"] = StrVal{{{StrPiece::Const, "up.example.de", 0}}, {}};
    f.fieldClasses["uplink_"] = "c:@S@Uplink";
    tu.functions.push_back(f);
  }
  tu.constantStrings["c:@k_host"] = StrVal{{{StrPiece::Const, "api.example.com", 0}}, {}};
  tu.initialFns["c:@k_ops.send"] = {"c:@F@tcp_send"};
  tu.initialRefs["c:@g_t.ops"] = "c:@k_ops";
  return tu;
}

TEST(FactsJson, TheDocumentFormRoundTrips) {
  TUFacts tu = sampleFacts();
  tu.functions[0].retTypeNames = {"std::basic_ofstream", "std::basic_ostringstream"};
  CallSiteFact c;
  c.calleeUsr = "c:@F@write_row";
  c.args.emplace_back().typeName = "std::basic_ofstream";
  tu.functions[0].calls.push_back(c);
  std::string error;
  const auto back = factsFromJson(factsToJson(tu), error);
  ASSERT_TRUE(back) << error;
  ASSERT_EQ(back->functions.size(), 2u);
  EXPECT_EQ(back->functions[1].name, "encode");
  EXPECT_EQ(back->functions[0].ret.params.at(0).field, "email");
  EXPECT_EQ(back->functions[0].retFieldStrs.at("url.host").pieces.at(0).text, "up.example.de");
  EXPECT_EQ(back->functions[0].fieldClasses.at("uplink_"), "c:@S@Uplink");
  EXPECT_EQ(back->functions[0].retTypeNames,
            (std::vector<std::string>{"std::basic_ofstream", "std::basic_ostringstream"}));
  EXPECT_EQ(back->functions[0].calls.at(0).args.at(0).typeName, "std::basic_ofstream");
  EXPECT_EQ(back->constantStrings.count("c:@k_host"), 1u);
  EXPECT_EQ(back->initialFns.at("c:@k_ops.send"), std::vector<std::string>{"c:@F@tcp_send"});
  EXPECT_EQ(back->initialRefs.at("c:@g_t.ops"), "c:@k_ops");
}

TEST(FactsJson, ConditionsOnAtomsRoundTrip) {
  TUFacts tu = sampleFacts();
  FunctionFacts& f = tu.functions[0];
  f.ret.params[0].guards = {Guard{1, Guard::BitsSet, 4}};
  f.ret.origins.push_back(
      {"customer.contact", {"src/orders.cpp", 4, 2}, "Customer::email", {}, {Guard{2, Guard::Eq, 0}}});
  f.ret.origins.push_back({"shipment.tracking",
                           {"src/orders.cpp", 5, 2},
                           "Parcel::tracking_no",
                           {},
                           {Guard{0, Guard::HoldsData, 0, "shipment.tracking_no"}}});
  CallRef c{3, "this", {}, 0, "buf"};
  c.laterCalls = {{5, "this"}, {7, "arg:0"}};
  f.ret.calls.push_back(c);
  f.resets = {"this#buf"};
  CallSiteFact site;
  site.id = 3;
  site.args.resize(1);
  site.args[0].exactFields = {"buf", "hdr.len"};
  f.calls.push_back(site);
  std::string error;
  const auto back = factsFromJson(factsToJson(tu), error);
  ASSERT_TRUE(back) << error;
  const FunctionFacts& g = back->functions[0];
  EXPECT_EQ(g.ret.params.at(0).guards, f.ret.params[0].guards);
  EXPECT_EQ(g.ret.origins.at(0).guards, f.ret.origins[0].guards);
  EXPECT_EQ(g.ret.origins.at(1).guards, f.ret.origins[1].guards);
  EXPECT_EQ(g.ret.calls.at(0).laterCalls, c.laterCalls);
  EXPECT_EQ(g.resets, f.resets);
  ASSERT_EQ(g.calls.size(), 1u);
  EXPECT_EQ(g.calls[0].args.at(0).exactFields, site.args[0].exactFields);
}

// Members that read back as their default are not written, but a map entry whose
// value is empty (a field stored clean, a global stored with nothing) is kept.
TEST(FactsJson, DefaultMembersAreLeftOutButEmptyMapEntriesAreKept) {
  TUFacts tu = sampleFacts();
  CallSiteFact call;
  call.id = 7;
  call.calleeName = "send";
  ArgFact arg;
  arg.fields["phone"] = Taint{};
  arg.fields["email"].params.push_back({0, "email", {}});
  call.args.push_back(arg);
  call.globalsIn["c:@g_cfg"] = Taint{};
  tu.functions[0].calls.push_back(call);

  const std::string text = factsToJson(tu);
  const std::string firstFunction = text.substr(text.find("\"functions\""));
  EXPECT_EQ(firstFunction.find("null"), std::string::npos);
  EXPECT_EQ(firstFunction.find("false"), std::string::npos);
  EXPECT_EQ(firstFunction.find("\"sinks\""), std::string::npos);

  std::string error;
  const auto back = factsFromJson(factsToJson(tu), error);
  ASSERT_TRUE(back) << error;
  const CallSiteFact& read = back->functions[0].calls.at(0);
  EXPECT_EQ(read.id, 7u);
  EXPECT_EQ(read.args.at(0).fields.count("phone"), 1u);
  EXPECT_EQ(read.args.at(0).fields.at("email").params.size(), 1u);
  EXPECT_EQ(read.globalsIn.count("c:@g_cfg"), 1u);
  EXPECT_FALSE(read.hasThis);
}

// Call sites that see the same globals share one map, written once and read back shared.
TEST(FactsJson, GlobalsSharedByCallSitesAreWrittenOnce) {
  TUFacts tu = sampleFacts();
  CallSiteFact first;
  first.globalsIn["c:@g_last_phone"].params.push_back({0, "phone", {}});
  CallSiteFact second = first;
  second.id = 1;
  CallSiteFact third = first;
  third.id = 2;
  third.globalsIn["c:@g_last_phone"].params.push_back({1, "", {}});  // its own copy now
  EXPECT_TRUE(second.globalsIn.sharedWith(first.globalsIn));
  EXPECT_FALSE(third.globalsIn.sharedWith(first.globalsIn));
  EXPECT_EQ(first.globalsIn.map().at("c:@g_last_phone").params.size(), 1u);
  tu.functions[0].calls = {first, second, third, CallSiteFact{}};

  const std::string text = factsToJson(tu);
  std::size_t written = 0;
  for (std::size_t at = text.find("g_last_phone"); at != std::string::npos; at = text.find("g_last_phone", at + 1))
    ++written;
  EXPECT_EQ(written, 2u);
  std::string error;
  const auto back = factsFromJson(text, error);
  ASSERT_TRUE(back) << error;
  const std::vector<CallSiteFact>& calls = back->functions[0].calls;
  ASSERT_EQ(calls.size(), 4u);
  EXPECT_TRUE(calls[1].globalsIn.sharedWith(calls[0].globalsIn));
  EXPECT_EQ(calls[2].globalsIn.map().at("c:@g_last_phone").params.size(), 2u);
  EXPECT_TRUE(calls[3].globalsIn.empty());
}

TEST(FactsJson, AGlobalsPositionOutsideTheListIsAnError) {
  TUFacts tu = sampleFacts();
  CallSiteFact call;
  call.globalsIn["c:@g_cfg"] = Taint{};
  tu.functions[0].calls.push_back(call);
  std::string text = factsToJson(tu);
  const std::size_t at = text.find(R"("globalsAt":0)");
  ASSERT_NE(at, std::string::npos) << text;
  text.replace(at, 13, R"("globalsAt":3)");
  std::string error;
  EXPECT_FALSE(factsFromJson(text, error));
  EXPECT_NE(error.find("globalsAt"), std::string::npos) << error;
}

TEST(FactsJson, FactsOfAnotherFormatVersionSayWhichVersionIsRead) {
  std::string text = factsToJson(sampleFacts());
  const std::size_t at = text.find("egress-audit-tu-facts/2");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 23, "egress-audit-tu-facts/1");
  std::string error;
  EXPECT_FALSE(factsFromJson(text, error));
  EXPECT_NE(error.find("egress-audit-tu-facts/1"), std::string::npos) << error;
  EXPECT_NE(error.find("extract them again"), std::string::npos) << error;
}

}  // namespace
}  // namespace egress
