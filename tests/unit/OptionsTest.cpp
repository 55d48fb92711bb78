#include <gtest/gtest.h>

#include "cli/Options.h"

using namespace egress;

TEST(Options, ScanWithEverything) {
  const Command c =
      parseCommandLine({"scan", "-p", "build", "a.cpp", "--root=src", "--format", "json", "-o", "out.json", "-j4",
                        "--policy", "p.yaml", "--rules", "r", "--strict", "--cache", "c", "--shard", "2/3"});
  ASSERT_EQ(c.kind, Command::Scan);
  EXPECT_EQ(c.scan.buildDir, "build");
  EXPECT_EQ(c.scan.files, std::vector<std::string>{"a.cpp"});
  EXPECT_EQ(c.scan.root, "src");
  EXPECT_EQ(c.scan.format, "json");
  EXPECT_EQ(c.scan.output, "out.json");
  EXPECT_EQ(c.scan.jobs, 4u);
  EXPECT_EQ(c.scan.policyFile, "p.yaml");
  EXPECT_EQ(c.scan.rulesDir, "r");
  EXPECT_TRUE(c.scan.strict);
  EXPECT_EQ(c.scan.cacheDir, "c");
  EXPECT_EQ(c.scan.shard, 2u);
  EXPECT_EQ(c.scan.shards, 3u);
}

TEST(Options, Errors) {
  EXPECT_THROW(parseCommandLine({"scan"}), UsageError);
  EXPECT_THROW(parseCommandLine({"scan", "-p", "b", "--format", "xml"}), UsageError);
  EXPECT_THROW(parseCommandLine({"scan", "-p", "b", "-j", "0"}), UsageError);
  EXPECT_THROW(parseCommandLine({"scan", "-p", "b", "--frobnicate"}), UsageError);
  EXPECT_THROW(parseCommandLine({"scan", "-p"}), UsageError);
  EXPECT_THROW(parseCommandLine({"explode"}), UsageError);
  EXPECT_THROW(parseCommandLine({"scan", "-p", "b", "--shard", "4/3"}), UsageError);
  EXPECT_THROW(parseCommandLine({"merge"}), UsageError);
  EXPECT_EQ(parseCommandLine({"--version"}).kind, Command::Version);
  EXPECT_EQ(parseCommandLine({"--help"}).kind, Command::Help);
}
