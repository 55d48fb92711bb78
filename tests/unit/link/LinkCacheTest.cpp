// The cache's linked result (link/LinkCache.cpp): written and read back whole,
// refused under another key or when cut short, keyed by every TU's entry.
#include "link/LinkCache.h"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "FactsBuilder.h"

namespace egress {
namespace {

using namespace test;

LinkedResult sampleResult() {
  LinkedResult r;
  Flow f;
  f.api = "send";
  f.kind = "network";
  f.sink = at(20);
  f.origins = dataOf("customer.contact").origins;
  f.destination = concat(host("https://crm.example.de/"), paramStr(0));
  f.paramNames = {"path"};
  f.callChain = {Step{at(10), "calls post()"}};
  f.function = "upload";
  f.encrypted = true;
  r.flows = {f, f};
  r.flows[1].api = "write";
  r.stats.functions = 7;
  r.stats.rounds = 2;
  r.stats.limits.add(Limit::ResolveDepth, 3);
  r.stats.examples[std::size_t(Limit::ResolveDepth)] = "deep()";
  r.stats.unknownOutputs = {"a.cpp:1:1: codec() is declared but defined nowhere"};
  return r;
}

TEST(LinkCache, AResultReadsBackAsStored) {
  const TempDir tmp("egress-linkcache-");
  const std::string& dir = tmp.path();
  storeLinked(dir, "k1", sampleResult());
  const std::optional<LinkedResult> back = loadLinked(dir, "k1");
  ASSERT_TRUE(back);
  EXPECT_TRUE(back->stats.reused);
  ASSERT_EQ(back->flows.size(), 2u);
  const Flow& f = back->flows[0];
  EXPECT_EQ(f.api, "send");
  EXPECT_EQ(f.sink.line, 20u);
  ASSERT_EQ(f.origins.size(), 1u);
  EXPECT_EQ(f.origins[0].category, "customer.contact");
  EXPECT_EQ(f.origins[0].path.steps().size(), 1u);
  EXPECT_TRUE(sameStr(f.destination, sampleResult().flows[0].destination));
  EXPECT_EQ(f.paramNames, std::vector<std::string>{"path"});
  ASSERT_EQ(f.callChain.size(), 1u);
  EXPECT_EQ(f.callChain[0].note, "calls post()");
  EXPECT_TRUE(f.encrypted);
  EXPECT_EQ(back->flows[1].api, "write");
  EXPECT_EQ(back->stats.functions, 7u);
  EXPECT_EQ(back->stats.limits[Limit::ResolveDepth], 3u);
  EXPECT_EQ(back->stats.examples[std::size_t(Limit::ResolveDepth)], "deep()");
  EXPECT_EQ(back->stats.unknownOutputs.size(), 1u);
}

TEST(LinkCache, AnotherKeyOrACutFileLinksAgain) {
  const TempDir tmp("egress-linkcache-");
  const std::string& dir = tmp.path();
  storeLinked(dir, "k1", sampleResult());
  EXPECT_FALSE(loadLinked(dir, "k2"));
  const std::string path = dir + "/linked.jsonl";
  std::string text((std::istreambuf_iterator<char>(std::ifstream(path).rdbuf())), {});
  std::ofstream(path) << text.substr(0, text.rfind('\n', text.size() - 2) + 1);  // last flow gone
  EXPECT_FALSE(loadLinked(dir, "k1"));
}

TEST(LinkCache, TheKeyCoversEveryEntryAndNeedsAll) {
  TUFacts a, b;
  a.file = "a.cpp";
  a.entryDigest = "11";
  b.file = "b.cpp";
  b.entryDigest = "22";
  const std::string key = linkKey({a, b});
  EXPECT_FALSE(key.empty());
  b.entryDigest = "23";
  EXPECT_NE(linkKey({a, b}), key);
  b.entryDigest = "";  // not stored (it failed to parse): never reused
  EXPECT_EQ(linkKey({a, b}), "");
}

}  // namespace
}  // namespace egress
