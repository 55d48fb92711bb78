// Calls: library models from rules/apis, sanitizers, calls to the program's own
// functions (recorded as call sites for the link stage) and the engine's defaults.
#include <clang/AST/ASTContext.h>
#include <clang/AST/Decl.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <cstring>
#include <clang/Basic/Builtins.h>
#include <clang/Basic/SourceManager.h>
#include <llvm/ADT/StringExtras.h>

#include "extract/FunctionAnalyzer.h"
#include "extract/Names.h"
#include "facts/TaintOps.h"

namespace egress {
namespace {

std::string spelling(const clang::Expr* e) {
  e = e->IgnoreImplicit()->IgnoreParenImpCasts();
  // A literal passed as `const std::string&` arrives wrapped in a constructor.
  if (const auto* ctor = llvm::dyn_cast<clang::CXXConstructExpr>(e))
    return ctor->getNumArgs() > 0 ? spelling(ctor->getArg(0)) : std::string();
  if (const auto* cast = llvm::dyn_cast<clang::CXXFunctionalCastExpr>(e)) return spelling(cast->getSubExpr());
  if (const auto* tmp = llvm::dyn_cast<clang::MaterializeTemporaryExpr>(e)) return spelling(tmp->getSubExpr());
  if (const auto* dr = llvm::dyn_cast<clang::DeclRefExpr>(e)) return dr->getDecl()->getNameAsString();
  if (const auto* lit = llvm::dyn_cast<clang::StringLiteral>(e)) return lit->getBytes().str();
  if (const auto* i = llvm::dyn_cast<clang::IntegerLiteral>(e)) return llvm::toString(i->getValue(), 10, true);
  if (const auto* c = llvm::dyn_cast<clang::ExplicitCastExpr>(e)) return spelling(c->getSubExpr());
  return {};
}

StrVal firstConst(const StrVal& s) {
  for (const StrPiece& p : s.pieces)
    if (p.kind == StrPiece::Const) return constStr(p.text);
  return {};
}

// A `type:` condition holds for the class itself or any of its bases
// (a generated protobuf message matches google::protobuf::Message).
bool typeMatches(const Pattern& pattern, clang::QualType type) {
  if (pattern.matches(canonicalTypeName(type))) return true;
  type = type.getNonReferenceType();
  if (type->isPointerType()) type = type->getPointeeType();
  const auto* rd = type->getAsCXXRecordDecl();
  if (!rd || !rd->hasDefinition()) return false;
  bool found = false;
  rd->forallBases([&](const clang::CXXRecordDecl* base) {
    found = found || pattern.matches(canonicalName(base));
    return true;
  });
  return found;
}

// The program's constructor a factory call (std::make_unique<T>) runs: a user-written
// constructor of T taking as many arguments as the call passes, the first declared
// one where several do (overloads differing only in types are rare for clients).
const clang::CXXConstructorDecl* factoryConstructor(const CallView& call) {
  const clang::TemplateArgumentList* targs = call.callee->getTemplateSpecializationArgs();
  if (!targs || targs->size() == 0 || targs->get(0).getKind() != clang::TemplateArgument::Type) return nullptr;
  const clang::CXXRecordDecl* rd = targs->get(0).getAsType()->getAsCXXRecordDecl();
  if (!rd || !rd->hasDefinition()) return nullptr;
  const unsigned n = call.args.size();
  for (const clang::CXXConstructorDecl* c : rd->getDefinition()->ctors())
    if (c->isUserProvided() && !c->isCopyOrMoveConstructor() && c->getMinRequiredArguments() <= n &&
        c->getNumParams() >= n)
      return c;
  return nullptr;
}

// Which of the value's facts names where data goes: the handle's configured
// destination, or else the value itself as a string.
StrVal destinationOf(const AbsVal& v) { return v.dest.known() ? v.dest : v.str; }

}  // namespace

bool FunctionAnalyzer::isUserFunction(const clang::FunctionDecl* fn) const {
  if (!fn || fn->getLocation().isInvalid() || fn->getBuiltinID() != 0) return false;
  return !ctx_.ast.getSourceManager().isInSystemHeader(fn->getLocation());
}

unsigned FunctionAnalyzer::siteId(const clang::Expr* call) {
  return sites_.emplace(call, unsigned(sites_.size())).first->second;
}

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
    for (std::size_t i = op.index; i < call.args.size(); ++i) {
      const AbsVal av = eval(call.args[i], s);
      mergeTaint(v.taint, av.taint);
      v.str = concat(v.str, av.str);
    }
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
  return e ? eval(e, s) : v;
}

