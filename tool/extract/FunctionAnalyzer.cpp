#include "extract/FunctionAnalyzer.h"

#include <algorithm>
#include <deque>
#include <set>

#include <clang/AST/ASTContext.h>
#include <clang/AST/Decl.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/StmtCXX.h>
#include <clang/Analysis/CFG.h>
#include <clang/Basic/SourceManager.h>

#include "extract/ConstantTables.h"
#include "extract/Guards.h"
#include "extract/Names.h"
#include "extract/Solver.h"
#include "facts/TaintOps.h"

namespace egress {

const clang::InitListExpr* recordInitList(const clang::Expr* e) {
  e = e->IgnoreImplicit();
  if (const auto* cast = llvm::dyn_cast<clang::CXXFunctionalCastExpr>(e)) e = cast->getSubExpr()->IgnoreImplicit();
  const auto* list = llvm::dyn_cast<clang::InitListExpr>(e);
  return list && list->getType()->isRecordType() ? list : nullptr;
}

// An initializer list of an array whose elements are records' lists, or null.
const clang::InitListExpr* arrayOfRecordInits(const clang::Expr* e) {
  const auto* list = llvm::dyn_cast<clang::InitListExpr>(e->IgnoreImplicit());
  if (!list || !list->getType()->isArrayType()) return nullptr;
  const auto inits = list->inits();
  return std::any_of(inits.begin(), inits.end(), [](const clang::Expr* e) { return e && recordInitList(e); }) ? list
                                                                                                              : nullptr;
}

FunctionAnalyzer::FunctionAnalyzer(AnalyzerContext& ctx, const clang::FunctionDecl* fn) : ctx_(ctx), fn_(fn) {
  if (!fn) return;
  facts_.usr = usrOf(fn);
  facts_.name = canonicalName(fn);
  facts_.loc = loc(fn->getLocation());
  for (const auto* p : fn->parameters()) facts_.paramNames.push_back(p->getNameAsString());
  if (const auto* m = llvm::dyn_cast<clang::CXXMethodDecl>(fn))
    for (const auto* base : m->overridden_methods()) facts_.overrides.push_back(usrOf(base));
  if (const auto* ctor = llvm::dyn_cast<clang::CXXConstructorDecl>(fn)) recordFieldsOf(ctor->getParent());
  // Callers in other TUs learn at link time what it resets (noteLaterCall): a
  // setter's writes, or the fields another function resets.
  const Accessor& accessor = ctx_.accessors.of(fn);
  const auto reset = [&](unsigned object, const std::vector<const clang::FieldDecl*>& field) {
    facts_.resets.push_back((object == kThisParam ? std::string("this") : "arg:" + std::to_string(object)) + "#" +
                            fieldPath(field));
  };
  for (const Accessor::Reset& r : accessor.resets) reset(r.object, r.field);
  if (accessor.kind == Accessor::Setter)
    for (const Accessor::Write& w : accessor.writes) reset(accessor.object, w.field);
}

SourceLoc FunctionAnalyzer::loc(clang::SourceLocation l) const {
  return sourceLoc(ctx_.ast.getSourceManager(), l, ctx_.root);
}
// A method called at the end of a chain spanning lines (`Request(url)` ... `.post()`)
// is where its name is: the chain's start is another call's.
SourceLoc FunctionAnalyzer::loc(const clang::Stmt* st) const {
  if (!scopeEnds_.empty())
    if (auto end = scopeEnds_.find(st); end != scopeEnds_.end()) return loc(end->second);
  const SourceLoc begin = loc(st->getBeginLoc());
  const auto* member = llvm::dyn_cast<clang::CXXMemberCallExpr>(st);
  const auto* callee = member ? llvm::dyn_cast<clang::MemberExpr>(member->getCallee()->IgnoreParens()) : nullptr;
  if (!callee || callee->getMemberLoc().isInvalid()) return begin;
  const SourceLoc name = loc(callee->getMemberLoc());
  return name.file == begin.file && name.line != begin.line ? name : begin;
}
std::string FunctionAnalyzer::text(const clang::Stmt* st) const { return sourceText(ctx_.ast, st); }

FunctionFacts FunctionAnalyzer::run() {
  LimitScope limits(facts_.limits);
  clang::CFG::BuildOptions opts;
  opts.setAllAlwaysAdd();
  opts.AddInitializers = true;
  opts.AddImplicitDtors = true;  // an RAII object's destructor may send what it buffered
  std::unique_ptr<clang::CFG> cfg = clang::CFG::buildCFG(fn_, fn_->getBody(), &ctx_.ast, opts);
  if (!cfg) return facts_;

  const auto transfer = [this](const clang::CFGElement& el, State& s) {
    if (!stableParams_.empty()) currentGuards_ = guardsHeld(s);
    if (auto st = el.getAs<clang::CFGStmt>()) exec(st->getStmt(), s);
    else if (auto init = el.getAs<clang::CFGInitializer>()) execInitializer(init->getInitializer(), s);
    else if (auto dtor = el.getAs<clang::CFGAutomaticObjDtor>()) execScopeEndDestructor(*dtor, s);
  };
  StableParams stable = stableParams(fn_);
  stableParams_ = std::move(stable.scalars);
  textParams_ = std::move(stable.texts);
  const auto branch = [this](const clang::CFGBlock& block, unsigned succ, const State& in, State& edge) {
    const auto guards = edgeGuards(block, succ, stableParams_, ctx_.ast);
    const auto key = textKeyOnEdge(block, succ);
    if (guards.empty() && !key) return false;
    edge = in;
    for (const auto& [param, guard] : guards) edge[AccessPath{param, guardField(guard), false}] = AbsVal{};
    if (key) markTextKey(*key, edge);
    return true;
  };
  std::optional<State> exit = solveForward(*cfg, transfer, branch);
  currentGuards_.clear();
  if (exit) {
    collectEffects(*exit);
    rebindSinkHandles(*exit);
    applyMoves();
    recordLocalArgsAtExit(*exit);
  }
  for (auto& [id, site] : calls_) facts_.calls.push_back(std::move(site));
  for (auto& [key, store] : fieldStores_) facts_.fieldStores.push_back(std::move(store));
  shareEqualGlobals(facts_.calls);
  for (auto& [key, sink] : sinks_) {
    if (auto when = sinkConditions_.find(key); when != sinkConditions_.end())
      sink.destination = underCondition(sink.destination, when->second);
    facts_.sinks.push_back(std::move(sink));
  }
  return facts_;
}

// The key of a path in a mutable global ("USR.field"), or empty.
std::string FunctionAnalyzer::globalKey(const AccessPath& p, bool includeConst, bool indexed) const {
  const clang::Decl* root = globalRootOf(p);
  if (!root || (!includeConst && !isMutableGlobal(p))) return {};
  const std::string key = usrOf(root) + (p.fields.empty() ? "" : "." + p.fields);
  return indexed ? key : indexBlind(key);
}

// The global variable a path starts at, or a singleton class standing for its one
// object (keyed by the class's USR); null for anything else.
const clang::Decl* FunctionAnalyzer::globalRootOf(const AccessPath& p) const {
  if (p.root == fn_) return nullptr;
  const auto* d = static_cast<const clang::Decl*>(p.root);
  if (llvm::isa_and_nonnull<clang::CXXRecordDecl>(d)) return d;
  const auto* v = llvm::dyn_cast_or_null<clang::VarDecl>(d);
  return v && v->hasGlobalStorage() ? v : nullptr;
}

bool FunctionAnalyzer::isMutableGlobal(const AccessPath& p) const {
  const clang::Decl* root = globalRootOf(p);
  const auto* v = llvm::dyn_cast_or_null<clang::VarDecl>(root);
  return v ? !v->getType().isConstQualified() : root != nullptr;
}

// A value that is only the global itself read back (`g = g`) says nothing new.
bool FunctionAnalyzer::isOnlyGlobal(const StrVal& v, const std::string& key) {
  const StrPiece* global = onlyPiece(v, StrPiece::Global);
  return global && global->text == key;
}

// What a global's initializer stores in the whole or its fields, keyed like its
// stores: strings (`struct cfg g = {.host = "10.0.0.5"}`), functions
// (`{.send = http_send}`) and the globals its pointers aim at (`.ops = &http_ops`).
FunctionAnalyzer::InitialValues FunctionAnalyzer::initialValues(const clang::VarDecl* v) {
  InitialValues out;
  const clang::Expr* init = v->getInit();
  if (!init) return out;
  State s;
  const AccessPath self{v, "", false};
  const auto noteRef = [&](const AccessPath& at, const clang::Expr* value) {
    if (!value->getType()->isPointerType()) return;
    auto target = pointeeOf(value);
    if (target && globalRootOf(*target)) out.refs[globalKey(at, true)] = globalKey(*target, true);
  };
  // A table of records (at the top or in a field: `.chan = {[CH_WMS] = {...}}`)
  // also keeps each row at its index, for a reader whose index is known.
  storeTableRows_ = true;
  tableRows_.clear();
  if (const clang::InitListExpr* array = arrayOfRecordInits(init)) {
    storeElementInits(self, array, s, 0, noteRef);  // read with an index not known here: any element
  } else if (const auto* list = llvm::dyn_cast<clang::InitListExpr>(init->IgnoreImplicit())) {
    storeFieldInits(self, list, s, 0, noteRef);
  } else {
    s[self] = eval(init, s);
    noteRef(self, init);
  }
  storeTableRows_ = false;
  const bool constant = v->getType().isConstQualified();
  // A mutable global's rows are its values: the link reads all of them for an index
  // it does not know, and a store into one row replaces only that row's.
  const auto rowsJoined = [&](const AccessPath& path) {
    if (constant) return false;
    return std::any_of(tableRows_.begin(), tableRows_.end(), [&](const std::string& table) {
      llvm::StringRef below = path.fields;
      if (!below.consume_front(table)) return false;
      if (!table.empty() && !below.empty() && !below.consume_front(".")) return false;
      return !below.starts_with("[#");  // the table itself, or any row's field joined
    });
  };
  for (const auto& [path, val] : s) {
    if (val.str.known() && !onlyPiece(val.str, StrPiece::Unknown) && !rowsJoined(path))
      out.strs[globalKey(path, true, true)] = val.str;
    // A pointer to another global is looked up there, field by field.
    if (const std::string key = globalKey(path, true); !val.fns.empty() && !out.refs.count(key)) out.fns[key] = val.fns;
  }
  return out;
}

// A global table's rows one by one (`k_peers[PEER_BRS].host`, or `k_peers[id]` in a
// function its callers hand a constant): each at its index, `[#N]`.
void FunctionAnalyzer::storeEachElement(const AccessPath& table, const clang::InitListExpr* array, State& s,
                                        unsigned depth) {
  for (unsigned i = 0; i < array->getNumInits(); ++i)
    if (const clang::InitListExpr* list = recordInitList(array->getInit(i)))
      storeFieldInits(AccessPath{table.root, joinField(table.fields, indexField(std::to_string(i))), false}, list, s,
                      depth);
}

void FunctionAnalyzer::exec(const clang::Stmt* st, State& s) {
  if (const auto* ds = llvm::dyn_cast<clang::DeclStmt>(st)) {
    for (const auto* d : ds->decls())
      if (const auto* v = llvm::dyn_cast<clang::VarDecl>(d)) execDecl(v, s);
    return;
  }
  if (const auto* bo = llvm::dyn_cast<clang::BinaryOperator>(st)) {
    if (bo->isAssignmentOp()) execAssign(bo->getLHS(), bo->getRHS(), bo->isCompoundAssignmentOp(), st, s);
    return;
  }
  if (const auto* ret = llvm::dyn_cast<clang::ReturnStmt>(st)) {
    if (ret->getRetValue()) execReturn(ret->getRetValue(), s);
    return;
  }
  if (const auto* op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(st)) {
    const auto kind = op->getOperator();
    // A library operator, or a copy/move assignment the compiler writes (member-wise).
    const clang::FunctionDecl* callee = op->getDirectCallee();
    const bool plain = !isUserFunction(callee) || (callee && callee->isDefaulted());
    if (kind == clang::OO_Equal && op->getNumArgs() == 2 && unpackIntoReferences(op->getArg(0), op->getArg(1), st, s))
      return;
    if ((kind == clang::OO_Equal || kind == clang::OO_PlusEqual) && op->getNumArgs() == 2 && plain) {
      execAssign(op->getArg(0), op->getArg(1), kind == clang::OO_PlusEqual, st, s);
      return;
    }
  }
  if (const auto* call = llvm::dyn_cast<clang::CallExpr>(st)) execCall(callView(call), s);
}

// Fields as the source spells them: `.host`, an element `[1].host` or `[ch].host`.
std::string FunctionAnalyzer::shownFields(const std::string& fields) const {
  if (fields.empty()) return "";
  std::string out = "." + substituteKeyParams(fields, [&](unsigned i) {
                      return i < fn_->getNumParams() ? fn_->getParamDecl(i)->getNameAsString() : std::string("?");
                    });
  for (std::size_t at; (at = out.find(".[#")) != std::string::npos;) out.replace(at, 3, "[");
  return out;
}

void FunctionAnalyzer::store(const AccessPath& p, AbsVal v, State& s, const clang::Stmt* at, bool merge) {
  const Step step{loc(at), "stored in `" + rootName(p) + shownFields(p.fields) + "`"};
  v.taint = withStep(v.taint, step);
  v.partial = false;  // a value read from a partial path is whole where it is stored
  if (!merge && !p.weak) {
    // A strong update also replaces everything stored below the path.
    const std::string prefix = p.fields.empty() ? "" : p.fields + ".";
    for (auto it = s.begin(); it != s.end();) {
      const bool below = it->first.root == p.root && it->first.fields.size() > p.fields.size() &&
                         it->first.fields.compare(0, prefix.size(), prefix) == 0;
      it = below ? s.erase(it) : std::next(it);
    }
    AccessPath key = p;
    key.weak = false;
    if (carriesNothing(v) && p.fields.empty() && isPlainLocal(p.root)) {
      s.erase(key);  // keeps the state small: most locals never carry anything
      return;
    }
    s[key] = std::move(v);
    return;
  }
  AccessPath key = p;
  key.weak = false;
  // A parameter taken by value and added to in place (`payload.push_back('\n')`)
  // still holds what the caller passed.
  if (const auto* param = ownCopyParam(p); param && !s.count(key)) s[key] = evalPath(key, param->getType(), s);
  AbsVal& cur = s[key];
  mergeTaint(cur.taint, v.taint);
  widenCalls(cur.taint);
  // One element standing for all (a table's rows joined) holds either value; an
  // object added to in place holds both.
  if (!v.str.known()) {
  } else if (!cur.str.known()) cur.str = v.str;
  else if (p.weak && !merge) addAlternatives(cur.str, v.str);
  else cur.str = concat(cur.str, v.str);
  if (v.dest.known()) cur.dest = v.dest;
  joinFns(cur.fns, v.fns);
}

// The parameter `p` names as a whole where the function has its own copy of it.
const clang::ParmVarDecl* FunctionAnalyzer::ownCopyParam(const AccessPath& p) {
  if (!p.fields.empty()) return nullptr;
  const auto* param = llvm::dyn_cast_or_null<clang::ParmVarDecl>(static_cast<const clang::Decl*>(p.root));
  if (!param || param->getType()->isReferenceType() || param->getType()->isPointerType()) return nullptr;
  return param;
}

bool FunctionAnalyzer::carriesNothing(const AbsVal& v) {
  return v.taint.empty() && !v.taint.input && !v.str.known() && !v.dest.known() && v.fns.empty();
}

// A local of a type with no fields to classify: nothing is lost by not storing an
// empty value for it (a record's empty value must stay, it hides the classification).
// A variable of the library (std::ignore): writes into it go nowhere.
bool FunctionAnalyzer::isSystemGlobal(const void* root) const {
  if (root == fn_) return false;
  const auto* v = llvm::dyn_cast_or_null<clang::VarDecl>(static_cast<const clang::Decl*>(root));
  return v && v->hasGlobalStorage() && ctx_.ast.getSourceManager().isInSystemHeader(v->getLocation());
}

bool FunctionAnalyzer::isPlainLocal(const void* root) const {
  if (root == fn_) return false;
  const auto* v = llvm::dyn_cast_or_null<clang::VarDecl>(static_cast<const clang::Decl*>(root));
  if (!v || !v->hasLocalStorage() || llvm::isa<clang::ParmVarDecl>(v)) return false;
  return !v->getType().getNonReferenceType()->isRecordType();
}

// A lambda stored somewhere takes its captures along: they become fields of the
// closure, which is how the lambda's body sees them (as fields of `this`).
void FunctionAnalyzer::storeClosure(const AccessPath& p, const clang::Expr* value, State& s, bool merge) {
  for (const clang::LambdaExpr* lambda : lambdasIn(value)) {
    auto init = lambda->capture_init_begin();
    for (auto cap = lambda->capture_begin(); cap != lambda->capture_end(); ++cap, ++init) {
      const std::optional<std::string> name = captureField(*cap);
      if (!name || !*init) continue;
      const AccessPath field{p.root, p.fields.empty() ? *name : p.fields + "." + *name, false};
      store(field, eval(*init, s), s, *init, merge);
    }
  }
}

void FunctionAnalyzer::execDecl(const clang::VarDecl* v, State& s) {
  const clang::Expr* init = v->getInit();
  if (!init) return;
  noteView(v, init);
  if (!views_.count(v) && notePointee(v, init)) return;
  if (v->getType()->isReferenceType() && !namesConfigSection(v, init, s)) {
    if (auto target = lvalue(init)) {
      aliases_[v] = *target;
      boundTo_[v] = init;
      return;
    }
  }
  AccessPath self{v, "", false};
  if (const auto* list = recordInitList(init)) {
    store(self, eval(init, s), s, init, false);
    storeFieldInits(self, list, s, 0);
    return;
  }
  if (const clang::InitListExpr* array = arrayOfRecordInits(init)) {
    store(self, eval(init, s), s, init, false);
    storeElementInits(self, array, s, 0, {});
    return;
  }
  if (const auto* ctor = llvm::dyn_cast<clang::CXXConstructExpr>(init->IgnoreImplicit())) {
    // Constructors may configure the object (a client built with a host, a file stream
    // opened on a path): let the models see the variable as `this`.
    const CallView view = callView(ctor);
    if (aliasConstructed(v, view)) return;
    store(self, eval(init, s), s, v->getInit(), false);
    storeClosure(self, init, s);
    aliases_[ctor] = self;
    execCall(view, s);
    storeAggregate(self, init, v->getType(), s);
    // A constructor someone wrote (its body may be in another file) is a call site;
    // an implicit one only applies the default member initializers, but for a copy
    // or a move, which takes every field from its source (storeAggregate).
    if (isUserFunction(view.callee) && ctor->getConstructor()->isUserProvided()) {
      constructUserObject(self, view, s);
      noteHeldObjects(v, view);
    } else if (!ctor->getConstructor()->isCopyOrMoveConstructor()) {
      storeDefaultMemberInits(self, ctor->getType()->getAsRecordDecl(), s);
    }
    return;
  }
  store(self, eval(init, s), s, init, false);
  storeClosure(self, init, s);
  if (llvm::isa<clang::CallExpr>(init->IgnoreImplicit())) storeAggregate(self, init, v->getType(), s);
}

// A model with `elements` applies: the call builds a pair or tuple from its arguments.
bool FunctionAnalyzer::buildsElements(const CallView& view) {
  if (!view.callee) return false;
  const auto& models = ctx_.apis.modelsFor(view.callee);
  return std::any_of(models.begin(), models.end(),
                     [&](const ApiModel* m) { return m->elements && conditionHolds(*m, view); });
}

// A library aggregate built from its parts (a model with `elements`: a pair's
// constructor, std::make_tuple): each part is stored as its own element.
bool FunctionAnalyzer::storeElements(const AccessPath& self, const CallView& view, clang::QualType type, State& s) {
  const auto* record = type.getNonReferenceType()->getAsRecordDecl();
  if (!view.callee || !record || view.args.size() != elementCount(record)) return false;
  if (!buildsElements(view)) return false;
  s[AccessPath{self.root, self.fields, false}].taint = Taint{};  // the whole is its elements
  for (unsigned i = 0; i < view.args.size(); ++i) {
    AccessPath element = self;
    appendField(element, elementName(record, i));
    store(element, eval(view.args[i], s), s, view.expr, false);
  }
  return true;
}

// `std::tie(a, b) = pr`: assigning to a tuple of references an `elements` model made
// assigns each element of the right side to the variable its reference names.
bool FunctionAnalyzer::unpackIntoReferences(const clang::Expr* lhs, const clang::Expr* rhs, const clang::Stmt* at,
                                            State& s) {
  const auto* call = llvm::dyn_cast<clang::CallExpr>(lhs->IgnoreImplicit());
  const CallView view = call ? callView(call) : CallView{};
  if (!view.callee || view.args.empty() || !holdsReferences(call->getType()) || !buildsElements(view)) return false;
  const clang::RecordDecl* source = rhs->getType().getNonReferenceType()->getAsRecordDecl();
  const auto from = lvalue(rhs);
  const AbsVal whole = eval(rhs, s);
  for (unsigned i = 0; i < view.args.size(); ++i) {
    auto to = lvalue(view.args[i]);
    if (!to || isSystemGlobal(to->root)) continue;  // std::ignore
    AbsVal v = whole;
    if (from && !from->weak && source) {
      const AccessPath element{from->root, joinField(from->fields, elementName(source, i)), false};
      if (s.count(element)) v = evalPath(element, view.args[i]->getType(), s);
    }
    store(*to, std::move(v), s, at, false);
  }
  return true;
}

// A copy of a library aggregate whose elements are stored apart keeps them apart.
void FunctionAnalyzer::copyElements(const AccessPath& self, const clang::Expr* source, State& s) {
  auto from = lvalue(source);
  if (!from || from->weak || !isSystemRecord(ctx_.ast, source->getType()->getAsRecordDecl())) return;
  const std::string prefix = from->fields.empty() ? "" : from->fields + ".";
  std::vector<std::pair<std::string, AbsVal>> elements;
  for (auto it = s.upper_bound(AccessPath{from->root, from->fields, false});
       it != s.end() && it->first.root == from->root; ++it) {
    if (it->first.fields.compare(0, prefix.size(), prefix) != 0) break;
    elements.emplace_back(it->first.fields.substr(prefix.size()), it->second);
  }
  if (elements.empty()) return;
  s[AccessPath{self.root, self.fields, false}].taint = Taint{};
  for (auto& [suffix, value] : elements)
    s[AccessPath{self.root, joinField(self.fields, suffix), false}] = std::move(value);
}

// What is stored below a local pointer to a record the function fills, stored
// whole (`*ctx = c;`): the same below the target.
void FunctionAnalyzer::copyOwnObjectFields(const AccessPath& self, const clang::Expr* pointer, const clang::Stmt* at,
                                           State& s) {
  auto from = lvalue(pointer);
  if (!from || from->weak || (from->root == self.root && from->fields == self.fields)) return;
  const std::string prefix = from->fields.empty() ? "" : from->fields + ".";
  std::vector<std::pair<std::string, AbsVal>> below;
  for (auto it = s.upper_bound(AccessPath{from->root, from->fields, false});
       it != s.end() && it->first.root == from->root && it->first.fields.compare(0, prefix.size(), prefix) == 0; ++it)
    below.emplace_back(it->first.fields.substr(prefix.size()), it->second);
  for (auto& [suffix, value] : below)
    store(AccessPath{self.root, joinField(self.fields, suffix), self.weak}, std::move(value), s, at, self.weak);
}

// A constructor modelled as a view onto one of its arguments makes the variable an
// alias of that argument's access path.
bool FunctionAnalyzer::aliasConstructed(const clang::VarDecl* v, const CallView& view) {
  if (!view.callee) return false;
  for (const ApiModel* m : ctx_.apis.modelsFor(view.callee)) {
    if (!m->aliasOf || !conditionHolds(*m, view)) continue;
    const clang::Expr* target = operandExpr(view, *m->aliasOf);
    if (auto path = target ? lvalue(target) : std::nullopt) {
      path->weak = true;
      aliases_[v] = *path;
      constructedOver_.push_back(*path);
      return true;
    }
  }
  return false;
}

// `T obj(args)` with a constructor of the program: a call site whose object is the
// variable; what the constructor stores in its fields reaches the variable.
void FunctionAnalyzer::constructUserObject(const AccessPath& self, const CallView& view, State& s) {
  AbsVal v;
  const CallRef built = constructionSite(view, s);
  v.taint.calls.push_back(built);
  store(self, std::move(v), s, view.expr, true);
  // A base built in a constructor: the strings its constructor left in the object
  // (an ofstream member opened on a path) are this constructor's too; a second base
  // is another such call, not text joined to the first.
  if (self.root != fn_ || !self.fields.empty()) return;
  StrVal& left = s[AccessPath{fn_, "", false}].str;
  const StrVal out{{{StrPiece::CallOut, built.slot, built.site}}, {}};
  if (left.known()) addAlternatives(left, out);
  else left = out;
}

// `Encoder enc(&writer)`: the object may keep the address it was handed, so what its
// methods write through it reaches `writer` (see execCall).
void FunctionAnalyzer::noteHeldObjects(const clang::VarDecl* holder, const CallView& view) {
  const clang::FunctionDecl* ctor = view.callee;
  for (unsigned i = 0; i < view.args.size() && i < ctor->getNumParams(); ++i) {
    const clang::QualType t = ctor->getParamDecl(i)->getType();
    const bool writable = (t->isPointerType() || t->isReferenceType()) && !t->getPointeeType().isConstQualified();
    if (!writable) continue;
    auto held = t->isReferenceType() ? lvalue(view.args[i]) : pointeeOf(view.args[i]);
    const auto* cls = llvm::dyn_cast<clang::CXXRecordDecl>(ctor->getParent());
    if (held) heldBy_[holder].push_back({*held, memberHolding(cls, t->getPointeeType())});
  }
}

// The one field of `holder` that refers or points to a `held` (`DailyStats& stats_`
// for a constructor taking `DailyStats&`): a method's writes into the held object go
// through it. Empty when no field or several fields can.
std::string FunctionAnalyzer::memberHolding(const clang::CXXRecordDecl* holder, clang::QualType held) {
  if (!holder || !holder->hasDefinition()) return "";
  const clang::QualType want = held.getCanonicalType().getUnqualifiedType();
  std::string found;
  for (const clang::FieldDecl* f : holder->getDefinition()->fields()) {
    const clang::QualType t = f->getType();
    if (!t->isReferenceType() && !t->isPointerType()) continue;
    if (t->getPointeeType().getCanonicalType().getUnqualifiedType() != want) continue;
    if (!found.empty()) return "";
    found = f->getNameAsString();
  }
  return found;
}

// Each field a record's braces (at nesting `depth`) initialise, with its
// initializer: none for a library record, nor past the depth bound (counted).
void FunctionAnalyzer::forEachFieldInit(const clang::InitListExpr* list, unsigned depth,
                                        llvm::function_ref<void(const clang::FieldDecl*, const clang::Expr*)> each) {
  const clang::RecordDecl* rd = list->getType()->getAsRecordDecl();
  if (!rd || ctx_.ast.getSourceManager().isInSystemHeader(rd->getLocation())) return;
  if (depth > 2) {
    noteLimit(Limit::FieldDepth);
    return;
  }
  unsigned i = 0;
  for (const clang::FieldDecl* f : rd->fields()) {
    if (i >= list->getNumInits()) break;
    each(f, list->getInit(i++));
  }
}

// `Client c{"https://h", 443}`: each field gets its initializer.
void FunctionAnalyzer::storeFieldInits(const AccessPath& p, const clang::InitListExpr* list, State& s, unsigned depth,
                                       llvm::function_ref<void(const AccessPath&, const clang::Expr*)> onField) {
  forEachFieldInit(list, depth, [&](const clang::FieldDecl* f, const clang::Expr* value) {
    // Below a weak path (one element of an array standing for all) each value joins.
    const AccessPath field{p.root, p.fields.empty() ? f->getNameAsString() : p.fields + "." + f->getNameAsString(),
                           p.weak};
    store(field, eval(value, s), s, value, false);
    notePointeeAt(field, f->getType(), value);
    if (onField) onField(field, value);
    if (const auto* inner = llvm::dyn_cast<clang::InitListExpr>(value->IgnoreImplicit()))
      storeFieldInits(field, inner, s, depth + 1, onField);
    if (const clang::InitListExpr* array = arrayOfRecordInits(value))
      storeElementInits(field, array, s, depth + 1, onField);
  });
}

// An array of records initialised element by element (`.items = {{...}, {...}}`,
// `struct form_part parts[] = {...}`): its elements are one object, as a subscript
// reads them, with every element's fields joined.
void FunctionAnalyzer::storeElementInits(const AccessPath& p, const clang::InitListExpr* array, State& s,
                                         unsigned depth,
                                         llvm::function_ref<void(const AccessPath&, const clang::Expr*)> onField) {
  const AccessPath elements{p.root, p.fields, true};
  for (const clang::Expr* element : array->inits())
    if (const auto* list = recordInitList(element)) storeFieldInits(elements, list, s, depth, onField);
  if (!storeTableRows_ || p.weak || p.fields.find("[#") != std::string::npos) return;  // no rows of rows
  // A constant table at the top is stored row by row whatever its length (readers
  // pick rows by constant index); another one only up to kMaxTableRows rows, which
  // bounds the facts of a large program's big tables. A longer one stays joined.
  const auto* table = llvm::dyn_cast_or_null<clang::VarDecl>(static_cast<const clang::Decl*>(p.root));
  const bool top = p.fields.empty() && table && table->getType().isConstQualified();
  if (!top && array->getNumInits() > kMaxTableRows) return;
  storeEachElement(p, array, s, depth);
  tableRows_.push_back(p.fields);
}

// An object made by a constructor nobody wrote still has its fields' default
// member initializers (`std::string base_url = "https://h";`).
void FunctionAnalyzer::storeDefaultMemberInits(const AccessPath& p, const clang::RecordDecl* rd, State& s) {
  if (!rd || ctx_.ast.getSourceManager().isInSystemHeader(rd->getLocation())) return;
  for (const clang::FieldDecl* f : rd->fields()) {
    const clang::Expr* value = f->getInClassInitializer();
    if (!value) continue;
    const AccessPath field{p.root, p.fields.empty() ? f->getNameAsString() : p.fields + "." + f->getNameAsString(),
                           false};
    storeInitialValue(field, value, s);
  }
}

// A field's initial value; a record's list (`Endpoint gateway{"10.40.2.15", 7400}`)
// also stores each of its fields.
void FunctionAnalyzer::storeInitialValue(const AccessPath& field, const clang::Expr* value, State& s) {
  store(field, eval(value, s), s, value, false);
  if (const auto* byDefault = llvm::dyn_cast<clang::CXXDefaultInitExpr>(value->IgnoreImplicit()))
    value = byDefault->getExpr();
  if (const clang::InitListExpr* list = recordInitList(value)) storeFieldInits(field, list, s, 0);
}

// `const auto& partner = doc.at("partner")`: a read-only view of a section of a
// configuration the function read itself. It is that section (`config:partner`, so
// `partner.at("host")` is `config:partner.host`), not the document it points into.
bool FunctionAnalyzer::namesConfigSection(const clang::VarDecl* v, const clang::Expr* init, const State& s) {
  if (!v->getType().getNonReferenceType().isConstQualified() || !llvm::isa<clang::CallExpr>(init->IgnoreImplicit()))
    return false;
  return onlyPiece(eval(init, s).str, StrPiece::Config) != nullptr;
}

// A constructor's member initializer stores into a field of `this`.
void FunctionAnalyzer::execInitializer(const clang::CXXCtorInitializer* init, State& s) {
  if (!init->getInit()) return;
  // A base class built by its own constructor of the program: what that constructor
  // stores in its object is stored in this one.
  if (init->isBaseInitializer() || init->isDelegatingInitializer()) {
    const auto* ctor = llvm::dyn_cast<clang::CXXConstructExpr>(init->getInit()->IgnoreImplicit());
    if (ctor && isUserFunction(ctor->getConstructor()) && ctor->getConstructor()->isUserProvided())
      constructUserObject(AccessPath{fn_, "", false}, callView(ctor), s);
    return;
  }
  if (!init->isAnyMemberInitializer()) return;
  const AccessPath field{fn_, init->getAnyMember()->getNameAsString(), false};
  storeInitialValue(field, init->getInit(), s);
}

// `FILE* f = open_memstream(&buf, &len)`: a call modelled with `alias` returning a
// pointer makes the variable a stream over that buffer.
void FunctionAnalyzer::noteView(const clang::VarDecl* v, const clang::Expr* init) {
  const auto* call = llvm::dyn_cast<clang::CallExpr>(init->IgnoreImplicit());
  if (!call || !(v->getType()->isPointerType() || isHandleType(v->getType())) || !call->getDirectCallee()) return;
  const CallView view = callView(call);
  for (const ApiModel* m : ctx_.apis.modelsFor(view.callee)) {
    if (!m->aliasOf || !conditionHolds(*m, view)) continue;
    // `alias: return`: a stream that is its own buffer (`g_memory_output_stream_new()`):
    // what is written to it stays in the variable.
    if (m->aliasOf->kind == Operand::Return) {
      views_[v] = AccessPath{v, "", true};
      return;
    }
    const clang::Expr* target = operandExpr(view, *m->aliasOf);
    // What a smart pointer manages (`CURL* h = handle_.get()`) is that object, a
    // handle with its own destination, not a position in a buffer.
    if (target && !managesObject(target)) makeView(v, target);
    // A handle (`pugi::xml_node item = root.append_child(...)`) writes into what it
    // views; read, it is its own value (a configuration node's section key).
    if (isHandleType(v->getType())) viewedExprs_.erase(v);
    return;
  }
}

bool FunctionAnalyzer::managesObject(const clang::Expr* e) { return isSmartPointer(e->getType()); }

// `v` is from now on a view onto what `target` names; onto what that names in turn
// when `target` is itself a view (`pin = xmlNewChild(stop, ...)` with `stop` a child
// of the document's root): writes through `v` reach the outermost object.
void FunctionAnalyzer::makeView(const clang::VarDecl* v, const clang::Expr* target) {
  if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(target->IgnoreParenImpCasts())) {
    // `node = xmlNewChild(node, ...)`: it stays what it viewed, never a view of itself.
    if (ref->getDecl() == v) return;
    if (auto outer = views_.find(ref->getDecl()); outer != views_.end()) {
      views_[v] = outer->second;
      viewedExprs_[v] = viewedExprs_[ref->getDecl()];
      return;
    }
  }
  if (auto path = lvalue(target)) {
    views_[v] = AccessPath{path->root, path->fields, true};
    viewedExprs_[v] = target;
  }
}

