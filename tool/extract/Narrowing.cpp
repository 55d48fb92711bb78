// Call atoms narrowed to a field: reading `second` of what `ledger.last()` returned,
// or `len` of an object after `p.set(x)`, is that field of the call's value, which
// the link answers field by field from the callee's summary (Substitution.cpp). Only
// atoms known to stand for a whole object of the record that has the field are
// narrowed: an atom merged into another object's value (a constructor's inputs) is
// left whole, which is sound.
#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclCXX.h>

#include "extract/FunctionAnalyzer.h"
#include "extract/Names.h"
#include "facts/TaintOps.h"

namespace egress {
namespace {

const clang::RecordDecl* recordOf(clang::QualType type) {
  if (type.isNull()) return nullptr;
  type = type.getNonReferenceType();
  if (type->isPointerType()) type = type->getPointeeType();
  const clang::RecordDecl* rd = type.getCanonicalType()->getAsRecordDecl();
  return rd ? rd->getDefinition() : nullptr;
}

// `atom` is an object of `owner` or of a class derived from it.
bool isA(const clang::RecordDecl* atom, const clang::RecordDecl* owner) {
  if (!atom || !owner) return false;
  if (atom->getCanonicalDecl() == owner->getCanonicalDecl()) return true;
  return derivesFrom(llvm::dyn_cast<clang::CXXRecordDecl>(atom), llvm::dyn_cast<clang::CXXRecordDecl>(owner));
}

// A container of pairs or tuples (a map) keeps its elements' parts at its own
// `first`, `second` or `#N` (CallModels.cpp, storeHalves): its element is the
// record whose part is read.
const clang::RecordDecl* elementRecordOf(const clang::RecordDecl* container) {
  if (!container) return nullptr;
  return partedElementOf(container->getASTContext().getRecordType(container));
}

bool narrowable(const CallRef& ref) { return ref.slot != kAnyCallSlot && ref.slot != kHeldSlot; }

// The field of `record` named `name`, or null.
const clang::FieldDecl* fieldNamed(const clang::RecordDecl* record, llvm::StringRef name) {
  for (const clang::FieldDecl* f : record->fields())
    if (f->getName() == name) return f;
  return nullptr;
}

// The type of field path `path` ("last_.first") below `record`; null past what the
// program's records declare (a library type's internals, an element `#1`).
clang::QualType typeBelow(const clang::RecordDecl* record, llvm::StringRef path) {
  clang::QualType type;
  while (record && !path.empty()) {
    const auto [name, rest] = path.split('.');
    if (name.starts_with("[#")) {  // an element of an array (facts/TaintOps.h indexField)
      path = rest;
      continue;
    }
    const clang::FieldDecl* found = fieldNamed(record, name);
    if (!found) return {};
    type = found->getType();
    record = recordOf(type);
    path = rest;
  }
  return path.empty() ? type : clang::QualType();
}

}  // namespace

void FunctionAnalyzer::noteCallRecord(const CallRef& ref, clang::QualType type) {
  if (!narrowable(ref)) return;
  if (const clang::RecordDecl* rd = recordOf(type)) callRecords_[{ref.site, ref.slot, ref.field}] = rd;
}

void FunctionAnalyzer::noteFieldRecord(const CallRef& part) {
  const auto whole = callRecords_.find({part.site, part.slot, ""});
  if (whole != callRecords_.end()) noteCallRecord(part, typeBelow(whole->second, part.field));
}

void FunctionAnalyzer::narrowCalls(Taint& t, const clang::RecordDecl* record, const std::string& field,
                                   clang::QualType fieldType) {
  const clang::RecordDecl* owner = record ? record->getDefinition() : nullptr;
  if (!owner || field.empty()) return;
  for (CallRef& ref : t.calls) {
    if (!narrowable(ref)) continue;
    const auto known = callRecords_.find({ref.site, ref.slot, ref.field});
    if (known == callRecords_.end()) continue;
    if (!isA(known->second, owner) && !isA(elementRecordOf(known->second), owner)) continue;
    std::string narrowed = joinFieldBounded(ref.field, field);
    if (narrowed == ref.field) continue;  // past the field depth: stays as it is
    ref.field = std::move(narrowed);
    noteCallRecord(ref, fieldType);
  }
}

// Field path `below` ("one.code") of the call atoms of an object stored whole
// (`const Snapshot snap = load();` read as `snap.one.code`), a field at a time while
// the records tell the field apart; the rest of the path stays whole, which is sound.
void FunctionAnalyzer::narrowCallsBelow(Taint& t, llvm::StringRef below) {
  while (!below.empty()) {
    const auto [name, rest] = below.split('.');
    const clang::FieldDecl* field = nullptr;
    for (const CallRef& ref : t.calls) {
      const auto known = narrowable(ref) ? callRecords_.find({ref.site, ref.slot, ref.field}) : callRecords_.end();
      if (known == callRecords_.end()) continue;
      if ((field = fieldNamed(known->second, name))) break;
    }
    if (!field) return;
    narrowCalls(t, field->getParent(), name.str(), field->getType());
    below = rest;
  }
}

// `std::get<1>(ledger.last())`: the element selected of the call's result.
void FunctionAnalyzer::narrowToElement(const CallView& call, Taint& t) {
  const clang::RecordDecl* record = nullptr;
  if (auto element = selectedElement(call, &record)) narrowCalls(t, record, *element, call.expr->getType());
}

}  // namespace egress