// The key a provenance model names: its operand's constant text, or with `all` the
// first argument that is a constant string (`config_value(cfg, "smtp.host")`).
StrVal FunctionAnalyzer::provenanceKey(const CallView& call, const Operand& op, const State& s) {
  if (op.kind != Operand::AllArgs) return firstConst(operandValue(call, op, s).str);
  for (std::size_t i = op.index; i < call.args.size(); ++i) {
    const StrVal v = eval(call.args[i], s).str;
    if (v.known() && v.pieces.front().kind == StrPiece::Const) return v;
  }
  return {};
}

// The value a modelled flow carries: the union of its sources, their strings joined
// in operand order (so `a + b` keeps both halves of a URL).
AbsVal FunctionAnalyzer::flowValue(const CallView& call, const ApiModel::Flow& flow, const State& s) {
  AbsVal v;
  std::vector<StrVal> parts;
  for (const Operand& from : flow.from) {
    const AbsVal fv = operandValue(call, from, s);
    mergeTaint(v.taint, fv.taint);
    parts.push_back(fv.str);
    if (!v.dest.known()) v.dest = fv.dest;
  }
  v.str = flow.format ? formatted(call, *flow.format, flow.bracesFormat, s) : concatAll(parts);
  if (!flow.prefix.empty() && v.str.known()) v.str = concat(constStr(flow.prefix), v.str);
  return v;
}

// The value of an argument as text for formatting: its string value, or the literal
// number it is.
StrVal FunctionAnalyzer::formatArg(const clang::Expr* e, const State& s) {
  const clang::Expr* bare = e->IgnoreParenImpCasts();
  if (const auto* i = llvm::dyn_cast<clang::IntegerLiteral>(bare)) return constStr(llvm::toString(i->getValue(), 10, false));
  const AbsVal v = eval(e, s);
  return v.str.known() ? v.str : StrVal{{{StrPiece::Unknown, "", 0}}};
}

// A format string with constant text filled with its arguments' values:
// snprintf(buf, n, "https://%s/api", host), fmt::format("{}/v1", base).
StrVal FunctionAnalyzer::formatted(const CallView& call, unsigned formatArgIndex, bool braces, const State& s) {
  if (formatArgIndex >= call.args.size()) return {};
  const StrVal fmt = eval(call.args[formatArgIndex], s).str;
  if (fmt.pieces.size() != 1 || fmt.pieces[0].kind != StrPiece::Const) return {};
  const std::string& text = fmt.pieces[0].text;
  std::vector<StrVal> parts;
  std::string literal;
  std::size_t next = formatArgIndex + 1;
  const auto takeArg = [&](std::size_t index) {
    parts.push_back(constStr(literal));
    literal.clear();
    parts.push_back(index < call.args.size() ? formatArg(call.args[index], s) : StrVal{{{StrPiece::Unknown, "", 0}}});
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (!braces && c == '%') {
      if (i + 1 < text.size() && text[i + 1] == '%') {
        literal += '%';
        ++i;
        continue;
      }
      std::size_t j = i + 1;
      while (j < text.size() && std::strchr("-+ #0123456789.*hlLqjzt", text[j])) {
        if (text[j] == '*') ++next;  // a width or precision argument
        ++j;
      }
      takeArg(next++);
      i = j;
    } else if (braces && c == '{') {
      if (i + 1 < text.size() && text[i + 1] == '{') {
        literal += '{';
        ++i;
        continue;
      }
      const std::size_t close = text.find('}', i);
      if (close == std::string::npos) break;
      const std::string spec = text.substr(i + 1, close - i - 1);
      const std::string pos = spec.substr(0, spec.find(':'));
      const bool positional = !pos.empty() && std::all_of(pos.begin(), pos.end(), ::isdigit);
      takeArg(positional ? formatArgIndex + 1 + std::stoul(pos) : next++);
      i = close;
    } else if (braces && c == '}' && i + 1 < text.size() && text[i + 1] == '}') {
      literal += '}';
      ++i;
    } else {
      literal += c;
    }
  }
  parts.push_back(constStr(literal));
  return concatAll(parts);
}

