// Calls of the program's own functions: call sites for the link stage (arguments,
// globals written before, guards held), what the callee may write, indirect calls
// through function values, and accessors run in place.
#include <algorithm>
#include <set>

#include <clang/AST/ASTContext.h>
#include <clang/AST/Decl.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/Analysis/CFG.h>
#include <clang/Basic/SourceManager.h>

#include "extract/ConstantTables.h"
#include "extract/FieldFunctions.h"
#include "extract/FunctionAnalyzer.h"
#include "extract/Names.h"
#include "extract/ReturnedGlobals.h"
#include "facts/TaintOps.h"

namespace egress {
namespace {

// `e`, or the one object it is copied or moved from (a closure or a smart pointer
// passed by value).
const clang::Expr* copiedFrom(const clang::Expr* e) {
  e = e->IgnoreImplicit()->IgnoreParens();
  if (const auto* copy = llvm::dyn_cast<clang::CXXConstructExpr>(e); copy && copy->getNumArgs() == 1)
    return copy->getArg(0)->IgnoreImplicit();
  return e;
}

// The parameter a pointer expression is a position in (`out`, `out + n`, `out++`,
// `&out[i]`), if any.
const clang::ParmVarDecl* positionBase(const clang::Expr* e) {
  e = e->IgnoreParenCasts();
  if (const auto* b = llvm::dyn_cast<clang::BinaryOperator>(e); b && b->isAdditiveOp())
    return positionBase(b->getLHS()->getType()->isPointerType() ? b->getLHS() : b->getRHS());
  if (const auto* u = llvm::dyn_cast<clang::UnaryOperator>(e)) {
    if (u->isIncrementDecrementOp()) return positionBase(u->getSubExpr());
    if (u->getOpcode() != clang::UO_AddrOf) return nullptr;
    const auto* element = llvm::dyn_cast<clang::ArraySubscriptExpr>(u->getSubExpr()->IgnoreParens());
    return element ? positionBase(element->getBase()) : nullptr;
  }
  if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(e))
    return llvm::dyn_cast<clang::ParmVarDecl>(ref->getDecl());
  return nullptr;
}

// The parameters the return statements under `s` return positions in; false when
// one returns anything else.
bool returnedPositions(const clang::Stmt* s, std::set<const clang::ParmVarDecl*>& into) {
  if (!s || llvm::isa<clang::LambdaExpr>(s)) return true;
  if (const auto* ret = llvm::dyn_cast<clang::ReturnStmt>(s)) {
    const clang::ParmVarDecl* base = ret->getRetValue() ? positionBase(ret->getRetValue()) : nullptr;
    if (!base) return false;
    into.insert(base);
    return true;
  }
  for (const clang::Stmt* child : s->children())
    if (!returnedPositions(child, into)) return false;
  return true;
}

// Whether every return statement under `s` returns `*this` (maybe cast).
bool returnsOnlyThis(const clang::Stmt* s) {
  if (!s || llvm::isa<clang::LambdaExpr>(s)) return true;
  if (const auto* ret = llvm::dyn_cast<clang::ReturnStmt>(s)) {
    const auto* deref = llvm::dyn_cast_or_null<clang::UnaryOperator>(
        ret->getRetValue() ? ret->getRetValue()->IgnoreParenCasts() : nullptr);
    return deref && deref->getOpcode() == clang::UO_Deref &&
           llvm::isa<clang::CXXThisExpr>(deref->getSubExpr()->IgnoreParenCasts());
  }
  return llvm::all_of(s->children(), returnsOnlyThis);
}

}  // namespace

// A method returning a reference to an object of its class (a builder's setter,
// a stream's `operator<<`) whose body returns `*this`, or whose body this TU does
// not see: by convention it returns the object it ran on. A chain of such calls
// is then one object with its calls, however long.
bool FunctionAnalyzer::returnsItsObject(const clang::FunctionDecl* callee) {
  const auto* method = llvm::dyn_cast<clang::CXXMethodDecl>(callee);
  if (!method || method->isStatic() || !method->getReturnType()->isLValueReferenceType()) return false;
  const auto* returned = method->getReturnType()->getPointeeType()->getAsCXXRecordDecl();
  const clang::CXXRecordDecl* own = method->getParent();
  if (!returned || !own) return false;
  returned = returned->getCanonicalDecl();
  if (!derivesFrom(returned, own)) return false;
  auto [known, fresh] = returnsItsObject_.try_emplace(method->getCanonicalDecl(), true);
  const clang::FunctionDecl* definition = nullptr;
  if (fresh && method->hasBody(definition) && definition) known->second = returnsOnlyThis(definition->getBody());
  return known->second;
}

namespace {

// Where the scope a statement ends closes: a block's `}`, else the statement.
clang::SourceLocation scopeEnd(const clang::Stmt* trigger) {
  if (const auto* block = llvm::dyn_cast_or_null<clang::CompoundStmt>(trigger)) return block->getRBracLoc();
  return trigger ? trigger->getBeginLoc() : clang::SourceLocation();
}

}  // namespace

// A local object destroyed where its scope ends, by a destructor of the program (an
// RAII wrapper sending what it buffered): a call of that destructor on the object.
void FunctionAnalyzer::execScopeEndDestructor(const clang::CFGAutomaticObjDtor& dtor, State& s) {
  const clang::VarDecl* var = dtor.getVarDecl();
  if (!var || var->getType()->isReferenceType()) return;
  const clang::CXXRecordDecl* record = var->getType()->getAsCXXRecordDecl();
  const clang::CXXDestructorDecl* destructor = record ? record->getDestructor() : nullptr;
  if (!destructor || !destructor->isUserProvided() || !isUserFunction(destructor)) return;
  const clang::Stmt* trigger = dtor.getTriggerStmt();
  auto [named, fresh] = destroyed_.try_emplace({var, trigger}, nullptr);
  if (fresh) {
    named->second = clang::DeclRefExpr::Create(ctx_.ast, {}, {}, const_cast<clang::VarDecl*>(var), false,
                                               var->getLocation(), var->getType(), clang::VK_LValue);
    scopeEnds_[named->second] = scopeEnd(trigger);
  }
  CallView call;
  call.callee = destructor;
  call.expr = named->second;
  call.self = named->second;
  // The object is gone after the call: what the destructor left in it is never read.
  recordCallSite(call, s);
  forgetGlobalsAfterCall(s);
}

// A call of a program function whose every return is a position in the same
// pointer parameter (a hand-written encoder returning where it stopped writing):
// the result points into what that argument points into. One whose every
// non-null return points into the same global (globalReturnedBy): into some element
// of that global.
std::optional<AccessPath> FunctionAnalyzer::positionReturnedBy(const clang::CallExpr* call) {
  const clang::FunctionDecl* callee = call->getDirectCallee();
  if (!callee || llvm::isa<clang::CXXOperatorCallExpr>(call) || !callee->getReturnType()->isPointerType() ||
      !isUserFunction(callee))
    return std::nullopt;
  auto [known, fresh] = returnedPosition_.try_emplace(callee);
  const clang::FunctionDecl* definition = nullptr;
  if (fresh && callee->hasBody(definition) && definition) {  // the solver visits a statement many times
    std::set<const clang::ParmVarDecl*> bases;
    if (returnedPositions(definition->getBody(), bases) && bases.size() == 1)
      known->second.param = (*bases.begin())->getFunctionScopeIndex();
    else known->second.global = globalReturnedBy(definition);
  }
  // Some element of the global (`slot_for(id)` returning `&s_slots[i]`).
  if (known->second.global) return AccessPath{known->second.global, "", true};
  if (!known->second.param || *known->second.param >= call->getNumArgs()) return std::nullopt;
  const unsigned index = *known->second.param;
  auto target = pointeeOf(call->getArg(index));
  if (target) target->weak = true;
  return target;
}

bool FunctionAnalyzer::isUserFunction(const clang::FunctionDecl* fn) const {
  if (!fn || fn->getLocation().isInvalid() || fn->getBuiltinID() != 0) return false;
  return !ctx_.ast.getSourceManager().isInSystemHeader(fn->getLocation());
}

unsigned FunctionAnalyzer::siteId(const clang::Expr* call) {
  return sites_.emplace(call, unsigned(sites_.size())).first->second;
}

