#include <algorithm>
// What an expression may carry, given the state before it. Pure: effects live in
// FunctionAnalyzer.cpp and Calls.cpp.
#include <clang/AST/ASTContext.h>
#include <clang/AST/Decl.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/Basic/SourceManager.h>
#include <llvm/ADT/StringExtras.h>

#include "extract/ConstantText.h"
#include "extract/FunctionAnalyzer.h"
#include "extract/Guards.h"
#include "extract/Names.h"
#include "extract/Singletons.h"
#include "facts/TaintOps.h"

namespace egress {
namespace {

constexpr unsigned kMaxGlobalDepth = 4;
constexpr unsigned kMaxEvalDepth = 10000;

const clang::Expr* strip(const clang::Expr* e) {
  while (true) {
    const clang::Expr* next = e->IgnoreParens();
    if (const auto* c = llvm::dyn_cast<clang::CastExpr>(next)) next = c->getSubExpr();
    else if (const auto* m = llvm::dyn_cast<clang::MaterializeTemporaryExpr>(next)) next = m->getSubExpr();
    else if (const auto* b = llvm::dyn_cast<clang::CXXBindTemporaryExpr>(next)) next = b->getSubExpr();
    else if (const auto* w = llvm::dyn_cast<clang::ExprWithCleanups>(next)) next = w->getSubExpr();
    else if (const auto* d = llvm::dyn_cast<clang::CXXDefaultArgExpr>(next)) next = d->getExpr();
    else if (const auto* di = llvm::dyn_cast<clang::CXXDefaultInitExpr>(next)) next = di->getExpr();
    if (next == e) return e;
    e = next;
  }
}

// The record a library template holds (std::vector<Visit>, std::optional<Stop>):
// its first type argument, when that is a record.
const clang::RecordDecl* elementRecord(const clang::RecordDecl* rd) {
  const clang::QualType element = firstTypeArgument(rd);
  return element.isNull() ? nullptr : element->getAsRecordDecl();
}

// The record a value of `type` holds: its own, or each element's for an array of
// records (`struct bag_rec slot[64]`), whose elements share the array's path.
const clang::RecordDecl* heldRecord(clang::QualType type) {
  if (const auto* array = type->getAsArrayTypeUnsafe()) return heldRecord(array->getElementType());
  return type->getAsRecordDecl();
}

// Field names on a path; an element index (`[#1]`, facts/TaintOps.h) is none.
unsigned depthOf(const std::string& fields) {
  unsigned depth = 0;
  for (llvm::StringRef rest = fields; !rest.empty();) {
    const auto [name, below] = rest.split('.');
    depth += name.starts_with("[#") ? 0 : 1;
    rest = below;
  }
  return depth;
}

void unionInto(AbsVal& into, const AbsVal& v) {
  mergeTaint(into.taint, v.taint);
  addAlternatives(into.str, v.str);
  addAlternatives(into.dest, v.dest);
  for (const auto& f : v.fns)
    if (std::find(into.fns.begin(), into.fns.end(), f) == into.fns.end()) into.fns.push_back(f);
}

bool isLambdaBody(const clang::FunctionDecl* fn) {
  const auto* m = llvm::dyn_cast_or_null<clang::CXXMethodDecl>(fn);
  return m && m->getParent()->isLambda();
}

// The field path one level up (`a.b` -> `a`, `a` -> the root ``); none above the root.
std::optional<std::string> parentPath(const std::string& fields) {
  if (fields.empty()) return std::nullopt;
  const auto dot = fields.rfind('.');
  return dot == std::string::npos ? "" : fields.substr(0, dot);
}

}  // namespace

std::optional<unsigned> FunctionAnalyzer::paramIndex(const void* root) const {
  if (!fn_) return std::nullopt;
  if (root == fn_) return kThisParam;
  for (unsigned i = 0; i < fn_->getNumParams(); ++i)
    if (fn_->getParamDecl(i) == root) return i;
  return std::nullopt;
}

// The index of an array element as a key: a constant's value, or `<argN>` for a
// parameter the function never changes (each call site names it).
std::optional<std::string> FunctionAnalyzer::elementIndex(const clang::Expr* index) const {
  index = index->IgnoreParenCasts();
  clang::Expr::EvalResult value;
  if (!index->isValueDependent() && index->EvaluateAsInt(value, ctx_.ast))
    return llvm::toString(value.Val.getInt(), 10);
  const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(index);
  const auto* param = ref ? llvm::dyn_cast<clang::ParmVarDecl>(ref->getDecl()) : nullptr;
  if (!param || !stableParams_.count(param)) return std::nullopt;
  const std::optional<unsigned> at = paramIndex(param);
  return at ? std::optional<std::string>(keyParam(*at)) : std::nullopt;
}

// `it->second` of an iterator a keyed lookup returned: the element `[key]` of a map
// is its mapped value already.
bool FunctionAnalyzer::isMappedHalfOfKeyedElement(const AccessPath& base, const clang::MemberExpr& m) {
  const std::size_t dot = base.fields.rfind('.');
  const llvm::StringRef last = llvm::StringRef(base.fields).substr(dot == std::string::npos ? 0 : dot + 1);
  if (!last.starts_with("[") || last.starts_with("[#") || m.getMemberDecl()->getName() != "second") return false;
  const auto* record = llvm::dyn_cast<clang::CXXRecordDecl>(m.getMemberDecl()->getDeclContext());
  return record && record->getQualifiedNameAsString() == "std::pair";
}

// The parameter `e` names, where the function never changes it (a scalar it never
// assigns, or a const one: `const std::string& channel`).
std::optional<unsigned> FunctionAnalyzer::constantParam(const clang::Expr* e) const {
  const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(e->IgnoreParenImpCasts());
  const auto* param = ref ? llvm::dyn_cast<clang::ParmVarDecl>(ref->getDecl()) : nullptr;
  if (!param || ref->refersToEnclosingVariableOrCapture()) return std::nullopt;
  if (!stableParams_.count(param) && !param->getType().getNonReferenceType().isConstQualified()) return std::nullopt;
  return paramIndex(param);
}

// `this`: the function's object; in a lambda, the enclosing object it captured,
// kept in the closure's field "this" (FunctionAnalyzer::storeClosure).
AccessPath FunctionAnalyzer::thisPath() const { return AccessPath{fn_, isLambdaBody(fn_) ? "this" : "", false}; }

std::optional<AccessPath> FunctionAnalyzer::lvalue(const clang::Expr* e) {
  auto alias = aliases_.find(e);
  if (alias != aliases_.end()) return alias->second;
  if (const clang::CXXRecordDecl* single = singletonObjectOf(e)) return AccessPath{single, "", false};
  e = strip(e);
  alias = aliases_.find(e);
  if (alias != aliases_.end()) return alias->second;
  if (const auto* dr = llvm::dyn_cast<clang::DeclRefExpr>(e)) {
    const auto* v = llvm::dyn_cast<clang::VarDecl>(dr->getDecl());
    if (!v) return std::nullopt;
    // Inside a lambda, a captured variable is a field of the closure (`this`).
    if (dr->refersToEnclosingVariableOrCapture() && isLambdaBody(fn_))
      return AccessPath{fn_, v->getNameAsString(), false};
    auto a = aliases_.find(v);
    if (a != aliases_.end()) return a->second;
    return AccessPath{v, "", false};
  }
  if (llvm::isa<clang::CXXThisExpr>(e)) return thisPath();
  if (const auto* m = llvm::dyn_cast<clang::MemberExpr>(e)) {
    auto base = lvalue(m->getBase());
    if (!base) return std::nullopt;
    if (!llvm::isa<clang::FieldDecl>(m->getMemberDecl())) return base;
    // The members of a union share their storage: what is written through one is
    // read through any other (a frame filled as `task`, sent as `raw`).
    if (llvm::cast<clang::FieldDecl>(m->getMemberDecl())->getParent()->isUnion()) {
      base->weak = true;
      return base;
    }
    if (depthOf(base->fields) >= kMaxFieldDepth) {
      noteLimit(Limit::FieldDepth);
      return AccessPath{base->root, base->fields, true};
    }
    if (isMappedHalfOfKeyedElement(*base, *m)) return base;
    base->fields += (base->fields.empty() ? "" : ".") + m->getMemberDecl()->getNameAsString();
    if (auto held = fieldPointees_.find(*base); held != fieldPointees_.end()) return held->second;
    return base;
  }
  if (const auto* sub = llvm::dyn_cast<clang::ArraySubscriptExpr>(e)) {
    auto base = lvalue(sub->getBase());
    if (!base) return base;
    // An element of a global table picked by a constant or a parameter keeps its
    // own values (`g_conn[CH_TMS]`); any other element stands for all of them.
    const std::optional<std::string> index =
        !base->weak && globalRootOf(*base) ? elementIndex(sub->getIdx()) : std::nullopt;
    if (index) base->fields += (base->fields.empty() ? "" : ".") + indexField(*index);
    else base->weak = true;
    return base;
  }
  // `buf ? buf + len : NULL` (a measuring pass of vsnprintf first): the buffer.
  if (const auto* c = llvm::dyn_cast<clang::ConditionalOperator>(e)) {
    const auto isNull = [&](const clang::Expr* arm) {
      return arm->isNullPointerConstant(ctx_.ast, clang::Expr::NPC_ValueDependentIsNotNull) !=
             clang::Expr::NPCK_NotNull;
    };
    const clang::Expr* only = isNull(c->getFalseExpr())  ? c->getTrueExpr()
                              : isNull(c->getTrueExpr()) ? c->getFalseExpr()
                                                         : nullptr;
    auto base = only ? lvalue(only) : std::nullopt;
    if (base) base->weak = true;
    return base;
  }
  // `out + off`: a position inside the same buffer (a hand-written encoder).
  if (const auto* b = llvm::dyn_cast<clang::BinaryOperator>(e);
      b && b->isAdditiveOp() && b->getType()->isPointerType()) {
    const clang::Expr* pointer = b->getLHS()->getType()->isPointerType() ? b->getLHS() : b->getRHS();
    auto base = lvalue(pointer);
    if (base) base->weak = true;
    return base;
  }
  if (const auto* u = llvm::dyn_cast<clang::UnaryOperator>(e)) {
    if (u->getOpcode() != clang::UO_Deref && u->getOpcode() != clang::UO_AddrOf) return std::nullopt;
    auto base = lvalue(u->getSubExpr());
    if (base && u->getOpcode() == clang::UO_Deref) {
      base->weak = true;
      // `**pp`: `*pp` names the local pointer itself; this is what it points at.
      if (const auto* inner = llvm::dyn_cast<clang::UnaryOperator>(u->getSubExpr()->IgnoreParenImpCasts());
          inner && inner->getOpcode() == clang::UO_Deref && base->fields.empty())
        if (auto aimed = aliases_.find(base->root); aimed != aliases_.end()) return aimed->second;
    }
    return base;
  }
  if (const auto* call = llvm::dyn_cast<clang::CallExpr>(e)) {
    // A call returning a reference names (part of) its object or first operand:
    // `s.append(x)`, `v.back()`, `out << x`, `j["key"]`, `*it`; so does a smart
    // pointer's `->` or `*`.
    if (auto view = aliasedOperand(call)) return view;
    if (auto field = getterField(callView(call))) return field;
    const auto* op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(call);
    const bool deref = op && (op->getOperator() == clang::OO_Arrow || op->getOperator() == clang::OO_Star);
    if (!deref && !call->isLValue() && !call->getCallReturnType(ctx_.ast)->isReferenceType()) return std::nullopt;
    const clang::Expr* object = nullptr;
    if (const auto* mc = llvm::dyn_cast<clang::CXXMemberCallExpr>(call)) object = mc->getImplicitObjectArgument();
    else if (call->getNumArgs() > 0) object = call->getArg(0);
    if (!object) return std::nullopt;
    auto base = lvalue(object);
    if (!base) return base;
    base->weak = true;
    const CallView view = callView(call);
    if (auto element = elementField(view)) {
      appendField(*base, *element);
    } else if (call->getCallReturnType(ctx_.ast)->isReferenceType() && !halvesModels(view).empty()) {
      appendField(*base, "second");  // `m[key]` of a container of pairs: the mapped half
      base->weak = true;
    }
    return base;
  }
  return std::nullopt;
}

// The element a map call names under a constant key (`stores.at("eu")`): the field
// `[eu]` of the map's path. With `paramKeys`, a key that is this function's constant
// parameter N names `[<argN>]` (a lookup `find(channel)`), for each caller to name.
std::optional<std::string> FunctionAnalyzer::elementField(const CallView& view, bool paramKeys) {
  if (!view.callee) return std::nullopt;
  if (auto element = selectedElement(view)) return element;
  for (const ApiModel* m : ctx_.apis.modelsFor(view.callee)) {
    if (!m->elementKey || !conditionHolds(*m, view)) continue;
    const clang::Expr* key = operandExpr(view, *m->elementKey);
    if (auto param = paramKeys && key ? constantParam(key) : std::nullopt) return "[" + keyParam(*param) + "]";
    const StrVal k = key ? eval(key, State{}).str : StrVal{};
    if (!k.alts.empty() || k.pieces.size() != 1 || k.pieces[0].kind != StrPiece::Const) return std::nullopt;
    std::string name = k.pieces[0].text.substr(0, 64);
    std::replace(name.begin(), name.end(), '.', '_');  // '.' separates fields
    return "[" + name + "]";
  }
  return std::nullopt;
}

// `std::get<1>(pair)` or `std::get<int>(pair)`: the element a model's `element-of`
// operand has at the index (or of the type) the call's first template argument
// gives. `of` receives that operand's record.
std::optional<std::string> FunctionAnalyzer::selectedElement(const CallView& view, const clang::RecordDecl** of) {
  const clang::TemplateArgumentList* targs = view.callee->getTemplateSpecializationArgs();
  if (!targs || targs->size() == 0) return std::nullopt;
  const clang::TemplateArgument& which = (*targs)[0];
  if (which.getKind() != clang::TemplateArgument::Integral && which.getKind() != clang::TemplateArgument::Type)
    return std::nullopt;
  for (const ApiModel* m : ctx_.apis.modelsFor(view.callee)) {
    if (!m->elementOf || !conditionHolds(*m, view)) continue;
    const clang::Expr* object = operandExpr(view, *m->elementOf);
    const auto* record = object ? object->getType().getNonReferenceType()->getAsRecordDecl() : nullptr;
    if (!record) return std::nullopt;
    std::optional<unsigned> index;
    if (which.getKind() == clang::TemplateArgument::Integral) index = unsigned(which.getAsIntegral().getZExtValue());
    else index = elementIndexOfType(record, which.getAsType());
    if (!index) return std::nullopt;
    if (of) *of = record;
    return elementName(record, *index);
  }
  return std::nullopt;
}

// A part of a library aggregate read through a weak path (`kv.first` of a map's
// entry) when its sibling parts were stored apart (the halves of a container of
// pairs): what was stored at that part and what the whole holds, not the siblings.
std::optional<AbsVal> FunctionAnalyzer::partApart(const AccessPath& p, clang::QualType type, const State& s) {
  if (p.fields.empty()) return std::nullopt;
  const std::size_t dot = p.fields.rfind('.');
  const std::string parent = dot == std::string::npos ? "" : p.fields.substr(0, dot);
  const std::string own = p.fields.substr(parent.empty() ? 0 : dot + 1);
  const std::string prefix = parent.empty() ? "" : parent + ".";
  bool apart = false;
  for (auto it = s.lower_bound(AccessPath{p.root, prefix, false}); it != s.end() && it->first.root == p.root; ++it) {
    const std::string& f = it->first.fields;
    if (f.compare(0, prefix.size(), prefix) != 0) break;
    if (f.size() == prefix.size()) continue;
    const std::string child = f.substr(prefix.size(), f.find('.', prefix.size()) - prefix.size());
    if (child != own) {
      apart = true;
      break;
    }
  }
  if (!apart) return std::nullopt;
  AbsVal v = evalPath(AccessPath{p.root, p.fields, false}, type, s);
  if (auto whole = s.find(AccessPath{p.root, parent, false}); whole != s.end()) unionInto(v, whole->second);
  return v;
}

// Adds a field below `p` (strong: one element of a keyed map is known exactly).
void FunctionAnalyzer::appendField(AccessPath& p, const std::string& field) {
  if (depthOf(p.fields) >= kMaxFieldDepth) {
    noteLimit(Limit::FieldDepth);
    return;
  }
  p.fields += (p.fields.empty() ? "" : ".") + field;
  p.weak = false;
}

// A library call modelled with `alias` returns a view into one of its operands
// (`zmq_msg_data(&m)`, `buf.data()`): writes through the result reach that operand.
std::optional<AccessPath> FunctionAnalyzer::aliasedOperand(const clang::CallExpr* call) {
  const CallView view = callView(call);
  if (!view.callee) return std::nullopt;
  for (const ApiModel* m : ctx_.apis.modelsFor(view.callee)) {
    if (!m->aliasOf || !conditionHolds(*m, view)) continue;
    const clang::Expr* target = operandExpr(view, *m->aliasOf);
    auto path = target ? lvalue(target) : std::nullopt;
    if (!path) return path;
    path->weak = true;
    // A lookup under a key (`it = sinks_.find(channel)`): the iterator is that
    // element, under a constant or under the parameter each caller names.
    if (auto element = elementField(view, true)) appendField(*path, *element);
    return path;
  }
  return std::nullopt;
}

Taint FunctionAnalyzer::fieldSource(const clang::FieldDecl* f, const clang::Expr* at) {
  Taint t;
  const auto& cats = ctx_.classifier.fieldCategories(f);
  if (cats.empty()) return t;
  const std::string what = canonicalName(f);
  const SourceLoc src = loc(f->getLocation());
  const SourceLoc here = loc(at);
  for (const std::string& c : cats) {
    Origin o{c, src, what, {}, currentGuards_};
    o.path.push({here, "reads " + what + " (" + c + ")"});
    t.origins.push_back(std::move(o));
  }
  return t;
}

// A field of an input classified by its name (`d.shipment.awb` of a parameter) is
// data only where the caller's value there may be: a caller that stored constants
// there (a self-test's sample record) does not get it (Substitution::guardsAtCall).
void FunctionAnalyzer::holdsDataOfInput(const AccessPath& p, Taint& t) const {
  const std::optional<unsigned> index = paramIndex(p.root);
  if (!index || *index == kThisParam || p.fields.empty() || t.origins.empty()) return;
  Guard g;
  g.param = *index;
  g.op = Guard::HoldsData;
  g.field = p.fields;
  for (Origin& o : t.origins) addGuard(o.guards, g);
}

// The nearest part of `p` above it that this function stored whole holds nothing
// that could be data (`probe.position = kDepot;` read at `probe.position.lon`). A
// path cut at the depth bound is itself such a part (not one weak as an element of
// many: a store there may have missed the element read). The object itself does
// not count: a record declared and never filled (`Parcel p;`) stands for whatever
// its fields are named after.
bool FunctionAnalyzer::constantAbove(const AccessPath& p, const State& s) {
  const bool cut = p.weak && depthOf(p.fields) >= kMaxFieldDepth;
  for (auto part = cut ? std::optional(p.fields) : parentPath(p.fields); part && !part->empty();
       part = parentPath(*part)) {
    const auto stored = s.find(AccessPath{p.root, *part, false});
    if (stored == s.end()) continue;
    const AbsVal& v = stored->second;
    return !v.partial && v.taint.empty() && !v.taint.input && v.fns.empty();
  }
  return false;
}

bool FunctionAnalyzer::inConstantGlobal(const AccessPath& p) {
  const auto* var = llvm::dyn_cast_or_null<clang::VarDecl>(static_cast<const clang::Decl*>(p.root));
  if (!var || !var->hasGlobalStorage() || !var->getType().isConstQualified()) return false;
  const clang::Expr* init = var->getAnyInitializer();
  return init && init->isConstantInitializer(var->getASTContext(), false);
}

// A field read inside a classified record-typed field carries that field's
// categories: `recipient.drop_point.lat` is customer.location because drop_point is.
Taint FunctionAnalyzer::enclosingFieldSources(const clang::Expr* object, const clang::Expr* at) {
  Taint t;
  for (const auto* base = llvm::dyn_cast<clang::MemberExpr>(object->IgnoreParenImpCasts()); base;
       base = llvm::dyn_cast<clang::MemberExpr>(base->getBase()->IgnoreParenImpCasts())) {
    const auto* f = llvm::dyn_cast<clang::FieldDecl>(base->getMemberDecl());
    if (f && f->getType()->isRecordType()) mergeTaint(t, fieldSource(f, at));
  }
  return t;
}

// The union of a record's fields, each as stored in the state or else as classified.
Taint FunctionAnalyzer::recordFields(const AccessPath& p, const clang::RecordDecl* rd, const State& s, unsigned depth,
                                     const clang::Expr* at) {
  Taint t;
  if (rd && isSystemRecord(ctx_.ast, rd)) rd = elementRecord(rd);  // std::vector<Visit>: its Visits
  if (!rd || isSystemRecord(ctx_.ast, rd) || inConstantGlobal(p)) return t;
  if (depth >= kMaxFieldDepth) {
    noteLimit(Limit::FieldDepth);
    return t;
  }
  rd = rd->getDefinition() ? rd->getDefinition() : rd;
  for (const clang::FieldDecl* f : rd->fields()) {
    AccessPath fp{p.root, p.fields.empty() ? f->getNameAsString() : p.fields + "." + f->getNameAsString(), false};
    auto stored = s.find(fp);
    if (stored != s.end()) {
      mergeTaint(t, stored->second.taint);
      mergeTaint(t, inputSource(f, stored->second, at));
      if (!stored->second.partial) continue;
    }
    mergeTaint(t, fieldSource(f, at));
    if (const auto* sub = heldRecord(f->getType())) mergeTaint(t, recordFields(fp, sub, s, depth + 1, at));
  }
  return t;
}

// A field holding bytes read from outside the program (`stored`) is data of its
// categories; one holding anything else is only what was stored.
Taint FunctionAnalyzer::inputSource(const clang::FieldDecl* f, const AbsVal& stored, const clang::Expr* at) {
  return stored.taint.input ? fieldSource(f, at) : Taint{};
}

// The fields below `p` that hold bytes read from outside the program (`sscanf(line,
// "%s", r.waybill)` into a record cleared first): each is data of its categories.
Taint FunctionAnalyzer::inputFields(const AccessPath& p, const clang::RecordDecl* rd, const State& s, unsigned depth,
                                    const clang::Expr* at) {
  Taint t;
  if (!rd || isSystemRecord(ctx_.ast, rd) || depth >= kMaxFieldDepth) return t;
  rd = rd->getDefinition() ? rd->getDefinition() : rd;
  for (const clang::FieldDecl* f : rd->fields()) {
    AccessPath fp{p.root, p.fields.empty() ? f->getNameAsString() : p.fields + "." + f->getNameAsString(), false};
    if (auto stored = s.find(fp); stored != s.end()) mergeTaint(t, inputSource(f, stored->second, at));
    if (const auto* sub = f->getType()->getAsRecordDecl()) mergeTaint(t, inputFields(fp, sub, s, depth + 1, at));
  }
  return t;
}

// A read of a global as an input of this function, bound by the link at each call
// site. Integers, enums and flags are left out: counters, sizes and settings read
// everywhere would make every summary carry every global, and such values are seldom
// the data itself.
void FunctionAnalyzer::addGlobalInput(AbsVal& v, const AccessPath& p, clang::QualType type) const {
  const clang::QualType t = type.isNull() ? type : type.getNonReferenceType().getCanonicalType();
  if (!t.isNull() && (t->isIntegralOrEnumerationType() || t->isBooleanType())) return;
  if (std::string key = globalKey(p); !key.empty()) v.taint.params.push_back({kGlobalParam, std::move(key), {}});
}

// A function pointer read in a table a pointer on the path was aimed at (`t->ops =
// &k_ops; t->ops->send(...)`, `o = &k_ops; o->send(...)`): the pointer's value
// holds the whole table's functions.
std::vector<std::string> FunctionAnalyzer::tableFunctionsAbove(const AccessPath& p, const State& s) {
  for (std::size_t end = p.fields.rfind('.');; end = p.fields.rfind('.', end - 1)) {
    const std::string above = end == std::string::npos ? "" : p.fields.substr(0, end);
    auto held = s.find(AccessPath{p.root, above, false});
    if (held != s.end() && !held->second.fns.empty()) return held->second.fns;
    if (end == std::string::npos || end == 0) return {};
  }
}

AbsVal FunctionAnalyzer::evalPath(const AccessPath& p, clang::QualType type, const State& s) {
  AbsVal v;
  auto exact = s.find(AccessPath{p.root, p.fields, false});
  if (exact != s.end()) v = exact->second;
  // Anything stored below the path travels with it. Not a field's text as the
  // text of an input's object (`g_ptr_array_add(svc->cases, rc)` does not make
  // `svc` the case): that is what the callers pass.
  const std::optional<unsigned> input = paramIndex(p.root);
  const bool callersText = input && (exact == s.end() || exact->second.partial);
  const std::string prefix = p.fields.empty() ? "" : p.fields + ".";
  AbsVal elements;  // the elements of a global table stored one by one (`g_h[0]`, `g_h[1]`): any of them
  for (auto it = s.lower_bound(AccessPath{p.root, prefix, false}); it != s.end() && it->first.root == p.root; ++it) {
    if (it->first.fields.size() <= p.fields.size() || it->first.fields.compare(0, prefix.size(), prefix) != 0) continue;
    mergeTaint(v.taint, it->second.taint);
    const llvm::StringRef below = llvm::StringRef(it->first.fields).substr(prefix.size());
    if (below.starts_with("[#") && !below.contains('.')) {
      addAlternatives(elements.str, it->second.str);
      addAlternatives(elements.dest, it->second.dest);
      continue;
    }
    if (!v.str.known() && !callersText) v.str = it->second.str;
    if (!v.dest.known()) v.dest = it->second.dest;
  }
  if (!v.str.known() && !callersText) v.str = elements.str;
  if (!v.dest.known()) v.dest = elements.dest;
  if (const std::optional<unsigned> idx = callersText ? input : std::nullopt) {
    // Read where a condition on a parameter holds: the input is conditional on it.
    v.taint.params.push_back({*idx, p.fields, {}, stableParams_.empty() ? std::vector<Guard>{} : guardsHeld(s)});
    if (*idx != kThisParam) mergeTaint(v.taint, declaredParam(*idx));
    // main's arguments come from the command line: nobody calls main to bind them.
    const bool commandLine = fn_->isMain() && *idx != kThisParam;
    if (!v.str.known() && commandLine) v.str.pieces.push_back({StrPiece::Option, facts_.paramNames[*idx], 0});
    else if (!v.str.known()) v.str.pieces.push_back(paramPiece(p, *idx, s));
  }
  if (exact != s.end()) v.fns = exact->second.fns;
  if (v.fns.empty() && !type.isNull() && type->isFunctionPointerType()) v.fns = tableFunctionsAbove(p, s);
  // A field of a local object a call filled, read through a pointer aimed at it
  // (`char* u = c.host;`, `handle = sftp_open(c.sftp, ...)`): what the call left there;
  // not a field stored here since (`c.port = 8080;`).
  const bool leftByCall = exact == s.end() || exact->second.partial || !exact->second.taint.calls.empty();
  if (!v.str.known() && !v.dest.known() && leftByCall) v.str = leftAboveHandle(p, s);
  // A mutable global not (or not surely) written here: what it holds when this
  // function is called, bound by the link at each call site.
  if (exact == s.end() || exact->second.partial) addGlobalInput(v, p, type);
  // A field of a mutable global not written here: what the program stores there anywhere.
  if (exact == s.end() && !v.str.known() && !p.fields.empty())
    if (std::string key = globalKey(p, true, true); !key.empty()) v.str.pieces.push_back({StrPiece::Global, key, 0});
  return v;
}

// The C and C++ standard streams are the console, whatever variable or parameter
// carries them (`FILE* trace = verbose ? stderr : NULL`): their value is the device.
StrVal FunctionAnalyzer::standardStream(const clang::VarDecl* var) const {
  if (!var->hasGlobalStorage() || !ctx_.ast.getSourceManager().isInSystemHeader(var->getLocation())) return {};
  const std::string name = canonicalName(var);
  for (const char* stream : {"stdout", "stderr", "stdin"})
    if (name == stream || name == std::string("std::") + stream) return constStr(std::string(kConsolePrefix) + stream);
  for (const char* stream : {"cout", "cerr", "clog"})
    if (name == std::string("std::") + stream) return constStr(std::string(kConsolePrefix) + stream);
  return {};
}

AbsVal FunctionAnalyzer::evalGlobalConstant(const clang::VarDecl* v) {
  auto cached = globals_.find(v);
  if (cached != globals_.end()) return cached->second;
  AbsVal out;
  const clang::VarDecl* def = v->getDefinition() ? v->getDefinition() : v;
  // Only a constant keeps its initial value: a const object, or a pointer to const
  // text private to this file (`static const char* kUrl = "..."`). Anything else may
  // be reassigned anywhere; its value is not known.
  const clang::QualType type = def->getType();
  const bool constant =
      type.isConstant(ctx_.ast) || type.isConstQualified() ||
      (type->isPointerType() && type->getPointeeType().isConstQualified() && !def->isExternallyVisible());
  if (!constant) {
    // Whatever the program stores in it anywhere: resolved at link time.
    out.str.pieces.push_back({StrPiece::Global, usrOf(v), 0});
  } else if (def->getInit() && globalDepth_ < kMaxGlobalDepth) {
    ++globalDepth_;
    out = eval(def->getInit(), State{});
    --globalDepth_;
  } else if (def->getType().isConstQualified() || def->getType()->isPointerType()) {
    out.str.pieces.push_back({StrPiece::Global, usrOf(v), 0});
  }
  globals_[v] = out;
  return out;
}

// `&k_tcp_ops`, a global table of functions: the address names that table (a
// `Global` piece the link looks its entries up by), not the text of its first field.
void FunctionAnalyzer::nameTableAddress(const clang::Expr* object, AbsVal& v) {
  const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(object->IgnoreParenImpCasts());
  const auto* var = ref ? llvm::dyn_cast<clang::VarDecl>(ref->getDecl()) : nullptr;
  if (!var || !var->hasGlobalStorage() || !var->getType()->isRecordType() || v.fns.empty()) return;
  v.str = StrVal{{{StrPiece::Global, usrOf(var), 0}}, {}};
}

// The parameter an expression is (through casts), if the function never changes it.
std::optional<unsigned> FunctionAnalyzer::stableParamIndex(const clang::Expr* e) const {
  const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(e->IgnoreParenCasts());
  const auto* p = ref ? llvm::dyn_cast<clang::ParmVarDecl>(ref->getDecl()) : nullptr;
  if (!p || !stableParams_.count(p)) return std::nullopt;
  return paramIndex(p);
}

// A string element of a constant array (`kEndpoints[region]`): the one a constant
// index names, else any of them, as alternatives.
std::optional<AbsVal> FunctionAnalyzer::constantElement(const clang::ArraySubscriptExpr* sub) {
  const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(sub->getBase()->IgnoreParenImpCasts());
  const auto* var = ref ? llvm::dyn_cast<clang::VarDecl>(ref->getDecl()) : nullptr;
  // Strings (a table of endpoints), or pointers to records (a table of drivers,
  // `{&tcp_ops, &https_ops}`: each a global, looked up field by field at link time).
  const clang::QualType element = sub->getType();
  const bool recordPointer = element->isPointerType() && element->getPointeeType()->isRecordType();
  if (!var || !var->getType()->isArrayType() || !(isStringLike(element) || recordPointer)) return std::nullopt;
  const clang::VarDecl* def = var->getDefinition() ? var->getDefinition() : var;
  if (!def->getType().isConstant(ctx_.ast) || !def->getInit() || globalDepth_ >= kMaxGlobalDepth) return std::nullopt;
  const auto* list = llvm::dyn_cast<clang::InitListExpr>(def->getInit()->IgnoreImplicit());
  if (!list || list->getNumInits() == 0) return std::nullopt;
  unsigned first = 0, last = list->getNumInits();
  clang::Expr::EvalResult index;
  if (!sub->getIdx()->isValueDependent() && sub->getIdx()->EvaluateAsInt(index, ctx_.ast)) {
    const llvm::APSInt& i = index.Val.getInt();
    if (i.isNegative() || i.getZExtValue() >= last) return std::nullopt;
    first = unsigned(i.getZExtValue());
    last = first + 1;
  }
  // Indexed by one of this function's parameters it never changes (`table[kind]`):
  // each element holds where a caller passes its index.
  const std::optional<unsigned> byParam = last - first > 1 ? stableParamIndex(sub->getIdx()) : std::nullopt;
  ++globalDepth_;
  AbsVal out;
  std::vector<StrVal> each;
  for (unsigned i = first; i < last; ++i) {
    AbsVal element = eval(list->getInit(i), State{});
    mergeTaint(out.taint, element.taint);
    joinFns(out.fns, element.fns);
    const StrVal value = destinationOf(element);
    each.push_back(byParam && value.known() ? underCondition(value, indexCondition(*byParam, i)) : value);
  }
  --globalDepth_;
  if (each.size() > kMaxAlternatives) noteLimit(Limit::StringAlternatives);
  out.str = fromForms(each);
  return out;
}

AbsVal FunctionAnalyzer::evalDeclRef(const clang::ValueDecl* d, const clang::Expr* at, const State& s) {
  AbsVal v;
  if (const auto* b = llvm::dyn_cast<clang::BindingDecl>(d)) {
    if (b->getBinding()) return eval(b->getBinding(), s);
    return v;
  }
  if (const auto* fn = llvm::dyn_cast<clang::FunctionDecl>(d)) {
    v.fns.push_back(usrOf(fn));  // a function named as a value: a pointer to it
    return v;
  }
  const auto* var = llvm::dyn_cast<clang::VarDecl>(d);
  if (!var) return v;
  if (StrVal stream = standardStream(var); stream.known()) {
    v.str = std::move(stream);
    return v;
  }
  for (const std::string& c : ctx_.classifier.annotatedCategories(var)) {
    Origin o{c, loc(var->getLocation()), var->getNameAsString(), {}, currentGuards_};
    o.path.push({loc(at), "reads annotated `" + var->getNameAsString() + "` (" + c + ")"});
    v.taint.origins.push_back(std::move(o));
  }
  // A reference bound to an expression reads that expression (a field keeps its
  // classification: `const std::string& e = c.email;`), unless written through since.
  if (auto bound = boundTo_.find(var); bound != boundTo_.end()) {
    auto path = lvalue(at);
    if (!path || s.find(*path) == s.end()) {
      unionInto(v, eval(bound->second, s));
      return v;
    }
  }
  // A stream over a buffer of the program (fmemopen): reading it reads the buffer.
  if (auto viewed = viewedExprs_.find(var); viewed != viewedExprs_.end()) unionInto(v, eval(viewed->second, s));
  auto path = lvalue(at);
  if (!path) return v;
  const bool isLocal = var->hasLocalStorage() || paramIndex(path->root) || path->root != var;
  const auto stored = s.find(*path);
  const bool unstored = stored == s.end() || stored->second.partial;
  if (!isLocal && unstored) {
    unionInto(v, evalGlobalConstant(var));
    if (stored == s.end()) {
      addGlobalInput(v, *path, var->getType());
      return v;
    }
  }
  unionInto(v, evalPath(*path, var->getType(), s));
  const clang::QualType type = var->getType().getNonReferenceType();
  if (path->fields.empty() && unstored) mergeTaint(v.taint, recordFields(*path, heldRecord(type), s, 0, at));
  else if (path->fields.empty() && v.taint.input)
    mergeTaint(v.taint, inputFields(*path, type->getAsRecordDecl(), s, 0, at));
  return v;
}

AbsVal FunctionAnalyzer::evalMember(const clang::MemberExpr* m, const State& s) {
  const auto* field = llvm::dyn_cast<clang::FieldDecl>(m->getMemberDecl());
  if (!field) return eval(m->getBase(), s);
  const clang::RecordDecl* owner = field->getParent();
  // Fields of library types (std::pair::second, addrinfo::ai_addr) carry what their object carries.
  // An element stored on its own (a pair built from its parts) is only itself.
  if (isSystemRecord(ctx_.ast, owner)) {
    // A part of what a program function returned (`ledger.last().second`): that
    // part of its result, not of the object it was called on.
    const auto* call = llvm::dyn_cast<clang::CallExpr>(strip(m->getBase()));
    if (call && call->getDirectCallee() && isUserFunction(call->getDirectCallee())) {
      AbsVal v = eval(m->getBase(), s);
      narrowCalls(v.taint, owner, field->getNameAsString(), m->getType());
      return v;
    }
    auto path = lvalue(m);
    if (path && path->weak)
      if (auto part = partApart(*path, m->getType(), s)) return *part;
    auto stored = path ? s.find(AccessPath{path->root, path->fields, false}) : s.end();
    if (stored != s.end() && !stored->second.partial && !path->weak) return evalPath(*path, m->getType(), s);
    AbsVal v = eval(m->getBase(), s);
    narrowCalls(v.taint, owner, field->getNameAsString(), m->getType());
    if (stored != s.end()) unionInto(v, stored->second);
    return v;
  }
  const std::optional<AccessPath> path = lvalue(m);
  AbsVal v = readField(field, path, m->getBase(), m, s);
  if (!path || (!inConstantGlobal(*path) && !constantAbove(*path, s)))
    mergeTaint(v.taint, enclosingFieldSources(m->getBase(), m));
  return v;
}

// `obj.*pm`, `p->*pm`: the field a constant member pointer names (`&T::name`), else
// any field of the member pointer's type (a reflection table of `&T::field`s walked
// by a template: each entry reads one field, which one is not tracked).
AbsVal FunctionAnalyzer::evalMemberPointer(const clang::BinaryOperator* b, const State& s) {
  const auto* pointer = b->getRHS()->getType()->getAs<clang::MemberPointerType>();
  const clang::CXXRecordDecl* record = pointer ? pointer->getMostRecentCXXRecordDecl() : nullptr;
  if (!record || !record->hasDefinition() || pointer->isMemberFunctionPointer()) return eval(b->getLHS(), s);
  const clang::FieldDecl* named = nullptr;
  if (const auto* addr = llvm::dyn_cast<clang::UnaryOperator>(b->getRHS()->IgnoreParenImpCasts());
      addr && addr->getOpcode() == clang::UO_AddrOf)
    if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(addr->getSubExpr()->IgnoreParenImpCasts()))
      named = llvm::dyn_cast<clang::FieldDecl>(ref->getDecl());
  const clang::QualType type = pointer->getPointeeType().getCanonicalType().getUnqualifiedType();
  const std::optional<AccessPath> object = lvalue(b->getLHS());
  AbsVal v;
  bool read = false;
  for (const clang::FieldDecl* f : record->getDefinition()->fields()) {
    if (named ? f != named : f->getType().getCanonicalType().getUnqualifiedType() != type) continue;
    std::optional<AccessPath> path = object;
    if (path) appendField(*path, f->getNameAsString());
    unionInto(v, readField(f, path, b->getLHS(), b, s));
    read = true;
  }
  return read ? v : eval(b->getLHS(), s);
}