// Where a sink operand sends data: the destination configured on the handle the
// operand names (its root variable), else the operand's own value.
StrVal FunctionAnalyzer::sinkDestination(const CallView& call, const Operand& op, const State& s) {
  if (const clang::Expr* e = operandExpr(call, op)) {
    if (auto p = lvalue(e)) {
      for (const std::string& f : {p->fields, std::string()}) {
        auto it = s.find(AccessPath{p->root, f, false});
        if (it != s.end() && it->second.dest.known()) return it->second.dest;
      }
      // A handle built from its address (`auto stub = NewStub(CreateChannel("h:443"))`).
      auto it = s.find(AccessPath{p->root, p->fields, false});
      if (it != s.end() && it->second.str.known()) return it->second.str;
      // A handle held by an input and reached through a smart pointer or a reference
      // (`producer_->produce(...)`): whatever the caller configured there.
      if (it == s.end() && (paramIndex(p->root) || !globalKey(*p).empty()))
        if (StrVal held = destinationOf(evalPath(*p, e->getType(), s)); held.known()) return held;
    }
  }
  return destinationOf(operandValue(call, op, s));
}

bool FunctionAnalyzer::conditionHolds(const ApiModel& m, const CallView& call) {
  if (!m.whenArg) return true;
  const clang::Expr* e = operandExpr(call, *m.whenArg);
  if (!e) return false;
  if (m.argIs && !m.argIs->matches(spelling(e))) return false;
  if (m.argIsNot && m.argIsNot->matches(spelling(e))) return false;
  if (m.rootType && !typeMatches(*m.rootType, rootTypeOf(e))) return false;
  if (m.rootTypeNot && typeMatches(*m.rootTypeNot, rootTypeOf(e))) return false;
  return true;
}

// The declared type of the variable an operand names (a stream declared as
// std::ofstream stays one when passed on as std::ostream&), else the operand's type.
clang::QualType FunctionAnalyzer::rootTypeOf(const clang::Expr* e) {
  auto p = lvalue(e);
  if (!p || !p->fields.empty()) return e->getType();
  if (p->root == fn_) {
    const auto* m = llvm::dyn_cast<clang::CXXMethodDecl>(fn_);
    return m ? ctx_.ast.getRecordType(m->getParent()) : e->getType();
  }
  if (const auto* v = llvm::dyn_cast_or_null<clang::VarDecl>(static_cast<const clang::Decl*>(p->root))) return v->getType();
  return e->getType();
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
  // Symbolic inputs cannot be filtered by category here; a sanitizer of everything drops them.
  if (removed("*") || std::find(removes.begin(), removes.end(), "*") != removes.end()) {
    t.params.clear();
    t.calls.clear();
  }
  return t;
}