// A model's `joins`: the local the part operand names becomes a view onto the whole
// (`xmlDocSetRootElement(doc, root)`, then children added under `root`), and what it
// holds already is in the whole.
void FunctionAnalyzer::joinPart(const CallView& call, const ApiModel::Join& join, State& s) {
  const clang::Expr* part = operandExpr(call, join.part);
  const clang::Expr* whole = operandExpr(call, join.whole);
  if (!part || !whole) return;
  std::optional<AccessPath> into = lvalue(whole);
  if (const AccessPath* view = viewNamedBy(whole)) into = *view;
  if (!into) return;
  store(AccessPath{into->root, into->fields, true}, eval(part, s), s, call.expr, true);
  const auto* var = llvm::dyn_cast_or_null<clang::VarDecl>(namedVariable(part));
  if (var && var->hasLocalStorage() && !llvm::isa<clang::ParmVarDecl>(var)) makeView(var, whole);
}

// What an operand names, itself or by address (`pk`, `&pk`, `(uv_stream_t *)&l->tcp`).
const clang::Expr* FunctionAnalyzer::addressed(const clang::Expr* e) {
  e = e->IgnoreParenCasts();
  if (const auto* addr = llvm::dyn_cast<clang::UnaryOperator>(e); addr && addr->getOpcode() == clang::UO_AddrOf)
    e = addr->getSubExpr()->IgnoreParenCasts();
  return e;
}