// The strings known below `object` in `s`, as fields below `prefix` in `into`.
void FunctionAnalyzer::copyFieldStrings(const AccessPath& object, const std::string& prefix, const State& s,
                                        std::map<std::string, StrVal>& into) {
  const std::string below = object.fields.empty() ? "" : object.fields + ".";
  for (const auto& [path, val] : s) {
    if (path.root != object.root || path.fields.size() <= below.size()) continue;
    if (path.fields.compare(0, below.size(), below) != 0 || path.fields[below.size()] == '?') continue;
    if (val.str.known() || val.dest.known())
      into.emplace(joinField(prefix, path.fields.substr(below.size())), destinationOf(val));
  }
}

// A lambda written in the argument list (`with([fd](auto& b){...}, c)`) has no
// variable to hold its captures: they go straight into the argument's fields.
void FunctionAnalyzer::closureFields(const clang::Expr* arg, ArgFact& a, const State& s) {
  for (const clang::LambdaExpr* lambda : lambdasIn(arg)) {
    auto init = lambda->capture_init_begin();
    for (auto cap = lambda->capture_begin(); cap != lambda->capture_end(); ++cap, ++init) {
      const std::optional<std::string> name = captureField(*cap);
      if (!name || !*init) continue;
      const AbsVal v = eval(*init, s);
      mergeTaint(a.fields[*name], v.taint);
      // A captured `this` is this function's object: what the handler reads of it
      // (`this->url_`) is what this function stored there so far (a constructor
      // subscribing a handler after its initialisers), else its field as its callers
      // bind it. In a lambda, that object is the closure's own captured `this`.
      if (cap->capturesThis()) {
        a.fieldStrs.emplace(*name, StrVal{{{StrPiece::Param, thisPath().fields, kThisParam}}, {}});
        copyFieldStrings(thisPath(), *name, s, a.fieldStrs);
      } else if (auto own = partOfOwnObject(*init)) {
        a.fieldStrs.emplace(*name, StrVal{{{StrPiece::Param, own->fields, kThisParam}}, {}});
        copyFieldStrings(*own, *name, s, a.fieldStrs);
      } else if (v.str.known() || v.dest.known()) {
        a.fieldStrs.emplace(*name, destinationOf(v));
      }
    }
  }
}

// `[self = shared_from_this()]`, `[self]` in a nested lambda: a capture initialised
// with this function's own object (through a model's `alias: this`) or a part of it
// stands for that part, as a captured `this` does for the object.
std::optional<AccessPath> FunctionAnalyzer::partOfOwnObject(const clang::Expr* init) {
  std::optional<AccessPath> object = lvalue(copiedFrom(init));  // a smart pointer copied in
  if (!object || object->root != thisPath().root || object->weak) return std::nullopt;
  return object;
}

// A record built in the argument list (`Exporter x({outbox, finance})`, `send(Msg{to,
// body})`): each field is what its initializer gives, and an object named there
// brings the strings of its own fields (the client a reference member binds).
void FunctionAnalyzer::initListFields(const clang::InitListExpr* list, const std::string& prefix, ArgFact& a,
                                      const State& s, unsigned depth) {
  forEachFieldInit(list, depth, [&](const clang::FieldDecl* f, const clang::Expr* value) {
    const std::string field = joinField(prefix, f->getNameAsString());
    if (const clang::InitListExpr* inner = recordInitList(value)) return initListFields(inner, field, a, s, depth + 1);
    const AbsVal v = eval(value, s);
    mergeTaint(a.fields[field], v.taint);
    if (v.str.known() || v.dest.known()) a.fieldStrs.emplace(field, destinationOf(v));
    if (!v.fns.empty()) a.fieldFns.emplace(field, v.fns);
    if (auto object = lvalue(value)) copyFieldStrings(*object, field, s, a.fieldStrs);
  });
}

// The class of an object passed as one of its bases (`write_rows(file, rows)` with
// an std::ofstream for an std::ostream&), else empty: the only arguments a callee's
// deferred `type` condition can tell apart from its parameter's own type. With
// `as`, the type it is passed as (a function's declared return type).
std::string FunctionAnalyzer::passedAsBase(const clang::Expr* arg, clang::QualType as) {
  const clang::CXXRecordDecl* given = pointedRecord(as.isNull() ? arg->getType() : as);
  const clang::CXXRecordDecl* declared = pointedRecord(rootTypeOf(arg));
  if (!given || !declared || given == declared || !derivesFrom(declared, given)) return {};
  return canonicalName(declared);
}

ArgFact FunctionAnalyzer::argFact(const clang::Expr* arg, const State& s) {
  ArgFact a;
  const clang::QualType type = arg->getType();
  clang::Expr::EvalResult constant;
  if ((type->isIntegralOrEnumerationType() || type->isBooleanType()) && !arg->isValueDependent() &&
      arg->EvaluateAsInt(constant, ctx_.ast))
    a.constant = constant.Val.getInt().getExtValue();
  if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(arg->IgnoreParenImpCasts()))
    if (const auto* p = llvm::dyn_cast<clang::ParmVarDecl>(ref->getDecl()); p && stableParams_.count(p))
      a.sameAsParam = paramIndex(p);
  const AbsVal v = eval(arg, s);
  a.whole = v.taint;
  a.str = destinationOf(v);
  // A stream or writer over a buffer of this function (`open_memstream`, an xmlBuffer
  // writer): a callee's export through it only fills the buffer, as here.
  if (memoryViewOf(arg, s)) a.str = StrVal{{{StrPiece::Absent, "", 0}}, {}};
  const auto* self = llvm::dyn_cast<clang::CXXThisExpr>(arg->IgnoreParenImpCasts());
  a.spelling = self && self->isImplicit() ? "this" : text(arg);
  if (std::string m = modelSpelling(arg); !m.empty() && m != a.spelling) a.modelText = std::move(m);
  a.typeName = passedAsBase(arg);
  a.fns = v.fns;
  closureFields(arg, a, s);
  if (const clang::InitListExpr* list = recordInitList(arg)) initListFields(list, "", a, s, 0);
  if (auto p = lvalue(arg)) {
    if (auto idx = paramIndex(p->root)) {
      a.fromParam = true;
      a.root = ParamRef{*idx, p->fields, {}};
    }
    a.global = globalKey(*p, true, true);  // the element handed: `&g_conn[CH_EDI]`
    const std::string prefix = p->fields.empty() ? "" : p->fields + ".";
    const bool local = p->root != fn_ && !paramIndex(p->root) && !globalRootOf(*p);
    for (const auto& [path, val] : s) {
      if (path.root != p->root || path.fields.size() <= p->fields.size()) continue;
      if (path.fields.compare(0, prefix.size(), prefix) != 0) continue;
      const std::string field = path.fields.substr(prefix.size());
      if (field[0] == '?') continue;  // a guard (Guards.h)
      mergeTaint(a.fields[field], val.taint);
      if (local && !val.partial) a.exactFields.push_back(field);
      if (val.str.known() || val.dest.known()) a.fieldStrs[field] = destinationOf(val);
      if (!val.fns.empty()) a.fieldFns[field] = val.fns;
    }
  }
  return a;
}

void FunctionAnalyzer::noteLocalArg(unsigned site, int index, const clang::Expr* arg) {
  auto p = lvalue(arg);
  if (!p || p->root == fn_ || paramIndex(p->root) || globalRootOf(*p)) return;
  localArgs_.try_emplace({site, index}, AccessPath{p->root, p->fields, false});
}

// What a local object holds where the function returns: its strings, and the calls
// made on it (which may have left strings in it).
ArgFact FunctionAnalyzer::localAtExit(const AccessPath& path, const State& exit) const {
  ArgFact out;
  if (auto whole = exit.find(path); whole != exit.end()) {
    out.str = destinationOf(whole->second);
    out.whole.calls = whole->second.taint.calls;
  }
  const std::string prefix = path.fields.empty() ? "" : path.fields + ".";
  for (auto it = exit.lower_bound(AccessPath{path.root, prefix, false});
       it != exit.end() && it->first.root == path.root && it->first.fields.compare(0, prefix.size(), prefix) == 0;
       ++it) {
    const std::string field = it->first.fields.substr(prefix.size());
    if (field.empty() || field[0] == '?') continue;  // the object itself, or a guard (Guards.h)
    if (StrVal v = destinationOf(it->second); v.known()) out.fieldStrs.emplace(field, std::move(v));
  }
  return out;
}

