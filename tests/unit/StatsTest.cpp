// `--stats` (report/Stats.cpp): what a reader of the statistics is told.
#include "report/Stats.h"

#include <gtest/gtest.h>

#include <sstream>

namespace egress {
namespace {

std::string written(const LinkStats& link) {
  std::ostringstream out;
  ScanStats().write(out, {}, link);
  return out.str();
}

// A cluster of calls whose summaries did not settle is named, with its size, so a
// reader knows which part of the program the link-budget count is about.
TEST(Stats, NamesEachClusterThatDidNotSettle) {
  LinkStats link;
  link.unsettled = {{"xml_parse_element", 3}, {"walk", 1}};
  const std::string text = written(link);
  EXPECT_NE(text.find("stats: did not settle: xml_parse_element and 2 more"), std::string::npos) << text;
  EXPECT_NE(text.find("stats: did not settle: walk ("), std::string::npos) << text;
  EXPECT_EQ(written(LinkStats{}).find("did not settle"), std::string::npos);
}

}  // namespace
}  // namespace egress