// The variable an operand names, itself or by address (`pk`, `&pk`: a packer
// initialised in place), or null.
const clang::ValueDecl* FunctionAnalyzer::namedVariable(const clang::Expr* e) {
  const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(addressed(e));
  return ref ? ref->getDecl() : nullptr;
}

// The field of a record an operand names, itself or by address (`cfg->url`,
// `&l->tcp`), with the member expression naming it; null for anything else.
const clang::FieldDecl* FunctionAnalyzer::namedField(const clang::Expr* e, const clang::MemberExpr** member) {
  const auto* named = llvm::dyn_cast<clang::MemberExpr>(addressed(e));
  if (member) *member = named;
  return named ? llvm::dyn_cast<clang::FieldDecl>(named->getMemberDecl()) : nullptr;
}

// What the local an operand names is a view onto (joinPart, noteView), or null.
const AccessPath* FunctionAnalyzer::viewNamedBy(const clang::Expr* e) const {
  const clang::ValueDecl* d = namedVariable(e);
  auto view = d ? views_.find(d) : views_.end();
  return view == views_.end() ? nullptr : &view->second;
}

// A local pointer or iterator set to point into an object (`char* p = buf;`,
// `T* p = &x;`, `auto it = v.begin();`) names that object: writes through it reach
// the object, reads see them. Setting it again ends (or moves) the alias. Pointers
// to const are left alone: nothing is written through them.
bool FunctionAnalyzer::notePointee(const clang::VarDecl* v, const clang::Expr* init) {
  if (!v->hasLocalStorage() || llvm::isa<clang::ParmVarDecl>(v) || v->getType()->isReferenceType()) return false;
  const clang::QualType t = v->getType();
  const bool writablePointer = t->isPointerType() && !t->getPointeeType().isConstQualified();
  // A row of a constant table (`const struct peer *p = &k_peers[id];`): `p->host`
  // is that row's.
  const bool constRow = t->isPointerType() && !writablePointer && t->getPointeeType()->isRecordType();
  if (!writablePointer && !constRow && (t->isPointerType() || !isPositionType(t))) return false;
  if (noteContainerOf(v, init)) return true;
  auto target = pointeeOf(init);  // before forgetting the old one: `p = advance(p)`
  aliases_.erase(v);
  boundTo_.erase(v);
  if (!target || (constRow && !globalRootOf(*target))) return false;
  target->weak = !copiesRecordPointer(t, init);
  aliases_[v] = *target;
  boundTo_[v] = init;  // read as the expression (a field keeps its classification) until written through
  return true;
}