namespace {

bool sameCalls(const std::vector<CallRef>& a, const std::vector<CallRef>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const CallRef& x, const CallRef& y) {
    return x.site == y.site && x.slot == y.slot && x.field == y.field && x.lastSite == y.lastSite;
  });
}

// Whether the strings of `later` or the calls made on it differ from `then`'s.
bool changedSince(const ArgFact& then, const ArgFact& later) {
  if (!sameCalls(then.whole.calls, later.whole.calls)) return true;
  if (later.str.known() && !sameStr(then.str, later.str)) return true;
  return std::any_of(later.fieldStrs.begin(), later.fieldStrs.end(), [&](const auto& field) {
    auto held = then.fieldStrs.find(field.first);
    return held == then.fieldStrs.end() || !sameStr(held->second, field.second);
  });
}

}  // namespace

// What the local objects handed to calls hold where the function returns, for the
// call sites where it differs from what they held at the call.
void FunctionAnalyzer::recordLocalArgsAtExit(const State& exit) {
  std::map<AccessPath, std::optional<unsigned>> index;
  for (const auto& [at, path] : localArgs_) {
    auto site = calls_.find(at.first);
    if (site == calls_.end()) continue;
    ArgFact& a = at.second < 0 ? site->second.thisArg : site->second.args[at.second];
    auto [slot, fresh] = index.try_emplace(path);
    if (fresh) {
      ArgFact later = localAtExit(path, exit);
      if (!later.str.known() && later.fieldStrs.empty() && later.whole.calls.empty()) continue;
      slot->second = unsigned(facts_.localsAtExit.size());
      facts_.localsAtExit.push_back(std::move(later));
    }
    if (slot->second && changedSince(a, facts_.localsAtExit[*slot->second])) a.atExit = slot->second;
  }
}

// The override a virtual call runs when this function knows the object's class: a
// local object, or a reference bound to one (`IMessageSink& sink = counter;`).
// Pointers may be re-aimed, and parameters may be of any derived class: those keep
// every override.
const clang::CXXMethodDecl* FunctionAnalyzer::knownOverride(const CallView& call, const clang::CXXMethodDecl* method) {
  if (!call.self || call.self->getType()->isPointerType()) return nullptr;
  const clang::Expr* object = call.self->IgnoreParenImpCasts();
  for (unsigned hops = 0; hops < 4; ++hops) {
    const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(object);
    const auto* var = ref ? llvm::dyn_cast<clang::VarDecl>(ref->getDecl()) : nullptr;
    if (!var || llvm::isa<clang::ParmVarDecl>(var) || var->hasGlobalStorage()) return nullptr;
    if (!var->getType()->isReferenceType()) {
      const auto* dynamic = var->getType()->getAsCXXRecordDecl();
      const clang::CXXMethodDecl* runs = dynamic ? method->getCorrespondingMethodInClass(dynamic) : nullptr;
      return runs && !runs->isPureVirtual() ? runs : nullptr;
    }
    const auto bound = boundTo_.find(var);
    if (bound == boundTo_.end() || !bound->second) return nullptr;
    object = bound->second->IgnoreParenImpCasts();
  }
  return nullptr;
}

// A constructor of the program run by `call`: a call site whose "this" effects are
// the new object's state.
CallRef FunctionAnalyzer::constructionSite(const CallView& call, const State& s) {
  // A factory passes only what it was given (`std::make_shared<Exporter>()`): the
  // constructor's default arguments (`Exporter(std::string root = "/var/spool")`)
  // are what the rest of its parameters get.
  CallView withDefaults = call;
  for (unsigned i = unsigned(call.args.size()); call.callee && i < call.callee->getNumParams(); ++i) {
    const clang::ParmVarDecl* p = call.callee->getParamDecl(i);
    if (!p->hasDefaultArg() || p->hasUnparsedDefaultArg() || p->hasUninstantiatedDefaultArg()) break;
    withDefaults.args.push_back(p->getDefaultArg());
  }
  recordCallSite(withDefaults, s);
  CallRef built{siteId(call.expr), "this", {}};
  noteCallRecord(built, call.expr->getType());
  return built;
}

namespace {

bool isVoidPointer(clang::QualType t) { return t->isPointerType() && t->getPointeeType()->isVoidType(); }

llvm::SmallVector<clang::QualType, 4> paramTypes(const clang::FunctionDecl* fn) {
  llvm::SmallVector<clang::QualType, 4> types;
  for (const clang::ParmVarDecl* param : fn->parameters()) types.push_back(param->getType());
  return types;
}

// The index of the last `void *` parameter, if any: a callback's user data
// (`on_flushed(queue, rows, user_data)`, a hash-table walker's after key and value).
std::optional<unsigned> voidPointerParam(llvm::ArrayRef<clang::QualType> params) {
  for (unsigned i = params.size(); i-- > 0;)
    if (isVoidPointer(params[i])) return i;
  return std::nullopt;
}

// The index of the only `void *` parameter of `fn`, if it has exactly one.
std::optional<unsigned> onlyVoidPointerParam(const clang::FunctionDecl* fn) {
  std::optional<unsigned> only;
  for (unsigned i = 0; i < fn->getNumParams(); ++i) {
    if (!isVoidPointer(fn->getParamDecl(i)->getType())) continue;
    if (only) return std::nullopt;  // two candidates: which one is the context is not clear
    only = i;
  }
  return only;
}

// The function an argument names (`fn`, `&fn`, `G_CALLBACK(fn)`), if it is one.
const clang::FunctionDecl* namedFunction(const clang::Expr* arg) {
  const clang::Expr* e = arg->IgnoreParenCasts();
  if (const auto* address = llvm::dyn_cast<clang::UnaryOperator>(e);
      address && address->getOpcode() == clang::UO_AddrOf)
    e = address->getSubExpr()->IgnoreParenCasts();
  const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(e);
  return ref ? llvm::dyn_cast<clang::FunctionDecl>(ref->getDecl()) : nullptr;
}

}  // namespace

// The C idiom of a callback and its context (`loop_add(l, period, fn, &ctx)`): a
// function with a `void *` parameter handed to a callee with exactly one other
// `void *` parameter. Whoever runs the function later gives it that argument.
void FunctionAnalyzer::pairCallbackContexts(const CallView& call, CallSiteFact& site) const {
  const unsigned first = call.selfInArgs ? 1 : 0;
  const std::optional<unsigned> context = onlyVoidPointerParam(call.callee);
  if (!context) return;
  for (unsigned i = 0; i < site.args.size(); ++i) {
    const clang::FunctionDecl* fn = i + first < call.args.size() ? namedFunction(call.args[i + first]) : nullptr;
    const std::optional<unsigned> param = fn && i != *context ? voidPointerParam(paramTypes(fn)) : std::nullopt;
    if (!param) continue;
    site.args[i].contextParam = *param;
    site.args[i].contextArg = *context;
  }
}

