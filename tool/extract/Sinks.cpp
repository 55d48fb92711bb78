// Sinks: where a modelled network or export call sends data, the data it sends,
// writes into a stream over a program buffer, and destinations configured late.
#include <algorithm>

#include <clang/AST/ASTContext.h>
#include <clang/AST/Decl.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>

#include "extract/FunctionAnalyzer.h"
#include "extract/Names.h"
#include "facts/TaintOps.h"

namespace egress {
namespace {

// Whether some form of a value is what a call returned.
bool namesCallResult(const StrVal& v) {
  for (const StrVal& form : forms(v))
    for (const StrPiece& p : form.pieces)
      if (p.kind == StrPiece::CallRet) return true;
  return false;
}

}  // namespace

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
      if (it != s.end())
        if (StrVal left = leftAboveHandle(*p, s); left.known()) return left;
      // A handle held by an input and reached through a smart pointer or a reference
      // (`producer_->produce(...)`): whatever the caller configured there.
      if (it == s.end()) noteParamFieldAt(e, *p);
      if (it == s.end() && (paramIndex(p->root) || !globalKey(*p).empty()))
        if (StrVal held = destinationOf(evalPath(*p, e->getType(), s)); held.known()) return held;
    }
  }
  return destinationOf(operandValue(call, op, s));
}

// A handle in a field of a local object a call filled (`out_open(&of, dir)` setting
// `of->fp = fopen(...)`, then `fprintf(of.fp, ...)`): what the call left at that
// field, which the link reads from the callee's summary.
StrVal FunctionAnalyzer::leftAboveHandle(const AccessPath& p, const State& s) const {
  if (p.fields.empty() || p.root == fn_ || paramIndex(p.root)) return {};
  for (std::string above = p.fields; !above.empty();) {
    const auto dot = above.rfind('.');
    above = dot == std::string::npos ? "" : above.substr(0, dot);
    auto stored = s.find(AccessPath{p.root, above, false});
    if (stored == s.end() || !stored->second.str.known()) continue;
    return fieldOfHolder(stored->second.str, p.fields.substr(above.empty() ? 0 : above.size() + 1));
  }
  return {};
}

// A sink whose destination is a stream over one of the program's buffers
// (`FILE* f = open_memstream(&buf, &len)`) writes into that buffer: data, not egress.
bool FunctionAnalyzer::writeIntoView(const CallView& call, const ApiModel& m, State& s) {
  if (!m.sink->destination) return false;
  const clang::Expr* dest = operandExpr(call, *m.sink->destination);
  const std::optional<AccessPath> view = dest ? memoryViewOf(dest, s) : std::nullopt;
  if (!view) return false;
  AbsVal written;
  for (const Operand& op : m.sink->data) mergeTaint(written.taint, operandValue(call, op, s).taint);
  store(*view, std::move(written), s, call.expr, true);
  return true;
}

// An export through a stream or writer the caller handed (`write_row(FILE* out, ...)`,
// `write_parcel(xmlTextWriterPtr w, ...)`) is also in that object: a caller handing a
// writer over its own buffer (argFact: no destination there) gets the data in it.
void FunctionAnalyzer::writeIntoInput(const CallView& call, const ApiModel& m, State& s) {
  if (m.sink->kind != "serialization" || !m.sink->destination) return;
  const clang::Expr* dest = operandExpr(call, *m.sink->destination);
  const std::optional<AccessPath> input = dest ? lvalue(dest) : std::nullopt;
  if (!input || !paramIndex(input->root) || *paramIndex(input->root) == kThisParam) return;
  AbsVal written;
  for (const Operand& op : m.sink->data) mergeTaint(written.taint, operandValue(call, op, s).taint);
  if (written.taint.empty()) return;
  store(*input, std::move(written), s, call.expr, true);
  s[AccessPath{input->root, input->fields, false}].partial = true;  // still the caller's stream
}