// `c = container_of(p, struct conn, base)`, spelled `(struct conn *)((char *)p -
// offsetof(struct conn, base))`: the member is what `p` points at, so `c->base.head`
// is `p->head` (a queue a callee filled through `p`). The container's other fields
// are the local's own.
bool FunctionAnalyzer::noteContainerOf(const clang::VarDecl* v, const clang::Expr* init) {
  const auto* minus = llvm::dyn_cast<clang::BinaryOperator>(init->IgnoreParenCasts());
  if (!minus || minus->getOpcode() != clang::BO_Sub) return false;
  const auto* offset = llvm::dyn_cast<clang::OffsetOfExpr>(minus->getRHS()->IgnoreParenCasts());
  if (!offset) return false;
  std::string member;
  for (unsigned i = 0; i < offset->getNumComponents(); ++i) {
    const clang::OffsetOfNode& part = offset->getComponent(i);
    if (part.getKind() != clang::OffsetOfNode::Field) return false;
    member += (member.empty() ? "" : ".") + part.getField()->getNameAsString();
  }
  std::optional<AccessPath> pointed = lvalue(minus->getLHS()->IgnoreParenCasts());
  if (!pointed || member.empty()) return false;
  pointed->weak = false;
  aliases_.erase(v);
  boundTo_.erase(v);
  fieldPointees_[AccessPath{v, member, false}] = *pointed;
  return true;
}