void FunctionAnalyzer::recordCallSite(const CallView& call, const State& s) {
  const unsigned id = siteId(call.expr);
  CallSiteFact site;
  site.id = id;
  site.calleeUsr = usrOf(call.callee);
  site.calleeName = canonicalName(call.callee);
  site.loc = loc(call.expr);
  const auto* method = llvm::dyn_cast<clang::CXXMethodDecl>(call.callee);
  const auto* member = llvm::dyn_cast<clang::CXXMemberCallExpr>(call.expr);
  const auto* named = member ? llvm::dyn_cast<clang::MemberExpr>(member->getCallee()->IgnoreParens()) : nullptr;
  site.isVirtual = method && method->isVirtual() && !(named && named->hasQualifier());
  if (const clang::CXXMethodDecl* only = site.isVirtual ? knownOverride(call, method) : nullptr) {
    site.calleeUsr = usrOf(only);
    site.calleeName = canonicalName(only);
    site.isVirtual = false;
  }
  if (!call.isConstructor && !call.callee->hasBody()) {
    const std::string what = canonicalName(call.callee) + "()";
    for (const std::string& c : ctx_.classifier.functionCategories(call.callee)) {
      Origin o{c, loc(call.callee->getLocation()), what, {}};
      o.path.push({loc(call.expr), "returned by " + what + ", declared without a body (" + c + " by its name)"});
      site.bodyless.origins.push_back(std::move(o));
    }
  }
  for (std::size_t i = call.selfInArgs ? 1 : 0; i < call.args.size(); ++i) {
    noteLocalArg(id, int(site.args.size()), call.args[i]);
    site.args.push_back(argFact(call.args[i], s));
  }
  pairCallbackContexts(call, site);
  if (call.self) {
    site.hasThis = true;
    noteLocalArg(id, -1, call.self);
    site.thisArg = argFact(call.self, s);
  } else if (call.isConstructor) {
    site.hasThis = true;  // the object under construction: nothing stored in it yet
  }
  site.globalsIn = GlobalsAtCall(globalsWritten(s));
  site.guards = guardsHeld(s);
  auto [it, fresh] = calls_.try_emplace(id, site);
  if (fresh) return;
  keepCommonGuards(it->second.guards, site.guards);
  CallSiteFact& known = it->second;  // a loop revisits the call: widen what it saw
  for (std::size_t i = 0; i < site.args.size() && i < known.args.size(); ++i) {
    mergeTaint(known.args[i].whole, site.args[i].whole);
    for (auto& [f, t] : site.args[i].fields) mergeTaint(known.args[i].fields[f], t);
  }
  mergeTaint(known.thisArg.whole, site.thisArg.whole);
  if (site.globalsIn.empty() && known.globalsIn.empty()) return;
  GlobalsAtCall::Map& globals = known.globalsIn.edit();
  for (const auto& [key, t] : site.globalsIn) mergeTaint(globals[key], t);
  for (auto& [key, t] : globals)  // written on one visit only: the older value too
    if (!site.globalsIn.count(key)) mergeTaint(t, Taint{{}, {{kGlobalParam, key, {}}}, {}});
}

// The mutable globals this function has stored into so far, with what they hold;
// one stored on some paths only also holds what it held when the function was called.
std::map<std::string, Taint> FunctionAnalyzer::globalsWritten(const State& s) const {
  std::map<std::string, Taint> out;
  for (const auto& [path, val] : s) {
    if (!isMutableGlobal(path)) continue;  // cheap test first: a key is a USR
    const std::string key = globalKey(path);
    if (key.empty()) continue;
    if (out.size() >= kMaxGlobalsPerCall) {
      noteLimit(Limit::GlobalsPerCall);
      break;
    }
    Taint& t = out[key];
    mergeTaint(t, val.taint);
    if (val.partial || path.weak) mergeTaint(t, Taint{{}, {{kGlobalParam, key, {}}}, {}});
  }
  return out;
}

// After a call into the program, any global may have been written by the callee: what
// this function stored before stays possible, so does what the global holds otherwise.
void FunctionAnalyzer::forgetGlobalsAfterCall(State& s) const {
  for (auto& [path, val] : s)
    if (isMutableGlobal(path)) val.partial = true;
}

// A call of the program's own function: a temporary or `new T(...)` keeps what its
// constructor stored; a getter reads in place; else the link resolves the result.
std::optional<AbsVal> FunctionAnalyzer::evalProgramCall(const CallView& call, const State& s) {
  if (call.isConstructor) {
    if (!call.callee->isUserProvided()) return std::nullopt;
    AbsVal v = callInputs(call, s);
    v.taint.calls.push_back(constructionSite(call, s));
    return v;
  }
  if (auto read = readThroughGetter(call, s)) return *read;
  if (call.self && returnsItsObject(call.callee)) {
    AbsVal object = eval(call.self, s);
    object.taint.calls.push_back({siteId(call.expr), "this", {}});
    noteCallRecord(object.taint.calls.back(), call.self->getType());
    widenCalls(object.taint);
    return object;
  }
  AbsVal v = callResult(call);
  mergeTaint(v.taint, declaredResult(call.callee, call.expr));
  return v;
}

// What was stored below `p` (a default member initializer, an earlier store) may have
// been overwritten by the call `written` stands for: each such field also holds what
// the call left in it. Calls before a store there are not added back.
// Only the function's own objects: in a method, what it stored in `this` itself stays
// what it reads back (the calls it makes on `this` are many, and their fields too).
void FunctionAnalyzer::mayHaveWrittenBelow(const AccessPath& p, const CallRef& written, bool bodyUnseen, State& s) {
  const bool input = p.root == fn_ || paramIndex(p.root);
  const std::string prefix = p.fields.empty() ? "" : p.fields + ".";
  for (auto it = s.lower_bound(AccessPath{p.root, prefix, false});
       it != s.end() && it->first.root == p.root && it->first.fields.compare(0, prefix.size(), prefix) == 0; ++it) {
    const std::string below = it->first.fields.substr(prefix.size());
    if (below.empty() || below[0] == '?') continue;  // the object itself, or a guard (Guards.h)
    // A default stored before the call (`cfg->host = "..."; parse(cfg, file);`) is
    // one value; what the call may have left there is the other.
    // (The object's own fields: `fieldsLeftByCall` asks the method's accessors.)
    const clang::FieldDecl* field = it->second.str.known() && p.root != fn_ ? fieldAtPath(it->first) : nullptr;
    if (field && isStringLike(field->getType()) && !it->second.dest.known()) {
      const std::string slot =
          joinField(written.field.empty() ? written.slot : written.slot + "." + written.field, below);
      StrVal left{{{StrPiece::CallOut, slot, written.site}}, {}};
      addAlternatives(left, it->second.str);
      it->second.str = std::move(left);
    }
    if (input) continue;
    CallRef part = written;
    part.field = written.field.empty() ? below : written.field + "." + below;
    noteFieldRecord(part);
    it->second.taint.calls.push_back(std::move(part));
    widenCalls(it->second.taint);
    // Filled by a function whose body this TU does not see (a decoder, a lookup):
    // a read also gets what a field of its name holds, as if never stored.
    if (bodyUnseen) it->second.partial = true;
  }
}

namespace {

// Whether state entry `entry` is object `object` itself or lies below it.
bool atOrBelow(const AccessPath& entry, const AccessPath& object) {
  return entry.root == object.root &&
         (object.fields.empty() || entry.fields == object.fields || isSubfield(entry.fields, object.fields));
}

}  // namespace

// Fields of local object `object` (input `input` of the callee at call site `id`,
// seen through `slot`) that the callee resets on every path: after the call they hold
// only what it left there, whatever was stored before.
void FunctionAnalyzer::resetFields(const AccessPath& object, unsigned input, unsigned id, const std::string& slot,
                                   const std::vector<Accessor::Reset>& resets, State& s) {
  if (object.root == fn_ || paramIndex(object.root)) return;
  for (const Accessor::Reset& r : resets) {
    if (r.object != input) continue;
    const std::string field = fieldPath(r.field);
    const AccessPath at{object.root, object.fields.empty() ? field : object.fields + "." + field, false};
    for (auto it = s.lower_bound(at); it != s.end() && atOrBelow(it->first, at);) it = s.erase(it);
    CallRef left{id, slot, {}};
    left.field = at.fields.substr(object.fields.empty() ? 0 : object.fields.size() + 1);
    noteFieldRecord(left);
    s[at].taint.calls.push_back(std::move(left));
  }
}