// A field of the program's records read at `path` (none: an object without a path,
// `object` evaluated instead): what is stored there, else its classification and
// whatever the object's inputs and call results bring.
AbsVal FunctionAnalyzer::readField(const clang::FieldDecl* field, const std::optional<AccessPath>& path,
                                   const clang::Expr* object, const clang::Expr* at, const State& s) {
  if (path) noteParamField(*path, field);
  if (path && !path->weak) {
    auto stored = s.find(*path);
    if (stored != s.end() && !stored->second.partial) {
      AbsVal v = evalPath(*path, field->getType(), s);
      mergeTaint(v.taint, inputSource(field, stored->second, at));
      if (v.taint.input) mergeTaint(v.taint, inputFields(*path, field->getType()->getAsRecordDecl(), s, 0, at));
      return v;
    }
  }
  AbsVal v;
  // An entry of a constant table of functions (`k_handlers[i].fn`): any of them.
  if (path && path->root != fn_ && field->getType()->isFunctionPointerType())
    if (const auto* var = llvm::dyn_cast<clang::VarDecl>(static_cast<const clang::Decl*>(path->root));
        var && var->hasGlobalStorage() && s.count(AccessPath{path->root, "", false}) == 0)
      v.fns = evalGlobalConstant(var).fns;
  if (!path || (!inConstantGlobal(*path) && !constantAbove(*path, s))) v.taint = fieldSource(field, at);
  if (path) holdsDataOfInput(*path, v.taint);
  if (path) {
    AbsVal below = evalPath(*path, field->getType(), s);
    mergeTaint(v.taint, below.taint);
    v.str = below.str;
    v.dest = below.dest;
    joinFns(v.fns, below.fns);
    if (const auto* rd = heldRecord(field->getType()))
      mergeTaint(v.taint, recordFields(*path, rd, s, depthOf(path->fields), at));
  }
  // The object may come from a call whose summary is only known at link time, or have
  // been assigned whole from one: its call atoms reach every field.
  if (!path) {
    const AbsVal base = eval(object, s);
    Taint calls{{}, {}, base.taint.calls};
    narrowCalls(calls, field->getParent(), field->getNameAsString(), field->getType());
    mergeTaint(v.taint, calls);
    if (!v.dest.known()) v.dest = base.dest;
    return v;
  }
  for (std::string anc = path->fields; !anc.empty();) {
    const auto dot = anc.rfind('.');
    anc = dot == std::string::npos ? "" : anc.substr(0, dot);
    auto stored = s.find(AccessPath{path->root, anc, false});
    if (stored == s.end()) continue;
    const std::string below = path->fields.substr(anc.empty() ? 0 : anc.size() + 1);
    Taint calls{{}, {}, stored->second.taint.calls};
    // Call atoms of the function's own object the field is read of (the one just
    // above it) stand for that field only; higher up they stay whole, and so do those
    // of `this` and of a method's parameters: a method reads many fields of objects
    // many calls wrote, and narrowing each of them multiplies the link's work on large
    // programs. A free function's context parameter (`note(c, email);
    // send(c->url)`) is narrowed: C code keeps its state there.
    const bool narrowed = path->root != fn_ && (!paramIndex(path->root) || !llvm::isa<clang::CXXMethodDecl>(fn_));
    if (narrowed && below == field->getName()) narrowCalls(calls, field->getParent(), below, field->getType());
    else if (narrowed && !paramIndex(path->root)) narrowCallsBelow(calls, below);  // a local's, field by field
    mergeTaint(v.taint, calls);
    if (!v.dest.known()) v.dest = stored->second.dest;
    // A local holding an input or a global (`const struct target* t = ctx;`): the
    // field read is that input's or global's field (`t->url` is ctx's url).
    if (!v.str.known()) v.str = fieldOfHolder(stored->second.str, below);
    // Stored whole here (`probe.position = kDepot;`): what was stored further up
    // (`Stop probe = stops.first();`) is no longer below it.
    if (!stored->second.partial) break;
  }
  return v;
}

