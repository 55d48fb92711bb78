// Which data categories a field, variable or function carries, from the rules'
// name patterns with type constraints and from egress:<category> annotations.
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "rules/Rules.h"

namespace clang {
class ASTContext;
class Decl;
class FieldDecl;
class FunctionDecl;
class QualType;
class RecordDecl;
}  // namespace clang

namespace egress {

class NameMemo;

class Classifier {
 public:
  // With `ast`, records also take contexts from the records that contain them.
  // `names`, if given, shares name-based results across the scan's TUs (else the
  // classifier keeps its own).
  explicit Classifier(const RuleSet& rules, const clang::ASTContext* ast = nullptr, NameMemo* names = nullptr);

  // Categories of a field by its name, type, enclosing record and that record's
  // contexts (cached).
  const std::vector<std::string>& fieldCategories(const clang::FieldDecl* field);
  // Categories named by `[[clang::annotate("egress:<category>")]]` on any declaration.
  std::vector<std::string> annotatedCategories(const clang::Decl* decl) const;
  // Annotations naming no known category, for diagnostics.
  std::vector<std::string> badAnnotations(const clang::Decl* decl) const;
  // The record is in `context`: by its name, by a field of an evidence category, or
  // because a record in that context holds it in a field (through pointers,
  // arrays and templates such as std::vector).
  bool inContext(const clang::RecordDecl* record, const RecordContext& context);

  static TypeClass typeClassOf(clang::QualType type);

  // Categories of what a function returns by the words its name ends with (a vendor
  // SDK's `sdk_order_get_recipient_phone`), against the field patterns that need no
  // record context, for its return type. Used where no body exists in the program.
  const std::vector<std::string>& functionCategories(const clang::FunctionDecl* fn);
  // Categories of a value an object holds under a property name (GObject's
  // "tracking-number"), read as a field of that name and `type`, with no record context.
  std::vector<std::string> propertyCategories(const std::string& property, clang::QualType type) const;

 private:
  std::vector<std::string> matchFields(const clang::FieldDecl* field, bool withContexts);
  // The categories of the rules' `types` naming `record` (by qualified or typedef name).
  void addTypeCategories(const clang::RecordDecl* record, std::vector<std::string>& cats) const;
  // A field name an overlay's `disable: - field:` keeps from being classified by name.
  bool excluded(const std::string& name, const std::string& record) const;
  const std::vector<std::string>& strongCategories(const clang::FieldDecl* field);
  void indexContainment();

  std::vector<std::string> categoriesByName(const std::string& name, TypeClass tc) const;
  // The field matchers (indices over every category's `fields`, in order) whose
  // name pattern matches a name, from the scan-wide memo.
  struct NameHits {
    const std::vector<uint32_t>* sorted = nullptr;
    bool has(uint32_t index) const { return sorted && std::binary_search(sorted->begin(), sorted->end(), index); }
  };
  NameHits nameHits(const std::string& name) const;

  const RuleSet& rules_;
  const clang::ASTContext* ast_;
  std::shared_ptr<NameMemo> ownNames_;
  NameMemo* names_;
  std::map<const clang::FieldDecl*, std::vector<std::string>> cache_, strong_;
  std::map<const clang::FunctionDecl*, std::vector<std::string>> functions_;
  std::map<const clang::RecordDecl*, std::vector<const clang::RecordDecl*>> holders_;  // record -> records holding it
  bool indexed_ = false;
  std::map<std::pair<const clang::RecordDecl*, const RecordContext*>, int> contexts_;  // -1 deciding, 0 no, 1 yes
};

}  // namespace egress
