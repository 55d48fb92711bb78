// The link state kept for the next link (link/LinkState.cpp): summaries read back
// as written, and a missing, foreign or cut file reads as no state.
#include "link/LinkState.h"

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include <gtest/gtest.h>

#include "FactsBuilder.h"

namespace egress {
namespace {

using namespace test;

Summary sampleSummary() {
  Summary s;
  s.ret = dataOf("customer.contact");
  s.sinks = {sink(param(0), concat(host("https://h.example.de/"), paramStr(1)))};
  s.reported = {sink(dataOf("shipment.tracking"), host("x"), 30)};
  s.effectFields["this"]["buf"] = param(1, "name");
  s.effectStrs["arg:0"][""] = host("y");
  s.effectFns["this"]["cb"] = {"c:@F@h"};
  CallSiteFact site = call(2, function("cb"), {forwarded(0)});
  site.globalsIn["c:@g"] = dataOf("customer.contact");
  s.pending = {PendingCall{ParamRef{0, "cb", {}}, site, {Step{at(5), "calls run()"}}}};
  s.limits.add(Limit::CallChain);
  return s;
}

TEST(LinkState, ASummaryReadsBackAsWritten) {
  const std::string bytes = encodeSummary(sampleSummary());
  Summary back;
  ASSERT_TRUE(decodeSummary(bytes, back));
  EXPECT_EQ(encodeSummary(back), bytes);
  EXPECT_EQ(back.pending.at(0).site.globalsIn.count("c:@g"), 1u);
  EXPECT_EQ(back.reported.at(0).loc.line, 30u);
  Summary cut;
  EXPECT_FALSE(decodeSummary(bytes.substr(0, bytes.size() - 1), cut));
}

TEST(LinkState, TheStateReadsBackFromTheFolder) {
  const TempDir tmp("egress-linkstate-");
  const std::string& dir = tmp.path();
  LinkState state;
  state.programKey = 42;
  state.functions["c:@F@a"] = StoredFunction{1, 2, 3, encodeSummary(sampleSummary())};
  state.functions["c:@F@b"] = StoredFunction{4, 2, 1, encodeSummary(Summary{})};
  state.functions["c:@F@b"].furtherReads = {7, 0xfedcba9876543210ull};
  storeLinkState(dir, state);
  const std::optional<LinkState> back = loadLinkState(dir);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->programKey, 42u);
  ASSERT_EQ(back->functions.size(), 2u);
  EXPECT_EQ(back->functions.at("c:@F@a").times, 3u);
  EXPECT_EQ(back->functions.at("c:@F@a").summary, state.functions.at("c:@F@a").summary);
  EXPECT_EQ(back->functions.at("c:@F@b").key, 4u);
  EXPECT_EQ(back->functions.at("c:@F@b").furtherReads, state.functions.at("c:@F@b").furtherReads);
}

// Written aside, the state is in place only once committed; a folder it cannot be
// written to leaves no file and no error (the scan goes on without a state).
TEST(LinkState, AStateWrittenAsideIsInPlaceOnlyOnceCommitted) {
  const TempDir tmp("egress-linkstate-");
  const std::string& dir = tmp.path();
  LinkStateWriter writer(dir, 7, 1);
  writer.add("c:@F@a", StoredFunction{1, 2, 3, encodeSummary(sampleSummary())});
  const std::string written = writer.close();
  ASSERT_FALSE(written.empty());
  EXPECT_FALSE(loadLinkState(dir));
  commitLinkState(dir, written);
  const std::optional<LinkState> back = loadLinkState(dir);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->programKey, 7u);
  EXPECT_FALSE(std::filesystem::exists(written));

  LinkStateWriter nowhere(dir + "/missing/folder", 7, 0);
  EXPECT_EQ(nowhere.close(), "");
}

TEST(LinkState, AMissingCutOrForeignFileIsNoState) {
  const TempDir tmp("egress-linkstate-");
  const std::string& dir = tmp.path();
  EXPECT_FALSE(loadLinkState(dir));
  EXPECT_FALSE(loadLinkState(""));
  LinkState state;
  state.functions["c:@F@a"] = StoredFunction{1, 2, 3, encodeSummary(sampleSummary())};
  storeLinkState(dir, state);
  const auto file = std::filesystem::path(dir) / "link-state.bin";
  const auto size = std::filesystem::file_size(file);
  std::filesystem::resize_file(file, size - 3);
  EXPECT_FALSE(loadLinkState(dir));
  std::ofstream(file) << "{\"format\": \"something else\"}";
  EXPECT_FALSE(loadLinkState(dir));
}

}  // namespace
}  // namespace egress
