#include "extract/Names.h"

#include <algorithm>
#include <clang/AST/ASTContext.h>
#include <clang/AST/Decl.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/LambdaCapture.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Index/USRGeneration.h>
#include <clang/Lex/Lexer.h>
#include <llvm/ADT/SmallString.h>
#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/Path.h>

#include "extract/ConstantText.h"
#include "extract/Paths.h"
#include "facts/Facts.h"

namespace egress {

std::string canonicalName(const clang::NamedDecl* decl) {
  std::string out = decl->getNameAsString();
  if (const auto* ctor = llvm::dyn_cast<clang::CXXConstructorDecl>(decl)) out = ctor->getParent()->getNameAsString();
  for (const clang::DeclContext* dc = decl->getDeclContext(); dc; dc = dc->getParent()) {
    if (const auto* ns = llvm::dyn_cast<clang::NamespaceDecl>(dc)) {
      if (ns->isInline() || ns->isAnonymousNamespace()) continue;
      out = ns->getNameAsString() + "::" + out;
    } else if (const auto* rd = llvm::dyn_cast<clang::RecordDecl>(dc)) {
      const std::string name = recordName(rd);
      if (name.empty()) continue;
      out = name + "::" + out;
    }
  }
  return out;
}

std::string recordName(const clang::RecordDecl* record) {
  if (record->getIdentifier()) return record->getNameAsString();
  if (const auto* td = record->getTypedefNameForAnonDecl()) return td->getNameAsString();
  return {};
}

std::string canonicalTypeName(clang::QualType type) {
  type = type.getNonReferenceType();
  if (type->isPointerType()) type = type->getPointeeType();
  if (const auto* rd = type->getAsCXXRecordDecl()) return canonicalName(rd);
  return type.getUnqualifiedType().getAsString();
}

std::string usrOf(const clang::Decl* decl) {
  llvm::SmallString<128> buf;
  if (clang::index::generateUSRForDecl(decl, buf)) return {};
  return std::string(buf.str());
}

std::vector<std::string> callOperatorUsrs(const clang::LambdaExpr* lambda) {
  std::vector<std::string> out;
  if (const clang::FunctionTemplateDecl* generic = lambda->getDependentCallOperator())
    for (const clang::FunctionDecl* instance : generic->specializations()) out.push_back(usrOf(instance));
  if (out.empty()) out.push_back(usrOf(lambda->getCallOperator()));
  return out;
}

std::optional<std::string> captureField(const clang::LambdaCapture& capture) {
  if (capture.capturesVariable()) return capture.getCapturedVar()->getNameAsString();
  if (capture.capturesThis()) return std::string("this");
  return std::nullopt;
}

bool isStringLike(clang::QualType type) {
  type = type.getNonReferenceType().getCanonicalType();
  if (type->isPointerType() || type->isArrayType()) {
    const clang::QualType elem =
        type->isPointerType() ? type->getPointeeType() : clang::QualType(type->getArrayElementTypeNoTypeQual(), 0);
    return elem->isAnyCharacterType();
  }
  if (const auto* rd = type->getAsCXXRecordDecl()) {
    const std::string n = canonicalName(rd);
    return n == "std::basic_string" || n == "std::basic_string_view" || n == "QString" || n == "QByteArray";
  }
  return false;
}

bool isHandleType(clang::QualType type) {
  const auto* record = type.getNonReferenceType()->getAsCXXRecordDecl();
  if (!record || !record->hasDefinition() || !record->getDefinition()->isTriviallyCopyable()) return false;
  record = record->getDefinition();
  if (record->isLambda() || isStringLike(type)) return false;
  // The standard library's iterators, pairs and views are positions and values,
  // with models of their own.
  const std::string name = canonicalName(record);
  if (name.rfind("std::", 0) == 0 || name.rfind("__gnu_cxx::", 0) == 0) return false;
  return std::any_of(record->field_begin(), record->field_end(), [](const clang::FieldDecl* f) {
    return f->getType()->isPointerType() && !f->getType()->getPointeeType().isConstQualified();
  });
}

bool isSmartPointer(clang::QualType type) {
  const auto* record = type.isNull() ? nullptr : type.getNonReferenceType()->getAsCXXRecordDecl();
  if (!record) return false;
  const std::string name = canonicalName(record);
  return name == "std::unique_ptr" || name == "std::shared_ptr";
}

bool derivesFrom(const clang::CXXRecordDecl* derived, const clang::CXXRecordDecl* base) {
  if (!derived || !base) return false;
  if (derived->getCanonicalDecl() == base->getCanonicalDecl()) return true;
  if (!derived->hasDefinition() || !base->hasDefinition()) return false;
  return derived->isDerivedFrom(base);
}

bool isContainerLike(const clang::CXXRecordDecl* record) {
  const std::string n = canonicalName(record);
  return n.rfind("std::", 0) == 0 && !isStringLike(clang::QualType(record->getTypeForDecl(), 0));
}

bool isScalarResult(clang::QualType type) {
  // A reference names an element (`*it` over a string, `v[i]`): it carries its container.
  if (type->isReferenceType()) return false;
  type = type.getCanonicalType();
  return type->isVoidType() || type->isBooleanType() || type->isIntegralOrEnumerationType();
}

std::string elementName(const clang::RecordDecl* record, unsigned index) {
  const clang::RecordDecl* def = record ? record->getDefinition() : nullptr;
  if (def && index < 2)
    for (const clang::FieldDecl* f : def->fields())
      if (f->getName() == "first") return index == 0 ? "first" : "second";
  return "#" + std::to_string(index);
}

bool isSystemRecord(const clang::ASTContext& ast, const clang::RecordDecl* rd) {
  return rd && ast.getSourceManager().isInSystemHeader(rd->getLocation());
}

unsigned elementCount(const clang::RecordDecl* record) {
  const auto* spec = llvm::dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(record);
  if (!spec) return 0;
  const clang::TemplateArgumentList& args = spec->getTemplateArgs();
  if (args.size() == 1 && args[0].getKind() == clang::TemplateArgument::Pack) return args[0].pack_size();
  return args.size();
}

std::optional<unsigned> elementIndexOfType(const clang::RecordDecl* record, clang::QualType type) {
  const auto* spec = llvm::dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(record);
  if (!spec || type.isNull()) return std::nullopt;
  const clang::TemplateArgumentList& args = spec->getTemplateArgs();
  llvm::ArrayRef<clang::TemplateArgument> elements = args.asArray();
  if (args.size() == 1 && args[0].getKind() == clang::TemplateArgument::Pack) elements = args[0].pack_elements();
  const clang::QualType wanted = type.getCanonicalType().getUnqualifiedType();
  std::optional<unsigned> found;
  for (unsigned i = 0; i < elements.size(); ++i) {
    if (elements[i].getKind() != clang::TemplateArgument::Type) return std::nullopt;
    if (elements[i].getAsType().getCanonicalType().getUnqualifiedType() != wanted) continue;
    if (found) return std::nullopt;  // two elements of that type: std::get<T> does not compile
    found = i;
  }
  return found;
}

bool isPositionType(clang::QualType type) {
  const auto* record = type.getCanonicalType()->getAsCXXRecordDecl();
  if (!record) return type->isPointerType();
  const llvm::StringRef name = record->getName();
  if (name.contains_insensitive("iterator")) return true;
  if (name != "pair") return false;
  const clang::QualType first = firstTypeArgument(record);
  return !first.isNull() && isPositionType(first);
}

const clang::RecordDecl* partedElementOf(clang::QualType container) {
  clang::QualType type = container.getNonReferenceType();
  if (type->isPointerType()) type = type->getPointeeType();
  const auto* record = type->getAsCXXRecordDecl();
  if (!record || !record->hasDefinition()) return nullptr;
  for (const clang::NamedDecl* d : record->lookup(&record->getASTContext().Idents.get("value_type")))
    if (const auto* alias = llvm::dyn_cast<clang::TypedefNameDecl>(d)) {
      const auto* element = alias->getUnderlyingType().getCanonicalType()->getAsRecordDecl();
      if (!element) return nullptr;
      const std::string name = canonicalName(element);
      return name == "std::pair" || name == "std::tuple" ? element : nullptr;
    }
  return nullptr;
}

bool hasPartedElements(clang::QualType container) { return partedElementOf(container) != nullptr; }

bool holdsReferences(clang::QualType aggregate) {
  const auto* spec = llvm::dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(
      aggregate.getNonReferenceType()->getAsRecordDecl());
  if (!spec || spec->getTemplateArgs().size() == 0) return false;
  const clang::TemplateArgument& first = spec->getTemplateArgs()[0];
  const llvm::ArrayRef<clang::TemplateArgument> args =
      first.getKind() == clang::TemplateArgument::Pack ? first.pack_elements() : spec->getTemplateArgs().asArray();
  return !args.empty() && std::all_of(args.begin(), args.end(), [](const clang::TemplateArgument& a) {
    return a.getKind() == clang::TemplateArgument::Type && a.getAsType()->isReferenceType();
  });
}

// Relative names in the SourceManager are relative to the TU's compile directory,
// which is the working directory of the TU's own file system, not the process's.
std::string absolutePath(const clang::FileManager& files, llvm::StringRef name) {
  llvm::SmallString<256> path(name);
  if (!llvm::sys::path::is_absolute(path)) files.makeAbsolutePath(path);
  llvm::sys::path::remove_dots(path);  // `..` is left to weakly_canonical: symlinks
  return std::string(path.str());
}

SourceLoc sourceLoc(const clang::SourceManager& sm, clang::SourceLocation loc, const std::string& root) {
  SourceLoc out;
  if (loc.isInvalid()) return out;
  const clang::SourceLocation exp = sm.getExpansionLoc(loc);
  const clang::PresumedLoc p = sm.getPresumedLoc(exp);
  if (p.isInvalid()) return out;
  out.file = relativeTo(absolutePath(sm.getFileManager(), p.getFilename()), root);
  out.line = p.getLine();
  out.column = p.getColumn();
  return out;
}

namespace {

// An expression a macro's body forms (`(t)->ops->send` of `EMIT(t, buf, n)`): its
// text in the definition, when both ends are written there close together.
std::string macroBodyText(const clang::ASTContext& ctx, const clang::CharSourceRange& range) {
  constexpr unsigned kMaxSpan = 200;
  const clang::SourceManager& sm = ctx.getSourceManager();
  const clang::SourceLocation begin = sm.getSpellingLoc(range.getBegin());
  const clang::SourceLocation end = sm.getSpellingLoc(range.getEnd());
  const auto [beginFile, beginOffset] = sm.getDecomposedLoc(begin);
  const auto [endFile, endOffset] = sm.getDecomposedLoc(end);
  if (beginFile != endFile || endOffset < beginOffset || endOffset - beginOffset > kMaxSpan) return "";
  return clang::Lexer::getSourceText(clang::CharSourceRange::getTokenRange(begin, end), sm, ctx.getLangOpts()).str();
}

}  // namespace

std::string sourceText(const clang::ASTContext& ctx, const clang::Stmt* stmt) {
  const clang::SourceManager& sm = ctx.getSourceManager();
  const auto range = clang::CharSourceRange::getTokenRange(stmt->getSourceRange());
  // A macro's own parentheses around its argument (`(data)` of g_signal_connect):
  // the argument as written at the expansion.
  if (const auto* e = llvm::dyn_cast<clang::Expr>(stmt); e && range.getBegin().isMacroID())
    if (const clang::Expr* inner = e->IgnoreParenImpCasts();
        inner != e && inner->getBeginLoc().isMacroID() && sm.isMacroArgExpansion(inner->getBeginLoc()))
      return sourceText(ctx, inner);
  std::string text = clang::Lexer::getSourceText(range, sm, ctx.getLangOpts()).str();
  if (text.empty() && range.getBegin().isMacroID()) text = macroBodyText(ctx, range);
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  return text;
}

clang::QualType firstTypeArgument(const clang::RecordDecl* record) {
  const auto* spec = llvm::dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(record);
  if (!spec || spec->getTemplateArgs().size() == 0) return {};
  const clang::TemplateArgument& first = spec->getTemplateArgs()[0];
  return first.getKind() == clang::TemplateArgument::Type ? first.getAsType() : clang::QualType();
}

// What a model's `when: {is: ...}` is matched against: a constant's or variable's
// name, a literal's bytes or digits.
std::string modelSpelling(const clang::Expr* e) {
  e = e->IgnoreImplicit()->IgnoreParenImpCasts();
  // A literal passed as `const std::string&` arrives wrapped in a constructor.
  if (const auto* ctor = llvm::dyn_cast<clang::CXXConstructExpr>(e))
    return ctor->getNumArgs() > 0 ? modelSpelling(ctor->getArg(0)) : std::string();
  if (const auto* cast = llvm::dyn_cast<clang::CXXFunctionalCastExpr>(e)) return modelSpelling(cast->getSubExpr());
  if (const auto* tmp = llvm::dyn_cast<clang::MaterializeTemporaryExpr>(e)) return modelSpelling(tmp->getSubExpr());
  if (const auto* dr = llvm::dyn_cast<clang::DeclRefExpr>(e)) return dr->getDecl()->getNameAsString();
  if (const auto* lit = llvm::dyn_cast<clang::StringLiteral>(e)) return literalText(lit);
  if (const auto* i = llvm::dyn_cast<clang::IntegerLiteral>(e)) return llvm::toString(i->getValue(), 10, true);
  if (const auto* c = llvm::dyn_cast<clang::ExplicitCastExpr>(e)) return modelSpelling(c->getSubExpr());
  return {};
}

}  // namespace egress
