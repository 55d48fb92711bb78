// Format strings filled with their arguments (extract/Formatting.cpp).
#include <gtest/gtest.h>

#include "ExtractedFacts.h"

namespace egress {
namespace {

using namespace test;

std::string formattedReturn(const std::string& body) {
  const TUFacts tu = extractSnippet("std::string f() {\n" + body + "\n}");
  return displayStr(functionNamed(tu, "f").retStr);
}

TEST(Formatting, PrintfConversionsTakeTheArgumentsInOrder) {
  EXPECT_EQ(formattedReturn(R"(
  char url[128];
  snprintf(url, sizeof url, "https://%s:%d/v1/%%track", "hub.example.de", 8443);
  return url;)"),
            "https://hub.example.de:8443/v1/%track");
}

TEST(Formatting, AStarWidthConsumesAnArgument) {
  EXPECT_EQ(formattedReturn(R"(
  char url[128];
  snprintf(url, sizeof url, "tcp://%*s/%s", 12, "broker.example.de", "parcels");
  return url;)"),
            "tcp://broker.example.de/parcels");
}

TEST(Formatting, AnArgumentOfUnknownValueLeavesAGap) {
  const TUFacts tu = extractSnippet(R"(
std::string f(int port) {
  char url[64];
  snprintf(url, sizeof url, "http://depot.example.de:%d/", port);
  return url;
})");
  const std::string url = displayStr(functionNamed(tu, "f").retStr);
  EXPECT_EQ(url.rfind("http://depot.example.de:", 0), 0u) << url;
  EXPECT_NE(url, "http://depot.example.de:/");
}

TEST(Formatting, ANonConstantFormatGivesNoString) {
  const TUFacts tu = extractSnippet(R"(
std::string f(const char* fmt) {
  char out[64];
  snprintf(out, sizeof out, fmt, "depot.example.de");
  return out;
})");
  EXPECT_EQ(displayStr(functionNamed(tu, "f").retStr).find("depot.example.de"), std::string::npos);
}

}  // namespace
}  // namespace egress