AbsVal FunctionAnalyzer::eval(const clang::Expr* e, const State& s) {
  AbsVal v;
  if (!e) return v;
  // Generated code can nest expressions thousands deep (`a + "x" + ...`): below the
  // bound the value is unknown, and the coverage says so.
  if (evalDepth_ >= kMaxEvalDepth) {
    noteLimit(Limit::ExpressionDepth);
    v.str.pieces.push_back({StrPiece::Unknown, "", 0});
    return v;
  }
  ++evalDepth_;
  v = evalExpr(e, s);
  --evalDepth_;
  return v;
}

AbsVal FunctionAnalyzer::evalExpr(const clang::Expr* e, const State& s) {
  AbsVal v;
  e = strip(e);
  if (const auto* lit = llvm::dyn_cast<clang::StringLiteral>(e)) {
    v.str = constStr(literalText(lit));
    return v;
  }
  if (const auto* lambda = llvm::dyn_cast<clang::LambdaExpr>(e)) {
    for (std::string& usr : callOperatorUsrs(lambda)) {
      lambdas_.emplace(usr, lambda);
      v.fns.push_back(std::move(usr));
    }
    return v;
  }
  // A character written into text (`u << ':' << port`, `s += '/'`); in C a
  // character literal is an `int`, a number like any other.
  if (const auto* ch = llvm::dyn_cast<clang::CharacterLiteral>(e); ch && ch->getType()->isAnyCharacterType()) {
    if (ch->getKind() == clang::CharacterLiteralKind::Ascii && ch->getValue() > 0 && ch->getValue() < 0x80)
      v.str = constStr(std::string(1, static_cast<char>(ch->getValue())));
    return v;
  }
  if (llvm::isa<clang::IntegerLiteral, clang::FloatingLiteral, clang::CharacterLiteral, clang::CXXBoolLiteralExpr,
                clang::CXXNullPtrLiteralExpr, clang::UnaryExprOrTypeTraitExpr>(e))
    return v;
  if (const auto* dr = llvm::dyn_cast<clang::DeclRefExpr>(e)) return evalDeclRef(dr->getDecl(), dr, s);
  if (const auto* m = llvm::dyn_cast<clang::MemberExpr>(e)) return evalMember(m, s);
  // A GNU statement expression `({ ...; value; })`: its statements ran before it (they
  // are in the CFG); its value is the last one's.
  if (const auto* block = llvm::dyn_cast<clang::StmtExpr>(e)) {
    const clang::CompoundStmt* body = block->getSubStmt();
    const auto* last = body->body_empty() ? nullptr : llvm::dyn_cast<clang::Expr>(body->body_back());
    return last ? eval(last, s) : v;
  }
  if (llvm::isa<clang::CXXThisExpr>(e)) return evalPath(thisPath(), e->getType(), s);
  if (const auto* sub = llvm::dyn_cast<clang::ArraySubscriptExpr>(e)) {
    if (auto element = constantElement(sub)) return *element;
    v = eval(sub->getBase(), s);
    // argv[2]: name the option by its position.
    const auto* index = llvm::dyn_cast<clang::IntegerLiteral>(sub->getIdx()->IgnoreParenImpCasts());
    if (index && v.str.pieces.size() == 1 && v.str.pieces[0].kind == StrPiece::Option)
      v.str.pieces[0].text += "[" + llvm::toString(index->getValue(), 10, false) + "]";
    return v;
  }
  if (const auto* u = llvm::dyn_cast<clang::UnaryOperator>(e)) {
    if (u->getOpcode() == clang::UO_LNot) return v;
    v = eval(u->getSubExpr(), s);
    if (u->getOpcode() == clang::UO_AddrOf) nameTableAddress(u->getSubExpr(), v);
    return v;
  }
  if (const auto* b = llvm::dyn_cast<clang::BinaryOperator>(e)) {
    if (b->isComparisonOp() || b->isLogicalOp()) return v;
    // The distance between two pointers (`at - r->email`) is a position, not data.
    if (b->getOpcode() == clang::BO_Sub && b->getLHS()->getType()->isPointerType() &&
        b->getRHS()->getType()->isPointerType())
      return v;
    if (b->isAssignmentOp() || b->getOpcode() == clang::BO_Comma) return eval(b->getRHS(), s);
    if (b->isPtrMemOp()) return evalMemberPointer(b, s);
    v = eval(b->getLHS(), s);
    mergeTaint(v.taint, eval(b->getRHS(), s).taint);
    return v;
  }
  if (const auto* c = llvm::dyn_cast<clang::AbstractConditionalOperator>(e)) {
    v = eval(c->getTrueExpr(), s);
    AbsVal otherwise = eval(c->getFalseExpr(), s);
    // `redact ? "***" : c.phone`: each arm's inputs are conditional on the choice.
    if (auto g = guardWhenTrue(c->getCond(), stableParams_, ctx_.ast);
        g && !llvm::isa<clang::BinaryConditionalOperator>(c))
      if (auto idx = paramIndex(g->first)) {
        Guard taken{*idx, g->second.op, g->second.value};
        addGuard(v.taint, taken);
        taken.op = negatedGuard(taken.op);
        addGuard(otherwise.taint, taken);
      }
    unionInto(v, otherwise);
    return v;
  }
  if (const auto* call = llvm::dyn_cast<clang::CallExpr>(e)) {
    if (std::optional<std::string> text = literalMacroText(call, ctx_.ast, ctx_.apis.literalMacros())) {
      v.str = constStr(*text);  // QStringLiteral("https://%1/v1")
      return v;
    }
    if (std::optional<std::string> text = constantText(call, ctx_.ast)) {
      v.str = constStr(*text);  // `region_host(Region::Germany)`: Clang computes it
      return v;
    }
    return evalCall(callView(call), s);
  }
  if (const auto* ctor = llvm::dyn_cast<clang::CXXConstructExpr>(e)) return constructedValue(callView(ctor), s);
  // `new Session(host, port)`: the object built, pointed to.
  if (const auto* created = llvm::dyn_cast<clang::CXXNewExpr>(e); created && created->getConstructExpr())
    return constructedValue(callView(created->getConstructExpr()), s);
  // Initializer lists, parenthesised lists and anything else: the union of the parts.
  for (const clang::Stmt* child : e->children()) {
    if (const auto* ce = llvm::dyn_cast_or_null<clang::Expr>(child)) {
      const AbsVal cv = eval(ce, s);
      mergeTaint(v.taint, cv.taint);
      if (!v.str.known()) v.str = cv.str;
      v.fns.insert(v.fns.end(), cv.fns.begin(), cv.fns.end());  // a table of {name, fn} entries
    }
  }
  return v;
}

}  // namespace egress
