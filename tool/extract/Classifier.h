// Which data categories a field, variable or function carries, from the rules'
// name patterns with type constraints and from egress:<category> annotations.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "rules/Rules.h"

namespace clang {
class Decl;
class FieldDecl;
class QualType;
class RecordDecl;
}  // namespace clang

namespace egress {

class Classifier {
 public:
  explicit Classifier(const RuleSet& rules) : rules_(rules) {}

  // Categories of a field by its name, type and enclosing record (cached).
  const std::vector<std::string>& fieldCategories(const clang::FieldDecl* field);
  // Categories named by `[[clang::annotate("egress:<category>")]]` on any declaration.
  std::vector<std::string> annotatedCategories(const clang::Decl* decl) const;
  // Annotations naming no known category, for diagnostics.
  std::vector<std::string> badAnnotations(const clang::Decl* decl) const;

  static TypeClass typeClassOf(clang::QualType type);

 private:
  const RuleSet& rules_;
  std::map<const clang::FieldDecl*, std::vector<std::string>> cache_;
};

}  // namespace egress