// The buffer a stream writes into: open_memstream's, or the local object a stream
// object was built over when that object has no destination of its own
// (`QTextStream out(&csv)`; not `QTextStream out(&file)`, a FILE* from fopen, nor a
// caller's stream), or the C library's stream it was built over (the console).
std::optional<AccessPath> FunctionAnalyzer::memoryViewOf(const clang::Expr* dest, const State& s) {
  if (const AccessPath* view = viewNamedBy(dest)) return *view;
  auto p = lvalue(dest);
  if (!p) return std::nullopt;
  const auto over = std::find_if(constructedOver_.begin(), constructedOver_.end(),
                                 [&](const AccessPath& o) { return o.root == p->root && o.fields == p->fields; });
  if (over == constructedOver_.end()) return std::nullopt;
  // A stream over one of the C library's own streams (`QTextStream err(stderr)`)
  // writes to the console, as `fprintf(stderr, ...)` does: no export.
  if (isSystemGlobal(p->root) && p->fields.empty()) return *over;
  const auto* var = llvm::dyn_cast_or_null<clang::VarDecl>(static_cast<const clang::Decl*>(p->root));
  if (!var || !var->hasLocalStorage() || llvm::isa<clang::ParmVarDecl>(var) || !p->fields.empty() ||
      var->getType()->isPointerType())
    return std::nullopt;
  const auto held = s.find(AccessPath{p->root, p->fields, false});
  if (held != s.end() && held->second.dest.known()) return std::nullopt;
  // A stream a function of the program opened and returned (`std::ofstream out =
  // open_for_write(path)`): where it writes is known at the link, not a buffer here.
  if (held != s.end() && !isStringLike(var->getType()) && namesCallResult(held->second.str)) return std::nullopt;
  return *over;
}

void FunctionAnalyzer::recordSink(const CallView& call, const ApiModel& m, const State& s, const StrPiece* when) {
  Taint data;
  for (const Operand& op : m.sink->data) mergeTaint(data, operandValue(call, op, s).taint);
  if (data.empty() && !ctx_.everySink) return;
  const SourceLoc where = loc(call.expr);
  const std::string api = canonicalName(call.callee);
  const Step step{where, "reaches " + api + " (" + m.library + ")"};
  if (ctx_.everySink) data.origins.push_back(Origin{kEgressPointCategory, where, "(egress point)", {}});
  const std::string key = locString(where) + "|" + m.library;
  SinkFact& sink = sinks_[key];
  if (when) sinkConditions_[key] = *when;
  if (sink.api.empty()) {
    sink.api = api;
    sink.kind = m.sink->kind;
    sink.loc = where;
    sink.guards = guardsHeld(s);
  } else {
    keepCommonGuards(sink.guards, guardsHeld(s));  // reached again: only what held both times
  }
  mergeTaint(sink.data, data, &step);
  // A stream a factory returned is where the factory aimed it, not what was written
  // into it since (`auto out = open_stream(path); out->write(...); *out << ...`).
  const auto sameOperand = [](const std::optional<Operand>& a, const std::optional<Operand>& b) {
    return a && b && a->kind == b->kind && a->index == b->index;
  };
  if (!sink.destination.known() && when && isReturnTypeCondition(*when) && sameOperand(m.sink->destination, m.whenArg))
    sink.destination = StrVal{{{StrPiece::CallRet, "", when->index}}, {}};
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

// A file written under one name and renamed (`fopen(tmp)` ... `rename(tmp, final)`)
// is exported under the name it was given: each export whose path is a moved
// file's old one names the new one.
void FunctionAnalyzer::applyMoves() {
  for (auto& [key, sink] : sinks_) {
    if (sink.kind != "serialization" || !sink.destination.known()) continue;
    std::vector<StrVal> renamed;
    bool moved = false;
    for (const StrVal& form : forms(sink.destination)) {
      const StrVal* to = nullptr;
      for (const auto& [site, move] : moves_)
        for (const StrVal& from : forms(move.first))
          if (!to && move.second.known() && sameStr(from, form)) to = &move.second;
      moved |= to != nullptr;
      for (const StrVal& each : forms(to ? *to : form)) renamed.push_back(each);
    }
    if (moved) sink.destination = fromForms(renamed);
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

}  // namespace egress