// `struct settings *s = user;` (a handler's `void *` context, another record
// pointer): the same whole object under another type, not a position in a buffer,
// so writes through it are as exact as through the pointer it copies.
bool FunctionAnalyzer::copiesRecordPointer(clang::QualType type, const clang::Expr* init) {
  if (!type->isPointerType() || !type->getPointeeType()->isRecordType()) return false;
  const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(init->IgnoreParenCasts());
  return ref && ref->getType()->isPointerType();
}

// `*pp = &x` where `pp` points at a local pointer `p`: the local `p` is aimed at
// `x` as if assigned directly (`target` is where `*pp` leads).
const clang::VarDecl* FunctionAnalyzer::pointerAimedThrough(const clang::Expr* lhs, const AccessPath& target) const {
  const auto* deref = llvm::dyn_cast<clang::UnaryOperator>(lhs->IgnoreParenImpCasts());
  if (!deref || deref->getOpcode() != clang::UO_Deref || !deref->getType()->isPointerType()) return nullptr;
  if (!target.fields.empty() || !isLocalObject(target.root)) return nullptr;
  return static_cast<const clang::VarDecl*>(target.root);
}

// The access path of `lhs` when it is a field of a local record (`t.text`), as
// stored, not what it points at.
std::optional<AccessPath> FunctionAnalyzer::localPointerField(const clang::Expr* lhs) {
  const auto* m = llvm::dyn_cast<clang::MemberExpr>(lhs->IgnoreParenImpCasts());
  if (!m || !llvm::isa<clang::FieldDecl>(m->getMemberDecl()) || !m->getType()->isPointerType()) return std::nullopt;
  auto base = lvalue(m->getBase());
  if (!base || base->weak || !isLocalObject(base->root)) return std::nullopt;
  return AccessPath{base->root, joinField(base->fields, m->getMemberDecl()->getNameAsString()), false};
}