// A call handed the caller's own object (`this`, or an input it was handed) as its
// input `input` (`slot` in the call's effects), whose body may store into some of its
// fields (`ensure_open()` connecting `fd_` on first use, `link_ensure(self)`): a later
// read of such a field holds what the call left there. Where it left nothing, the
// link falls back on what the input held (Substitution::resolveCallOut); where it
// left a handle (a socket, a client), that is taken as the field's value, not one of
// two: on the path that skipped the store (the member was opened already), an
// earlier call stored it. Strings only: they are what a later sink's destination
// reads. Local objects get this from the call's atoms.
void FunctionAnalyzer::fieldsLeftByCall(const AccessPath& object, unsigned id, unsigned input, const std::string& slot,
                                        const Accessor& callee, State& s) {
  if (object.root != fn_ && !paramIndex(object.root)) return;
  for (const Accessor::Reset& candidate : callee.mayStore) {
    if (candidate.object != input) continue;
    const std::vector<const clang::FieldDecl*>& chain = candidate.field;
    const clang::QualType type = chain.back()->getType();
    if (type->isBooleanType() || type->isFloatingType() || type->isEnumeralType()) continue;  // no destination
    const std::string below = fieldPath(chain);
    const AccessPath at{object.root, object.fields.empty() ? below : object.fields + "." + below, false};
    auto stored = s.find(at);
    if (stored != s.end() && stored->second.dest.known()) continue;  // a handle aimed here: kept
    StrVal left{{{StrPiece::CallOut, slot + "." + below, id}}, {}};
    // A text (a URL the method may default: `if (url_.empty()) url_ = kFallback;`)
    // keeps what it held before as the other value; so does anything stored here.
    if (stored != s.end()) addAlternatives(left, stored->second.str);
    else if (isStringLike(type)) addAlternatives(left, evalPath(at, type, s).str);
    if (stored == s.end()) {
      AbsVal v;
      v.partial = true;  // its data is still what the input brought
      stored = s.emplace(at, std::move(v)).first;
    }
    stored->second.str = std::move(left);
  }
}

// A call on local object `object` (as `slot`) whose body this TU does not see: what
// earlier calls left in the object may be reset by it, which only the link knows
// (FunctionFacts::resets). Their atoms remember the call (bounded: any one that
// resets the field suffices).
void FunctionAnalyzer::noteLaterCall(const AccessPath& object, unsigned id, const std::string& slot, State& s) {
  constexpr std::size_t kMaxLaterCalls = 4;
  if (object.root == fn_ || paramIndex(object.root)) return;
  for (auto it = s.lower_bound(AccessPath{object.root, object.fields, false});
       it != s.end() && atOrBelow(it->first, object); ++it)
    for (CallRef& c : it->second.taint.calls)
      if (c.slot != kAnyCallSlot && c.site != id && c.laterCalls.size() < kMaxLaterCalls)
        c.laterCalls.emplace_back(id, slot);
}

// Looked up in the state, not evaluated: a buffer or field an earlier read filled
// (`name`, `m->id`), itself or below it. Cheap enough for every call writing through
// its arguments.
bool FunctionAnalyzer::anyArgumentIsInput(const CallView& call, const State& s) {
  return std::any_of(call.args.begin(), call.args.end(), [&](const clang::Expr* arg) {
    const std::optional<AccessPath> path = arg ? lvalue(addressed(arg)) : std::nullopt;
    if (!path) return false;
    for (auto it = s.lower_bound(AccessPath{path->root, path->fields, false});
         it != s.end() && atOrBelow(it->first, *path); ++it)
      if (it->second.taint.input) return true;
    return false;
  });
}

// A call of the program's own function: setters run in place; the call is a call
// site for the link; the callee may store into what it is handed by non-const
// reference or pointer, and into `this`.
void FunctionAnalyzer::execProgramCall(const CallView& call, State& s) {
  writeThroughSetter(call, s);
  // A setter run in place wrote exactly its fields; any other call may have written
  // below what it was handed.
  const Accessor& accessor = ctx_.accessors.of(call.callee);
  const bool inPlace = accessor.kind == Accessor::Setter;
  const bool bodyUnseen = !call.callee->hasBody();
  recordCallSite(call, s);
  forgetGlobalsAfterCall(s);
  const unsigned id = siteId(call.expr);
  // A destructor or a defaulted member the compiler writes has no outputs worth
  // listing when no TU defines it.
  const bool listed = !llvm::isa<clang::CXXDestructorDecl>(call.callee) && !call.callee->isDefaulted();
  const unsigned skip = call.selfInArgs ? 1 : 0;
  std::optional<bool> fedInput;  // evaluated once, for the first argument written through
  for (unsigned i = 0; i + skip < call.args.size() && i < call.callee->getNumParams(); ++i) {
    const CallRef written{id, "arg:" + std::to_string(i), {}};
    if (const clang::LambdaExpr* lambda = lambdaHeldBy(call.args[i + skip]))
      capturesWrittenByCall(lambda, written, call.expr, s);
    if (writtenIntoTableRows(call.args[i + skip], call.callee->getParamDecl(i)->getType(), written, call.expr, s)) {
      calls_[id].writesArgs |= listed;
      continue;
    }
    auto path = writtenThrough(call.args[i + skip], call.callee->getParamDecl(i)->getType());
    if (!path) continue;
    if (bodyUnseen) noteLaterCall(*path, id, written.slot, s);
    markWrittenByCall(*path, written, writtenRecordType(call.args[i + skip], call.callee->getParamDecl(i)->getType()),
                      bodyUnseen, !inPlace, call.expr, s);
    // Handed bytes from outside (`copy_field(m->legal_name, name, n)` after a read
    // into `name`): what it writes may be those bytes.
    if (!fedInput) fedInput = anyArgumentIsInput(call, s);
    if (*fedInput) s[AccessPath{path->root, path->fields, false}].taint.input = true;
    resetFields(*path, i, id, written.slot, accessor.resets, s);
    fieldsLeftByCall(*path, id, i, written.slot, accessor, s);
    calls_[id].writesArgs |= listed;
    // A local that is a view onto another object (a packer over its buffer, handed
    // to the program's own `pack_stop(&pk, d)`): what the call wrote is there too.
    if (const AccessPath* view = viewNamedBy(call.args[i + skip])) {
      AbsVal v;
      v.taint.calls.push_back(written);
      store(*view, std::move(v), s, call.expr, true);
    }
  }
  const auto* method = llvm::dyn_cast<clang::CXXMethodDecl>(call.callee);
  if (method && call.self && method->getParent()->isLambda())
    if (const clang::LambdaExpr* lambda = lambdaHeldBy(call.self))
      capturesWrittenByCall(lambda, CallRef{id, "this", {}}, call.expr, s);
  // A closure's call operator is const, but what it writes through its by-reference
  // captures is written into the closure's fields as the callers' lambdas see them.
  const bool closure = method && method->getParent()->isLambda();
  if (!method || !call.self || (method->isConst() && !closure) || method->isStatic()) return;
  auto path = lvalue(call.self);
  if (!path) return;
  calls_[id].writesArgs |= listed;
  const CallRef written{id, "this", {}};
  if (bodyUnseen) noteLaterCall(*path, id, written.slot, s);
  noteCallRecord(written, call.self->getType());
  if (!inPlace) mayHaveWrittenBelow(*path, written, bodyUnseen, s);
  AbsVal v;
  v.taint.calls.push_back(written);
  store(*path, std::move(v), s, call.expr, true);
  resetFields(*path, kThisParam, id, written.slot, accessor.resets, s);
  fieldsLeftByCall(*path, id, kThisParam, written.slot, accessor, s);
  // Objects it was handed the address of may be written through its fields.
  // Where the holder's class has the one member holding such an object, only what the
  // method writes below that member (`++stats_.bookings`) reaches it.
  if (const auto held = heldBy_.find(static_cast<const clang::Decl*>(path->root)); held != heldBy_.end())
    for (const HeldObject& h : held->second) {
      AbsVal written;
      written.taint.calls.push_back({id, kHeldSlot, {}});
      written.taint.calls.back().field = h.member;
      store(h.object, written, s, call.expr, true);
    }
}

// A program function writing through a pointer a configuration table gives
// (`my_strlcpy(map[i].dst, value, map[i].len)`; ConstantTables.h): each row's
// field of the parameter's kind holds what the call wrote, the text the parser read
// under the row's key.
bool FunctionAnalyzer::writtenIntoTableRows(const clang::Expr* arg, clang::QualType param, const CallRef& written,
                                            const clang::Expr* at, State& s) {
  if (!param->isPointerType() || param->getPointeeType().isConstQualified()) return false;
  const std::vector<TableRow> rows = tableRowsOf(arg);
  if (rows.empty()) return false;
  AbsVal v;
  v.taint.calls.push_back(written);
  storeInTableRows(rows, {param}, v, at, s);
  return true;
}

