// Summary building (extract/FunctionSummary.cpp): what a function leaves for its
// callers in its parameters, `this` and globals.
#include <gtest/gtest.h>

#include "ExtractedFacts.h"

namespace egress {
namespace {

using namespace test;

const EffectFact* effectOn(const FunctionFacts& f, unsigned target, const std::string& field) {
  for (const EffectFact& e : f.effects)
    if (e.target == target && e.field == field) return &e;
  return nullptr;
}

TEST(FunctionSummary, WritesThroughAReferenceParameterAreEffects) {
  const TUFacts tu = extractSnippet(R"(
void copy_contact(Customer& out, const Parcel& in) { out.email = in.recipient.email; })");
  const FunctionFacts& f = functionNamed(tu, "copy_contact");
  const EffectFact* e = effectOn(f, 0, "email");
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(readsParam(e->value, 1, "recipient.email"));
  EXPECT_EQ(effectOn(f, 0, "name"), nullptr);
}

TEST(FunctionSummary, AByValueParameterOrARepointedPointerLeavesNothing) {
  const TUFacts tu = extractSnippet(R"(
void by_value(Customer c, const Parcel& in) { c.email = in.recipient.email; }
void repointed(Customer* c, const Parcel& in) {
  Customer local;
  c = &local;
  c->email = in.recipient.email;
})");
  EXPECT_TRUE(functionNamed(tu, "by_value").effects.empty());
  EXPECT_TRUE(functionNamed(tu, "repointed").effects.empty());
}

TEST(FunctionSummary, ASetterLeavesItsArgumentInThisField) {
  const TUFacts tu = extractSnippet(R"(
struct Label { std::string to; void address(const Customer& c) { to = c.name; } };
void use(Label& l, const Customer& c) { l.address(c); })");
  const FunctionFacts& f = functionNamed(tu, "Label::address");
  const EffectFact* e = effectOn(f, kThisParam, "to");
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(readsParam(e->value, 0, "name"));
}

TEST(FunctionSummary, StoresIntoAMutableGlobalAreEffectsButNotItsOwnValueReadBack) {
  const TUFacts tu = extractSnippet(R"(
std::string g_last;
void remember(const Customer& c) { g_last = c.email; }
void keep() { g_last = g_last; })");
  const FunctionFacts& remember = functionNamed(tu, "remember");
  ASSERT_EQ(remember.effects.size(), 1u);
  EXPECT_EQ(remember.effects[0].target, kGlobalTarget);
  EXPECT_NE(remember.effects[0].field.find("g_last"), std::string::npos);
  EXPECT_TRUE(functionNamed(tu, "keep").effects.empty());
}

// Bytes read from outside into a classified field of a global (directly, or by a
// helper of the program handed them) are data of the field's categories in the
// effect: the input mark itself does not leave the function.
TEST(FunctionSummary, InputLeftInAClassifiedFieldOfAGlobalIsItsCategories) {
  const TUFacts tu = extractSnippet(R"(
struct Row { char email[64]; char depot[8]; };
Row g_rows[4];
void copy_text(char* dst, const char* src);
void load(FILE* f) {
  char line[64];
  fgets(line, sizeof line, f);
  copy_text(g_rows[0].email, line);
  fgets(g_rows[1].depot, sizeof g_rows[1].depot, f);
})");
  const FunctionFacts& load = functionNamed(tu, "load");
  const EffectFact* email = nullptr;
  const EffectFact* depot = nullptr;
  for (const EffectFact& e : load.effects) {
    if (e.target != kGlobalTarget) continue;
    if (e.field.find(".email") != std::string::npos) email = &e;
    if (e.field.find(".depot") != std::string::npos) depot = &e;
  }
  ASSERT_NE(email, nullptr);
  EXPECT_TRUE(carries(email->value, "customer.contact"));
  EXPECT_TRUE(depot == nullptr || depot->value.origins.empty());
}

TEST(FunctionSummary, AConstructorListsTheFieldsOfItsObjectWithItsBases) {
  const TUFacts tu = extractSnippet(R"(
struct Channel { std::string url; };
struct TrackingFeed : Channel { TrackingFeed(const std::string& u) { url = u; } int retries = 0; };)");
  const FunctionFacts& ctor = functionNamed(tu, "TrackingFeed::TrackingFeed");
  EXPECT_NE(std::find(ctor.recordFields.begin(), ctor.recordFields.end(), "url"), ctor.recordFields.end());
  EXPECT_NE(std::find(ctor.recordFields.begin(), ctor.recordFields.end(), "retries"), ctor.recordFields.end());
}

// The classes a constructor's fields hold, and those the members of a plain struct
// member hold (`Deps d_`, whose own implicit constructor records nothing); a struct
// with its own constructor records its fields itself.
TEST(FunctionSummary, AConstructorRecordsTheClassesItsFieldsHoldAndThoseOfAPlainStructMember) {
  const TUFacts tu = extractSnippet(R"(
struct Carrier { Carrier(); std::string url; };
struct Deps { Carrier* carrier; int retries; };
struct Wired { Wired(); Carrier* carrier; };
struct Service { Service(Deps d) : d_(d) {} Deps d_; Wired w_; Carrier* direct_ = nullptr; };)");
  const FunctionFacts& ctor = functionNamed(tu, "Service::Service");
  EXPECT_EQ(ctor.fieldClasses.at("direct_"), "c:@S@Carrier");
  EXPECT_EQ(ctor.fieldClasses.at("d_"), "c:@S@Deps");
  EXPECT_EQ(ctor.fieldClasses.at("d_.carrier"), "c:@S@Carrier");
  EXPECT_EQ(ctor.fieldClasses.count("d_.retries"), 0u);
  EXPECT_EQ(ctor.fieldClasses.count("w_.carrier"), 0u);
}

TEST(FunctionSummary, AnObjectReturnedByValueKeepsItsFieldsApart) {
  const TUFacts tu = extractSnippet(R"(
Parcel make(const Customer& c) {
  Parcel p;
  p.recipient.email = c.email;
  p.tracking_no = "DE-0001";
  return p;
})");
  const FunctionFacts& f = functionNamed(tu, "make");
  ASSERT_TRUE(f.retFields.count("recipient.email"));
  EXPECT_TRUE(readsParam(f.retFields.at("recipient.email"), 0, "email"));
  EXPECT_FALSE(f.retFields.count("tracking_no"));  // a constant carries nothing
}

// An input's record returned by value (`return req_;`, `return p;`) is that input's
// fields, one by one; a getter returning a reference hands out the member itself.
TEST(FunctionSummary, AnInputsRecordReturnedByValueIsItsFieldsOneByOne) {
  const TUFacts tu = extractSnippet(R"(
struct Builder {
  Parcel req_;
  Parcel build() const { return req_; }
  const Parcel& get() const { return req_; }
};
Parcel copy_of(const Parcel& p) { return p; })");
  const FunctionFacts& build = functionNamed(tu, "Builder::build");
  ASSERT_TRUE(build.retFields.count("tracking_no"));
  EXPECT_TRUE(readsParam(build.retFields.at("tracking_no"), kThisParam, "req_.tracking_no"));
  ASSERT_TRUE(build.retFieldStrs.count("recipient"));
  EXPECT_EQ(build.retFieldStrs.at("recipient").pieces.at(0).text, "req_.recipient");
  EXPECT_TRUE(functionNamed(tu, "Builder::get").retFields.empty());
  const FunctionFacts& copy = functionNamed(tu, "copy_of");
  ASSERT_TRUE(copy.retFields.count("recipient"));
  EXPECT_TRUE(readsParam(copy.retFields.at("recipient"), 0, "recipient"));
}

// Stores into string fields of a record through anything but `this` are kept with
// the record's name (link/RecordFields); so is which record field a parameter's
// field read names.
TEST(FunctionSummary, StoresIntoRecordFieldsNameTheRecord) {
  const TUFacts tu = extractSnippet(R"(
struct Exporter { const char* url; int sent; };
Exporter* make_exporter() {
  Exporter* e = new Exporter;
  e->url = "https://api.carrier.example.de/labels";
  e->sent = 0;
  return e;
}
void reset_exporter(Exporter* e) { e->url = nullptr; }
const char* url_of(const Exporter* e) { return e->url; })");
  const FunctionFacts& make = functionNamed(tu, "make_exporter");
  ASSERT_EQ(make.fieldStores.size(), 1u);  // the int field names no destination
  EXPECT_EQ(make.fieldStores[0].shown, "Exporter.url");
  EXPECT_EQ(displayStr(make.fieldStores[0].str), "https://api.carrier.example.de/labels");
  EXPECT_TRUE(functionNamed(tu, "reset_exporter").fieldStores.empty());  // emptied: no destination
  const auto& reads = functionNamed(tu, "url_of").paramFieldRecords;
  ASSERT_EQ(reads.count("0.url"), 1u);
  EXPECT_EQ(reads.at("0.url"), make.fieldStores[0].field);
}

}  // namespace
}  // namespace egress