// A pointer field of a local record set to point into a local object
// (`t.text = &buf;`, `Target t{&buf}`): like a local pointer, writes through it
// reach the object and reads see them.
bool FunctionAnalyzer::notePointeeAt(const AccessPath& field, clang::QualType type, const clang::Expr* value) {
  if (!type->isPointerType() || type->getPointeeType().isConstQualified() || !isLocalObject(field.root)) return false;
  auto target = pointeeOf(value);
  fieldPointees_.erase(field);
  if (!target || !isLocalObject(target->root)) return false;
  target->weak = true;
  fieldPointees_[field] = *target;
  return true;
}

// A variable of this function's own (not a parameter, not `this`, not a global).
bool FunctionAnalyzer::isLocalObject(const void* root) const {
  if (!root || root == fn_) return false;
  const auto* v = llvm::dyn_cast<clang::VarDecl>(static_cast<const clang::Decl*>(root));
  return v && v->hasLocalStorage() && !llvm::isa<clang::ParmVarDecl>(v);
}

// The object a pointer or iterator expression points into, where known.
std::optional<AccessPath> FunctionAnalyzer::pointeeOf(const clang::Expr* e) {
  e = e->IgnoreParens();
  if (const auto* cast = llvm::dyn_cast<clang::ImplicitCastExpr>(e)) {
    if (cast->getCastKind() == clang::CK_ArrayToPointerDecay) return lvalue(cast->getSubExpr());
    return pointeeOf(cast->getSubExpr());
  }
  if (const auto* cast = llvm::dyn_cast<clang::ExplicitCastExpr>(e)) return pointeeOf(cast->getSubExpr());
  if (const auto* u = llvm::dyn_cast<clang::UnaryOperator>(e); u && u->getOpcode() == clang::UO_AddrOf) {
    // `&p` of a local pointer names the pointer itself (`*pp = &x` re-aims it), not
    // what it points at.
    if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(u->getSubExpr()->IgnoreParens()))
      if (const auto* v = llvm::dyn_cast<clang::VarDecl>(ref->getDecl());
          v && v->hasLocalStorage() && v->getType()->isPointerType() && !ref->refersToEnclosingVariableOrCapture())
        return AccessPath{v, "", false};
    return lvalue(u->getSubExpr());
  }
  if (const auto* b = llvm::dyn_cast<clang::BinaryOperator>(e); b && b->isAdditiveOp()) return lvalue(e);
  if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(e)) {
    if (auto a = aliases_.find(ref->getDecl()); a != aliases_.end()) return a->second;
    // `struct app *a = ctx;` of a `void *ctx` parameter: `a->x` is the caller's `x`.
    if (const auto* p = llvm::dyn_cast<clang::ParmVarDecl>(ref->getDecl());
        p && p->getType()->isPointerType() && !ref->refersToEnclosingVariableOrCapture())
      return AccessPath{p, "", false};
  }
  if (const auto* ctor = llvm::dyn_cast<clang::CXXConstructExpr>(e); ctor && ctor->getNumArgs() == 1)
    return pointeeOf(ctor->getArg(0));
  if (const auto* tmp = llvm::dyn_cast<clang::MaterializeTemporaryExpr>(e)) return pointeeOf(tmp->getSubExpr());
  if (const auto* call = llvm::dyn_cast<clang::CallExpr>(e)) {
    if (auto view = aliasedOperand(call)) return view;
    return positionReturnedBy(call);
  }
  return std::nullopt;
}

