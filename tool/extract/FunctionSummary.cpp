// Summary building: what the function's exit state leaves for callers (effects on
// parameters, `this` and globals), the fields its objects have, and the guards on
// its parameters held at a sink or call site.
#include <algorithm>

#include <clang/AST/ASTContext.h>
#include <clang/AST/Decl.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/ExprCXX.h>
#include <clang/Basic/SourceManager.h>

#include "extract/FunctionAnalyzer.h"
#include "extract/Names.h"
#include "facts/TaintOps.h"

namespace egress {

// What the function leaves in its inputs: fields of `this`, and what reference or
// pointer parameters point to. Callers see it after the call (setters, out-params).
// Stores into mutable globals are kept too: readers anywhere may see them.
void FunctionAnalyzer::collectEffects(const State& exit) {
  for (const auto& [key, handlers] : connections_) facts_.effects.push_back({kGlobalTarget, key, {}, {}, handlers});
  for (const auto& [path, stored] : exit) {
    // Bytes from outside left in a field of a global or of an input are data of that
    // field's categories for whoever reads it later: the input mark itself stays here.
    AbsVal val = stored;
    if (val.taint.input) mergeTaint(val.taint, inputLeftIn(path));
    if (val.taint.empty() && !val.str.known() && !val.dest.known() && val.fns.empty()) continue;
    // Keyed with its element indexes (link/Globals.cpp reads the data index-blind).
    if (const std::string key = globalKey(path, false, true); !key.empty()) {
      const StrVal value = destinationOf(val);
      const bool str = value.known() && !isOnlyGlobal(value, key);
      Taint data = val.taint;  // its own old value read back adds nothing
      const std::string blind = indexBlind(key);
      data.params.erase(std::remove_if(data.params.begin(), data.params.end(),
                                       [&](const ParamRef& p) { return p.index == kGlobalParam && p.field == blind; }),
                        data.params.end());
      if (str || !val.fns.empty() || !data.empty())
        facts_.effects.push_back({kGlobalTarget, key, std::move(data), str ? value : StrVal{}, val.fns});
      continue;
    }
    const auto idx = paramIndex(path.root);
    if (!idx) continue;
    if (*idx != kThisParam) {
      const clang::ParmVarDecl* param = fn_->getParamDecl(*idx);
      const clang::QualType t = param->getType();
      if (!t->isReferenceType() && !t->isPointerType() && !isHandleType(t)) continue;
      if (repointed_.count(param)) continue;  // `p = &local;` wrote nothing of the caller's
    }
    // Functions too: a handler stored into the caller's object (`n.onSend = lambda`)
    // is what a later call through that field runs (Fixpoint::runPending).
    facts_.effects.push_back({*idx, path.fields, val.taint, destinationOf(val), val.fns});
  }
}

namespace {

// The record a value of `type` is, points to or holds elements of.
const clang::RecordDecl* recordHeld(clang::QualType type) {
  for (int hops = 0; hops < 4 && !type.isNull(); ++hops) {
    type = type.getNonReferenceType();
    if (const clang::RecordDecl* rd = type->getAsRecordDecl()) return rd->getDefinition();
    if (type->isPointerType()) type = type->getPointeeType();
    else if (type->isArrayType()) type = clang::QualType(type->getPointeeOrArrayElementType(), 0);
    else return nullptr;
  }
  return nullptr;
}

}  // namespace

// The field `path` ends at, walking its names from the root's record; null where a
// name is no field of the record it is looked up in.
const clang::FieldDecl* FunctionAnalyzer::fieldAtPath(const AccessPath& path) const {
  const clang::RecordDecl* record = nullptr;
  if (path.root == fn_) {
    if (const auto* method = llvm::dyn_cast<clang::CXXMethodDecl>(fn_)) record = method->getParent();
  } else if (const auto* var = llvm::dyn_cast_or_null<clang::VarDecl>(static_cast<const clang::Decl*>(path.root))) {
    record = recordHeld(var->getType());
  }
  const clang::FieldDecl* found = nullptr;
  for (llvm::StringRef rest = path.fields; record && !rest.empty();) {
    const auto [name, below] = rest.split('.');
    rest = below;
    if (name.starts_with("[#")) continue;  // an element: recordHeld() gave its record
    found = nullptr;
    for (const clang::FieldDecl* f : record->fields())
      if (f->getName() == name) found = f;
    if (!found) return nullptr;
    record = recordHeld(found->getType());
  }
  return found;
}

// The categories of the field `path` ends at, as data read from outside into it
// here (at the function).
Taint FunctionAnalyzer::inputLeftIn(const AccessPath& path) {
  Taint t;
  const clang::FieldDecl* field = path.fields.empty() ? nullptr : fieldAtPath(path);
  if (!field) return t;
  const std::string what = canonicalName(field);
  for (const std::string& c : ctx_.classifier.fieldCategories(field)) {
    Origin o{c, loc(field->getLocation()), what, {}, {}};
    o.path.push({loc(fn_->getLocation()), "read from outside the program into " + what + " (" + c + ")"});
    t.origins.push_back(std::move(o));
  }
  return t;
}

namespace {

// Whether a field of this type may name where data goes: a string, or a library's
// handle, held by pointer or by value (`CURL *`, `FILE *`, `uv_tcp_t`, `nng_socket`).
bool namesDestination(const clang::ASTContext& ast, clang::QualType type) {
  if (isStringLike(type)) return true;
  if (isSystemRecord(ast, type->getAsRecordDecl())) return true;
  const clang::QualType pointee = type->getPointeeType();
  return !pointee.isNull() && isSystemRecord(ast, pointee->getAsRecordDecl());
}

// The field `field` of one of the program's records, as FieldStoreFact names it,
// where it may name a destination; none for another field.
std::optional<std::pair<std::string, std::string>> recordFieldKey(const clang::ASTContext& ast,
                                                                  const clang::FieldDecl* field) {
  const clang::RecordDecl* owner = field->getParent();
  if (!namesDestination(ast, field->getType()) || owner->isUnion() || isSystemRecord(ast, owner)) return std::nullopt;
  std::string name = owner->getName().str();
  if (name.empty())
    if (const clang::TypedefNameDecl* alias = owner->getTypedefNameForAnonDecl()) name = alias->getName().str();
  const std::string member = field->getNameAsString();
  return std::make_pair(usrOf(owner) + "::" + member, name + "." + member);
}

}  // namespace

// A string stored into a field of a record through anything but `this` (ClassFields
// reads those): a heap object a local points at, a parameter's object. A reader no
// call shows (a vtable's method) may find the field's values by its record
// (link/RecordFields). Where the value is not known, the store says so.
void FunctionAnalyzer::noteFieldStore(const clang::Expr* target, const StrVal& value, const clang::Stmt* at) {
  const clang::MemberExpr* member = nullptr;
  const clang::FieldDecl* field = namedField(target, &member);
  if (!field || llvm::isa<clang::CXXThisExpr>(member->getBase()->IgnoreParenImpCasts())) return;
  const auto key = recordFieldKey(ctx_.ast, field);
  if (!key) return;
  fieldStores_[{at, key->first}] = FieldStoreFact{key->first, key->second, value.known() ? value : StrVal{}, loc(at)};
}

// A handle operand reached through a parameter's field (`(uv_stream_t *)&l->tcp`,
// `b->sock`), read at `path`: which record field its `${param:N.path}` names.
void FunctionAnalyzer::noteParamFieldAt(const clang::Expr* handle, const AccessPath& path) {
  if (const clang::FieldDecl* field = namedField(handle)) noteParamField(path, field);
}

// What `path` holds as a string (or names as a destination) in `s`: after a store,
// the value stored.
StrVal FunctionAnalyzer::storedString(const AccessPath& path, const State& s) {
  const auto stored = s.find(AccessPath{path.root, path.fields, false});
  return stored == s.end() ? StrVal{} : destinationOf(stored->second);
}

// A string field of a parameter's object read at `path`: which record's field the
// destination's `${param:N.path}` names.
void FunctionAnalyzer::noteParamField(const AccessPath& path, const clang::FieldDecl* field) {
  const std::optional<unsigned> index = paramIndex(path.root);
  if (!index || *index == kThisParam || path.weak || path.fields.empty()) return;
  if (const auto key = recordFieldKey(ctx_.ast, field))
    facts_.paramFieldRecords.emplace(std::to_string(*index) + "." + path.fields, key->first);
}

// The fields an object built by this constructor has, its bases' included: a field
// it lacks cannot be where an override of another class finds its destination.
void FunctionAnalyzer::recordFieldsOf(const clang::CXXRecordDecl* rd) {
  if (!rd || !rd->hasDefinition()) return;
  rd = rd->getDefinition();
  for (const clang::FieldDecl* f : rd->fields()) {
    facts_.recordFields.push_back(f->getNameAsString());
    // What class of the program the field holds: ClassFields reads `this.a.b` as
    // field b of that class.
    const clang::CXXRecordDecl* held = pointedRecord(f->getType());
    if (!held || ctx_.ast.getSourceManager().isInSystemHeader(held->getLocation())) continue;
    facts_.fieldClasses.emplace(f->getNameAsString(), usrOf(held));
    recordMemberClasses(f, held);
  }
  for (const clang::CXXBaseSpecifier& base : rd->bases())
    if (const auto* b = base.getType()->getAsCXXRecordDecl()) recordFieldsOf(b);
}

// A member that is a plain struct of the program holding other objects (`Deps d_;`
// with `std::shared_ptr<CarrierClient> carrier;`): no method of the struct says what
// its own members hold, so the classes they hold are recorded here, one level down
// (`d_.carrier`).
void FunctionAnalyzer::recordMemberClasses(const clang::FieldDecl* member, const clang::CXXRecordDecl* held) {
  if (!held->hasDefinition() || member->getType()->isPointerType()) return;
  held = held->getDefinition();
  if (held->hasUserDeclaredConstructor()) return;  // its constructors record their own fields
  for (const clang::FieldDecl* inner : held->fields()) {
    const clang::CXXRecordDecl* cls = pointedRecord(inner->getType());
    if (cls && !ctx_.ast.getSourceManager().isInSystemHeader(cls->getLocation()))
      facts_.fieldClasses.emplace(member->getNameAsString() + "." + inner->getNameAsString(), usrOf(cls));
  }
}

// A guard held on the path is kept in the state as an empty value under the
// parameter, at a field no record has ("?<op>:<value>"): joins keep it only where
// every incoming path has it (elsewhere it becomes partial).
std::string FunctionAnalyzer::guardField(const Guard& g) {
  return "?" + std::to_string(unsigned(g.op)) + ":" + std::to_string(g.value);
}

std::vector<Guard> FunctionAnalyzer::guardsHeld(const State& s) const {
  std::vector<Guard> out;
  for (const clang::ParmVarDecl* p : stableParams_) {
    const auto idx = paramIndex(p);
    if (!idx) continue;
    for (auto it = s.lower_bound(AccessPath{p, "?", false}); it != s.end() && it->first.root == p; ++it) {
      const std::string& f = it->first.fields;
      if (f.empty() || f[0] != '?') break;
      if (it->second.partial) continue;
      const std::size_t colon = f.find(':');
      out.push_back({*idx, Guard::Op(std::stoi(f.substr(1, colon - 1))), std::stoll(f.substr(colon + 1))});
    }
  }
  return out;
}

void FunctionAnalyzer::keepCommonGuards(std::vector<Guard>& into, const std::vector<Guard>& other) {
  into.erase(std::remove_if(into.begin(), into.end(),
                            [&](const Guard& g) { return std::find(other.begin(), other.end(), g) == other.end(); }),
             into.end());
}

}  // namespace egress