AbsVal FunctionAnalyzer::evalCall(const CallView& call, const State& s) {
  if (auto before = resultsBeforeCall_.find(call.expr); before != resultsBeforeCall_.end()) return before->second;
  AbsVal v;
  const clang::FunctionDecl* callee = call.callee;
  const auto everything = [&] {
    AbsVal all;
    if (call.self && !call.selfInArgs) all = eval(call.self, s);
    for (const auto* a : call.args) {
      const AbsVal av = eval(a, s);
      mergeTaint(all.taint, av.taint);
      if (!all.dest.known()) all.dest = av.dest;
      all.fns.insert(all.fns.end(), av.fns.begin(), av.fns.end());  // std::function from a lambda
    }
    return all;
  };
  const clang::Expr* target = nullptr;
  unsigned firstArg = 0;
  if (invokesCallable(call, target, firstArg)) {
    const unsigned id = siteId(call.expr);
    v.taint.calls.push_back({id, "", {}});
    v.str.pieces.push_back({StrPiece::CallRet, "", id});
    return v;
  }
  if (!callee) return everything();
  if (selectedElement(call)) {
    // One element of an aggregate stored on its own (`std::get<0>(pair)`): only it.
    if (auto path = lvalue(call.expr)) {
      auto stored = s.find(AccessPath{path->root, path->fields, false});
      if (stored != s.end() && !stored->second.partial && !path->weak) return evalPath(*path, call.expr->getType(), s);
    }
  } else if (elementField(call)) {
    // One element of a map under a constant key: what was stored there.
    if (auto path = lvalue(call.expr)) return evalPath(*path, call.expr->getType(), s);
  }
  if (const auto& removes = ctx_.apis.sanitizedBy(callee); !removes.empty()) {
    v.taint = sanitize(everything().taint, removes);
    return v;
  }
  bool modelled = false;
  for (const ApiModel* m : ctx_.apis.modelsFor(callee)) {
    if (!conditionHolds(*m, call)) continue;
    modelled = true;
    if (m->returns) {
      const StrVal key = provenanceKey(call, m->returns->key, s);
      const auto kind = m->returns->kind == "env" ? StrPiece::Env : m->returns->kind == "config" ? StrPiece::Config : StrPiece::Option;
      std::string name = key.known() ? key.pieces[0].text : "?";
      // A section of a configuration read further (`cfg.at("kafka").at("brokers")`):
      // the key is the whole path, kafka.brokers.
      if (kind == StrPiece::Config && call.self) {
        const StrVal section = eval(call.self, s).str;
        if (const StrPiece* outer = onlyPiece(section, StrPiece::Config)) name = outer->text + "." + name;
      }
      v.str.pieces.push_back({kind, name, 0});
    }
    if (m->constructs)
      if (const auto* ctor = factoryConstructor(call); ctor && isUserFunction(ctor)) {
        CallView built = call;
        built.callee = ctor;
        built.isConstructor = true;
        v.taint.calls.push_back(constructionSite(built, s));
      }
    for (const auto& flow : m->flows) {
      if (flow.to.kind != Operand::Return) continue;
      const AbsVal fv = flowValue(call, flow, s);
      mergeTaint(v.taint, fv.taint);
      if (!v.str.known()) v.str = fv.str;
      if (!v.dest.known()) v.dest = fv.dest;
    }
  }
  if (modelled) {
    mergeTaint(v.taint, declaredResult(callee, call.expr));
    mergeTaint(v.taint, objectAfterCall(call, s));
    return v;
  }
  if (call.isConstructor && isUserFunction(callee) && callee->isUserProvided()) {
    // A temporary or `new T(...)`: the object keeps what the constructor stored.
    v = everything();
    v.taint.calls.push_back(constructionSite(call, s));
    return v;
  }
  if (isUserFunction(callee) && !call.isConstructor) {
    if (auto read = readThroughGetter(call, s)) return *read;
    const unsigned id = siteId(call.expr);
    v.taint.calls.push_back({id, "", {}});
    v.str.pieces.push_back({StrPiece::CallRet, "", id});
    mergeTaint(v.taint, declaredResult(callee, call.expr));
    return v;
  }
  // Engine default for library calls nobody modelled: a number, flag or void result
  // carries nothing (sizes, counts, comparisons); anything else carries its inputs.
  if (!call.isConstructor && isScalarResult(callee->getReturnType())) {
    v.taint = declaredResult(callee, call.expr);
    return v;
  }
  v = everything();
  mergeTaint(v.taint, declaredResult(callee, call.expr));
  if (call.isConstructor && !call.args.empty()) v.str = eval(call.args[0], s).str;
  return v;
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
    Origin o{c, loc(callee->getLocation()), canonicalName(callee) + "()", {}};
    o.path.push({loc(at), "returned by " + canonicalName(callee) + "() (" + c + ", " + how + ")"});
    t.origins.push_back(std::move(o));
  };
  for (const std::string& c : ctx_.classifier.annotatedCategories(callee)) add(c, "annotated");
  for (const SourceRule* r : ctx_.apis.sourcesOf(callee))
    if (!r->out) add(r->category, "a source in the rules");
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
    Origin o{r->category, loc(call.callee->getLocation()), what, {}};
    o.path.push({loc(call.expr), "written by " + what + " into argument " + std::to_string(*r->out) + " (" +
                                     r->category + ", a source in the rules)"});
    AbsVal v;
    v.taint.origins.push_back(std::move(o));
    store(*path, std::move(v), s, call.expr, true);
  }
}

