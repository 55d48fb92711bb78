// Fields of a parameter's object in a function no call shows, resolved from every
// store into that field of that record (link/RecordFields.cpp), through the whole
// link on hand-written facts.
#include "link/RecordFields.h"

#include <gtest/gtest.h>

#include "FactsBuilder.h"
#include "link/Linker.h"

namespace egress {
namespace {

using namespace test;

const std::string kLabelUrl = "c:@SA@CarrierExporter::label_url";

StrVal paramFieldStr(unsigned index, const std::string& field) { return StrVal{{{StrPiece::Param, field, index}}, {}}; }

FieldStoreFact storeOf(StrVal value, unsigned line) {
  return FieldStoreFact{kLabelUrl, "CarrierExporter.label_url", std::move(value), at(line)};
}

// on_sorted() runs through a vtable (nobody calls it): it posts to
// `((CarrierExporter *)e)->label_url`.
FunctionFacts vtableMethod() {
  FunctionFacts onSorted = function("carrier_on_sorted", 2);
  onSorted.paramFieldRecords = {{"0.label_url", kLabelUrl}};
  onSorted.sinks = {sink(dataOf("customer.address", "Waybill::street"), paramFieldStr(0, "label_url"), 30)};
  return onSorted;
}

TEST(RecordFields, AFieldEveryStoreOfTheRecordKnowsIsThoseValues) {
  FunctionFacts make = function("carrier_exporter_new", 0);
  make.fieldStores = {storeOf(host("https://api.carrier.example.de/labels"), 12)};
  const std::vector<Flow> flows = link({unit({make, vtableMethod()})});
  ASSERT_FALSE(flows.empty());
  for (const Flow& flow : flows) {
    EXPECT_EQ(displayStr(flow.destination), "https://api.carrier.example.de/labels");
    // The evidence says where the value was set.
    ASSERT_EQ(flow.callChain.size(), 1u);
    EXPECT_EQ(flow.callChain[0].note, "`CarrierExporter.label_url` is set in carrier_exporter_new()");
    EXPECT_EQ(flow.callChain[0].loc.line, 12u);
  }
}

TEST(RecordFields, OneUnknownStoreLeavesTheFieldUnresolved) {
  FunctionFacts make = function("carrier_exporter_new", 0);
  make.fieldStores = {storeOf(host("https://api.carrier.example.de/labels"), 12)};
  FunctionFacts reload = function("carrier_reload", 1);
  reload.fieldStores = {storeOf(StrVal{}, 40)};  // read from a file
  const std::vector<Flow> flows = link({unit({make, reload, vtableMethod()})});
  ASSERT_FALSE(flows.empty());
  for (const Flow& flow : flows) EXPECT_EQ(displayStr(flow.destination), "${param:0.label_url}");
}

TEST(RecordFields, AStoredParameterIsWhatItsCallersPass) {
  FunctionFacts setUrl = function("carrier_set_url", 2);
  setUrl.fieldStores = {storeOf(paramStr(1), 20)};
  FunctionFacts init = function("hub_init", 0);
  init.calls = {call(0, setUrl, {arg({}), arg({}, host("https://labels.example.cn"))}, 50)};
  const std::vector<Flow> flows = link({unit({setUrl, init, vtableMethod()})});
  ASSERT_FALSE(flows.empty());
  for (const Flow& flow : flows) EXPECT_EQ(displayStr(flow.destination), "https://labels.example.cn");
}

// The method hands its object to a helper, which reads the field: the piece left in
// the method is typed by the helper's read.
TEST(RecordFields, AFieldReadByAHelperTheObjectIsHandedToIsTyped) {
  FunctionFacts make = function("carrier_exporter_new", 0);
  make.fieldStores = {storeOf(host("https://api.carrier.example.de/labels"), 12)};
  FunctionFacts helper = function("post_label", 1);
  helper.paramFieldRecords = {{"0.label_url", kLabelUrl}};
  FunctionFacts onSorted = function("carrier_on_sorted", 2);
  onSorted.calls = {call(0, helper, {forwarded(0)}, 30)};
  onSorted.sinks = {sink(dataOf("customer.address", "Waybill::street"), paramFieldStr(0, "label_url"), 31)};
  const std::vector<Flow> flows = link({unit({make, helper, onSorted})});
  ASSERT_FALSE(flows.empty());
  for (const Flow& flow : flows) EXPECT_EQ(displayStr(flow.destination), "https://api.carrier.example.de/labels");
}

// Handed on as a field of the object (`post_label(&job->exporter)`): the rest of
// the path below that field is what the helper reads.
TEST(RecordFields, AFieldOfAFieldHandedOnIsTypedBelowIt) {
  FunctionFacts make = function("carrier_exporter_new", 0);
  make.fieldStores = {storeOf(host("https://api.carrier.example.de/labels"), 12)};
  FunctionFacts helper = function("post_label", 1);
  helper.paramFieldRecords = {{"0.label_url", kLabelUrl}};
  ArgFact exporter = forwarded(0);
  exporter.root.field = "exporter";
  FunctionFacts pickup = function("request_pickup_idle", 1);
  pickup.calls = {call(0, helper, {exporter}, 30)};
  pickup.sinks = {sink(dataOf("customer.address", "Waybill::street"), paramFieldStr(0, "exporter.label_url"), 31)};
  const std::vector<Flow> flows = link({unit({make, helper, pickup})});
  ASSERT_FALSE(flows.empty());
  for (const Flow& flow : flows) EXPECT_EQ(displayStr(flow.destination), "https://api.carrier.example.de/labels");
}

}  // namespace
}  // namespace egress
