// Library call models (extract/CallModels.cpp): what modelled and unmodelled library
// calls return and leave in their operands.
#include <gtest/gtest.h>

#include "ExtractedFacts.h"

namespace egress {
namespace {

using namespace test;

TEST(CallModels, AnAppendChainReturnsWhatTheObjectHoldsAfterIt) {
  const TUFacts tu = extractSnippet(R"(
std::string label(const Parcel& p, const std::string& prefix) {
  std::string s;
  return s.append(prefix).append(p.tracking_no);
})");
  const FunctionFacts& f = functionNamed(tu, "label");
  EXPECT_TRUE(carries(f.ret, "shipment.tracking"));
  EXPECT_TRUE(readsParam(f.ret, 1));
}

// Properties set on an object are the text of its fields of those names; the
// object's own text is not the names and values run together.
TEST(CallModels, PropertiesAreTheObjectsFieldsNotItsText) {
  const TUFacts tu = extractSnippet(R"(
extern "C" void* g_object_new(unsigned long type, const char* first, ...);
extern "C" void g_object_set(void* object, const char* first, ...);
struct Svc { void* relay; void* local; };
Svc* make() {
  Svc* s = new Svc;
  s->relay = g_object_new(1, "host", "relay.example.cn", "port", 7410, nullptr);
  g_object_set(s->local, "host", "10.40.0.5", nullptr);
  return s;
})");
  const FunctionFacts& f = functionNamed(tu, "make");
  ASSERT_TRUE(f.retFieldStrs.count("relay.host"));
  EXPECT_EQ(displayStr(f.retFieldStrs.at("relay.host")), "relay.example.cn");
  ASSERT_TRUE(f.retFieldStrs.count("local.host"));
  EXPECT_EQ(displayStr(f.retFieldStrs.at("local.host")), "10.40.0.5");
  for (const char* object : {"relay", "local"})
    if (auto it = f.retFieldStrs.find(object); it != f.retFieldStrs.end())
      EXPECT_EQ(displayStr(it->second).find("host"), std::string::npos) << object << ": " << displayStr(it->second);
}

TEST(CallModels, GetenvNamesItsVariableAsProvenance) {
  const TUFacts tu = extractSnippet(R"(
const char* hub() { return getenv("HUB_URL"); })");
  EXPECT_EQ(displayStr(functionNamed(tu, "hub").retStr), "${env:HUB_URL}");
}

// Two models giving the call's result a provenance (a generic accessor pattern and
// the library's own model): the result still has one.
TEST(CallModels, AResultHasOneProvenanceWhereTwoModelsGiveOne) {
  const TUFacts tu = extractSnippet(R"(
class QSettings { public: const char* value(const char* key) const; };
const char* crm(const QSettings& s) { return s.value("crm/url"); })");
  EXPECT_EQ(displayStr(functionNamed(tu, "crm").retStr), "${config:crm/url}");
}

// A variadic list's text is its arguments' in order, up to the null pointer ending it.
TEST(CallModels, AVariadicListIsItsPiecesWithoutTheEndingNull) {
  const TUFacts tu = extractSnippet(R"(
extern "C" char* g_strconcat(const char* first, ...);
const char* uri() { return g_strconcat("https://", "edi.carrier.example.de", "/inbound", nullptr); })");
  EXPECT_EQ(displayStr(functionNamed(tu, "uri").retStr), "https://edi.carrier.example.de/inbound");
}

// A lookup writing the configuration value through an out-argument (`returns` with `to`).
TEST(CallModels, AConfigurationValueCanGoIntoAnOutArgument) {
  const TUFacts tu = extractSnippet(R"(
struct config_t;
extern "C" int config_lookup_string(const config_t* cfg, const char* path, const char** out);
const char* relay(const config_t* cfg) {
  const char* host = nullptr;
  config_lookup_string(cfg, "relay.host", &host);
  return host;
})");
  EXPECT_EQ(displayStr(functionNamed(tu, "relay").retStr), "${config:relay.host}");
}

// A member read below a section handle (`returns` with `parent`) is keyed below the
// section's own key.
TEST(CallModels, AMemberBelowASectionHandleIsKeyedBelowIt) {
  const TUFacts tu = extractSnippet(R"(
struct config_t; struct config_setting_t;
extern "C" config_setting_t* config_lookup(const config_t* cfg, const char* path);
extern "C" int config_setting_lookup_string(const config_setting_t* s, const char* name, const char** out);
const char* smtp(const config_t* cfg) {
  const char* host = nullptr;
  config_setting_lookup_string(config_lookup(cfg, "notify"), "smtp_host", &host);
  return host;
})");
  EXPECT_EQ(displayStr(functionNamed(tu, "smtp").retStr), "${config:notify.smtp_host}");
}

// A handle made aimed at its argument (`set-destination` on `return`) keeps that
// destination whatever is put into it later.
TEST(CallModels, AReturnedHandleCanBeAimedAtItsArgument) {
  const TUFacts tu = extractSnippet(R"(
struct SoupMessage; struct SoupSession; struct GBytes;
extern "C" SoupMessage* soup_message_new(const char* method, const char* uri);
extern "C" void soup_message_set_request_body_from_bytes(SoupMessage* m, const char* type, GBytes* b);
extern "C" GBytes* g_bytes_new(const void* data, unsigned long size);
extern "C" GBytes* soup_session_send_and_read(SoupSession* s, SoupMessage* m, void* c, void** e);
void post(SoupSession* s, const Parcel& p) {
  SoupMessage* m = soup_message_new("POST", "https://edi.partner.example.cn");
  soup_message_set_request_body_from_bytes(m, "text/plain", g_bytes_new(p.tracking_no.data(), 8));
  soup_session_send_and_read(s, m, nullptr, nullptr);
})");
  const FunctionFacts& f = functionNamed(tu, "post");
  ASSERT_EQ(f.sinks.size(), 1u);
  EXPECT_EQ(displayStr(f.sinks[0].destination), "https://edi.partner.example.cn");
}

// A configuration class's getter whose first parameter is a section: the next
// argument completes the key.
TEST(CallModels, ASectionParameterIsTheFirstPartOfTheKey) {
  const TUFacts tu = extractSnippet(R"(
struct SiteConfig { std::string get(const std::string& section, const std::string& key) const; };
std::string gateway(const SiteConfig& cfg) { return cfg.get("customs", "gateway_url"); }
std::string keyed(const SiteConfig& cfg, const std::string& key) { return cfg.get("customs", key); })");
  EXPECT_EQ(displayStr(functionNamed(tu, "gateway").retStr), "${config:customs.gateway_url}");
  const StrVal& keyed = functionNamed(tu, "keyed").retStr;
  ASSERT_EQ(keyed.pieces.size(), 1u);
  EXPECT_EQ(keyed.pieces[0].text, "customs." + keyParam(1));  // named by each caller
}

TEST(CallModels, SwapMovesTheDataToTheOtherSide) {
  const TUFacts tu = extractSnippet(R"(
void kept(const Customer& c, int fd) {
  std::string a = c.email, b = "depot";
  a.swap(b);
  send(fd, a.data(), a.size(), 0);
}
void moved(const Customer& c, int fd) {
  std::string a = c.email, b = "depot";
  std::swap(a, b);
  send(fd, b.data(), b.size(), 0);
})");
  EXPECT_TRUE(functionNamed(tu, "kept").sinks.empty());
  const FunctionFacts& moved = functionNamed(tu, "moved");
  ASSERT_EQ(moved.sinks.size(), 1u);
  EXPECT_TRUE(carries(moved.sinks[0].data, "customer.contact"));
}

TEST(CallModels, ASanitizerInTheRulesRemovesItsCategories) {
  const TUFacts tu = extractSnippet(R"(
std::string sha256_hex(const std::string& in);
std::string key(const Customer& c) { return sha256_hex(c.email); })");
  const FunctionFacts& f = functionNamed(tu, "key");
  EXPECT_FALSE(carries(f.ret, "customer.contact"));
  EXPECT_TRUE(f.calls.empty());  // not a call site of the program either
}

TEST(CallModels, UnmodelledLibraryResultsCarryTheirInputsUnlessScalar) {
  const TUFacts tu = extractSnippet(R"(
#include <libgen.h>
char* last_part(Customer& c) { return basename(&c.name[0]); }
int first_letter(const Customer& c) { return isalpha(c.name[0]); })");
  EXPECT_TRUE(carries(functionNamed(tu, "last_part").ret, "customer.identity"));
  EXPECT_FALSE(carries(functionNamed(tu, "first_letter").ret, "customer.identity"));
}

TEST(CallModels, AFlowIntoAnArgumentFillsTheCallersBuffer) {
  const TUFacts tu = extractSnippet(R"(
std::string copied(const Customer& c) {
  char buf[64];
  strncpy(buf, c.email.c_str(), sizeof buf);
  return buf;
})");
  EXPECT_TRUE(carries(functionNamed(tu, "copied").ret, "customer.contact"));
}

// A measuring pass first (`buf ? buf + len : NULL`): the flow fills the buffer.
TEST(CallModels, AFlowIntoABufferOrNullFillsTheBuffer) {
  const TUFacts tu = extractSnippet(R"(
std::string formatted(const Customer& c, char* buf, unsigned len) {
  snprintf(buf ? buf + len : nullptr, buf ? 64 : 0, "%s", c.email.c_str());
  return buf;
})");
  EXPECT_TRUE(carries(functionNamed(tu, "formatted").ret, "customer.contact"));
}

TEST(CallModels, AContainerOfPairsKeepsKeysApartFromMappedValues) {
  const TUFacts tu = extractSnippet(R"(
#include <map>
int count_of(const Customer& c) {
  std::map<std::string, int> per_email;
  per_email[c.email] += 1;
  for (const auto& kv : per_email) return kv.second;
  return 0;
}
std::string key_of(const Customer& c) {
  std::map<std::string, int> per_email;
  per_email.emplace(c.email, 1);
  for (const auto& [email, n] : per_email) return email;
  return "";
})");
  EXPECT_FALSE(readsParam(functionNamed(tu, "count_of").ret, 0, "email"));
  EXPECT_TRUE(readsParam(functionNamed(tu, "key_of").ret, 0, "email"));
}

// emplace_back with one argument per part of a tuple row keeps each part apart.
TEST(CallModels, AContainerOfTuplesKeepsEachPartApart) {
  const TUFacts tu = extractSnippet(R"(
#include <tuple>
#include <vector>
using Row = std::tuple<int, std::string, std::string>;
int seq_of(const Parcel& p) {
  std::vector<Row> rows;
  rows.emplace_back(7, p.tracking_no, p.recipient.email);
  return std::get<0>(rows.back());
}
std::string ref_of(const Parcel& p) {
  std::vector<Row> rows;
  rows.emplace_back(7, p.tracking_no, p.recipient.email);
  for (const auto& [seq, ref, email] : rows) return ref;
  return "";
})");
  const Taint& seq = functionNamed(tu, "seq_of").ret;
  EXPECT_FALSE(readsParam(seq, 0, "tracking_no"));
  EXPECT_FALSE(readsParam(seq, 0, "recipient.email"));
  const Taint& ref = functionNamed(tu, "ref_of").ret;
  EXPECT_TRUE(readsParam(ref, 0, "tracking_no"));
  EXPECT_FALSE(readsParam(ref, 0, "recipient.email"));
}

// `set_opt(h, opt, v)` around curl_easy_setopt: which model applies is the
// caller's `opt`. The URL model aims the handle under a condition naming parameter
// 1, and the sink's destination forms carry the body option's condition.
TEST(CallModels, AModelConditionOnTheFunctionsOwnParameterIsLeftToItsCallers) {
  const TUFacts tu = extractSnippet(R"(
#include <curl/curl.h>
int set_opt(CURL* h, CURLoption opt, const char* v) { return curl_easy_setopt(h, opt, v); }
void caller(CURL* h) { set_opt(h, CURLOPT_URL, "https://pod.example.cn/v1"); })");
  const FunctionFacts& wrapper = functionNamed(tu, "set_opt");
  ASSERT_EQ(wrapper.sinks.size(), 1u);
  for (const StrVal& form : forms(wrapper.sinks[0].destination)) {
    ASSERT_FALSE(form.pieces.empty());
    EXPECT_EQ(form.pieces[0].kind, StrPiece::When);
    EXPECT_EQ(form.pieces[0].index, 1u);
    EXPECT_NE(form.pieces[0].text.find("POSTFIELDS"), std::string::npos);
  }
  bool aimed = false;
  for (const EffectFact& e : wrapper.effects)
    for (const StrVal& form : forms(e.str))
      aimed |= e.target == 0 && form.pieces.size() == 2 && form.pieces[0].kind == StrPiece::When &&
               form.pieces[0].text == "CURLOPT_URL" && form.pieces[1].kind == StrPiece::Param &&
               form.pieces[1].index == 2;
  EXPECT_TRUE(aimed);
  const ArgFact& url = functionNamed(tu, "caller").calls.at(0).args.at(2);
  EXPECT_EQ(url.modelText, "https://pod.example.cn/v1");  // a literal's bytes, as models match them
}

// `joins`: an item added to its parent while still empty is a view onto it; what is
// put into it afterwards is in the parent, also through a child of the item.
TEST(CallModels, APartJoinedToItsWholeCarriesLaterWritesIntoIt) {
  const TUFacts tu = extractSnippet(R"(
#include <cjson/cJSON.h>
void later(const Customer& c, int fd) {
  cJSON* root = cJSON_CreateObject();
  cJSON* to = cJSON_CreateObject();
  cJSON_AddItemToObject(root, "to", to);
  cJSON* contact = cJSON_AddObjectToObject(to, "contact");
  cJSON_AddStringToObject(contact, "email", c.email.c_str());
  const char* text = cJSON_Print(root);
  send(fd, text, 10, 0);
}
void apart(const Customer& c, int fd) {
  cJSON* root = cJSON_CreateObject();
  cJSON* to = cJSON_CreateObject();
  cJSON_AddStringToObject(to, "email", c.email.c_str());
  const char* text = cJSON_Print(root);
  send(fd, text, 10, 0);
})");
  const FunctionFacts& later = functionNamed(tu, "later");
  ASSERT_EQ(later.sinks.size(), 1u);
  EXPECT_TRUE(carries(later.sinks[0].data, "customer.contact"));
  const FunctionFacts& apart = functionNamed(tu, "apart");
  EXPECT_TRUE(apart.sinks.empty() || !carries(apart.sinks[0].data, "customer.contact"));
}

}  // namespace
}  // namespace egress
