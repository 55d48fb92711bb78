// Library call models from rules/apis: operands, flows into results, arguments and
// objects, provenance (env/config/option), swaps, sanitizers, declared sources, and
// the engine's default for unmodelled library calls.
#include <algorithm>

#include <clang/AST/ASTContext.h>
#include <clang/AST/Decl.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/Basic/Builtins.h>
#include <llvm/ADT/StringExtras.h>

#include "extract/ConstantTables.h"
#include "extract/FactoryInstances.h"
#include "extract/FunctionAnalyzer.h"
#include "extract/Names.h"
#include "facts/TaintOps.h"

namespace egress {
namespace {

// Nothing is known of the text where it is: unknown, or an input of the function
// (the value a parser handed on).
bool knowsNothingHere(const StrVal& v) {
  for (const StrVal& form : forms(v))
    for (const StrPiece& p : form.pieces)
      if (p.kind != StrPiece::Unknown && p.kind != StrPiece::Param && p.kind != StrPiece::Setting) return false;
  return true;
}

// Whether what is copied, of these types, is text (`value`, a `char *` parameter) or
// a number (`&iv`); none for bytes of any kind (`const void *`).
std::optional<bool> isText(const std::vector<clang::QualType>& types) {
  std::optional<bool> text;
  for (const clang::QualType t : types) {
    const clang::QualType pointee = t->isPointerType() ? t->getPointeeType() : t;
    if (pointee->isVoidType()) return std::nullopt;
    text = text.value_or(false) || isStringLike(t);
  }
  return text;
}

StrVal firstConst(const StrVal& s) {
  for (const StrPiece& p : s.pieces)
    if (p.kind == StrPiece::Const) return constStr(p.text);
  return {};
}

// A `type:` condition holds for the class itself or any of its bases
// (a generated protobuf message matches google::protobuf::Message), or for the type
// spelled out with its template arguments (a range adaptor's closure for
// `std::views::transform`, `_Partial<_Transform, F>`, not one for `filter`).
bool typeMatches(const Pattern& pattern, clang::QualType type) {
  if (pattern.matches(canonicalTypeName(type))) return true;
  type = type.getNonReferenceType();
  if (const auto* rd = type->getAsCXXRecordDecl(); rd && llvm::isa<clang::ClassTemplateSpecializationDecl>(rd)) {
    clang::PrintingPolicy policy(rd->getASTContext().getLangOpts());
    policy.SuppressTagKeyword = true;
    policy.SuppressScope = false;
    if (pattern.matches(type.getUnqualifiedType().getCanonicalType().getAsString(policy))) return true;
  }
  if (type->isPointerType()) type = type->getPointeeType();
  const auto* rd = type->getAsCXXRecordDecl();
  if (!rd) return false;
  if (pattern.matches(canonicalName(rd))) return true;  // a pointer to one: `m_socket->write(...)`
  if (!rd->hasDefinition()) return false;
  bool found = false;
  rd->forallBases([&](const clang::CXXRecordDecl* base) {
    found = found || pattern.matches(canonicalName(base));
    return true;
  });
  return found;
}

}  // namespace

const clang::Expr* FunctionAnalyzer::operandExpr(const CallView& call, const Operand& op) const {
  switch (op.kind) {
    case Operand::Arg: return op.index < call.args.size() ? call.args[op.index] : nullptr;
    case Operand::This: return call.isConstructor ? call.expr : call.self;
    default: return nullptr;
  }
}

// A model flow with `old: true` (`std::exchange(buf, x)` returns the old `buf`): the
// result is what the operands held before the call. The statement using the result
// is evaluated after the call's effects, so keep it.
void FunctionAnalyzer::keepResultBeforeOverwrite(const CallView& call, const State& s) {
  resultsBeforeCall_.erase(call.expr);
  bool returnsOld = false;
  for (const ApiModel* m : ctx_.apis.modelsFor(call.callee))
    for (const auto& flow : m->flows) returnsOld |= flow.old;
  if (!returnsOld) return;
  AbsVal before = evalCall(call, s);
  resultsBeforeCall_[call.expr] = std::move(before);
}

// `va_start(ap, last)` gives `ap` the variadic arguments (resolved per caller by
// the link); `va_copy(dst, src)` copies them. True if the call was one of those.
bool FunctionAnalyzer::execVariadicBuiltin(const CallView& call, State& s) {
  const unsigned id = call.callee->getBuiltinID();
  if (id != clang::Builtin::BI__builtin_va_start && id != clang::Builtin::BI__builtin_va_copy) return false;
  if (call.args.empty() || !fn_) return true;
  auto list = lvalue(call.args[0]);
  if (!list) return true;
  AbsVal v;
  if (id == clang::Builtin::BI__builtin_va_copy && call.args.size() > 1) v = eval(call.args[1], s);
  else v.taint.params.push_back({fn_->getNumParams(), kRestArgsField, {}});
  store(*list, std::move(v), s, call.expr, false);
  return true;
}

// `std::swap(a, b)`, `a.swap(b)`: each side now holds what the other held, field by
// field (a record keeps which of its fields were written). An element of a container
// (a weak path) only gains the other's value.
void FunctionAnalyzer::swapOperands(const CallView& call, const std::pair<Operand, Operand>& ops, State& s) {
  const clang::Expr* left = operandExpr(call, ops.first);
  const clang::Expr* right = operandExpr(call, ops.second);
  auto a = left ? lvalue(left) : std::nullopt;
  auto b = right ? lvalue(right) : std::nullopt;
  if (!a || !b || (a->root == b->root && a->fields == b->fields)) return;
  if (a->weak || b->weak) {
    AbsVal fromA = evalPath(*a, left->getType(), s), fromB = evalPath(*b, right->getType(), s);
    store(*a, std::move(fromB), s, call.expr, true);
    store(*b, std::move(fromA), s, call.expr, true);
    return;
  }
  std::map<std::string, AbsVal> underA = takeBelow(*a, left->getType(), call.expr, s),
                                underB = takeBelow(*b, right->getType(), call.expr, s);
  const auto put = [&](const AccessPath& to, std::map<std::string, AbsVal>& values) {
    for (auto& [suffix, v] : values) s[AccessPath{to.root, joinField(to.fields, suffix), false}] = std::move(v);
  };
  put(*a, underB);
  put(*b, underA);
}

// Removes and returns what is stored at `p` and below it, by the field path below
// `p`; a path with nothing stored gives its value as read (a parameter, a global).
std::map<std::string, AbsVal> FunctionAnalyzer::takeBelow(const AccessPath& p, clang::QualType type,
                                                          const clang::Expr* at, State& s) {
  std::map<std::string, AbsVal> out;
  const std::string prefix = p.fields.empty() ? "" : p.fields + ".";
  for (auto it = s.lower_bound(AccessPath{p.root, p.fields, false}); it != s.end() && it->first.root == p.root;) {
    const std::string& f = it->first.fields;
    if (f != p.fields && f.compare(0, prefix.size(), prefix) != 0) break;
    out[f == p.fields ? "" : f.substr(prefix.size())] = std::move(it->second);
    it = s.erase(it);
  }
  if (out.empty()) {
    AbsVal whole = evalPath(p, type, s);
    mergeTaint(whole.taint, recordFields(p, type->getAsRecordDecl(), s, 0, at));
    out[""] = std::move(whole);
  }
  return out;
}

// Each expression an operand names: one, or for `N+` every argument from N on.
std::vector<const clang::Expr*> FunctionAnalyzer::operandExprs(const CallView& call, const Operand& op) const {
  std::vector<const clang::Expr*> out;
  if (op.kind == Operand::AllArgs) {
    for (std::size_t i = op.index; i < call.args.size(); ++i) out.push_back(call.args[i]);
  } else if (const clang::Expr* e = operandExpr(call, op)) {
    out.push_back(e);
  }
  return out;
}

AbsVal FunctionAnalyzer::operandValue(const CallView& call, const Operand& op, const State& s) {
  AbsVal v;
  if (op.kind == Operand::AllArgs) {
    std::vector<StrVal> parts;
    for (const AbsVal& av : argumentValues(call, op.index, s)) {
      mergeTaint(v.taint, av.taint);
      parts.push_back(av.str);
      joinFns(v.fns, av.fns);
    }
    v.str = concatAll(parts);
    return v;
  }
  if (op.kind == Operand::This && call.isConstructor) {
    if (auto p = lvalue(call.expr)) {
      auto it = s.find(*p);
      if (it != s.end()) return it->second;
    }
    return v;
  }
  const clang::Expr* e = operandExpr(call, op);
  if (!e) return v;
  v = eval(e, s);
  addPointeeBytes(e, v, s);
  return v;
}

// A pointer to a record of the program handed to a library as raw memory (`send(fd,
// p, sizeof *p, 0)`, `memcpy(buf, p, sizeof *p)`, `fwrite(p, sizeof *p, 1, f)`): the
// library reads the record's bytes, so every field of it, as for `&rec`.
void FunctionAnalyzer::addPointeeBytes(const clang::Expr* e, AbsVal& v, const State& s) {
  const clang::QualType passed = e->getType();
  if (!passed->isPointerType()) return;
  const clang::QualType raw = passed->getPointeeType();
  if (!raw->isVoidType() && !raw->isCharType()) return;  // a typed parameter reads what it names
  const clang::Expr* bare = e->IgnoreParenCasts();
  if (!llvm::isa<clang::DeclRefExpr>(bare) && !llvm::isa<clang::MemberExpr>(bare)) return;  // `&rec`: read whole
  const clang::QualType pointer = bare->getType();
  const auto* record = pointer->isPointerType() ? pointer->getPointeeType()->getAsRecordDecl() : nullptr;
  if (!record) return;
  if (auto pointee = pointeeOf(bare)) mergeTaint(v.taint, recordFields(*pointee, record, s, 0, e));
}

// The arguments from `first` on, each evaluated, without a null pointer that ends
// a variadic list (`g_strconcat("https://", host, "/v1", NULL)`).
std::vector<AbsVal> FunctionAnalyzer::argumentValues(const CallView& call, unsigned first, const State& s) {
  std::vector<AbsVal> out;
  for (std::size_t i = first; i < call.args.size(); ++i) {
    const clang::Expr* a = call.args[i];
    const bool sentinel = i + 1 == call.args.size() && i > first &&
                          a->isNullPointerConstant(ctx_.ast, clang::Expr::NPC_ValueDependentIsNotNull);
    if (!sentinel) out.push_back(eval(a, s));
  }
  return out;
}

// The key a provenance model names: its operand's constant text, or with `all` the
// first argument that is a constant string (`config_value(cfg, "smtp.host")`).
StrVal FunctionAnalyzer::provenanceKey(const CallView& call, const Operand& op, const State& s) {
  if (op.kind != Operand::AllArgs) return firstConst(operandValue(call, op, s).str);
  const std::optional<unsigned> at = keyIndex(call, op, s);
  return at ? eval(call.args[*at], s).str : StrVal{};
}

// The argument a key operand names: an argument number's own, or for `all` the
// first argument starting with a constant string.
std::optional<unsigned> FunctionAnalyzer::keyIndex(const CallView& call, const Operand& op, const State& s) {
  if (op.kind == Operand::Arg) return op.index;
  if (op.kind != Operand::AllArgs) return std::nullopt;
  for (unsigned i = op.index; i < call.args.size(); ++i) {
    const StrVal v = eval(call.args[i], s).str;
    if (v.known() && v.pieces.front().kind == StrPiece::Const) return i;
  }
  return std::nullopt;
}

namespace {

// Whether every form of `s` begins with the constant `text` (a path part that
// already has its leading '/': no second separator before it).
bool startsWithText(const StrVal& s, const std::string& text) {
  const std::vector<StrVal> each = forms(s);
  return !each.empty() && std::all_of(each.begin(), each.end(), [&](const StrVal& form) {
    return !form.pieces.empty() && form.pieces[0].kind == StrPiece::Const &&
           llvm::StringRef(form.pieces[0].text).starts_with(text);
  });
}

}  // namespace

// The value a modelled flow carries: the union of its sources, their strings joined
// in operand order (so `a + b` keeps both halves of a URL).
AbsVal FunctionAnalyzer::flowValue(const CallView& call, const ApiModel::Flow& flow, const State& s) {
  AbsVal v;
  std::vector<StrVal> parts;
  for (const Operand& from : flow.from) {
    // Each argument of `N+` is a source of its own, so a separator goes between them
    // (`g_build_filename(dir, name, NULL)`).
    const std::vector<AbsVal> values =
        from.kind == Operand::AllArgs ? argumentValues(call, from.index, s) : std::vector{operandValue(call, from, s)};
    for (const AbsVal& fv : values) {
      mergeTaint(v.taint, fv.taint);
      if (!flow.separator.empty() && !parts.empty() && !startsWithText(fv.str, flow.separator))
        parts.push_back(constStr(flow.separator));
      parts.push_back(fv.str);
      if (!v.dest.known()) v.dest = fv.dest;
      joinFns(v.fns, fv.fns);  // a container of callbacks holds them
    }
  }
  if (!flow.text) {
    v.dest = {};
    return v;
  }
  v.str = flow.format ? formatted(call, flow, s) : concatAll(parts);
  if (!flow.prefix.empty() && v.str.known()) v.str = concat(constStr(flow.prefix), v.str);
  return v;
}

bool FunctionAnalyzer::conditionHolds(const ApiModel& m, const CallView& call) {
  if (m.whenArgs && explicitArgs(call) != *m.whenArgs) return false;
  // `cfg_get()` handing out the program's own settings struct is no keyed lookup:
  // the fields read from it are what the program stored there.
  if (m.returns && explicitArgs(call) == 0 && call.callee && pointsToRecord(call.callee->getReturnType())) return false;
  // A function the program declares itself (a vendored copy of the library,
  // `ini.c`) runs its callbacks as its body says, with all their arguments.
  if (m.invokes && isUserFunction(call.callee)) return false;
  if (!m.whenArg) return true;
  const clang::Expr* e = operandExpr(call, *m.whenArg);
  if (!e) return false;
  if (m.argIs && !m.argIs->matches(modelSpelling(e))) return false;
  if (m.argIsNot && m.argIsNot->matches(modelSpelling(e))) return false;
  // The operand's own type counts too: an element reached through a container
  // (a map's pair through its iterator) is not of the container's declared type.
  if (m.rootType && !typeMatches(*m.rootType, rootTypeOf(e)) && !typeMatches(*m.rootType, e->getType())) return false;
  if (m.rootTypeNot && typeMatches(*m.rootTypeNot, rootTypeOf(e))) return false;
  return true;
}

// A `when` on an argument that is one of this function's parameters (a wrapper
// `set_opt(h, opt, v)` around `curl_easy_setopt(h, opt, v)`) is decided by each
// caller: a When piece naming the parameter and the model's pattern. One pattern per
// piece: a lone spelling condition, or a lone class condition (below).
// A `type` condition on a parameter taking a base class (`std::ostream& out` where
// the model wants an std::ofstream) is decided the same way, on the class each
// caller passes (ArgFact::typeName).
std::optional<StrPiece> FunctionAnalyzer::deferredCondition(const ApiModel& m, const CallView& call) {
  if (!m.whenArg || m.whenArgs || m.rootTypeNot) return std::nullopt;
  const bool spelling = !m.rootType && !m.argIs != !m.argIsNot;
  const bool type = m.rootType && !m.argIs && !m.argIsNot;
  if (!spelling && !type) return std::nullopt;
  const clang::Expr* e = operandExpr(call, *m.whenArg);
  const auto* ref = e ? llvm::dyn_cast<clang::DeclRefExpr>(e->IgnoreParenImpCasts()) : nullptr;
  const auto* param = ref ? llvm::dyn_cast<clang::ParmVarDecl>(ref->getDecl()) : nullptr;
  // The object itself, also through a chain of calls returning it (`out << a << b`).
  const auto p = type && e && !param ? lvalue(e) : std::nullopt;
  if (p && p->fields.empty())
    if (const std::optional<unsigned> at = paramIndex(p->root); at && *at < fn_->getNumParams())
      param = fn_->getParamDecl(*at);
  const std::optional<unsigned> index = param ? paramIndex(param) : std::nullopt;
  if (!index && p && p->fields.empty())
    if (const clang::CallExpr* made = madeBy(p->root))  // `auto out = open_stream(path);`
      return StrPiece{StrPiece::When, kReturnTypeCondition + m.rootType->text, siteId(made)};
  if (!index) return std::nullopt;
  if (type) {
    const clang::QualType declared = param->getType();
    if (!(declared->isReferenceType() || declared->isPointerType()) || !pointedRecord(declared)) return std::nullopt;
    return StrPiece{StrPiece::When, kTypeCondition + m.rootType->text, *index};
  }
  return StrPiece{StrPiece::When, m.argIs ? m.argIs->text : "!" + m.argIsNot->text, *index};
}

// The call of the program's function a local variable was initialised with, if any:
// a stream or handle a factory returned.
const clang::CallExpr* FunctionAnalyzer::madeBy(const void* root) const {
  if (root == fn_) return nullptr;  // `this`
  const auto* var = llvm::dyn_cast_or_null<clang::VarDecl>(static_cast<const clang::Decl*>(root));
  if (!var || !var->hasLocalStorage() || llvm::isa<clang::ParmVarDecl>(var) || !var->getInit()) return nullptr;
  const clang::Expr* init = var->getInit()->IgnoreImplicit();
  if (const auto* copy = llvm::dyn_cast<clang::CXXConstructExpr>(init); copy && copy->getNumArgs() == 1)
    init = copy->getArg(0)->IgnoreImplicit();
  const auto* call = llvm::dyn_cast<clang::CallExpr>(init);
  return call && isUserFunction(call->getDirectCallee()) ? call : nullptr;
}

// What a model under a deferred condition does that callers can tell apart: the
// destination it sets on a handle (which keeps its earlier value as the other
// form) and its sink, whose destination's forms take the condition.
void FunctionAnalyzer::applyDeferredModel(const CallView& call, const ApiModel& m, const StrPiece& when, State& s) {
  if (m.setDestination) {
    const clang::Expr* target = operandExpr(call, m.setDestination->target);
    if (auto path = target ? lvalue(target) : std::nullopt) {
      const AccessPath at{path->root, path->fields, false};
      const StrVal before = destinationOf(evalPath(at, target->getType(), s));
      std::vector<StrVal> each =
          forms(underCondition(destinationOf(operandValue(call, m.setDestination->from, s)), when));
      for (const StrVal& form : forms(before)) each.push_back(form);
      s[at].dest = fromForms(each);
    }
  }
  if (m.sink && !writeIntoView(call, m, s)) recordSink(call, m, s, &when), writeIntoInput(call, m, s);
}

// A record of the program, or a pointer or reference to one (not std::string).
bool FunctionAnalyzer::pointsToRecord(clang::QualType t) const {
  if (t->isPointerType() || t->isReferenceType()) t = t->getPointeeType();
  const clang::RecordDecl* record = t->getAsRecordDecl();
  return record && !isSystemRecord(ctx_.ast, record);
}

// The arguments the call spells out: not defaults, not the object of a member operator.
unsigned FunctionAnalyzer::explicitArgs(const CallView& call) {
  unsigned n = 0;
  for (std::size_t i = call.selfInArgs ? 1 : 0; i < call.args.size(); ++i)
    n += !llvm::isa<clang::CXXDefaultArgExpr>(call.args[i]);
  return n;
}

// The declared type of the variable an operand names (a stream declared as
// std::ofstream stays one when passed on as std::ostream&), else the operand's type.
clang::QualType FunctionAnalyzer::rootTypeOf(const clang::Expr* e) {
  auto p = lvalue(e);
  clang::QualType root;
  if (p && p->root == fn_) {
    if (const auto* m = llvm::dyn_cast<clang::CXXMethodDecl>(fn_)) root = ctx_.ast.getRecordType(m->getParent());
  } else if (const auto* v =
                 p ? llvm::dyn_cast_or_null<clang::VarDecl>(static_cast<const clang::Decl*>(p->root)) : nullptr) {
    root = v->getType();
  }
  // A member: its declared type, whatever the expression naming it says (a stream
  // the session's sendRequest returned, `_pSession->sendRequest(req) << body`; an
  // ofstream member whose write() is std::ostream's).
  if (!root.isNull() && !p->fields.empty()) root = memberType(root, p->fields);
  if (root.isNull()) return e->IgnoreParenImpCasts()->getType();
  // Held by a smart pointer (`Poco::SharedPtr<HTTPClientSession> _pSession`): the object.
  const clang::CXXRecordDecl* record = pointedRecord(root);
  const clang::CXXRecordDecl* own = root.getNonReferenceType()->getAsCXXRecordDecl();
  return record && own && record != own->getDefinition() ? ctx_.ast.getRecordType(record) : root;
}

// The declared type of `fields` (`a.b`) below an object of type `type`; through
// pointers and smart pointers (a class whose operator-> gives the object). Null
// where a step is no field of a record (an element, a part).
clang::QualType FunctionAnalyzer::memberType(clang::QualType type, const std::string& fields) const {
  llvm::StringRef rest = fields;
  while (!rest.empty() && !type.isNull()) {
    auto [name, more] = rest.split('.');
    rest = more;
    if (name.starts_with("[#")) {  // an element of an array (facts/TaintOps.h indexField)
      if (type->isArrayType()) type = clang::QualType(type->getPointeeOrArrayElementType(), 0);
      continue;
    }
    const clang::CXXRecordDecl* record = pointedRecord(type);
    if (!record) return {};
    type = fieldType(record, name);
  }
  return type;
}

// The declared type of field `name` of `record` or of one of its bases (a stream
// member a subclass writes to), null if none has it.
clang::QualType FunctionAnalyzer::fieldType(const clang::CXXRecordDecl* record, llvm::StringRef name) const {
  record = record ? record->getDefinition() : nullptr;
  if (!record) return {};
  for (const clang::FieldDecl* f : record->fields())
    if (f->getName() == name) return f->getType();
  for (const clang::CXXBaseSpecifier& base : record->bases())
    if (clang::QualType found = fieldType(base.getType()->getAsCXXRecordDecl(), name); !found.isNull()) return found;
  return {};
}

// The record a value of `type` is or points to, also through a smart pointer.
const clang::CXXRecordDecl* FunctionAnalyzer::pointedRecord(clang::QualType type) const {
  type = type.getNonReferenceType();
  if (type->isPointerType()) type = type->getPointeeType();
  const clang::CXXRecordDecl* record = type->getAsCXXRecordDecl();
  if (!record || !record->hasDefinition()) return nullptr;
  record = record->getDefinition();
  // A smart pointer stands for its object: its `operator->`, its own or a base's
  // (libstdc++'s shared_ptr has it in __shared_ptr_access).
  const auto pointeeOfArrow = [](const clang::CXXRecordDecl* rd) -> const clang::CXXRecordDecl* {
    for (const clang::CXXMethodDecl* m : rd->methods())
      if (m->getOverloadedOperator() == clang::OO_Arrow && m->getReturnType()->isPointerType())
        if (const clang::CXXRecordDecl* pointee = m->getReturnType()->getPointeeType()->getAsCXXRecordDecl())
          return pointee->hasDefinition() ? pointee->getDefinition() : nullptr;
    return nullptr;
  };
  if (const clang::CXXRecordDecl* pointee = pointeeOfArrow(record)) return pointee;
  const clang::CXXRecordDecl* viaBase = nullptr;
  record->forallBases([&](const clang::CXXRecordDecl* base) {
    if (!viaBase) viaBase = pointeeOfArrow(base);
    return true;
  });
  return viaBase ? viaBase : record;
}

Taint FunctionAnalyzer::sanitize(Taint t, const std::vector<std::string>& removes) const {
  const auto removed = [&](const std::string& cat) {
    for (const auto& r : removes)
      if (categoryMatches(r, cat)) return true;
    return false;
  };
  std::vector<Origin> kept;
  for (auto& o : t.origins)
    if (!removed(o.category)) kept.push_back(std::move(o));
  t.origins = std::move(kept);
  t.input = false;  // what a field holds after a sanitizer is not what its name says
  // Symbolic inputs cannot be filtered by category here; a sanitizer of everything drops them.
  if (removed("*") || std::find(removes.begin(), removes.end(), "*") != removes.end()) {
    t.params.clear();
    t.calls.clear();
  }
  return t;
}

// A library call returning its object (`s.append(x)`, `out << x`) or a position in
// it (`m.insert(x)`'s iterator, `v.insert(it, x)`) carries what the object holds
// after the call: the state already has the call's own effect.
Taint FunctionAnalyzer::objectAfterCall(const CallView& call, const State& s) {
  const clang::QualType result = call.callee->getReturnType();
  if (result->isReferenceType()) {
    if (auto path = lvalue(call.expr)) return evalPath(*path, result.getNonReferenceType(), s).taint;
    if (!call.self || call.selfInArgs) return {};
    // A temporary (`std::string(x).append(y)`) has no path to store into: its value
    // is what it held plus what the call put in.
    Taint t = eval(call.self, s).taint;
    for (const ApiModel* m : ctx_.apis.modelsFor(call.callee))
      if (conditionHolds(*m, call))
        for (const auto& flow : m->flows)
          if (flow.to.kind == Operand::This) mergeTaint(t, flowValue(call, flow, s).taint);
    return t;
  }
  if (!call.self || call.selfInArgs || isScalarResult(result) || !isPositionType(result)) return {};
  return eval(call.self, s).taint;
}

// A function annotated egress:<category>, or named by a `sources` rule without
// `out`, returns data of that category.
Taint FunctionAnalyzer::declaredResult(const clang::FunctionDecl* callee, const clang::Expr* at) {
  Taint t;
  const auto add = [&](const std::string& c, const char* how) {
    Origin o{c, loc(callee->getLocation()), canonicalName(callee) + "()", {}, currentGuards_};
    o.path.push({loc(at), "returned by " + canonicalName(callee) + "() (" + c + ", " + how + ")"});
    t.origins.push_back(std::move(o));
  };
  for (const std::string& c : ctx_.classifier.annotatedCategories(callee)) add(c, "annotated");
  for (const SourceRule* r : ctx_.apis.sourcesOf(callee))
    if (!r->out && !r->param) add(r->category, "a source in the rules");
  return t;
}

// `sources` rules with `param: N` naming the function analysed: in its body, its
// parameter N is data of the rule's category (a handler a framework calls with a
// request), whoever calls it.
Taint FunctionAnalyzer::declaredParam(unsigned index) {
  Taint t;
  if (index >= fn_->getNumParams()) return t;
  const clang::ParmVarDecl* param = fn_->getParamDecl(index);
  const std::string what = "parameter `" + param->getNameAsString() + "` of " + canonicalName(fn_) + "()";
  for (const SourceRule* r : ctx_.apis.sourcesOf(fn_)) {
    if (r->param != index) continue;
    Origin o{r->category, loc(param->getLocation()), what, {}};
    o.path.push({loc(param->getLocation()), "received by " + canonicalName(fn_) + "() as parameter " +
                                                std::to_string(index) + " (" + r->category +
                                                ", a source in the rules)"});
    t.origins.push_back(std::move(o));
  }
  return t;
}

// `sources` rules with `out: N`: after the call, what argument N names or points to
// is data of the rule's category (a getter filling a caller's buffer).
void FunctionAnalyzer::storeDeclaredOutputs(const CallView& call, State& s) {
  for (const SourceRule* r : ctx_.apis.sourcesOf(call.callee)) {
    if (!r->out) continue;
    const clang::Expr* arg = operandExpr(call, Operand{Operand::Arg, *r->out});
    auto path = arg ? lvalue(arg) : std::nullopt;
    if (!path) continue;
    const std::string what = canonicalName(call.callee) + "()";
    Origin o{r->category, loc(call.callee->getLocation()), what, {}, currentGuards_};
    o.path.push({loc(call.expr), "written by " + what + " into argument " + std::to_string(*r->out) + " (" +
                                     r->category + ", a source in the rules)"});
    AbsVal v;
    v.taint.origins.push_back(std::move(o));
    store(*path, std::move(v), s, call.expr, true);
  }
}

// One element of an aggregate stored on its own (`std::get<0>(pair)`), or of a map
// under a constant key: what was stored there.
std::optional<AbsVal> FunctionAnalyzer::storedElement(const CallView& call, const State& s) {
  if (selectedElement(call) || (!elementField(call) && !halvesModels(call).empty())) {
    auto path = lvalue(call.expr);
    if (path && path->weak) return partApart(*path, call.expr->getType(), s);
    if (!path) return std::nullopt;
    auto stored = s.find(AccessPath{path->root, path->fields, false});
    if (stored == s.end() || stored->second.partial) return std::nullopt;
    return evalPath(*path, call.expr->getType(), s);
  }
  if (!elementField(call)) return std::nullopt;
  auto path = lvalue(call.expr);
  if (!path) return std::nullopt;
  // An element never stored under its key here may have come with the whole map
  // (merged or copied from another one): then it is what the map holds.
  const std::string prefix = path->fields + ".";
  auto below = s.lower_bound(AccessPath{path->root, path->fields, false});
  const bool stored =
      below != s.end() && below->first.root == path->root &&
      (below->first.fields == path->fields || below->first.fields.compare(0, prefix.size(), prefix) == 0);
  if (stored) return evalPath(*path, call.expr->getType(), s);
  const std::size_t dot = path->fields.rfind('.');
  return evalPath(AccessPath{path->root, dot == std::string::npos ? "" : path->fields.substr(0, dot), false},
                  call.expr->getType(), s);
}

// The result of a call the rules model (rules/apis): provenance (`returns`), objects
// a factory constructs, flows into the result. None if no model applies here.
std::optional<AbsVal> FunctionAnalyzer::evalModelledCall(const CallView& call, const State& s) {
  AbsVal v;
  bool modelled = false, provenanced = false;
  for (const ApiModel* m : ctx_.apis.modelsFor(call.callee)) {
    if (!conditionHolds(*m, call)) continue;
    modelled = true;
    // One provenance per result: a generic accessor pattern and a library's own
    // model may both name `QSettings::value`; the first in rule order answers.
    if (m->returns && !m->returns->to && !provenanced) {
      v.str.pieces.push_back(provenance(call, *m->returns, s, m->aliasOf.has_value()));
      provenanced = true;
    }
    // A handle made aimed (`soup_message_new("POST", uri)`): what is added to it
    // later is its content, never where it goes.
    if (m->setDestination && m->setDestination->target.kind == Operand::Return)
      v.dest = destinationOf(operandValue(call, m->setDestination->from, s));
    if (m->constructs)
      if (const auto* ctor = factoryConstructor(call.callee, unsigned(call.args.size()))) {
        CallView built = call;
        built.callee = ctor;
        built.isConstructor = true;
        if (isUserFunction(ctor)) v.taint.calls.push_back(constructionSite(built, s));
        // A library class (`std::make_unique<std::ofstream>(path)`): where its
        // constructor's models aim the object.
        else v.dest = aimedByConstructor(built, s);
      }
    // A binder's callable holds what it was given: the function and the bound values.
    if (m->binds) {
      AbsVal given = callInputs(call, s);
      mergeTaint(v.taint, given.taint);
      v.fns.insert(v.fns.end(), given.fns.begin(), given.fns.end());
    }
    v.taint.input |=
        std::any_of(m->input.begin(), m->input.end(), [](const Operand& o) { return o.kind == Operand::Return; });
    for (const auto& flow : m->flows) {
      if (flow.to.kind != Operand::Return) continue;
      const AbsVal fv = flowValue(call, flow, s);
      mergeTaint(v.taint, fv.taint);
      // A factory's object is what its constructor makes of the arguments, not their
      // text; nor is an object built from properties (`g_object_new(T, "host", h,
      // NULL)`, whose text would be "host" and h run together): its properties are.
      const bool fromProperties = m->setProperties && m->setProperties->to.kind == Operand::Return;
      if (!v.str.known() && !m->constructs && !fromProperties) v.str = fv.str;
      if (!v.dest.known()) v.dest = fv.dest;
    }
  }
  if (!modelled) return std::nullopt;
  mergeTaint(v.taint, declaredResult(call.callee, call.expr));
  mergeTaint(v.taint, objectAfterCall(call, s));
  return v;
}

// Where a provenance model's value comes from: env:X, config:X, option:X.
StrPiece FunctionAnalyzer::provenance(const CallView& call, const ApiModel::Provenance& returns, const State& s,
                                      bool viewOfParent) {
  const auto kind = returns.kind == "env"      ? StrPiece::Env
                    : returns.kind == "config" ? StrPiece::Config
                                               : StrPiece::Option;
  std::string name = keyPart(call, returns.key, s);
  if (const std::optional<unsigned> at = keyIndex(call, returns.key, s); at && namesSection(call, returns, *at))
    name += returns.separator + keyPart(call, Operand{Operand::Arg, *at + 1}, s);
  // A section of a configuration read further (`cfg.at("kafka").at("brokers")`,
  // `doc[section][key]`): the key is the whole path, kafka.brokers.
  const clang::Expr* parent = returns.parent ? operandExpr(call, *returns.parent) : call.self;
  if (kind == StrPiece::Config && parent) {
    const StrVal section = eval(parent, s).str;
    if (const StrPiece* outer = onlyPiece(section, StrPiece::Config)) name = outer->text + returns.separator + name;
    // A section of a document the function was handed (`opt(cfg["sms"], "url")`
    // reading `section[key]`, a view of it): each call names it. Not a getter of a
    // configuration object (one read from the file a path names).
    else if (const StrPiece* given = onlyPiece(section, StrPiece::Param);
             given && given->text.empty() && viewOfParent && isParameter(parent))
      name = keyParam(given->index) + returns.separator + name;
  }
  return {kind, name, 0};
}

bool FunctionAnalyzer::isParameter(const clang::Expr* e) {
  const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(e->IgnoreParenImpCasts());
  return ref && llvm::isa<clang::ParmVarDecl>(ref->getDecl());
}

// One part of a provenance key: its constant text, or `<argN>` where it is this
// function's own parameter N, for the callers to name; else "?".
std::string FunctionAnalyzer::keyPart(const CallView& call, const Operand& op, const State& s) {
  const StrVal key = provenanceKey(call, op, s);
  if (key.known()) return key.pieces[0].text;
  if (op.kind == Operand::AllArgs) return "?";
  const StrVal given = operandValue(call, op, s).str;
  const StrPiece* param = onlyPiece(given, StrPiece::Param);
  return param && param->text.empty() ? keyParam(param->index) : "?";
}

// Whether the key's parameter is a section the next argument completes.
bool FunctionAnalyzer::namesSection(const CallView& call, const ApiModel::Provenance& returns,
                                    unsigned keyIndex) const {
  if (!returns.section || !call.callee || (call.selfInArgs && keyIndex == 0)) return false;
  const unsigned param = keyIndex - (call.selfInArgs ? 1 : 0);
  if (param + 1 >= call.callee->getNumParams() || keyIndex + 1 >= call.args.size()) return false;
  return returns.section->matches(call.callee->getParamDecl(param)->getName().str());
}

// An object a constructor builds where it is no variable (a temporary, `new T(...)`):
// the call's value, with the destination a model of the constructor sets on it
// (`new HTTPClientSession(host, 80)` points at `host`).
AbsVal FunctionAnalyzer::constructedValue(const CallView& call, const State& s) {
  AbsVal v = evalCall(call, s);
  if (v.dest.known() || !call.callee) return v;
  v.dest = aimedByConstructor(call, s);
  return v;
}

// Where the models of constructor call `call` aim the object it builds (the last
// that sets one), if any.
StrVal FunctionAnalyzer::aimedByConstructor(const CallView& call, const State& s) {
  StrVal aimed;
  for (const ApiModel* m : ctx_.apis.modelsFor(call.callee))
    if (m->setDestination && m->setDestination->target.kind == Operand::This && conditionHolds(*m, call))
      aimed = destinationOf(operandValue(call, m->setDestination->from, s));
  return aimed;
}

// Engine default for library calls nobody modelled: a number, flag or void result
// carries nothing (sizes, counts, comparisons); anything else carries its inputs.
AbsVal FunctionAnalyzer::evalUnmodelledCall(const CallView& call, const State& s) {
  AbsVal v;
  if (!call.isConstructor && isScalarResult(call.callee->getReturnType())) {
    v.taint = declaredResult(call.callee, call.expr);
    return v;
  }
  v = callInputs(call, s);
  mergeTaint(v.taint, declaredResult(call.callee, call.expr));
  if (call.isConstructor && !call.args.empty()) v.str = eval(call.args[0], s).str;
  return v;
}

// The effects of the models that apply to a call: flows into arguments and the
// object, swaps, TLS and destinations set on handles, sinks. False if none applies.
bool FunctionAnalyzer::execModelledCall(const CallView& call, State& s) {
  const std::vector<const ApiModel*> halves = halvesModels(call);
  // What is written to a sink's handle leaves through it: it does not also stay in
  // the handle (a request stream aliasing its session would hold the body as the
  // session's value, read later as its destination).
  std::vector<Operand> sentThrough;
  for (const ApiModel* m : ctx_.apis.modelsFor(call.callee))
    if (m->sink && m->sink->destination && conditionHolds(*m, call)) sentThrough.push_back(*m->sink->destination);
  bool modelled = false;
  for (const ApiModel* m : ctx_.apis.modelsFor(call.callee)) {
    if (!conditionHolds(*m, call)) {
      // Not `modelled`: a program that defines the function (curl's own sources)
      // still runs it.
      if (auto when = deferredCondition(*m, call)) applyDeferredModel(call, *m, *when, s);
      continue;
    }
    modelled = true;
    applyModel(call, *m, halves.empty(), sentThrough, s);
  }
  for (const ApiModel* m : halves) storeHalves(call, *m->halves, s);
  return modelled;
}

// `connect(scanner, &Scanner::scanned, feed, &Feed::announce)`: every call of the
// signal also runs the handler (CallGraph::targets), so the handlers are kept as
// functions stored in a global keyed by the signal (collectEffects).
void FunctionAnalyzer::recordConnection(const CallView& call, const ApiModel::Connect& connect, const State& s) {
  const clang::Expr* signal = operandExpr(call, connect.signal);
  const clang::Expr* handler = operandExpr(call, connect.handler);
  if (!signal || !handler) return;
  std::vector<std::string> handlers = eval(handler, s).fns;
  if (const clang::LambdaExpr* lambda = handlers.empty() ? lambdaHeldBy(handler) : nullptr)
    handlers = callOperatorUsrs(lambda);  // a lambda copied into the call
  if (handlers.empty()) handlers = callOperators(handler);
  // A signal of the library (`QTimer::timeout`, `QNetworkReply::finished`) is emitted
  // by the event loop, never by the program: a lambda connected to it runs there with
  // the captures it has here, and nothing of the program's data as arguments.
  if (emittedByLibrary(signal)) recordHandlerRun(call, handler, s);
  for (const std::string& usr : eval(signal, s).fns) {
    std::vector<std::string>& connected = connections_[kConnectedHandlers + usr];
    for (const std::string& h : handlers)
      if (std::find(connected.begin(), connected.end(), h) == connected.end()) connected.push_back(h);
  }
}

// `&QTimer::timeout`: a member function of a library class named as a signal.
bool FunctionAnalyzer::emittedByLibrary(const clang::Expr* signal) const {
  const auto* addressOf = llvm::dyn_cast<clang::UnaryOperator>(signal->IgnoreParenImpCasts());
  const auto* ref =
      llvm::dyn_cast<clang::DeclRefExpr>((addressOf ? addressOf->getSubExpr() : signal)->IgnoreParenImpCasts());
  const auto* fn = ref ? llvm::dyn_cast<clang::FunctionDecl>(ref->getDecl()) : nullptr;
  return fn && !isUserFunction(fn);
}

// A wipe (a flow from nothing that replaces, `memset(p, 0, sizeof *p)`) through a
// pointer variable: the start of filling a fresh or global object, not a value being
// blanked; it leaves what the object stands for as it was.
bool FunctionAnalyzer::initialisesThroughPointer(const ApiModel::Flow& flow, const clang::Expr* target) {
  if (!flow.from.empty() || !flow.replace || flow.to.kind != Operand::Arg) return false;
  const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(target->IgnoreParenImpCasts());
  return ref && ref->getType()->isPointerType();
}

// A write through a pointer a constant table gives (`strncpy((char *)cfg + f->off,
// val, n)` over `{"broker", offsetof(struct config, broker)}` rows). A wipe of the
// row's field (no value) is left to the plain store.
bool FunctionAnalyzer::storeIntoTableRows(const CallView& call, const ApiModel::Flow& flow, const clang::Expr* target,
                                          State& s) {
  if (flow.from.empty()) return false;
  const std::vector<TableRow> rows = tableRowsOf(target);
  if (rows.empty()) return false;
  std::vector<clang::QualType> copied;
  for (const Operand& from : flow.from)
    for (const clang::Expr* e : operandExprs(call, from)) copied.push_back(e->IgnoreParenImpCasts()->getType());
  storeInTableRows(rows, copied, flowValue(call, flow, s), call.expr, s);
  return true;
}

// Each row's field of the kind the value is (text or number, by the `copied` types)
// gets it on some path. A text the program read (unknown, or handed in by the
// parser) is the configuration key the row names.
void FunctionAnalyzer::storeInTableRows(const std::vector<TableRow>& rows, const std::vector<clang::QualType>& copied,
                                        const AbsVal& value, const clang::Stmt* at, State& s) {
  const std::optional<bool> text = isText(copied);
  for (const TableRow& row : rows) {
    std::optional<AccessPath> path = lvalue(row.target);
    if (!path || (text && *text != isStringLike(row.type))) continue;
    path->fields = joinFieldBounded(path->fields, row.field);
    AbsVal v = value;
    if (!row.key.empty() && knowsNothingHere(v.str)) v.str = StrVal{{{StrPiece::Config, row.key, 0}}, {}};
    store(*path, std::move(v), s, at, false);
  }
}

// `intoObject` false: the call stores into a container of pairs by halves instead.
void FunctionAnalyzer::applyModel(const CallView& call, const ApiModel& m, bool intoObject,
                                  const std::vector<Operand>& sentThrough, State& s) {
  if (m.connects) recordConnection(call, *m.connects, s);
  for (const auto& flow : m.flows) {
    if (flow.to.kind == Operand::Return || (flow.to.kind == Operand::This && !intoObject)) continue;
    if (std::any_of(sentThrough.begin(), sentThrough.end(),
                    [&](const Operand& o) { return o.kind == flow.to.kind && o.index == flow.to.index; }))
      continue;
    for (const clang::Expr* target : operandExprs(call, flow.to)) {
      if (initialisesThroughPointer(flow, target)) continue;
      if (storeIntoTableRows(call, flow, target, s)) continue;
      auto path = lvalue(target);
      if (!path) continue;
      if (flow.to.kind == Operand::This)
        if (auto element = elementField(call)) appendField(*path, *element);
      AbsVal value = flowValue(call, flow, s);
      // Properties set on an object (`g_object_set(o, "host", h, NULL)`) are its
      // fields' text (set-properties), not the object's.
      if (m.setProperties && m.setProperties->to.kind == flow.to.kind && m.setProperties->to.index == flow.to.index)
        value.str = {};
      store(*path, std::move(value), s, call.expr, !flow.replace);
      noteFieldStore(target, storedString(*path, s), call.expr);
      // A view onto another object (`part = curl_mime_addpart(form)`): what is put
      // in it is in that object too; so is what is put in a view of the view
      // (`item.append_attribute("awb").set_value(x)` with `item` a node of `doc`).
      const AccessPath* view = viewNamedBy(target);
      if (!view)
        if (auto viewed = views_.find(static_cast<const clang::Decl*>(path->root)); viewed != views_.end())
          view = &viewed->second;
      if (view) store(*view, flowValue(call, flow, s), s, call.expr, true);
      // A lambda put in a container (`jobs.push_back([body = c.email] {...})`)
      // keeps its captures there, for the call that later runs it.
      for (const Operand& from : flow.from)
        for (const clang::Expr* source : operandExprs(call, from)) storeClosure(*path, source, s, !flow.replace);
    }
  }
  markInput(call, m.input, s);
  if (m.properties) readProperties(call, *m.properties, s);
  if (m.setProperties && m.setProperties->to.kind == Operand::Arg)
    if (const clang::Expr* target = operandExpr(call, m.setProperties->to))
      if (auto object = lvalue(target)) storeProperties(*object, call, *m.setProperties, s);
  if (m.returns && m.returns->to) storeProvenance(call, *m.returns, s);
  if (m.swaps) swapOperands(call, *m.swaps, s);
  if (m.joins) joinPart(call, *m.joins, s);
  if (m.encrypts) {
    const clang::Expr* handle = operandExpr(call, *m.encrypts);
    if (auto path = handle ? lvalue(handle) : std::nullopt) {
      auto [slot, fresh] = s.try_emplace(AccessPath{path->root, path->fields, false});
      slot->second.partial |= fresh;  // only the flag is known: reads still see the handle
      slot->second.tls = true;
    }
  }
  if (m.setDestination) {
    const clang::Expr* target = operandExpr(call, m.setDestination->target);
    auto path = target ? lvalue(target) : std::nullopt;
    const StrVal aimed = destinationOf(operandValue(call, m.setDestination->from, s));
    if (path) s[AccessPath{path->root, path->fields, false}].dest = aimed;
    if (target) noteFieldStore(target, aimed, call.expr);
    // A handle that is a view onto another (the socket rabbitmq-c makes for a
    // connection) aims that one too: sends name the connection.
    if (const AccessPath* view = target ? viewNamedBy(target) : nullptr)
      s[AccessPath{view->root, view->fields, false}].dest = aimed;
  }
  if (m.moves)
    moves_[siteId(call.expr)] = {destinationOf(operandValue(call, m.moves->from, s)),
                                 destinationOf(operandValue(call, m.moves->to, s))};
  if (m.sink && !writeIntoView(call, m, s)) recordSink(call, m, s), writeIntoInput(call, m, s);
}

// A provenance model writing through an out-argument: what it points to is now the
// value read from the environment or configuration.
void FunctionAnalyzer::storeProvenance(const CallView& call, const ApiModel::Provenance& returns, State& s) {
  const clang::Expr* target = operandExpr(call, *returns.to);
  auto path = target ? lvalue(target) : std::nullopt;
  if (!path) return;
  AbsVal read;
  read.str.pieces.push_back(provenance(call, returns, s));
  store(*path, std::move(read), s, call.expr, false);
  noteFieldStore(target, storedString(*path, s), call.expr);
}

// A model's `input`: the operands now hold bytes read from outside the program, on
// top of what they held (a buffer `recv` fills in part).
void FunctionAnalyzer::markInput(const CallView& call, const std::vector<Operand>& input, State& s) {
  AbsVal read;
  read.taint.input = true;
  for (const Operand& o : input)
    for (const clang::Expr* target : operandExprs(call, o))
      if (auto path = lvalue(target)) {
        store(*path, read, s, call.expr, true);
        noteFieldStore(target, StrVal{}, call.expr);
      }
}

// A model's `properties`: (name, &value) pairs from the operand on. Each value read
// is data of the category a field of that name would be: an object's property is
// its field by another spelling (`g_object_get(s, "tracking-number", &tn, NULL)`).
void FunctionAnalyzer::readProperties(const CallView& call, const Operand& first, State& s) {
  const clang::Expr* object = operandExpr(call, Operand{Operand::Arg, 0});
  const std::optional<AccessPath> owner = object ? lvalue(object) : std::nullopt;
  forEachProperty(call, first, s, [&](const std::string& property, const clang::Expr* out) {
    const std::optional<AccessPath> path = lvalue(out);
    if (!path || !out->getType()->isPointerType()) return;
    AbsVal read;
    for (const std::string& c : ctx_.classifier.propertyCategories(property, out->getType()->getPointeeType())) {
      Origin o{c, loc(call.expr), "property \"" + property + "\"", {}, currentGuards_};
      o.path.push({loc(call.expr), "reads property \"" + property + "\" (" + c + ")"});
      read.taint.origins.push_back(std::move(o));
    }
    // Its text is what the object holds at the field of that name (where a
    // `set-properties` model put it: `g_object_get(self, "host", &host, NULL)`).
    // It replaces the object's own text, which the model's flow put there.
    const StrVal text = owner ? destinationOf(evalPath(propertyField(*owner, property), out->getType(), s)) : StrVal{};
    if (!read.taint.empty()) store(*path, std::move(read), s, call.expr, true);
    if (text.known()) s[AccessPath{path->root, path->fields, false}].str = text;
  });
}

// The (name, value) pairs of a variadic property list from `first` on, up to the
// first name that is no constant text (the NULL ending the list).
void FunctionAnalyzer::forEachProperty(const CallView& call, const Operand& first, const State& s,
                                       const std::function<void(const std::string&, const clang::Expr*)>& each) {
  for (unsigned i = first.index;; i += 2) {
    const clang::Expr* name = operandExpr(call, Operand{Operand::Arg, i});
    const clang::Expr* value = operandExpr(call, Operand{Operand::Arg, i + 1});
    const StrVal key = name ? eval(name, s).str : StrVal{};
    if (!value || key.pieces.size() != 1 || !key.alts.empty() || key.pieces[0].kind != StrPiece::Const) return;
    each(key.pieces[0].text, value);
  }
}

// A property is the object's field of that name, spelled with underscores
// ("partner-code" is `partner_code`).
AccessPath FunctionAnalyzer::propertyField(const AccessPath& object, std::string property) {
  std::replace(property.begin(), property.end(), '-', '_');
  return AccessPath{object.root, joinField(object.fields, property), object.weak};
}

// A model's `set-properties` into `object`: each value at its property's field.
void FunctionAnalyzer::storeProperties(const AccessPath& object, const CallView& call,
                                       const ApiModel::SetProperties& set, State& s) {
  forEachProperty(call, set.from, s, [&](const std::string& property, const clang::Expr* value) {
    store(propertyField(object, property), eval(value, s), s, call.expr, object.weak);
  });
}

// `obj = g_object_new(T, "endpoint", url, NULL)`: the result's properties, stored
// below the path the result is stored at.
void FunctionAnalyzer::storeResultProperties(const AccessPath& self, const CallView& call, State& s) {
  if (!call.callee) return;
  for (const ApiModel* m : ctx_.apis.modelsFor(call.callee))
    if (m->setProperties && m->setProperties->to.kind == Operand::Return && conditionHolds(*m, call))
      storeProperties(self, call, *m->setProperties, s);
}

// The `halves` models that apply to a call on a container of pairs, unless the call
// names an element under a constant key (that element is tracked on its own).
std::vector<const ApiModel*> FunctionAnalyzer::halvesModels(const CallView& call) {
  std::vector<const ApiModel*> out;
  for (const ApiModel* m : ctx_.apis.modelsFor(call.callee))
    if (m->halves && conditionHolds(*m, call)) out.push_back(m);
  if (out.empty()) return out;
  const clang::Expr* object = operandExpr(call, Operand{Operand::This, 0});
  if (!object || !hasPartedElements(object->getType()) || elementField(call)) out.clear();
  return out;
}

// Stores a call's operands into the parts of the container's elements (weak: one
// more element): a pair's `first` and `second`, a tuple's `#0`, `#1`, ... `parts`
// gives one operand per part; else `first` and `second` are parts 0 and 1, and
// `pair` applies when `second` is not passed.
void FunctionAnalyzer::storeHalves(const CallView& call, const ApiModel::Halves& halves, State& s) {
  const clang::Expr* object = operandExpr(call, Operand{Operand::This, 0});
  auto path = object ? lvalue(object) : std::nullopt;
  if (!path) return;
  const clang::RecordDecl* element = partedElementOf(object->getType());
  const unsigned count = std::max(2u, elementCount(element));
  const auto put = [&](unsigned part, AbsVal v) {
    const std::string field = joinField(path->fields, elementName(element, part));
    store(AccessPath{path->root, field, true}, std::move(v), s, call.expr, true);
  };
  if (halves.parts) {
    const std::vector<const clang::Expr*> parts = operandExprs(call, *halves.parts);
    if (parts.size() >= 2 && parts.size() == count) {
      for (unsigned i = 0; i < count; ++i) put(i, eval(parts[i], s));
      return;
    }
  }
  const bool separate = halves.second && !operandExprs(call, *halves.second).empty();
  if (halves.first && (separate || !halves.pair)) put(0, operandValue(call, *halves.first, s));
  if (separate) put(1, operandValue(call, *halves.second, s));
  if (separate || !halves.pair) return;
  const clang::Expr* pair = operandExpr(call, *halves.pair);
  if (!pair) return;
  if (auto parts = count == 2 ? pairParts(pair, s) : std::nullopt) {
    put(0, std::move(parts->first));
    put(1, std::move(parts->second));
    return;
  }
  const AbsVal whole = eval(pair, s);  // parts not known apart: each may hold it
  for (unsigned i = 0; i < count; ++i) put(i, whole);
}

// The two halves of an expression of pair type, where they are known apart: a pair
// built from two values (`{a, b}`, `std::make_pair(a, b)`, its constructor), or a
// variable whose halves were stored apart.
std::optional<std::pair<AbsVal, AbsVal>> FunctionAnalyzer::pairParts(const clang::Expr* e, const State& s) {
  e = e->IgnoreImplicit();
  if (const auto* tmp = llvm::dyn_cast<clang::MaterializeTemporaryExpr>(e)) return pairParts(tmp->getSubExpr(), s);
  if (const auto* list = llvm::dyn_cast<clang::InitListExpr>(e); list && list->getNumInits() == 2)
    return std::make_pair(eval(list->getInit(0), s), eval(list->getInit(1), s));
  if (const auto* ctor = llvm::dyn_cast<clang::CXXConstructExpr>(e)) {
    if (ctor->getNumArgs() == 2) return std::make_pair(eval(ctor->getArg(0), s), eval(ctor->getArg(1), s));
    if (ctor->getNumArgs() == 1) return pairParts(ctor->getArg(0), s);
    return std::nullopt;
  }
  if (const auto* call = llvm::dyn_cast<clang::CallExpr>(e)) {
    const CallView view = callView(call);
    if (view.args.size() != 2 || !buildsElements(view)) return std::nullopt;
    return std::make_pair(eval(view.args[0], s), eval(view.args[1], s));
  }
  auto path = lvalue(e);
  if (!path || path->weak) return std::nullopt;
  const AccessPath first{path->root, joinField(path->fields, "first"), false};
  const AccessPath second{path->root, joinField(path->fields, "second"), false};
  if (!s.count(first) && !s.count(second)) return std::nullopt;
  return std::make_pair(evalPath(first, {}, s), evalPath(second, {}, s));
}

}  // namespace egress
