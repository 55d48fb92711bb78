#include "extract/Classifier.h"

#include <algorithm>

#include <clang/AST/Attr.h>
#include <clang/AST/Decl.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/Type.h>

#include "extract/Names.h"

namespace egress {
namespace {

constexpr const char* kAnnotationPrefix = "egress:";

bool typeAllowed(const FieldMatcher& m, TypeClass actual) {
  if (m.types.empty()) return true;
  return std::any_of(m.types.begin(), m.types.end(),
                     [&](TypeClass t) { return t == TypeClass::Any || t == actual; });
}

std::vector<std::string> annotations(const clang::Decl* decl) {
  std::vector<std::string> out;
  if (!decl) return out;
  for (const auto* attr : decl->specific_attrs<clang::AnnotateAttr>()) {
    const llvm::StringRef text = attr->getAnnotation();
    if (text.starts_with(kAnnotationPrefix)) out.push_back(text.drop_front(7).str());
  }
  return out;
}

}  // namespace

TypeClass Classifier::typeClassOf(clang::QualType type) {
  type = type.getNonReferenceType().getCanonicalType();
  if (type->isBooleanType()) return TypeClass::Bool;
  if (type->isIntegralOrEnumerationType()) return TypeClass::Integer;
  if (type->isRealFloatingType()) return TypeClass::Floating;
  if (isStringLike(type)) return TypeClass::String;
  if (const auto* rd = type->getAsCXXRecordDecl()) return isContainerLike(rd) ? TypeClass::Container : TypeClass::Record;
  if (type->isRecordType()) return TypeClass::Record;
  if (type->isArrayType() || type->isPointerType()) return TypeClass::Container;
  return TypeClass::Any;
}

const std::vector<std::string>& Classifier::fieldCategories(const clang::FieldDecl* field) {
  auto it = cache_.find(field);
  if (it != cache_.end()) return it->second;
  std::vector<std::string> cats = annotatedCategories(field);
  const std::string name = field->getNameAsString();
  const std::string record = field->getParent()->getNameAsString();
  const TypeClass tc = typeClassOf(field->getType());
  for (const Category& c : rules_.categories) {
    for (const FieldMatcher& m : c.fields) {
      if (!m.name.matches(name) || !typeAllowed(m, tc)) continue;
      if (m.record && !m.record->matches(record)) continue;
      if (std::find(cats.begin(), cats.end(), c.id) == cats.end()) cats.push_back(c.id);
    }
  }
  return cache_.emplace(field, std::move(cats)).first->second;
}

std::vector<std::string> Classifier::annotatedCategories(const clang::Decl* decl) const {
  std::vector<std::string> out;
  for (const std::string& c : annotations(decl))
    if (rules_.isCategory(c)) out.push_back(c);
  return out;
}

std::vector<std::string> Classifier::badAnnotations(const clang::Decl* decl) const {
  std::vector<std::string> out;
  for (const std::string& c : annotations(decl))
    if (!rules_.isCategory(c)) out.push_back(c);
  return out;
}

}  // namespace egress
