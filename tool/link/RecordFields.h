// The strings the program stores in a field of one of its records, wherever the
// object is. A destination still naming a field of a parameter's object in a
// function no call shows (a vtable's method in C: `((CarrierExporter *)e)->label_url`)
// gets them, where every store into that field of that record is known.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "facts/Facts.h"
#include "link/CallGraph.h"

namespace egress {

class ClassFields;

class RecordFields {
 public:
  // `classes` resolves a stored value in the function storing it (its parameters
  // by what callers pass, its calls' results by the callees).
  RecordFields(const CallGraph& graph, const ClassFields& classes) : graph_(graph), classes_(classes) {}
  // `destination`, found in function `f`, with its pieces naming a string field of
  // a parameter's object (FunctionFacts::paramFieldRecords) replaced by what the
  // program stores in that field of that record; other pieces as they were. `why`
  // gets a step per store used ("`CarrierExporter.label_url` is set in new()").
  StrVal resolve(FunctionId f, const StrVal& destination, Path& why) const;
  // What the program stores in the record field `${param:PARAM.PATH}` of `f` names,
  // if it names one and every store of it is known.
  std::optional<StrVal> paramField(FunctionId f, unsigned param, const std::string& path, Path& why) const;

 private:
  std::optional<StrVal> storedIn(const std::string& field, Path& why) const;
  const std::string* recordFieldAt(FunctionId f, unsigned param, const std::string& path, unsigned depth) const;

  const CallGraph& graph_;
  const ClassFields& classes_;
  // FieldStoreFact::field -> every store of it, with the storing function; built once.
  mutable std::map<std::string, std::vector<std::pair<FunctionId, const FieldStoreFact*>>> stores_;
  mutable bool indexed_ = false;
};

}  // namespace egress
