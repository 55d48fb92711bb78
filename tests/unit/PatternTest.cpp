#include "rules/Pattern.h"

#include <cctype>

#include <gtest/gtest.h>
#include <llvm/Support/Regex.h>

#include "TestSupport.h"

namespace egress {
namespace {

using Lits = std::vector<std::string>;

TEST(Pattern, RequiredLiteralsOfCommonShapes) {
  EXPECT_EQ(requiredLiterals("curl_easy_setopt"), Lits{"curl_easy_setopt"});
  EXPECT_EQ(requiredLiterals("std::basic_string::(c_str|data)"), Lits{"std::basic_string::"});
  EXPECT_EQ(requiredLiterals("(std::)?(strcpy|strncpy)"), (Lits{"strcpy", "strncpy"}));
  EXPECT_EQ(requiredLiterals("send|sendto"), (Lits{"send", "sendto"}));
  EXPECT_TRUE(requiredLiterals(".*").empty());
  EXPECT_TRUE(requiredLiterals("a|.*b?").empty());
  EXPECT_EQ(requiredLiterals("std::operator\\+"), Lits{"std::operator+"});
  EXPECT_EQ(requiredLiterals("abc?d"), Lits{"ab"});
  EXPECT_EQ(requiredLiterals("x[0-9]+yz"), Lits{"yz"});
  // Bracket expressions end at their own `]`, not at one inside a class or first in the list.
  EXPECT_EQ(requiredLiterals("x[[:digit:]]name"), Lits{"name"});
  EXPECT_EQ(requiredLiterals("ab[^]x]cd"), Lits{"ab"});
  EXPECT_EQ(requiredLiterals("(id|[]x]|code)"), Lits{});
}

TEST(Pattern, TheFilterKeepsNamesMatchedThroughClasses) {
  std::string error;
  for (bool ignoreCase : {false, true}) {
    const std::optional<Pattern> digits = compilePattern("x\\dname", ignoreCase, error);
    ASSERT_TRUE(digits) << error;
    EXPECT_TRUE(digits->matches("x5name"));
    const std::optional<Pattern> nonSpace = compilePattern("ab\\Sname", ignoreCase, error);
    ASSERT_TRUE(nonSpace) << error;
    EXPECT_TRUE(nonSpace->matches("ab_name"));
    // A `]` inside a character class item does not close the bracket expression.
    const std::optional<Pattern> bracket = compilePattern("id[[:alpha:]_]|other", ignoreCase, error);
    ASSERT_TRUE(bracket) << error;
    EXPECT_TRUE(bracket->matches("idz"));
    EXPECT_TRUE(bracket->matches("other"));
  }
}

TEST(Pattern, FilterNeverRejectsAMatch) {
  // Every bundled model name against names built from the literals of all of them.
  const RuleSet& rules = test::bundledRules();
  std::vector<std::string> names{"send",
                                 "sendto",
                                 "write",
                                 "fprintf",
                                 "std::basic_ostream::operator<<",
                                 "std::operator<<",
                                 "curl_easy_setopt",
                                 "std::function::operator()",
                                 "Poco::Net::HTTPClientSession::sendRequest",
                                 "std::basic_string::append",
                                 "boost::asio::write",
                                 "asio::ip::basic_resolver::resolve",
                                 "nlohmann::basic_json::dump"};
  for (const ApiModel& m : rules.apis)
    for (const std::string& lit : m.name.anyOf) names.push_back(lit);
  for (const ApiModel& m : rules.apis)
    for (const std::string& n : names) EXPECT_EQ(m.name.matches(n), m.name.re->match(n)) << m.name.text << " on " << n;
}

TEST(Pattern, ACaseInsensitivePatternIsFilteredRegardlessOfCase) {
  std::string error;
  const std::optional<Pattern> p = compilePattern(".*e_?mail|(phone|fax)_?(no|number)?", true, error);
  ASSERT_TRUE(p) << error;
  EXPECT_EQ(p->anyOf, (Lits{"mail", "phone", "fax"}));
  for (const char* name : {"email", "EMail", "customerEMAIL", "Phone", "FAX_NO", "e_mail"})
    EXPECT_TRUE(p->matches(name)) << name;
  for (const char* name : {"mailbox", "filename", "telephone", "Faxes"}) EXPECT_FALSE(p->matches(name)) << name;
}

TEST(Pattern, TheFieldFilterNeverRejectsAMatchInAnyCase) {
  // Every bundled field pattern against the literals of all of them, in three cases.
  const RuleSet& rules = test::bundledRules();
  std::vector<std::string> names;
  for (const Category& c : rules.categories)
    for (const FieldMatcher& m : c.fields)
      for (const std::string& lit : m.name.anyOf)
        for (std::string n : {lit, "x_" + lit + "_no", lit + "_id"}) {
          names.push_back(n);
          names.push_back(llvm::StringRef(n).upper());
          if (!n.empty()) n[0] = char(std::toupper(static_cast<unsigned char>(n[0])));
          names.push_back(n);
        }
  for (const Category& c : rules.categories)
    for (const FieldMatcher& m : c.fields) {
      EXPECT_FALSE(m.name.anyOf.empty()) << m.name.text << " has no filter";
      for (const std::string& n : names)
        EXPECT_EQ(m.name.matches(n), m.name.re->match(n)) << m.name.text << " on " << n;
    }
}

}  // namespace
}  // namespace egress
