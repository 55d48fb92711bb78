#include "cli/TestRules.h"

#include <gtest/gtest.h>

namespace egress {
namespace {

TEST(TestRules, ParsesExpectationsAndKnownGaps) {
  const std::string source = "send(fd, a);  // expect: unresolved customer.contact shipment.tracking\n"
                             "send(fd, b);  // expect-none\n"
                             "send(fd, c);  // gap expect: violation customer.identity -- swap not modelled\n"
                             "send(fd, d);  /* gap expect-none */\n"
                             "send(fd, e);  // unrelated comment\n";
  const std::vector<Expectation> e = parseExpectations("x.cpp", source);
  ASSERT_EQ(e.size(), 4u);
  EXPECT_EQ(e[0].verdict, "unresolved");
  EXPECT_EQ(e[0].categories, (std::vector<std::string>{"customer.contact", "shipment.tracking"}));
  EXPECT_FALSE(e[0].gap);
  EXPECT_TRUE(e[1].none);
  EXPECT_FALSE(e[1].gap);
  EXPECT_TRUE(e[2].gap);
  EXPECT_EQ(e[2].verdict, "violation");
  EXPECT_EQ(e[2].categories, (std::vector<std::string>{"customer.identity"}));
  EXPECT_TRUE(e[3].gap);
  EXPECT_TRUE(e[3].none);
  EXPECT_EQ(e[3].line, 4u);
}

}  // namespace
}  // namespace egress