// A lambda written in the argument list (`with([fd](auto& b){...}, c)`) has no
// variable to hold its captures: they go straight into the argument's fields.
void FunctionAnalyzer::closureFields(const clang::Expr* arg, ArgFact& a, const State& s) {
  const clang::LambdaExpr* lambda = lambdaIn(arg);
  if (!lambda) return;
  auto init = lambda->capture_init_begin();
  for (auto cap = lambda->capture_begin(); cap != lambda->capture_end(); ++cap, ++init) {
    if (!cap->capturesVariable() || !*init) continue;
    const std::string name = cap->getCapturedVar()->getNameAsString();
    const AbsVal v = eval(*init, s);
    a.fields[name] = v.taint;
    if (v.str.known() || v.dest.known()) a.fieldStrs[name] = destinationOf(v);
  }
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
  const auto* self = llvm::dyn_cast<clang::CXXThisExpr>(arg->IgnoreParenImpCasts());
  a.spelling = self && self->isImplicit() ? "this" : text(arg);
  a.fns = v.fns;
  closureFields(arg, a, s);
  if (auto p = lvalue(arg)) {
    if (auto idx = paramIndex(p->root)) {
      a.fromParam = true;
      a.root = ParamRef{*idx, p->fields, {}};
    }
    a.global = globalKey(*p, true);
    const std::string prefix = p->fields.empty() ? "" : p->fields + ".";
    for (const auto& [path, val] : s) {
      if (path.root != p->root || path.fields.size() <= p->fields.size()) continue;
      if (path.fields.compare(0, prefix.size(), prefix) != 0) continue;
      const std::string field = path.fields.substr(prefix.size());
      mergeTaint(a.fields[field], val.taint);
      if (val.str.known() || val.dest.known()) a.fieldStrs[field] = destinationOf(val);
      if (!val.fns.empty()) a.fieldFns[field] = val.fns;
    }
  }
  return a;
}

