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

// A stand-in for Qt's QString, in a system header as Qt's is (a line marker with
// flag 3): the rules model `QString::arg` by name.
const char* kQString = R"(
# 1 "qstring.h" 3
class QString {
 public:
  QString(const char* text);
  QString arg(const QString& a) const;
  QString arg(const QString& a, const QString& b) const;
  QString arg(int number, int fieldWidth = 0, int base = 10) const;
};
# 100 "snippet.cpp"
)";

std::string qtReturn(const std::string& body) {
  const TUFacts tu = extractSnippet(std::string(kQString) + "QString f(const QString& path) {\n" + body + "\n}");
  return displayStr(functionNamed(tu, "f").retStr);
}

TEST(Formatting, NumberedPlaceholdersAreFilledLowestFirst) {
  EXPECT_EQ(qtReturn(R"(return QString("https://%2/%1").arg("v1").arg("hub.example.de");)"),
            "https://hub.example.de/v1");
}

TEST(Formatting, SeveralTextArgumentsFillSeveralPlaceholders) {
  EXPECT_EQ(qtReturn(R"(return QString("https://%1/%2/%1").arg("hub.example.de", "v1");)"),
            "https://hub.example.de/v1/hub.example.de");
}

TEST(Formatting, ANumberFillsOnlyOnePlaceholderWhateverItsWidthAndBase) {
  EXPECT_EQ(qtReturn(R"(return QString("https://hub.example.de:%1/%2").arg(8443, 5, 10).arg(path);)"),
            "https://hub.example.de:8443/${param:0}");
}

}  // namespace
}  // namespace egress
