#include "extract/Classifier.h"

#include <algorithm>
#include <cctype>

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

// The field name as the rules expect it: member-naming conventions removed
// (m_email, mEmail, email_, _email) and camelCase split (trackingNo -> tracking_no).
std::string normalizedName(const std::string& raw) {
  std::string n = raw;
  while (!n.empty() && n.back() == '_') n.pop_back();
  while (!n.empty() && n.front() == '_') n.erase(0, 1);
  if (n.size() > 2 && n[0] == 'm' && n[1] == '_') n.erase(0, 2);
  else if (n.size() > 1 && n[0] == 'm' && std::isupper(static_cast<unsigned char>(n[1]))) n.erase(0, 1);
  std::string out;
  for (std::size_t i = 0; i < n.size(); ++i) {
    const unsigned char c = n[i];
    const bool boundary = i > 0 && std::isupper(c) &&
                          (std::islower(static_cast<unsigned char>(n[i - 1])) ||
                           (i + 1 < n.size() && std::islower(static_cast<unsigned char>(n[i + 1])) &&
                            std::isupper(static_cast<unsigned char>(n[i - 1]))));
    if (boundary && out.back() != '_') out += '_';
    out += char(std::tolower(c));
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
  const std::string name = normalizedName(field->getNameAsString());
  const std::string record = normalizedName(recordName(field->getParent()));
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