void FunctionAnalyzer::execAssign(const clang::Expr* lhs, const clang::Expr* rhs, bool compound, const clang::Stmt* at,
                                  State& s) {
  if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(lhs->IgnoreParenImpCasts()); ref && !compound) {
    if (const auto* param = llvm::dyn_cast<clang::ParmVarDecl>(ref->getDecl());
        param && param->getType()->isPointerType())
      repointed_.insert(param);  // its caller's object is no longer what it names
    if (const auto* v = llvm::dyn_cast<clang::VarDecl>(ref->getDecl())) {
      noteView(v, rhs);
      if (!views_.count(v) && notePointee(v, rhs)) return;
    }
  }
  // A local record's pointer field keeps its value (library models read it) and,
  // once stored, names what it points at.
  const std::optional<AccessPath> pointerField = compound ? std::nullopt : localPointerField(lhs);
  if (pointerField) fieldPointees_.erase(*pointerField);
  auto target = lvalue(lhs);
  if (!target) return;
  if (const clang::VarDecl* pointer = pointerAimedThrough(lhs, *target);
      pointer && !compound && notePointee(pointer, rhs))
    return;
  AbsVal v = eval(rhs, s);
  store(*target, std::move(v), s, at, compound);
  // A field emptied (`self->url = NULL`) names no destination anything is sent to.
  if (rhs->isNullPointerConstant(ctx_.ast, clang::Expr::NPC_ValueDependentIsNotNull) == clang::Expr::NPCK_NotNull)
    noteFieldStore(lhs, storedString(*target, s), at);
  if (pointerField) notePointeeAt(*pointerField, lhs->getType(), rhs);
  if (compound) return;
  storeClosure(*target, rhs, s);
  if (pointsToOwnObject(rhs)) copyOwnObjectFields(*target, rhs, at, s);
  if (target->weak) return;
  storeAggregate(*target, rhs, lhs->getType(), s);
  if (const auto* list = recordInitList(rhs)) storeFieldInits(*target, list, s, 0);
  storeConstantRecordFields(*target, rhs, s);
}

// A record copied from a constant global (`stop.address = kHubDock;`): each field is
// that global's constant, stored apart, so a callee reading `stop.address.street`
// sees the constant the caller put there (Guard::HoldsData fails on it), not data.
void FunctionAnalyzer::storeConstantRecordFields(const AccessPath& self, const clang::Expr* value, State& s) {
  const clang::Expr* source = value->IgnoreImplicit();
  if (const auto* copy = llvm::dyn_cast<clang::CXXConstructExpr>(source);
      copy && copy->getNumArgs() == 1 && copy->getConstructor()->isCopyOrMoveConstructor())
    source = copy->getArg(0)->IgnoreImplicit();
  const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(source->IgnoreParenImpCasts());
  const auto* var = ref ? llvm::dyn_cast<clang::VarDecl>(ref->getDecl()) : nullptr;
  const clang::VarDecl* def = var ? var->getDefinition() : nullptr;
  if (!def || !def->hasGlobalStorage() || !def->getType().isConstQualified() || !def->getType()->isRecordType() ||
      !def->getInit())
    return;
  const std::string prefix = usrOf(def) + ".";
  for (auto& [key, str] : initialValues(def).strs) {
    if (key.compare(0, prefix.size(), prefix) != 0) continue;
    AbsVal field;
    field.str = std::move(str);
    s[AccessPath{self.root, joinField(self.fields, key.substr(prefix.size())), false}] = std::move(field);
  }
}

// A library aggregate assigned from its parts (`last_ = std::make_pair(ref, n)`) or
// from another one whose elements are known apart keeps its elements apart.
void FunctionAnalyzer::storeAggregate(const AccessPath& self, const clang::Expr* value, clang::QualType type,
                                      State& s) {
  const clang::Expr* bare = value->IgnoreImplicit();
  if (const auto* call = llvm::dyn_cast<clang::CallExpr>(bare)) {
    storeElements(self, callView(call), type, s);
    storeResultProperties(self, callView(call), s);
    return;
  }
  if (const auto* ctor = llvm::dyn_cast<clang::CXXConstructExpr>(bare)) {
    const CallView view = callView(ctor);
    if (!storeElements(self, view, type, s) && ctor->getConstructor()->isCopyOrMoveConstructor() && !view.args.empty())
      copyElements(self, view.args[0], s);
    return;
  }
  copyElements(self, value, s);
}

