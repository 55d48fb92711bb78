// Keys named by text comparisons on a function's parameters: in a configuration
// parser's handler (`if (strcmp(key, "notify.uri") == 0) strlcpy(cfg->uri, val, n)`,
// inih's `MATCH("uplink", "host")`) the other parameters read under the comparison
// are the setting of that key (StrPiece::Setting).
#include <clang/AST/Expr.h>
#include <clang/Analysis/CFG.h>

#include "extract/ConstantText.h"
#include "extract/FunctionAnalyzer.h"
#include "extract/Guards.h"
#include "extract/Names.h"

namespace egress {
namespace {

// The field of a text parameter's state entry marking that it equals constant text
// along this path: a guard's field (FunctionSummary.cpp), read by no one else.
constexpr llvm::StringLiteral kTextKeyField = "?=";

std::optional<std::string> constantTextOf(const clang::Expr* e, const clang::ASTContext& ast) {
  e = e->IgnoreUnlessSpelledInSource();
  if (const auto* literal = llvm::dyn_cast<clang::StringLiteral>(e)) return literalText(literal);
  if (e->getType()->isPointerType()) return e->tryEvaluateString(const_cast<clang::ASTContext&>(ast));
  return std::nullopt;
}

}  // namespace

const clang::ParmVarDecl* FunctionAnalyzer::textParam(const clang::Expr* e) const {
  const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(e->IgnoreUnlessSpelledInSource());
  const auto* p = ref ? llvm::dyn_cast<clang::ParmVarDecl>(ref->getDecl()) : nullptr;
  return p && std::find(textParams_.begin(), textParams_.end(), p) != textParams_.end() ? p : nullptr;
}

std::optional<std::pair<const clang::ParmVarDecl*, std::string>>
FunctionAnalyzer::textKeyOnEdge(const clang::CFGBlock& block, unsigned succ) {
  const clang::Expr* cond = branchCondition(block);
  if (textParams_.empty() || !cond || block.succ_size() != 2 || succ > 1) return std::nullopt;
  const auto tested = callTruthIn(cond, ctx_.ast);
  const auto compared = tested ? ctx_.apis.comparedTexts(tested->first) : std::nullopt;
  if (!compared) return std::nullopt;
  const bool equalWhenTrue = compared->zeroWhenEqual ? !tested->second : tested->second;
  if ((succ == 0) != equalWhenTrue) return std::nullopt;
  for (const auto& [param, other] : {std::pair(compared->left, compared->right), {compared->right, compared->left}})
    if (const clang::ParmVarDecl* p = textParam(param))
      if (auto text = constantTextOf(other, ctx_.ast); text && !text->empty()) return std::make_pair(p, *text);
  return std::nullopt;
}

void FunctionAnalyzer::markTextKey(const std::pair<const clang::ParmVarDecl*, std::string>& key, State& edge) {
  edge[AccessPath{key.first, (kTextKeyField + key.second).str(), false}] = AbsVal{};
}

std::optional<std::string> FunctionAnalyzer::settingKeyHeld(const State& s, const void* read) const {
  std::string key;
  for (const clang::ParmVarDecl* p : textParams_) {
    if (p == read) continue;
    for (auto it = s.lower_bound(AccessPath{p, kTextKeyField.str(), false}); it != s.end() && it->first.root == p;
         ++it) {
      if (!llvm::StringRef(it->first.fields).starts_with(kTextKeyField)) break;
      if (it->second.partial) continue;
      key += (key.empty() ? "" : ".") + it->first.fields.substr(kTextKeyField.size());
      break;
    }
  }
  if (key.empty()) return std::nullopt;
  return key;
}

StrPiece FunctionAnalyzer::paramPiece(const AccessPath& p, unsigned index, const State& s) const {
  if (p.fields.empty() && !textParams_.empty() && index != kThisParam)
    if (const auto* param = fn_->getParamDecl(index); isStringLike(param->getType()))
      if (auto key = settingKeyHeld(s, p.root)) return StrPiece{StrPiece::Setting, *key, index};
  return StrPiece{StrPiece::Param, p.fields, index};
}

}  // namespace egress
