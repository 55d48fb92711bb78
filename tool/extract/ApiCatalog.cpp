#include "extract/ApiCatalog.h"

#include <clang/AST/Attr.h>
#include <clang/AST/Decl.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/ExprCXX.h>

#include "extract/Names.h"

namespace egress {

// The lambda a value is made from, looking through std::function-style wrappers.
const clang::LambdaExpr* lambdaIn(const clang::Expr* e) {
  for (int depth = 0; e && depth < 6; ++depth) {
    e = e->IgnoreImplicit()->IgnoreParens();
    if (const auto* l = llvm::dyn_cast<clang::LambdaExpr>(e)) return l;
    if (const auto* c = llvm::dyn_cast<clang::CXXConstructExpr>(e)) e = c->getNumArgs() > 0 ? c->getArg(0) : nullptr;
    else if (const auto* m = llvm::dyn_cast<clang::MaterializeTemporaryExpr>(e)) e = m->getSubExpr();
    else if (const auto* b = llvm::dyn_cast<clang::CXXBindTemporaryExpr>(e)) e = b->getSubExpr();
    else if (const auto* f = llvm::dyn_cast<clang::CXXFunctionalCastExpr>(e)) e = f->getSubExpr();
    else return nullptr;
  }
  return nullptr;
}

std::vector<const clang::LambdaExpr*> lambdasIn(const clang::Expr* e) {
  if (const clang::LambdaExpr* one = lambdaIn(e)) return {one};
  std::vector<const clang::LambdaExpr*> out;
  for (int depth = 0; e && depth < 6; ++depth) {
    e = e->IgnoreImplicit()->IgnoreParens();
    if (const auto* list = llvm::dyn_cast<clang::InitListExpr>(e)) {
      for (const clang::Expr* init : list->inits())
        if (const clang::LambdaExpr* l = lambdaIn(init)) out.push_back(l);
      return out;
    }
    if (const auto* f = llvm::dyn_cast<clang::CXXFunctionalCastExpr>(e)) e = f->getSubExpr();
    else if (const auto* m = llvm::dyn_cast<clang::MaterializeTemporaryExpr>(e)) e = m->getSubExpr();
    else if (const auto* b = llvm::dyn_cast<clang::CXXBindTemporaryExpr>(e)) e = b->getSubExpr();
    else return out;
  }
  return out;
}

namespace {

// The argument as written, where the callee's parameter is a GNU transparent union
// (`connect(fd, ai->ai_addr, len)` with `_GNU_SOURCE` in C: the compiler wraps the
// pointer in a compound literal of `__CONST_SOCKADDR_ARG`).
const clang::Expr* unwrapTransparentUnion(const clang::Expr* arg) {
  const auto* literal = llvm::dyn_cast<clang::CompoundLiteralExpr>(arg->IgnoreParenImpCasts());
  const auto* record = literal ? literal->getType()->getAsRecordDecl() : nullptr;
  if (!record || !record->isUnion() || !record->hasAttr<clang::TransparentUnionAttr>()) return arg;
  const auto* init = llvm::dyn_cast_or_null<clang::InitListExpr>(literal->getInitializer());
  return init && init->getNumInits() == 1 ? init->getInit(0) : arg;
}

}  // namespace

CallView callView(const clang::CallExpr* call) {
  CallView view;
  view.expr = call;
  view.callee = call->getDirectCallee();
  unsigned first = 0;
  if (const auto* mc = llvm::dyn_cast<clang::CXXMemberCallExpr>(call)) {
    view.self = mc->getImplicitObjectArgument();
  } else if (llvm::isa<clang::CXXOperatorCallExpr>(call) && view.callee &&
             llvm::isa<clang::CXXMethodDecl>(view.callee) && call->getNumArgs() > 0) {
    view.self = call->getArg(0);
    view.args.push_back(call->getArg(0));  // operands in source order
    view.selfInArgs = true;
    first = 1;
  }
  for (unsigned i = first; i < call->getNumArgs(); ++i) view.args.push_back(unwrapTransparentUnion(call->getArg(i)));
  return view;
}

CallView callView(const clang::CXXConstructExpr* ctor) {
  CallView view;
  view.expr = ctor;
  view.callee = ctor->getConstructor();
  view.isConstructor = true;
  for (const auto* a : ctor->arguments()) view.args.push_back(a);
  return view;
}

// Everything the rules say about a callee, gathered once per callee and TU: its
// canonical name is computed and matched once, not once per kind of rule.
const ApiCatalog::CalleeRules& ApiCatalog::rulesFor(const clang::FunctionDecl* callee) {
  callee = callee->getCanonicalDecl();
  auto it = callees_.find(callee);
  if (it != callees_.end()) return it->second;
  const NameMemo::Matches& m = memo_.lookup(canonicalName(callee), rules_);
  CalleeRules found;
  for (uint32_t i : m.models) found.models.push_back(&rules_.apis[i]);
  for (uint32_t i : m.sanitizers) {
    const Sanitizer& s =
        i < rules_.sanitizers.size() ? rules_.sanitizers[i] : rules_.policy.sanitizers[i - rules_.sanitizers.size()];
    found.removes.insert(found.removes.end(), s.removes.begin(), s.removes.end());
  }
  for (uint32_t i : m.sources) found.sources.push_back(&rules_.sources[i]);
  return callees_.emplace(callee, std::move(found)).first->second;
}

const NameMemo::Matches& NameMemo::lookup(const std::string& name, const RuleSet& rules) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = byName_.find(name);
    if (it != byName_.end()) return *it->second;
  }
  auto found = std::make_unique<Matches>();
  for (uint32_t i = 0; i < rules.apis.size(); ++i)
    if (rules.apis[i].name.matches(name)) found->models.push_back(i);
  uint32_t index = 0;
  for (const auto* list : {&rules.sanitizers, &rules.policy.sanitizers})
    for (const Sanitizer& s : *list) {
      if (s.function.matches(name)) found->sanitizers.push_back(index);
      ++index;
    }
  for (uint32_t i = 0; i < rules.sources.size(); ++i)
    if (rules.sources[i].function.matches(name)) found->sources.push_back(i);
  std::lock_guard<std::mutex> lock(mutex_);
  return *byName_.emplace(name, std::move(found)).first->second;  // another thread's, if it was first
}