// A lambda called where the function holds it (`auto add = [&](auto v) { out += v; };
// add(x);`), or handed to a function of the program that may call it
// (`each(rec, [&](auto k, auto v) { out += v; })`): what its body stores in a
// by-reference capture, its closure's field of that name, is stored in the captured
// variable. `call` names the closure in the call (its object, or an argument).
void FunctionAnalyzer::capturesWrittenByCall(const clang::LambdaExpr* lambda, const CallRef& call,
                                             const clang::Expr* at, State& s) {
  for (const clang::LambdaCapture& c : lambda->captures()) {
    if (!c.capturesVariable() || c.getCaptureKind() != clang::LCK_ByRef) continue;
    const auto* var = llvm::dyn_cast<clang::VarDecl>(c.getCapturedVar());
    if (!var) continue;
    const auto alias = aliases_.find(var);
    const AccessPath path = alias != aliases_.end() ? alias->second : AccessPath{var, "", false};
    CallRef written = call;
    written.field = var->getNameAsString();
    markWrittenByCall(path, written, var->getType().getNonReferenceType(), false, true, at, s);
  }
}

// The object an argument names when the parameter (of `type`) may write into it: a
// pointer or reference to non-const.
std::optional<AccessPath> FunctionAnalyzer::writtenThrough(const clang::Expr* arg, clang::QualType type) {
  if (isHandleType(type) && !type->isReferenceType()) return lvalue(arg);  // a copy of a handle writes where it does
  if (!type->isReferenceType() && !type->isPointerType()) return std::nullopt;
  if (type->getPointeeType().isConstQualified()) return std::nullopt;
  return lvalue(arg);
}

// The type of what a call writes through a parameter of `type`: its pointee, or,
// through a `void *` (a handler's context), the argument's.
clang::QualType FunctionAnalyzer::writtenRecordType(const clang::Expr* arg, clang::QualType type) {
  const clang::QualType pointee = type->getPointeeType();
  if (!pointee->isVoidType()) return pointee;
  const clang::QualType given = arg->IgnoreParenImpCasts()->getType();
  return given->isPointerType() ? given->getPointeeType() : pointee;
}

// The object at `path` after a call that may have written into it (an object of
// `record` type): it holds what the call left there (the link reads the callee's
// effects through `written`).
void FunctionAnalyzer::markWrittenByCall(const AccessPath& path, const CallRef& written, clang::QualType record,
                                         bool bodyUnseen, bool below, const clang::Expr* at, State& s) {
  noteCallRecord(written, record);
  if (below) mayHaveWrittenBelow(path, written, bodyUnseen, s);
  AbsVal v;
  v.taint.calls.push_back(written);
  StrVal left = stringLeftByCall(path, written, record, s);
  store(path, std::move(v), s, at, true);
  if (left.known()) s[AccessPath{path.root, path.fields, false}].str = std::move(left);
}

// The string a call may leave in an object it was handed (`resolve(host, port, &ai)`):
// read by the link from the callee's summary. Where the callee leaves nothing
// there, the value before stays; so it is an alternative, and the link drops the
// call's form when the callee left nothing.
StrVal FunctionAnalyzer::stringLeftByCall(const AccessPath& path, const CallRef& written, clang::QualType record,
                                          const State& s) {
  const AccessPath key{path.root, path.fields, false};
  const auto stored = s.find(key);
  if (stored != s.end() && stored->second.dest.known()) return {};  // a handle aimed before: kept
  const std::string slot = written.field.empty() ? written.slot : written.slot + "." + written.field;
  StrVal left{{{StrPiece::CallOut, slot, written.site}}, {}};
  addAlternatives(left, stored != s.end() ? stored->second.str : evalPath(key, record, s).str);
  return left;
}

// A function pointer's call (`t->ops->open(t, host)`) may write what its arguments
// point at, as a direct call may: the link reads what the functions it runs left.
// `handed` pairs each parameter of the function `target` holds with the argument of
// `call` it gets.
void FunctionAnalyzer::argumentsWrittenByPointerCall(const CallView& call, const clang::Expr* target,
                                                     const std::vector<const clang::Expr*>& handed, State& s) {
  const clang::QualType pointer = target->getType();
  const clang::QualType fnType = pointer->isPointerType() ? pointer->getPointeeType() : pointer;
  const auto* proto = fnType->getAs<clang::FunctionProtoType>();
  if (!proto) return;
  const unsigned id = siteId(call.expr);
  for (unsigned i = 0; i < handed.size() && i < proto->getNumParams(); ++i) {
    auto path = handed[i] ? writtenThrough(handed[i], proto->getParamType(i)) : std::nullopt;
    if (!path) continue;
    markWrittenByCall(*path, CallRef{id, slotOf(i), {}}, writtenRecordType(handed[i], proto->getParamType(i)), false,
                      true, call.expr, s);
  }
}

// The arguments a library call hands the function it runs, by its parameter
// (`ini_parse(path, handler, &cfg)` hands `&cfg` to the handler's first).
std::vector<const clang::Expr*> FunctionAnalyzer::invokedArguments(const CallView& call,
                                                                   const ApiModel::Invoke& invoke) {
  std::vector<const clang::Expr*> handed;
  if (!invoke.passed.empty()) {
    for (const std::optional<unsigned>& i : invoke.passed)
      handed.push_back(i && *i < call.args.size() ? call.args[*i] : nullptr);
    return handed;
  }
  for (std::size_t i = invoke.args.index; i < call.args.size(); ++i) handed.push_back(call.args[i]);
  return handed;
}

// After a call that runs a function value: the lambda's by-reference captures may
// have been written (`[&rows](...) { rows.push_back(...); }` run by std::for_each),
// and the model may say where the function's results go (std::transform's output).
void FunctionAnalyzer::afterIndirectCall(const CallView& call, const clang::Expr* target, State& s) {
  const unsigned id = siteId(call.expr);
  if (const clang::LambdaExpr* lambda = lambdaHeldBy(target))
    capturesWrittenByCall(lambda, CallRef{id, "this", {}}, call.expr, s);
  if (!call.callee) {
    argumentsWrittenByPointerCall(call, target, call.args, s);
    return;
  }
  // A C function a library runs with the caller's arguments (a parser's handler
  // filling the configuration it is handed).
  if (const ApiModel::Invoke* invoke = invokingModel(call))
    argumentsWrittenByPointerCall(call, target, invokedArguments(call, *invoke), s);
  for (const ApiModel* m : ctx_.apis.modelsFor(call.callee)) {
    if (!m->invokes || !m->invokes->result || !conditionHolds(*m, call)) continue;
    const clang::Expr* out = operandExpr(call, *m->invokes->result);
    if (auto path = out ? lvalue(out) : std::nullopt) {
      AbsVal results;
      results.taint.calls.push_back({id, "", {}});
      store(*path, std::move(results), s, call.expr, true);
    }
  }
}

// The lambda an expression is, or a local variable was initialised with.
const clang::LambdaExpr* FunctionAnalyzer::lambdaHeldBy(const clang::Expr* e) const {
  if (const clang::LambdaExpr* l = lambdaIn(e)) return l;
  const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(copiedFrom(e)->IgnoreParenImpCasts());  // or its copy
  const auto* var = ref ? llvm::dyn_cast<clang::VarDecl>(ref->getDecl()) : nullptr;
  return var && var->hasLocalStorage() && var->getInit() ? lambdaIn(var->getInit()) : nullptr;
}

// A call through a function value: a function pointer, or a library call modelled
// with `invokes` (std::function::operator()). Sets the expression holding the value
// and the first argument passed on.
bool FunctionAnalyzer::invokesCallable(const CallView& call, const clang::Expr*& target, unsigned& firstArg) {
  if (!call.callee) {
    const auto* ce = llvm::dyn_cast<clang::CallExpr>(call.expr);
    if (!ce || !ce->getCallee()) return false;
    target = ce->getCallee();
    firstArg = 0;
    return true;
  }
  const ApiModel::Invoke* invoke = invokingModel(call);
  if (!invoke) return false;
  target = operandExpr(call, invoke->target);
  firstArg = invoke->args.index;
  return target != nullptr && (!programFunctor(target) || !callOperators(target).empty());
}

