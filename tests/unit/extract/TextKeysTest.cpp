#include <gtest/gtest.h>

#include "ExtractedFacts.h"

namespace egress {
namespace {

using test::extractSnippet;
using test::functionNamed;

// The text a function leaves in field `field` of its parameter `target`.
StrVal leftIn(const FunctionFacts& f, unsigned target, const std::string& field) {
  for (const EffectFact& e : f.effects)
    if (e.target == target && e.field == field) return e.str;
  return {};
}

TEST(TextKeys, AValueReadUnderAComparisonWithConstantTextIsThatSetting) {
  const TUFacts tu = extractSnippet(R"(
struct Conf { char host[64]; char port[8]; };
void apply(Conf* c, const char* section, const char* name, const char* value) {
  if (strcmp(section, "uplink") == 0 && strcmp(name, "host") == 0) strcpy(c->host, value);
  else if (!strcmp(name, "port")) strcpy(c->port, value);
})");
  const FunctionFacts& f = functionNamed(tu, "apply");
  const StrVal hostValue = leftIn(f, 0, "host"), portValue = leftIn(f, 0, "port");
  const StrPiece* host = onlyPiece(hostValue, StrPiece::Setting);
  ASSERT_NE(host, nullptr) << displayStr(hostValue);
  EXPECT_EQ(host->text, "uplink.host");  // both keys, in parameter order
  EXPECT_EQ(host->index, 3u);
  const StrPiece* port = onlyPiece(portValue, StrPiece::Setting);
  ASSERT_NE(port, nullptr) << displayStr(portValue);
  EXPECT_EQ(port->text, "port");
}

TEST(TextKeys, StringEqualityAndAGuardClauseNameKeysToo) {
  const TUFacts tu = extractSnippet(R"(
struct Settings { std::string relay; std::string site; };
void set(Settings& s, const std::string& key, const std::string& value) {
  if (key == "relay.host") s.relay = value;
}
void set_site(Settings& s, const char* key, const char* value) {
  if (strcmp(key, "site") != 0) return;
  s.site = value;
})");
  const StrVal relayValue = leftIn(functionNamed(tu, "set"), 0, "relay");
  const StrVal siteValue = leftIn(functionNamed(tu, "set_site"), 0, "site");
  const StrPiece* relay = onlyPiece(relayValue, StrPiece::Setting);
  ASSERT_NE(relay, nullptr) << displayStr(relayValue);
  EXPECT_EQ(relay->text, "relay.host");
  const StrPiece* site = onlyPiece(siteValue, StrPiece::Setting);
  ASSERT_NE(site, nullptr) << displayStr(siteValue);
  EXPECT_EQ(site->text, "site");
}

TEST(TextKeys, NoKeyWhereTheComparisonMayNotHoldOrTheKeyChanges) {
  const TUFacts tu = extractSnippet(R"(
struct Conf { char host[64]; };
void either(Conf* c, const char* key, const char* value) {
  if (strcmp(key, "a") == 0 || strcmp(key, "b") == 0) strcpy(c->host, value);
}
void unequal(Conf* c, const char* key, const char* value) {
  if (strcmp(key, "a") != 0) strcpy(c->host, value);
}
void moved(Conf* c, const char* key, const char* value) {
  key = "x";
  if (strcmp(key, "a") == 0) strcpy(c->host, value);
})");
  for (const char* name : {"either", "unequal", "moved"}) {
    const StrVal left = leftIn(functionNamed(tu, name), 0, "host");
    EXPECT_EQ(onlyPiece(left, StrPiece::Setting), nullptr) << name << ": " << displayStr(left);
    EXPECT_NE(onlyPiece(left, StrPiece::Param), nullptr) << name << ": " << displayStr(left);
  }
}

}  // namespace
}  // namespace egress
