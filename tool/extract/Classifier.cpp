#include "extract/Classifier.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include <clang/AST/ASTContext.h>
#include <clang/AST/Attr.h>
#include <clang/AST/Decl.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/Type.h>
#include <clang/Basic/SourceManager.h>

#include "extract/ApiCatalog.h"
#include "extract/Names.h"

namespace egress {
namespace {

constexpr const char* kAnnotationPrefix = "egress:";

bool typeAllowed(const FieldMatcher& m, TypeClass actual) {
  if (m.types.empty()) return true;
  return std::any_of(m.types.begin(), m.types.end(), [&](TypeClass t) { return t == TypeClass::Any || t == actual; });
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

// The records a field's type holds: itself, through pointers, references, arrays
// and the type arguments of templates (std::vector<Stop>, std::unique_ptr<Place>).
std::vector<const clang::RecordDecl*> recordsIn(clang::QualType type, unsigned depth) {
  std::vector<const clang::RecordDecl*> out;
  if (type.isNull() || depth > 3) return out;
  type = type.getNonReferenceType().getCanonicalType();
  while (type->isPointerType() || type->isArrayType())
    type = type->isPointerType() ? type->getPointeeType() : clang::QualType(type->getArrayElementTypeNoTypeQual(), 0);
  const clang::RecordDecl* rd = type->getAsRecordDecl();
  if (!rd) return out;
  if (const clang::RecordDecl* def = rd->getDefinition()) rd = def;
  out.push_back(rd);
  if (const auto* spec = llvm::dyn_cast<clang::ClassTemplateSpecializationDecl>(rd))
    for (const clang::TemplateArgument& arg : spec->getTemplateArgs().asArray())
      if (arg.getKind() == clang::TemplateArgument::Type)
        for (const clang::RecordDecl* inner : recordsIn(arg.getAsType(), depth + 1)) out.push_back(inner);
  return out;
}

// The element type of a container field (std::vector<std::string>, char[4][16], ...).
clang::QualType elementType(clang::QualType type) {
  type = type.getNonReferenceType().getCanonicalType();
  if (type->isArrayType()) return clang::QualType(type->getArrayElementTypeNoTypeQual(), 0);
  return firstTypeArgument(type->getAsRecordDecl());
}

// The one value a library wrapper that is not a range holds (std::optional<T>,
// std::unique_ptr<T>, std::atomic<T>): a field of it is of T's class. Null for
// anything else (containers have `begin`; pairs and maps hold more than one).
clang::QualType wrappedValue(const clang::CXXRecordDecl* record) {
  const auto* spec = llvm::dyn_cast<clang::ClassTemplateSpecializationDecl>(record);
  if (!spec || !record->hasDefinition()) return {};
  clang::QualType held;
  for (const clang::TemplateArgument& arg : spec->getTemplateArgs().asArray()) {
    if (arg.getIsDefaulted()) continue;
    if (arg.getKind() != clang::TemplateArgument::Type || !held.isNull()) return {};
    held = arg.getAsType();
  }
  const clang::CXXRecordDecl* def = record->getDefinition();
  return def->lookup(&def->getASTContext().Idents.get("begin")).empty() ? held : clang::QualType();
}

}  // namespace

Classifier::Classifier(const RuleSet& rules, const clang::ASTContext* ast, NameMemo* names)
    : rules_(rules), ast_(ast), ownNames_(names ? nullptr : std::make_shared<NameMemo>()),
      names_(names ? names : ownNames_.get()) {}

TypeClass Classifier::typeClassOf(clang::QualType type) {
  type = type.getNonReferenceType().getCanonicalType();
  for (unsigned depth = 0; depth < 3; ++depth) {  // std::optional<std::string> is a string
    const auto* rd = type->getAsCXXRecordDecl();
    const clang::QualType held = rd && isContainerLike(rd) ? wrappedValue(rd) : clang::QualType();
    if (held.isNull()) break;
    type = held.getCanonicalType();
  }
  if (type->isBooleanType()) return TypeClass::Bool;
  if (type->isIntegralOrEnumerationType()) return TypeClass::Integer;
  if (type->isRealFloatingType()) return TypeClass::Floating;
  if (isStringLike(type)) return TypeClass::String;
  if (const auto* rd = type->getAsCXXRecordDecl())
    return isContainerLike(rd) ? TypeClass::Container : TypeClass::Record;
  if (type->isRecordType()) return TypeClass::Record;
  if (type->isArrayType() || type->isPointerType()) return TypeClass::Container;
  return TypeClass::Any;
}

void Classifier::addTypeCategories(const clang::RecordDecl* record, std::vector<std::string>& cats) const {
  if (rules_.types.empty() || !record) return;
  const std::string qualified = canonicalName(record), plain = recordName(record);
  for (const TypeRule& t : rules_.types)
    if ((t.type.matches(qualified) || t.type.matches(plain)) &&
        std::find(cats.begin(), cats.end(), t.category) == cats.end())
      cats.push_back(t.category);
}

bool Classifier::excluded(const std::string& name, const std::string& record) const {
  return std::any_of(rules_.excludedFields.begin(), rules_.excludedFields.end(), [&](const FieldExclusion& e) {
    return e.name.matches(name) && (!e.record || e.record->matches(record));
  });
}

std::vector<std::string> Classifier::matchFields(const clang::FieldDecl* field, bool withContexts) {
  std::vector<std::string> cats = annotatedCategories(field);
  const clang::RecordDecl* owner = field->getParent();
  // A field of a classified type, or holding one, is that type's data.
  addTypeCategories(owner, cats);
  for (const clang::RecordDecl* held : recordsIn(field->getType(), 0)) addTypeCategories(held, cats);
  const std::string name = normalizedName(field->getNameAsString());
  const std::string record = normalizedName(recordName(owner));
  if (excluded(name, record)) return cats;
  const TypeClass tc = typeClassOf(field->getType());
  // A container named in the plural holds what its singular names: `mawbs` is a
  // list of air waybill numbers, `parcels` of tracking numbers.
  std::string singular;
  std::optional<TypeClass> elementClass;
  if (tc == TypeClass::Container && name.size() > 3 && name.back() == 's') {
    const clang::QualType element = elementType(field->getType());
    if (!element.isNull() && !element->isCharType()) {
      singular = name.substr(0, name.size() - 1);
      elementClass = typeClassOf(element);
    }
  }
  const NameHits byName = nameHits(name);
  const NameHits bySingular = elementClass ? nameHits(singular) : NameHits{};
  const auto nameMatches = [&](uint32_t index, const FieldMatcher& m) {
    if (byName.has(index) && typeAllowed(m, tc)) return true;
    return elementClass && *elementClass != TypeClass::Container && bySingular.has(index) &&
           typeAllowed(m, *elementClass);
  };
  uint32_t index = 0;
  for (const Category& c : rules_.categories) {
    for (const FieldMatcher& m : c.fields) {
      const uint32_t at = index++;
      if (!m.context.empty() && !withContexts) continue;
      if (!nameMatches(at, m)) continue;
      if (m.unless && m.unless->matches(name)) continue;
      if (m.record && !m.record->matches(record)) continue;
      if (!m.context.empty()) {
        const auto ctx = std::find_if(rules_.contexts.begin(), rules_.contexts.end(),
                                      [&](const RecordContext& r) { return r.id == m.context; });
        if (ctx == rules_.contexts.end() || !inContext(owner, *ctx)) continue;
      }
      if (std::find(cats.begin(), cats.end(), c.id) == cats.end()) cats.push_back(c.id);
    }
  }
  return cats;
}

const std::vector<std::string>& Classifier::functionCategories(const clang::FunctionDecl* fn) {
  if (auto it = functions_.find(fn); it != functions_.end()) return it->second;
  const clang::QualType ret = fn->getReturnType();
  const TypeClass tc = typeClassOf(ret);
  std::vector<std::string> cats;
  if (!ret->isVoidType() && tc != TypeClass::Bool && tc != TypeClass::Any) {
    const std::string name = normalizedName(fn->getNameAsString());
    cats = names_->functionCategories(name + "|" + std::to_string(int(tc)), [&] { return categoriesByName(name, tc); });
  }
  for (const clang::RecordDecl* held : recordsIn(ret, 0)) addTypeCategories(held, cats);
  return functions_.emplace(fn, std::move(cats)).first->second;
}

std::vector<std::string> Classifier::propertyCategories(const std::string& property, clang::QualType type) const {
  std::string name = property;
  std::replace(name.begin(), name.end(), '-', '_');
  const TypeClass tc = typeClassOf(type);
  if (tc == TypeClass::Bool) return {};
  return categoriesByName(normalizedName(name), tc);
}

// Every ending of `name` at a word boundary (`order_get_recipient_name`, ...,
// `recipient_name`, `name`) against the matchers that need no context. A matcher's
// `unless` is asked of that ending and the longer ones: `order_dest_postcode` ends
// in `postcode`, but it is `dest_postcode`.
std::vector<std::string> Classifier::categoriesByName(const std::string& name, TypeClass tc) const {
  std::vector<std::string> cats;
  const auto excepted = [&](const FieldMatcher& m, std::size_t end) {
    if (!m.unless) return false;
    for (std::size_t at = 0; at <= end; at = name.find('_', at) + 1) {
      if (m.unless->matches(name.substr(at))) return true;
      if (name.find('_', at) == std::string::npos) break;
    }
    return false;
  };
  for (std::size_t at = 0; at < name.size(); at = name.find('_', at) + 1) {
    const NameHits hits = nameHits(name.substr(at));
    uint32_t index = 0;
    for (const Category& c : rules_.categories)
      for (const FieldMatcher& m : c.fields)
        if (hits.has(index++) && m.context.empty() && !m.record && typeAllowed(m, tc) && !excepted(m, at) &&
            std::find(cats.begin(), cats.end(), c.id) == cats.end())
          cats.push_back(c.id);
    if (name.find('_', at) == std::string::npos) break;
  }
  return cats;
}

Classifier::NameHits Classifier::nameHits(const std::string& name) const {
  return NameHits{&names_->fieldMatchers(name, rules_)};
}

const std::vector<std::string>& Classifier::fieldCategories(const clang::FieldDecl* field) {
  auto it = cache_.find(field);
  if (it != cache_.end()) return it->second;
  return cache_.emplace(field, matchFields(field, true)).first->second;
}

// Categories that need no context: what makes a record evidence for one.
const std::vector<std::string>& Classifier::strongCategories(const clang::FieldDecl* field) {
  auto it = strong_.find(field);
  if (it != strong_.end()) return it->second;
  return strong_.emplace(field, matchFields(field, false)).first->second;
}

bool Classifier::inContext(const clang::RecordDecl* record, const RecordContext& context) {
  if (!record) return false;
  if (const clang::RecordDecl* def = record->getDefinition()) record = def;
  const auto key = std::make_pair(record, &context);
  if (auto known = contexts_.find(key); known != contexts_.end()) return known->second == 1;
  contexts_[key] = -1;  // deciding: a cycle of holders adds nothing
  const std::string name = normalizedName(recordName(record));
  if (context.components && context.components->matches(name)) {
    contexts_[key] = 0;  // a part of the program: a service holds channels, not people
    return false;
  }
  bool yes = context.records && context.records->matches(name);
  for (const clang::FieldDecl* f : record->fields()) {
    if (yes) break;
    for (const std::string& cat : strongCategories(f))
      for (const std::string& wanted : context.evidence) yes = yes || categoryMatches(wanted, cat);
  }
  if (!yes && ast_) {
    indexContainment();
    auto holders = holders_.find(record);
    if (holders != holders_.end())
      for (const clang::RecordDecl* h : holders->second)
        if ((yes = inContext(h, context))) break;
  }
  contexts_[key] = yes ? 1 : 0;
  return yes;
}

// Which records hold which, over every record this TU defines outside system
// headers: `struct Visit { Place where; }` makes Visit a holder of Place.
void Classifier::indexContainment() {
  if (indexed_) return;
  indexed_ = true;
  const clang::SourceManager& sm = ast_->getSourceManager();
  std::vector<const clang::DeclContext*> work{ast_->getTranslationUnitDecl()};
  while (!work.empty()) {
    const clang::DeclContext* dc = work.back();
    work.pop_back();
    for (const clang::Decl* d : dc->decls()) {
      if (llvm::isa<clang::NamespaceDecl, clang::LinkageSpecDecl>(d)) {
        work.push_back(llvm::cast<clang::DeclContext>(d));
        continue;
      }
      const auto* rd = llvm::dyn_cast<clang::RecordDecl>(d);
      if (!rd || !rd->isThisDeclarationADefinition() || sm.isInSystemHeader(rd->getLocation())) continue;
      if (const auto* cxx = llvm::dyn_cast<clang::CXXRecordDecl>(rd); cxx && cxx->isDependentContext()) continue;
      work.push_back(rd);
      for (const clang::FieldDecl* f : rd->fields())
        for (const clang::RecordDecl* held : recordsIn(f->getType(), 0)) holders_[held].push_back(rd);
    }
  }
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
