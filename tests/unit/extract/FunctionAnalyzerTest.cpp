// Statement transfer (extract/FunctionAnalyzer.cpp): declarations, assignments,
// returns, branches joined, references and pointers as aliases, local objects.
#include <gtest/gtest.h>

#include <algorithm>

#include "ExtractedFacts.h"

namespace egress {
namespace {

using namespace test;

const Taint& returned(const TUFacts& tu, const std::string& fn) { return functionNamed(tu, fn).ret; }

TEST(FunctionAnalyzer, AnOverwriteReplacesWhatAVariableHeld) {
  const TUFacts tu = extractSnippet(R"(
std::string f(const Customer& c) {
  std::string s = c.email;
  s = "redacted";
  return s;
}
std::string g(const Customer& c) {
  std::string s = "to: ";
  s += c.email;
  return s;
})");
  EXPECT_FALSE(carries(returned(tu, "f"), "customer.contact"));
  EXPECT_TRUE(carries(returned(tu, "g"), "customer.contact"));
}

TEST(FunctionAnalyzer, BranchesJoinWhatEitherSideStored) {
  const TUFacts tu = extractSnippet(R"(
std::string f(const Customer& c, bool full) {
  std::string s = "anonymous";
  if (full) s = c.name;
  return s;
})");
  EXPECT_TRUE(carries(returned(tu, "f"), "customer.identity"));
}

TEST(FunctionAnalyzer, AWriteThroughAReferenceOrPointerReachesTheObject) {
  const TUFacts tu = extractSnippet(R"(
std::string by_ref(const Customer& c) {
  std::string s;
  std::string& r = s;
  r = c.email;
  return s;
}
std::string by_ptr(const Customer& c) {
  std::string s;
  std::string* p = &s;
  *p = c.email;
  return s;
})");
  EXPECT_TRUE(carries(returned(tu, "by_ref"), "customer.contact"));
  EXPECT_TRUE(carries(returned(tu, "by_ptr"), "customer.contact"));
}

// container_of: the member named in offsetof is what the pointer given points to,
// so a store into `c->base.url` is a store into the parameter's `url`.
TEST(FunctionAnalyzer, AContainerOfsMemberIsThePointersObject) {
  const TUFacts tu = extractSnippet(R"(
struct Chan { const char* url; };
struct Conn { long timeout; Chan base; };
void aim(Chan* ch) {
  Conn* c = (Conn*)((char*)ch - __builtin_offsetof(Conn, base));
  c->base.url = "https://track.example.cn";
  c->timeout = 5;
})");
  const FunctionFacts& aim = functionNamed(tu, "aim");
  const auto url = std::find_if(aim.effects.begin(), aim.effects.end(),
                                [](const EffectFact& e) { return e.target == 0 && e.field == "url"; });
  ASSERT_NE(url, aim.effects.end());
  EXPECT_EQ(displayStr(url->str), "https://track.example.cn");
}

// A handler's `void *` context copied into a record pointer is the same whole object:
// what a call leaves through the copy is named as left in the context, as through
// the parameter itself (a buffer walked through a `char *` stays a merge).
TEST(FunctionAnalyzer, ARecordPointerCopiedFromAContextWritesItExactly) {
  const TUFacts tu = extractSnippet(R"(
struct Settings { char host[64]; };
void apply(Settings* s, const char* value);
int on_entry(void* user, const char* value) {
  Settings* s = static_cast<Settings*>(user);
  apply(s, value);
  return 0;
})");
  const FunctionFacts& handler = functionNamed(tu, "on_entry");
  const auto stored = std::find_if(handler.effects.begin(), handler.effects.end(),
                                   [](const EffectFact& e) { return e.target == 0 && e.field.empty(); });
  ASSERT_NE(stored, handler.effects.end());
  const std::vector<StrVal> left = forms(stored->str);
  ASSERT_FALSE(left.empty());
  const StrPiece* call = onlyPiece(left.front(), StrPiece::CallOut);
  ASSERT_NE(call, nullptr) << displayStr(stored->str);
  EXPECT_EQ(call->text, "arg:0");
}

TEST(FunctionAnalyzer, FieldsOfALocalObjectAreKeptApart) {
  const TUFacts tu = extractSnippet(R"(
std::string f(const Parcel& in) {
  Parcel p;
  p.tracking_no = in.tracking_no;
  p.recipient.name = "depot";
  return p.recipient.name;
}
std::string g(const Parcel& in) {
  Parcel p;
  p.tracking_no = in.tracking_no;
  return p.tracking_no;
})");
  EXPECT_FALSE(readsParam(returned(tu, "f"), 0, "tracking_no"));
  EXPECT_TRUE(readsParam(returned(tu, "g"), 0, "tracking_no"));
}

TEST(FunctionAnalyzer, AnAggregateInitialiserStoresFieldByField) {
  const TUFacts tu = extractSnippet(R"(
std::string f(const Customer& c) {
  Customer copy{c.name, "desk@example.de"};
  return copy.email;
}
std::string g(const Customer& c) {
  Customer copy{c.name, "desk@example.de"};
  return copy.name;
})");
  EXPECT_TRUE(returned(tu, "f").params.empty());
  EXPECT_TRUE(readsParam(returned(tu, "g"), 0, "name"));
}

TEST(FunctionAnalyzer, AReturnInEveryBranchJoinsTheReturnedValues) {
  const TUFacts tu = extractSnippet(R"(
std::string f(const Parcel& p, int kind) {
  if (kind == 1) return p.tracking_no;
  if (kind == 2) return p.recipient.email;
  return "none";
})");
  EXPECT_TRUE(readsParam(returned(tu, "f"), 0, "tracking_no"));
  EXPECT_TRUE(readsParam(returned(tu, "f"), 0, "recipient.email"));
}

// Each string returned is one of the result's values, but for a failure's empty one.
TEST(FunctionAnalyzer, EachReturnedStringIsAnAlternativeButAnEmptyOne) {
  const TUFacts tu = extractSnippet(R"(
std::string f(int region) {
  if (region < 0) return "";
  if (region == 1) return "https://hub.example.de";
  return "https://hub.example.cn";
})");
  const StrVal& url = functionNamed(tu, "f").retStr;
  ASSERT_EQ(forms(url).size(), 2u) << displayStr(url);
  EXPECT_EQ(displayStr(forms(url)[0]), "https://hub.example.de");
  EXPECT_EQ(displayStr(forms(url)[1]), "https://hub.example.cn");
}

// A record built in the return statement keeps each field apart for the caller.
TEST(FunctionAnalyzer, ARecordBuiltInAReturnIsReturnedFieldByField) {
  const TUFacts tu = extractSnippet(R"(
struct Route { std::string host; std::string path; };
struct Ref { std::string bucket; Route endpoint() const { return Route{bucket + ".oss.example.cn", "/up"}; } };
Route f(const Parcel& p) { return {"hub.example.de", "/track/" + p.tracking_no}; })");
  const FunctionFacts& endpoint = functionNamed(tu, "Ref::endpoint");
  ASSERT_TRUE(endpoint.retFieldStrs.count("host"));
  EXPECT_EQ(displayStr(endpoint.retFieldStrs.at("host")), "${param:this.bucket}.oss.example.cn");
  const FunctionFacts& f = functionNamed(tu, "f");
  ASSERT_TRUE(f.retFieldStrs.count("host"));
  EXPECT_EQ(displayStr(f.retFieldStrs.at("host")), "hub.example.de");
  EXPECT_TRUE(readsParam(f.retFields.at("path"), 0, "tracking_no"));
  EXPECT_FALSE(f.retFields.count("host"));
}

// An implicit copy takes every field from its source, not the default initializers.
TEST(FunctionAnalyzer, ACopiedObjectKeepsItsSourcesFieldsNotTheDefaults) {
  const TUFacts tu = extractSnippet(R"(
struct Ref { std::string region = "cn-hangzhou"; };
std::string copied(const Ref& r) { const Ref copy = r; return copy.region; }
std::string fresh() { const Ref made; return made.region; })");
  EXPECT_EQ(displayStr(functionNamed(tu, "copied").retStr).find("cn-hangzhou"), std::string::npos)
      << displayStr(functionNamed(tu, "copied").retStr);
  EXPECT_EQ(displayStr(functionNamed(tu, "fresh").retStr), "cn-hangzhou");
}

TEST(FunctionAnalyzer, ABaseClassConstructorIsACallSiteOnThisObject) {
  const TUFacts tu = extractSnippet(R"(
struct Stop { explicit Stop(const std::string& w) : where(w) {} std::string where; };
struct Handover : Stop { explicit Handover(const Customer& c) : Stop(c.name) {} };)");
  const FunctionFacts& ctor = functionNamed(tu, "Handover::Handover");
  ASSERT_EQ(ctor.calls.size(), 1u);
  EXPECT_EQ(ctor.calls[0].calleeName, "Stop::Stop");
  ASSERT_EQ(ctor.effects.size(), 1u);
  EXPECT_EQ(ctor.effects[0].target, kThisParam);
  ASSERT_EQ(ctor.effects[0].value.calls.size(), 1u);
  EXPECT_EQ(ctor.effects[0].value.calls[0].slot, "this");
}

TEST(FunctionAnalyzer, TieAssignsEachElementToItsVariable) {
  const TUFacts tu = extractSnippet(R"(
#include <tuple>
std::string first(const Parcel& p) {
  const auto pr = std::make_pair(p.tracking_no, std::string("HUB-7"));
  std::string a, b;
  std::tie(a, b) = pr;
  return a;
}
std::string second(const Parcel& p) {
  const auto pr = std::make_pair(p.tracking_no, std::string("HUB-7"));
  std::string a, b;
  std::tie(a, b) = pr;
  return b;
})");
  EXPECT_TRUE(readsParam(functionNamed(tu, "first").ret, 0, "tracking_no"));
  EXPECT_FALSE(readsParam(functionNamed(tu, "second").ret, 0, "tracking_no"));
}

// An object returned as one of its bases (a file stream from a factory declared to
// return any stream) names its class, each return its own; one of the declared
// class does not.
TEST(FunctionAnalyzer, AnObjectReturnedAsItsBaseNamesItsClass) {
  const TUFacts tu = extractSnippet(R"(
struct Stream { virtual ~Stream(); };
struct FileStream : Stream { FileStream(); };
struct MemoryStream : Stream { MemoryStream(); };
Stream* open_file() { FileStream* made = new FileStream(); return made; }
Stream* open_either(bool dry) { if (dry) return new MemoryStream(); return new FileStream(); }
Stream* open_any(Stream* given) { return given; })");
  EXPECT_EQ(functionNamed(tu, "open_file").retTypeNames, std::vector<std::string>{"FileStream"});
  EXPECT_EQ(functionNamed(tu, "open_either").retTypeNames, (std::vector<std::string>{"MemoryStream", "FileStream"}));
  EXPECT_TRUE(functionNamed(tu, "open_any").retTypeNames.empty());
}

// A global's table of records keeps each row at its index. A mutable global keeps
// only the rows (a reader with no index gets them all at the link; a store into one
// row replaces only that one); a constant one also keeps them joined.
TEST(FunctionAnalyzer, AGlobalsTableOfRecordsIsStoredRowByRow) {
  const TUFacts tu = extractSnippet(R"(
struct Chan { const char *host; int port; };
struct Settings { const char *site; Chan chan[2]; };
Settings g_settings = {"HAM", {{"a.example.de", 1}, {"b.example.cn", 2}}};
const Chan k_chans[] = {{"c.example.de", 3}, {"d.example.cn", 4}};
)");
  const auto value = [&](const std::string& key) {
    auto it = tu.constantStrings.find(key);
    return it == tu.constantStrings.end() ? std::string("(none)") : displayStr(it->second);
  };
  EXPECT_EQ(value("init:c:@g_settings.chan.[#1].host"), "b.example.cn");
  EXPECT_EQ(value("init:c:@g_settings.chan.[#0].host"), "a.example.de");
  EXPECT_EQ(value("init:c:@g_settings.chan.host"), "(none)");
  EXPECT_EQ(value("init:c:@g_settings.site"), "HAM");
  EXPECT_EQ(value("c:snippet.cpp@k_chans.[#1].host"), "d.example.cn");  // internal linkage: the file names it
  EXPECT_NE(value("c:snippet.cpp@k_chans.host"), "(none)");
}

// The functions stored in a record's function-pointer fields, for calls through
// them nothing else resolves (extract/FieldFunctions.h).
TEST(FunctionAnalyzer, FunctionsStoredInFieldsAreCollectedByField) {
  const TUFacts tu = extractSnippet(R"(
struct Driver { int (*emit)(const char *); };
int to_redis(const char *);
int to_file(const char *);
const Driver k_drivers[] = {{to_redis}};
void pick(Driver *d) { d->emit = to_file; }
)");
  ASSERT_EQ(tu.fieldFns.count("c:@S@Driver::emit"), 1u);
  EXPECT_EQ(tu.fieldFns.at("c:@S@Driver::emit").size(), 2u);
}

}  // namespace
}  // namespace egress
