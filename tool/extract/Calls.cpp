// Calls, dispatched: a function value run, an element read, a sanitizer, a library
// model (CallModels.cpp), a function of the program (CallSites.cpp), or the engine's
// default for a library call nobody modelled.
#include <clang/AST/ASTContext.h>
#include <clang/AST/Decl.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>

#include "extract/FunctionAnalyzer.h"
#include "facts/TaintOps.h"

namespace egress {

AbsVal FunctionAnalyzer::evalCall(const CallView& call, const State& s) {
  if (auto before = resultsBeforeCall_.find(call.expr); before != resultsBeforeCall_.end()) return before->second;
  const clang::Expr* target = nullptr;
  unsigned firstArg = 0;
  if (invokesCallable(call, target, firstArg)) return callResult(call);
  if (!call.callee) return callInputs(call, s);
  if (auto element = storedElement(call, s)) return *element;
  if (const auto& removes = ctx_.apis.sanitizedBy(call.callee); !removes.empty()) {
    AbsVal v;
    v.taint = sanitize(callInputs(call, s).taint, removes);
    return v;
  }
  if (auto modelled = evalModelledCall(call, s)) {
    narrowToElement(call, modelled->taint);
    return *modelled;
  }
  if (isUserFunction(call.callee))
    if (auto result = evalProgramCall(call, s)) return *result;
  return evalUnmodelledCall(call, s);
}

// Everything a call is handed, merged: the default for what its result carries.
AbsVal FunctionAnalyzer::callInputs(const CallView& call, const State& s) {
  AbsVal all;
  if (call.self && !call.selfInArgs) all = eval(call.self, s);
  for (const auto* a : call.args) {
    const AbsVal av = eval(a, s);
    mergeTaint(all.taint, av.taint);
    if (!all.dest.known()) all.dest = av.dest;
    all.fns.insert(all.fns.end(), av.fns.begin(), av.fns.end());  // std::function from a lambda
  }
  return all;
}

// The result of a call of the program's function or a function value: resolved by
// the link from the callee's summary.
AbsVal FunctionAnalyzer::callResult(const CallView& call) {
  const unsigned id = siteId(call.expr);
  AbsVal v;
  v.taint.calls.push_back({id, "", {}});
  noteCallRecord(v.taint.calls.back(), call.expr->getType());
  v.str.pieces.push_back({StrPiece::CallRet, "", id});
  return v;
}

void FunctionAnalyzer::execCall(const CallView& call, State& s) {
  const clang::Expr* target = nullptr;
  unsigned firstArg = 0;
  if (invokesCallable(call, target, firstArg)) {
    recordIndirectCall(call, target, firstArg, s);
    afterIndirectCall(call, target, s);
    // Its other models still apply (`uv_tcp_connect` aims the handle and runs the
    // callback).
    if (call.callee) execModelledCall(call, s);
    return;
  }
  if (!call.callee || !ctx_.apis.sanitizedBy(call.callee).empty()) return;
  if (execVariadicBuiltin(call, s)) return;
  keepResultBeforeOverwrite(call, s);
  const bool modelled = execModelledCall(call, s);
  storeDeclaredOutputs(call, s);
  if (!isUserFunction(call.callee)) runHandlersHandedToLibrary(call, s);
  if (modelled || !isUserFunction(call.callee) || call.isConstructor) return;
  execProgramCall(call, s);
}

// `resolver.async_resolve(host, port, [self](auto ec, auto results) {...})`: a library
// runs the lambdas and program functions it is handed, later (completion handlers,
// callbacks). Not the standard library's (a comparator, a `std::function` being
// built: their models say when they run), nor where a model says how the call runs
// them (`invokes`, `connects`).
void FunctionAnalyzer::runHandlersHandedToLibrary(const CallView& call, const State& s) {
  if (call.isConstructor || call.callee->isInStdNamespace()) return;
  const std::optional<const clang::Expr*> context = callbackContextArg(call);
  if (!context) return;
  for (const clang::Expr* arg : call.args) {
    recordHandlerRun(call, arg, s);
    recordCallbackRun(call, arg, *context, s);
  }
}

}  // namespace egress