// The `invokes` of the first model that applies to a library call.
const ApiModel::Invoke* FunctionAnalyzer::invokingModel(const CallView& call) {
  if (!call.callee) return nullptr;
  for (const ApiModel* m : ctx_.apis.modelsFor(call.callee))
    if (m->invokes && conditionHolds(*m, call)) return &*m->invokes;
  return nullptr;
}

// An object of one of the program's classes that is no lambda nor made of lambdas
// (`std::visit(RowWriter{out, dir}, row)`, `std::visit(ProofText{}, proof)`).
bool FunctionAnalyzer::programFunctor(const clang::Expr* target) const {
  const clang::CXXRecordDecl* record = target->getType()->getAsCXXRecordDecl();
  if (!record || record->isLambda() || !lambdasIn(target).empty()) return false;
  return !ctx_.ast.getSourceManager().isInSystemHeader(record->getLocation());
}

// What running such an object runs: each of its class's `operator()` overloads
// (the visitor's, for every alternative). None for a template operator: the call is
// then read by the model's other effects (its data flows) instead.
std::vector<std::string> FunctionAnalyzer::callOperators(const clang::Expr* target) const {
  std::vector<std::string> out;
  if (!programFunctor(target)) return out;
  const clang::CXXRecordDecl* record = target->getType()->getAsCXXRecordDecl()->getDefinition();
  if (!record) return out;
  for (const clang::CXXMethodDecl* method : record->methods())
    if (method->getOverloadedOperator() == clang::OO_Call && !method->isDeleted()) out.push_back(usrOf(method));
  return out;
}

// A closure copied as a whole (`auto job = jobs.front(); job();`) kept its captures
// only in its value: each capture of a lambda it may run may hold any of it.
void FunctionAnalyzer::addCapturesOfCopies(const AbsVal& held, ArgFact& closure) const {
  if (held.taint.empty()) return;
  for (const std::string& usr : held.fns) {
    auto lambda = lambdas_.find(usr);
    if (lambda == lambdas_.end()) continue;
    for (const clang::LambdaCapture& cap : lambda->second->captures())
      if (std::optional<std::string> name = captureField(cap)) closure.fields.emplace(*name, held.taint);
  }
}

void FunctionAnalyzer::recordIndirectCall(const CallView& call, const clang::Expr* target, unsigned firstArg,
                                          const State& s) {
  recordIndirectCallAt(call.expr, call, target, firstArg, s);
}

// A lambda handed to a library call runs later, when the library calls it back (a
// completion handler, a timer's or a signal's): a call of its own at the lambda,
// with what it captured and none of the call's arguments.
// A member function bound to its object (boundObject) likewise, at the binder.
void FunctionAnalyzer::recordHandlerRun(const CallView& call, const clang::Expr* handler, const State& s) {
  const auto none = static_cast<unsigned>(call.args.size());
  if (const clang::LambdaExpr* lambda = lambdaHeldBy(handler))
    return recordIndirectCallAt(lambda, call, handler, none, s);
  if (boundObject(handler)) recordIndirectCallAt(handler, call, handler, none, s);
}

// The object a binder's result runs its member function on (a model's `binds`:
// `beast::bind_front_handler(&Session::on_read, shared_from_this())`), or null.
const clang::Expr* FunctionAnalyzer::boundObject(const clang::Expr* callable) {
  const auto* binder = llvm::dyn_cast<clang::CallExpr>(copiedFrom(callable)->IgnoreParens());
  const CallView view = binder ? callView(binder) : CallView{};
  if (!view.callee) return nullptr;
  for (const ApiModel* m : ctx_.apis.modelsFor(view.callee)) {
    if (!m->binds || !conditionHolds(*m, view)) continue;
    const clang::Expr* function = operandExpr(view, m->binds->function);
    if (!function || !function->IgnoreParenImpCasts()->getType()->isMemberFunctionPointerType()) return nullptr;
    return operandExpr(view, m->binds->object);
  }
  return nullptr;
}

// The argument a library hands the C callbacks it is given as their `void *`
// parameter: the model's `callback-context`, else the callee's only `void *`
// parameter (`g_timeout_add(ms, fn, data)`, `pthread_create(&t, 0, fn, arg)`).
// None where a model says how the call runs what it is handed (`invokes`,
// `connects`): then no handler runs here.
std::optional<const clang::Expr*> FunctionAnalyzer::callbackContextArg(const CallView& call) {
  std::optional<unsigned> context = onlyVoidPointerParam(call.callee);
  for (const ApiModel* m : ctx_.apis.modelsFor(call.callee)) {
    if (m->invokes || m->connects || m->binds) return std::nullopt;
    if (m->callbackContext) context = m->callbackContext->index;
  }
  const unsigned first = call.selfInArgs ? 1 : 0;
  return context && first + *context < call.args.size() ? call.args[first + *context] : nullptr;
}

// A program function handed to a library (`g_timeout_add_seconds(30, flush, q)`,
// `g_signal_connect(obj, "done", G_CALLBACK(on_done), svc)`): the library runs it
// later. It gets a call site of its own at the argument, with the context as its
// `void *` parameter and its other parameters unknown.
void FunctionAnalyzer::recordCallbackRun(const CallView& call, const clang::Expr* handler, const clang::Expr* context,
                                         const State& s) {
  const clang::FunctionDecl* fn = namedFunction(handler);
  if (!fn) return recordCallbackThroughPointer(call, handler, context, s);
  if (!isUserFunction(fn)) return;
  CallSiteFact site;
  site.id = siteId(handler);
  site.calleeName = canonicalName(fn);
  site.loc = loc(handler);
  site.targets = {usrOf(fn)};
  site.args.resize(fn->getNumParams());
  if (const std::optional<unsigned> param = voidPointerParam(paramTypes(fn)); param && context && context != handler)
    site.args[*param] = argFact(context, s);
  calls_[site.id] = std::move(site);
}

// A callback the program hands on through a pointer (`schedule(ctx, cb)` calling
// `evtimer_new(base, cb, ctx)`, `cb` a parameter or a variable): whatever function
// the pointer holds runs later, with the context as the `void *` parameter of the
// pointer's type. A parameter is resolved at the callers, like a call through it.
void FunctionAnalyzer::recordCallbackThroughPointer(const CallView& call, const clang::Expr* handler,
                                                    const clang::Expr* context, const State& s) {
  const clang::QualType type = handler->IgnoreParenCasts()->getType();
  const auto* proto =
      type->isFunctionPointerType() ? type->getPointeeType()->getAs<clang::FunctionProtoType>() : nullptr;
  if (!proto) return;
  recordIndirectCallAt(handler, call, handler->IgnoreParenCasts(), static_cast<unsigned>(call.args.size()), s);
  auto site = calls_.find(siteId(handler));
  if (site == calls_.end()) return;
  site->second.deferred = true;
  site->second.args.resize(proto->getNumParams());
  if (const std::optional<unsigned> param = voidPointerParam(proto->getParamTypes());
      param && context && context != handler)
    site->second.args[*param] = argFact(context, s);
}