std::vector<std::string> NameMemo::functionCategories(const std::string& key,
                                                      const std::function<std::vector<std::string>()>& compute) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = functionCategories_.find(key);
    if (it != functionCategories_.end()) return it->second;
  }
  std::vector<std::string> cats = compute();
  std::lock_guard<std::mutex> lock(mutex_);
  return functionCategories_.emplace(key, std::move(cats)).first->second;
}

const std::vector<uint32_t>& NameMemo::fieldMatchers(const std::string& name, const RuleSet& rules) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = fieldMatchers_.find(name);
    if (it != fieldMatchers_.end()) return *it->second;
  }
  auto found = std::make_unique<std::vector<uint32_t>>();
  uint32_t index = 0;
  for (const Category& c : rules.categories)
    for (const FieldMatcher& m : c.fields) {
      if (m.name.matches(name)) found->push_back(index);
      ++index;
    }
  std::lock_guard<std::mutex> lock(mutex_);
  return *fieldMatchers_.emplace(name, std::move(found)).first->second;
}

namespace {

// The expression a single operand (an argument number or `this`) names in a call.
const clang::Expr* singleOperand(const CallView& view, const Operand& op) {
  if (op.kind == Operand::This) return view.self;
  if (op.kind == Operand::Arg && op.index < view.args.size()) return view.args[op.index];
  return nullptr;
}

}  // namespace

std::vector<const clang::Expr*> ApiCatalog::swappedOperands(const clang::CallExpr* call) {
  const clang::FunctionDecl* callee = call->getDirectCallee();
  if (!callee) return {};
  const CallView view = callView(call);
  for (const ApiModel* m : modelsFor(callee)) {
    if (m->whenArg || m->whenArgs || !m->swaps) continue;
    const clang::Expr* a = singleOperand(view, m->swaps->first);
    const clang::Expr* b = singleOperand(view, m->swaps->second);
    if (a && b) return {a, b};
  }
  return {};
}

std::optional<ApiCatalog::ComparedTexts> ApiCatalog::comparedTexts(const clang::CallExpr* call) {
  const clang::FunctionDecl* callee = call->getDirectCallee();
  if (!callee) return std::nullopt;
  const CallView view = callView(call);
  for (const ApiModel* m : modelsFor(callee)) {
    if (m->whenArg || m->whenArgs || !m->compares) continue;
    const clang::Expr* a = singleOperand(view, m->compares->left);
    const clang::Expr* b = singleOperand(view, m->compares->right);
    if (a && b) return ComparedTexts{a, b, m->compares->zeroWhenEqual};
  }
  return std::nullopt;
}

bool ApiCatalog::empties(const clang::FunctionDecl* method) {
  for (const ApiModel* m : modelsFor(method)) {
    if (m->whenArg || m->whenArgs) continue;  // a condition on the operands: not always
    for (const ApiModel::Flow& f : m->flows)
      if (f.replace && f.from.empty() && f.to.kind == Operand::This) return true;
  }
  return false;
}

}  // namespace egress