// A constructor of the program run by `call`: a call site whose "this" effects are
// the new object's state.
CallRef FunctionAnalyzer::constructionSite(const CallView& call, const State& s) {
  recordCallSite(call, s);
  return CallRef{siteId(call.expr), "this", {}};
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
  if (!call.isConstructor && !call.callee->hasBody()) {
    const std::string what = canonicalName(call.callee) + "()";
    for (const std::string& c : ctx_.classifier.functionCategories(call.callee)) {
      Origin o{c, loc(call.callee->getLocation()), what, {}};
      o.path.push({loc(call.expr), "returned by " + what + ", declared without a body (" + c + " by its name)"});
      site.bodyless.origins.push_back(std::move(o));
    }
  }
  for (std::size_t i = call.selfInArgs ? 1 : 0; i < call.args.size(); ++i) site.args.push_back(argFact(call.args[i], s));
  if (call.self) {
    site.hasThis = true;
    site.thisArg = argFact(call.self, s);
  } else if (call.isConstructor) {
    site.hasThis = true;  // the object under construction: nothing stored in it yet
  }
  site.globalsIn = globalsWritten(s);
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
  for (auto& [key, t] : site.globalsIn) mergeTaint(known.globalsIn[key], t);
  for (auto& [key, t] : known.globalsIn)  // written on one visit only: the older value too
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

// A sink whose destination is a stream over one of the program's buffers
// (`FILE* f = open_memstream(&buf, &len)`) writes into that buffer: data, not egress.
bool FunctionAnalyzer::writeIntoView(const CallView& call, const ApiModel& m, State& s) {
  if (!m.sink->destination) return false;
  const clang::Expr* dest = operandExpr(call, *m.sink->destination);
  const auto* ref = dest ? llvm::dyn_cast<clang::DeclRefExpr>(dest->IgnoreParenImpCasts()) : nullptr;
  const auto view = ref ? views_.find(ref->getDecl()) : views_.end();
  if (view == views_.end()) return false;
  AbsVal written;
  for (const Operand& op : m.sink->data) mergeTaint(written.taint, operandValue(call, op, s).taint);
  store(view->second, std::move(written), s, call.expr, true);
  return true;
}

void FunctionAnalyzer::recordSink(const CallView& call, const ApiModel& m, const State& s) {
  Taint data;
  for (const Operand& op : m.sink->data) mergeTaint(data, operandValue(call, op, s).taint);
  if (data.empty() && !ctx_.everySink) return;
  const SourceLoc where = loc(call.expr);
  const std::string api = canonicalName(call.callee);
  const Step step{where, "reaches " + api + " (" + m.library + ")"};
  if (ctx_.everySink) data.origins.push_back(Origin{kEgressPointCategory, where, "(egress point)", {}});
  const std::string key = locString(where) + "|" + m.library;
  SinkFact& sink = sinks_[key];
  if (sink.api.empty()) {
    sink.api = api;
    sink.kind = m.sink->kind;
    sink.loc = where;
    sink.guards = guardsHeld(s);
  } else {
    keepCommonGuards(sink.guards, guardsHeld(s));  // reached again: only what held both times
  }
  mergeTaint(sink.data, data, &step);
  if (!sink.destination.known() && m.sink->destination)
    sink.destination = sinkDestination(call, *m.sink->destination, s);
  // The handle may be pointed somewhere only after the data was handed over
  // (CURLOPT_URL after CURLOPT_POSTFIELDS): then look again at the end.
  const clang::Expr* handle = m.sink->destination ? operandExpr(call, *m.sink->destination) : nullptr;
  if (auto p = handle ? lvalue(handle) : std::nullopt) {
    const AccessPath at{p->root, p->fields, false};
    if (!sink.destination.known()) sinkHandles_[key] = at;
    if (auto it = s.find(at); it != s.end() && it->second.tls) sink.encrypted = true;
    tlsHandles_[key] = at;  // TLS may also be turned on later, before the transfer
  }
}

void FunctionAnalyzer::rebindSinkHandles(const State& exit) {
  for (const auto& [key, path] : tlsHandles_)
    if (auto it = exit.find(path); it != exit.end() && it->second.tls) sinks_[key].encrypted = true;
  for (const auto& [key, path] : sinkHandles_) {
    for (const std::string& f : {path.fields, std::string()}) {
      auto it = exit.find(AccessPath{path.root, f, false});
      if (it == exit.end() || !it->second.dest.known()) continue;
      SinkFact& sink = sinks_[key];
      if (!sink.destination.known()) sink.destination = it->second.dest;
      break;
    }
  }
}

// A call through a function value: a function pointer, or a library call modelled
// with `invokes` (std::function::operator()). Sets the expression holding the value
// and the first argument passed on.
// After a call that runs a function value: the lambda's by-reference captures may
// have been written (`[&rows](...) { rows.push_back(...); }` run by std::for_each),
// and the model may say where the function's results go (std::transform's output).
void FunctionAnalyzer::afterIndirectCall(const CallView& call, const clang::Expr* target, State& s) {
  const unsigned id = siteId(call.expr);
  if (const clang::LambdaExpr* lambda = lambdaHeldBy(target)) {
    for (const clang::LambdaCapture& c : lambda->captures()) {
      if (!c.capturesVariable() || c.getCaptureKind() != clang::LCK_ByRef) continue;
      const auto* var = llvm::dyn_cast<clang::VarDecl>(c.getCapturedVar());
      if (!var) continue;
      auto alias = aliases_.find(var);
      AbsVal written;
      written.taint.calls.push_back({id, "this", {}});
      store(alias != aliases_.end() ? alias->second : AccessPath{var, "", false}, std::move(written), s, call.expr, true);
    }
  }
  if (!call.callee) return;
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
  e = e->IgnoreImplicit()->IgnoreParens();
  if (const auto* copy = llvm::dyn_cast<clang::CXXConstructExpr>(e); copy && copy->getNumArgs() == 1)
    e = copy->getArg(0);  // the closure passed by value
  const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(e->IgnoreParenImpCasts());
  const auto* var = ref ? llvm::dyn_cast<clang::VarDecl>(ref->getDecl()) : nullptr;
  return var && var->hasLocalStorage() && var->getInit() ? lambdaIn(var->getInit()) : nullptr;
}

bool FunctionAnalyzer::invokesCallable(const CallView& call, const clang::Expr*& target, unsigned& firstArg) {
  if (!call.callee) {
    const auto* ce = llvm::dyn_cast<clang::CallExpr>(call.expr);
    if (!ce || !ce->getCallee()) return false;
    target = ce->getCallee();
    firstArg = 0;
    return true;
  }
  for (const ApiModel* m : ctx_.apis.modelsFor(call.callee)) {
    if (!m->invokes || !conditionHolds(*m, call)) continue;
    target = operandExpr(call, m->invokes->target);
    firstArg = m->invokes->args.index;
    return target != nullptr;
  }
  return false;
}

void FunctionAnalyzer::recordIndirectCall(const CallView& call, const clang::Expr* target, unsigned firstArg,
                                          const State& s) {
  const unsigned id = siteId(call.expr);
  CallSiteFact site;
  site.id = id;
  site.calleeName = "(" + text(target) + ")";
  site.loc = loc(call.expr);
  const AbsVal held = eval(target, s);
  site.targets = held.fns;
  site.hasThis = true;
  site.thisArg = argFact(target, s);  // the closure: captures are its fields
  site.viaParam = site.thisArg.fromParam;
  site.target = site.thisArg.root;
  for (std::size_t i = firstArg; i < call.args.size(); ++i) site.args.push_back(argFact(call.args[i], s));
  // A handler table filled at run time (`s_handlers[i].fn(ev, s_handlers[i].ctx)`).
  if (auto p = lvalue(target); p && site.targets.empty()) site.globalTarget = globalKey(*p);
  if (site.targets.empty() && !site.viaParam && site.globalTarget.empty()) return;  // nothing known to be called
  calls_[id] = std::move(site);
}

void FunctionAnalyzer::execCall(const CallView& call, State& s) {
  const clang::FunctionDecl* callee = call.callee;
  const clang::Expr* target = nullptr;
  unsigned firstArg = 0;
  if (invokesCallable(call, target, firstArg)) {
    recordIndirectCall(call, target, firstArg, s);
    afterIndirectCall(call, target, s);
    return;
  }
  if (!callee || !ctx_.apis.sanitizedBy(callee).empty()) return;
  if (execVariadicBuiltin(call, s)) return;
  keepResultBeforeOverwrite(call, s);
  bool modelled = false;
  for (const ApiModel* m : ctx_.apis.modelsFor(callee)) {
    if (!conditionHolds(*m, call)) continue;
    modelled = true;
    for (const auto& flow : m->flows) {
      if (flow.to.kind == Operand::Return) continue;
      for (const clang::Expr* target : operandExprs(call, flow.to)) {
        auto path = lvalue(target);
        if (!path) continue;
        if (flow.to.kind == Operand::This)
          if (auto element = elementField(call)) appendField(*path, *element);
        store(*path, flowValue(call, flow, s), s, call.expr, !flow.replace);
      }
    }
    if (m->swaps) swapOperands(call, *m->swaps, s);
    if (m->encrypts) {
      const clang::Expr* handle = operandExpr(call, *m->encrypts);
      if (auto path = handle ? lvalue(handle) : std::nullopt) {
        auto [slot, fresh] = s.try_emplace(AccessPath{path->root, path->fields, false});
        slot->second.partial |= fresh;  // only the flag is known: reads still see the handle
        slot->second.tls = true;
      }
    }
    if (m->setDestination) {
      const clang::Expr* target = operandExpr(call, m->setDestination->target);
      auto path = target ? lvalue(target) : std::nullopt;
      if (path) s[AccessPath{path->root, path->fields, false}].dest = destinationOf(operandValue(call, m->setDestination->from, s));
    }
    if (m->sink && !writeIntoView(call, *m, s)) recordSink(call, *m, s);
  }
  storeDeclaredOutputs(call, s);
  if (modelled || !isUserFunction(callee) || call.isConstructor) return;
  writeThroughSetter(call, s);
  recordCallSite(call, s);
  forgetGlobalsAfterCall(s);
  // The callee may store into what it was handed by non-const reference or pointer.
  const unsigned id = siteId(call.expr);
  const auto mayWrite = [](clang::QualType t) {
    if (!t->isReferenceType() && !t->isPointerType()) return false;
    return !t->getPointeeType().isConstQualified();
  };
  const unsigned skip = call.selfInArgs ? 1 : 0;
  for (unsigned i = 0; i + skip < call.args.size() && i < callee->getNumParams(); ++i) {
    if (!mayWrite(callee->getParamDecl(i)->getType())) continue;
    if (auto path = lvalue(call.args[i + skip])) {
      AbsVal v;
      v.taint.calls.push_back({id, "arg:" + std::to_string(i), {}});
      store(*path, std::move(v), s, call.expr, true);
    }
  }
  const auto* method = llvm::dyn_cast<clang::CXXMethodDecl>(callee);
  if (method && call.self && !method->isConst() && !method->isStatic()) {
    if (auto path = lvalue(call.self)) {
      AbsVal v;
      v.taint.calls.push_back({id, "this", {}});
      store(*path, std::move(v), s, call.expr, true);
      // Objects it was handed the address of may be written through its fields.
      if (const auto held = heldBy_.find(static_cast<const clang::Decl*>(path->root)); held != heldBy_.end()) {
        AbsVal written;
        written.taint.calls.push_back({id, kHeldSlot, {}});
        for (const AccessPath& object : held->second) store(object, written, s, call.expr, true);
      }
    }
  }
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
  if (a.kind != Accessor::Getter) return std::nullopt;
  const clang::Expr* object = accessorObject(call, a.object);
  auto path = object ? lvalue(object) : std::nullopt;
  if (!path) return std::nullopt;
  const bool weak = path->weak;  // one element of many: read, never overwrite
  for (const clang::FieldDecl* f : a.read) appendField(*path, f->getNameAsString());
  if (s.find(AccessPath{path->root, path->fields, false}) == s.end()) return std::nullopt;
  path->weak = weak;
  AbsVal v = readField(a.read.back(), path, object, call.expr, s);
  mergeTaint(v.taint, enclosingFieldSources(object, call.expr));
  for (std::size_t i = 0; i + 1 < a.read.size(); ++i)
    if (a.read[i]->getType()->isRecordType()) mergeTaint(v.taint, fieldSource(a.read[i], call.expr));
  return v;
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
    const clang::Expr* value = w.literal ? w.literal : accessorObject(call, *w.param);
    if (!value) continue;
    AccessPath target = *path;
    for (const clang::FieldDecl* f : w.field) appendField(target, f->getNameAsString());
    // An element of many, or a path cut at the depth limit: add, do not replace.
    const std::size_t full = path->fields.size() + fieldPath(w.field).size() + (path->fields.empty() ? 0 : 1);
    target.weak = path->weak || target.fields.size() < full;
    store(target, eval(value, s), s, call.expr, target.weak);
  }
}

}  // namespace egress