void FunctionAnalyzer::recordIndirectCallAt(const clang::Expr* at, const CallView& call, const clang::Expr* target,
                                            unsigned firstArg, const State& s) {
  const unsigned id = siteId(at);
  CallSiteFact site;
  site.id = id;
  site.calleeName = "(" + text(target) + ")";
  site.loc = loc(at);
  const AbsVal held = eval(target, s);
  site.targets = held.fns.empty() ? callOperators(target) : held.fns;
  site.hasThis = true;
  site.thisArg = argFact(target, s);  // the closure: captures are its fields
  addCapturesOfCopies(held, site.thisArg);
  site.viaParam = site.thisArg.fromParam;
  site.target = site.thisArg.root;
  // A value taken out of one input (`auto job = q_.front(); job();`): the call runs
  // what the callers left there. (One a call left is run by runStoredHandlers.)
  if (!site.viaParam && held.fns.empty() && held.taint.calls.empty() && held.taint.params.size() == 1 &&
      held.taint.params[0].index != kGlobalParam) {
    site.viaParam = true;
    site.target = ParamRef{held.taint.params[0].index, held.taint.params[0].field, {}};
  }
  // A bound member function runs on the object it was bound to, not on the binder.
  if (const clang::Expr* object = boundObject(target)) site.thisArg = argFact(object, s);
  // A handler run (at a lambda, not at the call) gets no arguments: no model to ask.
  const ApiModel::Invoke* invoke = at == call.expr ? invokingModel(call) : nullptr;
  if (invoke && !invoke->passed.empty()) {
    for (const std::optional<unsigned>& i : invoke->passed)
      site.args.push_back(i && *i < call.args.size() ? argFact(call.args[*i], s) : ArgFact{});
  } else {
    for (std::size_t i = firstArg; i < call.args.size(); ++i) site.args.push_back(argFact(call.args[i], s));
  }
  // A handler table filled at run time (`s_handlers[i].fn(ev, s_handlers[i].ctx)`).
  // A constant one defined in another TU (`extern const struct transport tcp;`) too.
  if (auto p = lvalue(target); p && site.targets.empty()) site.globalTarget = globalKey(*p, true);
  // A table this function aimed the pointer at (`t->ops = &k_https_ops;
  // t->ops->open(t)`), defined in another TU: its entry runs, whoever the caller is.
  if (site.targets.empty() && site.globalTarget.empty()) {
    site.globalTarget = tableEntryAimedAt(target, s);
    if (!site.globalTarget.empty()) site.viaParam = false;
  }
  // Or a field a call filled (`uplink_init(&ops); ops.push(x);`): the link looks up
  // the functions that call stored there (Fixpoint::runStoredHandlers).
  const bool leftByCall = std::any_of(held.taint.calls.begin(), held.taint.calls.end(),
                                      [](const CallRef& c) { return !c.slot.empty() && c.slot != kAnyCallSlot; });
  // Or an entry of what a call returned (`ops = lookup(name); ops->open(...)`): the
  // link reads it from that call's callee (CallGraph::returnedTableEntries).
  const std::vector<StrVal> values = forms(site.thisArg.str);
  const bool returned = !values.empty() && std::all_of(values.begin(), values.end(), [](const StrVal& form) {
    return onlyPiece(form, StrPiece::CallRet) != nullptr;
  });
  // Else, or where the callers do not say, what the program stores in the field.
  if (site.targets.empty() && site.globalTarget.empty() && !leftByCall && !returned)
    site.fieldTarget = calledFieldKey(ctx_.ast, target);
  if (site.targets.empty() && !site.viaParam && site.globalTarget.empty() && !leftByCall && !returned &&
      site.fieldTarget.empty())
    return;  // nothing known
  calls_[id] = std::move(site);
}

// `p->send` where this function set `p` to a global table (`&k_ops`): the key of
// that table's entry (`k_ops.send`), else empty.
std::string FunctionAnalyzer::tableEntryAimedAt(const clang::Expr* target, const State& s) {
  const auto* member = llvm::dyn_cast<clang::MemberExpr>(target->IgnoreParenImpCasts());
  if (!member || !llvm::isa<clang::FieldDecl>(member->getMemberDecl())) return "";
  auto pointer = lvalue(member->getBase());
  auto held = pointer ? s.find(*pointer) : s.end();
  if (held == s.end()) return "";
  const StrPiece* table = onlyPiece(held->second.str, StrPiece::Global);
  if (!table) return "";
  const std::string tableKey = indexBlind(table->text);
  // A call handed the object (or a part above the pointer) may have aimed it
  // elsewhere since (`switch_region(t)`): the callers decide then. Not one of the
  // table's own entries (`t->ops->open(t)` before `t->ops->send(t, ...)`).
  const std::string entryOf = tableKey + ".";
  const auto throughTable = [&](const CallRef& c) {
    auto site = calls_.find(c.site);
    return site != calls_.end() && site->second.globalTarget.compare(0, entryOf.size(), entryOf) == 0;
  };
  const auto writtenByCall = [&](const AbsVal& v) {
    return std::any_of(v.taint.calls.begin(), v.taint.calls.end(),
                       [&](const CallRef& c) { return !c.slot.empty() && !throughTable(c); });
  };
  for (std::string fields = pointer->fields;; fields = fields.substr(0, fields.rfind('.'))) {
    if (auto at = s.find(AccessPath{pointer->root, fields, false}); at != s.end() && writtenByCall(at->second))
      return "";
    if (fields.find('.') == std::string::npos) {
      if (!fields.empty())
        if (auto whole = s.find(AccessPath{pointer->root, "", false}); whole != s.end() && writtenByCall(whole->second))
          return "";
      break;
    }
  }
  return tableKey + "." + member->getMemberDecl()->getNameAsString();
}

// The expression a call passes as an accessor's input (`this` or a parameter).
const clang::Expr* FunctionAnalyzer::accessorObject(const CallView& call, unsigned input) const {
  if (input == kThisParam) return call.selfInArgs ? nullptr : call.self;
  const unsigned at = input + (call.selfInArgs ? 1 : 0);
  return at < call.args.size() ? call.args[at] : nullptr;
}

// `o.phone()` read as `o.phone_` when this function stored something there (a setter's
// value wins over the field's classification). Otherwise the call stays a call: the
// link stage reads the field from what each caller passed, field by field.
std::optional<AbsVal> FunctionAnalyzer::readThroughGetter(const CallView& call, const State& s) {
  const Accessor& a = ctx_.accessors.of(call.callee);
  auto path = getterPath(call, a);
  if (!path || s.find(AccessPath{path->root, path->fields, false}) == s.end()) return std::nullopt;
  const clang::Expr* object = accessorObject(call, a.object);
  AbsVal v = readField(a.read.back(), path, object, call.expr, s);
  mergeTaint(v.taint, enclosingFieldSources(object, call.expr));
  for (std::size_t i = 0; i + 1 < a.read.size(); ++i)
    if (a.read[i]->getType()->isRecordType()) mergeTaint(v.taint, fieldSource(a.read[i], call.expr));
  return v;
}

// `ledger.pieces()` of a getter returning a reference to a field (`return pieces_;`)
// names that field of its object: what is read or iterated through it is the field,
// not the whole object. So does one returning a pointer field (`h.get()` of a RAII
// wrapper holding a `CURL*`): the same handle, with what was set on it.
std::optional<AccessPath> FunctionAnalyzer::getterField(const CallView& call) {
  if (!call.callee) return std::nullopt;
  const clang::QualType result = call.callee->getReturnType();
  if (!result->isReferenceType() && !result->isPointerType()) return std::nullopt;
  return getterPath(call, ctx_.accessors.of(call.callee));
}

// The caller's path of the field getter `a` reads (`o.phone()`: `o.phone_`); as weak
// as the object's path (one element of many: read, never overwrite).
std::optional<AccessPath> FunctionAnalyzer::getterPath(const CallView& call, const Accessor& a) {
  if (a.kind != Accessor::Getter) return std::nullopt;
  const clang::Expr* object = accessorObject(call, a.object);
  auto path = object ? lvalue(object) : std::nullopt;
  if (!path) return std::nullopt;
  const bool weak = path->weak;
  for (const clang::FieldDecl* f : a.read) appendField(*path, f->getNameAsString());
  path->weak = weak;
  return path;
}

// `o.setPhone(kDesk)`: the field now holds the argument (or the literal), replacing
// what it held, so later reads see the desk's number only.
void FunctionAnalyzer::writeThroughSetter(const CallView& call, State& s) {
  const Accessor& a = ctx_.accessors.of(call.callee);
  if (a.kind != Accessor::Setter) return;
  const clang::Expr* object = accessorObject(call, a.object);
  auto path = object ? lvalue(object) : std::nullopt;
  if (!path) return;
  for (const Accessor::Write& w : a.writes) {
    const clang::Expr* value = w.clears ? nullptr : w.literal ? w.literal : accessorObject(call, *w.param);
    if (!value && !w.clears) continue;
    AccessPath target = *path;
    for (const clang::FieldDecl* f : w.field) appendField(target, f->getNameAsString());
    // An element of many, or a path cut at the depth limit: add, do not replace.
    const std::size_t full = path->fields.size() + fieldPath(w.field).size() + (path->fields.empty() ? 0 : 1);
    target.weak = path->weak || target.fields.size() < full;
    store(target, value ? eval(value, s) : AbsVal{}, s, call.expr, target.weak);
  }
}

}  // namespace egress