namespace {

// Each form of `v` is one global (none: true).
bool onlyGlobals(const StrVal& v) {
  const std::vector<StrVal> each = forms(v);
  return std::all_of(each.begin(), each.end(),
                     [](const StrVal& form) { return onlyPiece(form, StrPiece::Global) != nullptr; });
}

}  // namespace

// A local pointer to a record the function fills (`u = calloc(...); u->ops = ops;`):
// returned or stored whole, its fields are the returned or stored object's.
bool FunctionAnalyzer::pointsToOwnObject(const clang::Expr* value) const {
  const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(value->IgnoreParenImpCasts());
  const auto* var = ref ? llvm::dyn_cast<clang::VarDecl>(ref->getDecl()) : nullptr;
  if (!var || !var->hasLocalStorage() || llvm::isa<clang::ParmVarDecl>(var) || aliases_.count(var)) return false;
  const clang::QualType type = var->getType();
  return type->isPointerType() && type->getPointeeType()->isRecordType();
}

void FunctionAnalyzer::execReturn(const clang::Expr* value, const State& s) {
  AbsVal v = eval(value, s);
  const Step step{loc(value), "returned from " + facts_.name + "()"};
  mergeTaint(facts_.ret, v.taint, &step);
  // An object returned by value keeps its fields apart for the caller.
  const clang::Expr* object = value->IgnoreImplicit();
  if (const auto* copy = llvm::dyn_cast<clang::CXXConstructExpr>(object);
      copy && copy->getNumArgs() == 1 && copy->getConstructor()->isCopyOrMoveConstructor())
    object = copy->getArg(0);  // `return o;` moves or copies the local
  const bool ownObject = pointsToOwnObject(object);
  auto path = value->getType()->isRecordType() || ownObject ? lvalue(object) : std::nullopt;
  // The object a local pointer names is its fields, each returned apart: none of
  // them (what travels up from the fields) is the pointer's own value.
  if (ownObject && path && !s.count(AccessPath{path->root, path->fields, false})) v.str = v.dest = StrVal{};
  if (path && (!path->weak || (path->root == fn_ && path->fields.empty()))) {  // a local, or `*this`
    const std::string prefix = path->fields.empty() ? "" : path->fields + ".";
    for (auto it = s.upper_bound(AccessPath{path->root, path->fields, false});
         it != s.end() && it->first.root == path->root && it->first.fields.compare(0, prefix.size(), prefix) == 0;
         ++it) {
      const std::string field = it->first.fields.substr(prefix.size());
      if (!it->second.taint.empty()) mergeTaint(facts_.retFields[field], it->second.taint, &step);
      // A handle aimed somewhere (a prepared statement kept in `j->ins_decl`) is where
      // it points, as in the effects; the first return's value stands, as for retStr.
      if (const StrVal str = destinationOf(it->second); str.known() && !onlyPiece(str, StrPiece::Unknown))
        facts_.retFieldStrs.emplace(field, str);
    }
  }
  if (path && !path->weak) returnInputFields(*path, value->getType());
  if (const clang::InitListExpr* list = recordInitList(value)) returnListFields(list, "", step, s, 0);
  addReturnedStr(destinationOf(v));  // a handle aimed somewhere is where it points
  if (std::string made = returnedAsBase(value); !made.empty() && !llvm::is_contained(facts_.retTypeNames, made))
    facts_.retTypeNames.push_back(std::move(made));
}

// A record built in the return statement (`return Endpoint{host_ + ".example.eu",
// "443"};`): each field is what its initializer gives, for the caller reading it.
void FunctionAnalyzer::returnListFields(const clang::InitListExpr* list, const std::string& prefix, const Step& step,
                                        const State& s, unsigned depth) {
  forEachFieldInit(list, depth, [&](const clang::FieldDecl* f, const clang::Expr* init) {
    const std::string field = joinField(prefix, f->getNameAsString());
    if (const clang::InitListExpr* inner = recordInitList(init))
      return returnListFields(inner, field, step, s, depth + 1);
    const AbsVal v = eval(init, s);
    if (!v.taint.empty()) mergeTaint(facts_.retFields[field], v.taint, &step);
    if (const StrVal str = destinationOf(v); str.known() && !onlyPiece(str, StrPiece::Unknown))
      facts_.retFieldStrs.emplace(field, str);
  });
}

// The class of the object `value` returns where the declared return type names one
// of its bases (`return std::make_unique<std::ofstream>(path);` from a function
// returning `std::unique_ptr<std::ostream>`), else empty.
std::string FunctionAnalyzer::returnedAsBase(const clang::Expr* value) {
  const clang::Expr* object = value->IgnoreImplicit();
  if (const auto* converted = llvm::dyn_cast<clang::CXXConstructExpr>(object);
      converted && converted->getNumArgs() == 1)
    object = converted->getArg(0)->IgnoreImplicit();  // to the smart pointer of the base
  return passedAsBase(object, fn_->getReturnType());
}

// A record returned by value that is an input's (`return req_;` in a builder, `return
// q;`): each of its fields is that input's field, for a callee the caller hands the
// result on to (`send(b.build())` reading `r.body`). Fields the function stored
// itself keep their own entries.
void FunctionAnalyzer::returnInputFields(const AccessPath& path, clang::QualType type) {
  const auto idx = paramIndex(path.root);
  const auto* record = type->getAsRecordDecl();
  // A getter returning a reference hands out the member itself: its reads stay whole.
  // A library record (a std::string returned by value) has no fields the program reads.
  if (!idx || !record || !fn_ || fn_->getReturnType()->isReferenceType()) return;
  if (ctx_.ast.getSourceManager().isInSystemHeader(record->getLocation())) return;
  const std::string below = path.fields.empty() ? "" : path.fields + ".";
  for (const clang::FieldDecl* field : record->fields()) {
    const std::string name = field->getNameAsString();
    if (name.empty() || facts_.retFields.count(name)) continue;
    const std::string at = below + name;
    facts_.retFields[name].params.push_back({*idx, at, {}});
    facts_.retFieldStrs.emplace(name, StrVal{{{StrPiece::Param, at, *idx}}, {}});
  }
}

// Each value returned is an alternative (`if (eu) return kDeUrl; return kCnUrl;`),
// but for an empty string: a failure's `return "";` names no destination.
void FunctionAnalyzer::addReturnedStr(const StrVal& str) {
  const auto emptyText = [](const StrVal& v) {
    const StrPiece* text = onlyPiece(v, StrPiece::Const);
    return text && text->text.empty();
  };
  if (!str.known()) return;
  if (!facts_.retStr.known() || emptyText(facts_.retStr)) facts_.retStr = str;
  else if (!emptyText(str)) addAlternatives(facts_.retStr, str);
}

std::string FunctionAnalyzer::rootName(const AccessPath& p) const {
  if (p.root == fn_) return "this";
  if (const auto* d = static_cast<const clang::Decl*>(p.root)) {
    if (const auto* nd = llvm::dyn_cast<clang::NamedDecl>(d)) return nd->getNameAsString();
  }
  return "?";
}

}  // namespace egress
