#include "extract/ConstantTables.h"

#include <clang/AST/Decl.h>
#include <clang/AST/Expr.h>

namespace egress {
namespace {

// A global array of constant rows with an initializer
// (`static const struct cfg_field fields[] = {...}`), at most kMaxTableRows.
const clang::InitListExpr* constantTable(const clang::Expr* e) {
  const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(e->IgnoreParenImpCasts());
  const auto* v = ref ? llvm::dyn_cast<clang::VarDecl>(ref->getDecl()) : nullptr;
  if (!v || !v->hasGlobalStorage()) return nullptr;
  const clang::ArrayType* array = v->getType()->getAsArrayTypeUnsafe();
  if (!array || !array->getElementType().isConstQualified()) return nullptr;
  const clang::Expr* init = v->getAnyInitializer();
  const auto* list = init ? llvm::dyn_cast<clang::InitListExpr>(init->IgnoreImplicit()) : nullptr;
  if (!list || list->getNumInits() == 0 || list->getNumInits() > kMaxTableRows) return nullptr;
  return list;
}

// A local pointer's initializer (`const struct cfg_field *f = &fields[i];`).
const clang::Expr* localInit(const clang::Expr* e) {
  const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(e->IgnoreParenCasts());
  const auto* v = ref ? llvm::dyn_cast<clang::VarDecl>(ref->getDecl()) : nullptr;
  if (!v || !v->hasLocalStorage() || llvm::isa<clang::ParmVarDecl>(v) || !v->getType()->isPointerType()) return nullptr;
  return v->getInit();
}

// The table a pointer to one of its rows points into: `&fields[i]`, `fields + i`.
const clang::InitListExpr* tableOfRowPointer(const clang::Expr* p, unsigned depth = 0) {
  p = p->IgnoreParenImpCasts();
  if (const auto* u = llvm::dyn_cast<clang::UnaryOperator>(p); u && u->getOpcode() == clang::UO_AddrOf)
    if (const auto* sub = llvm::dyn_cast<clang::ArraySubscriptExpr>(u->getSubExpr()->IgnoreParens()))
      return constantTable(sub->getBase());
  if (const auto* b = llvm::dyn_cast<clang::BinaryOperator>(p); b && b->getOpcode() == clang::BO_Add) {
    if (const clang::InitListExpr* table = constantTable(b->getLHS())) return table;
    return constantTable(b->getRHS());
  }
  const clang::Expr* init = depth == 0 ? localInit(p) : nullptr;
  return init ? tableOfRowPointer(init, depth + 1) : nullptr;
}

struct RowField {
  const clang::InitListExpr* table = nullptr;
  const clang::FieldDecl* field = nullptr;
};

// A field read of a row of a constant table: `fields[i].off`, `f->off`.
RowField rowField(const clang::Expr* e) {
  const auto* m = llvm::dyn_cast<clang::MemberExpr>(e->IgnoreParenImpCasts());
  const auto* field = m ? llvm::dyn_cast<clang::FieldDecl>(m->getMemberDecl()) : nullptr;
  if (!field) return {};
  const clang::InitListExpr* table = nullptr;
  if (m->isArrow()) {
    table = tableOfRowPointer(m->getBase());
  } else if (const auto* sub = llvm::dyn_cast<clang::ArraySubscriptExpr>(m->getBase()->IgnoreParenImpCasts())) {
    table = constantTable(sub->getBase());
  }
  return table ? RowField{table, field} : RowField{};
}

const clang::InitListExpr* rowList(const clang::InitListExpr* table, unsigned i) {
  return llvm::dyn_cast<clang::InitListExpr>(table->getInit(i)->IgnoreImplicit());
}

// Row `row`'s initializer of `field`, or null (a sentinel row, a shorter row).
const clang::Expr* rowInit(const clang::InitListExpr* row, const clang::FieldDecl* field) {
  if (!row || field->getFieldIndex() >= row->getNumInits()) return nullptr;
  const clang::Expr* init = row->getInit(field->getFieldIndex())->IgnoreParenImpCasts();
  return llvm::isa<clang::ImplicitValueInitExpr>(init) ? nullptr : init;
}

// The row's string constants, joined with '.': its name (and section).
std::string rowKey(const clang::InitListExpr* row) {
  std::string key;
  for (const clang::Expr* init : row->inits())
    if (const auto* text = llvm::dyn_cast<clang::StringLiteral>(init->IgnoreParenImpCasts());
        text && text->getCharByteWidth() == 1 && text->getLength() > 0)
      key += (key.empty() ? "" : ".") + text->getString().str();
  return key;
}

// The field path an `offsetof(struct config, broker)` names, and the field's type;
// an empty path for others.
std::pair<std::string, clang::QualType> offsetField(const clang::Expr* init) {
  const auto* off = init ? llvm::dyn_cast<clang::OffsetOfExpr>(init->IgnoreParenImpCasts()) : nullptr;
  if (!off) return {};
  std::string path;
  clang::QualType type;
  for (unsigned i = 0; i < off->getNumComponents(); ++i) {
    const clang::OffsetOfNode& node = off->getComponent(i);
    if (node.getKind() != clang::OffsetOfNode::Field) return {};  // an array element, a base
    path += (path.empty() ? "" : ".") + node.getField()->getNameAsString();
    type = node.getField()->getType();
  }
  return {path, type};
}

// `(char *)cfg + f->off`: a row per offsetof initializer of `off`.
std::vector<TableRow> rowsByOffset(const clang::BinaryOperator* b) {
  const bool pointerLeft = b->getLHS()->getType()->isPointerType();
  const clang::Expr* object = pointerLeft ? b->getLHS() : b->getRHS();
  const RowField offset = rowField(pointerLeft ? b->getRHS() : b->getLHS());
  std::vector<TableRow> rows;
  if (!offset.table) return rows;
  for (unsigned i = 0; i < offset.table->getNumInits(); ++i) {
    const clang::InitListExpr* row = rowList(offset.table, i);
    auto [field, type] = offsetField(rowInit(row, offset.field));
    if (!field.empty()) rows.push_back({object, std::move(field), type, rowKey(row)});
  }
  return rows;
}

// `map[i].dst` where each row holds a field's address (`g_conf.broker`).
std::vector<TableRow> rowsByAddress(const RowField& pointer) {
  std::vector<TableRow> rows;
  for (unsigned i = 0; i < pointer.table->getNumInits(); ++i) {
    const clang::InitListExpr* row = rowList(pointer.table, i);
    const clang::Expr* init = rowInit(row, pointer.field);
    if (!init) continue;
    if (const auto* u = llvm::dyn_cast<clang::UnaryOperator>(init); u && u->getOpcode() == clang::UO_AddrOf)
      init = u->getSubExpr()->IgnoreParens();
    if (!llvm::isa<clang::MemberExpr>(init) && !llvm::isa<clang::DeclRefExpr>(init)) return {};
    rows.push_back({init, "", init->getType(), rowKey(row)});
  }
  return rows;
}

// A pointer into one of a table's rows' fields, by offset or by address.
std::vector<TableRow> rowsOfPointer(const clang::Expr* bare) {
  if (const auto* b = llvm::dyn_cast<clang::BinaryOperator>(bare); b && b->getOpcode() == clang::BO_Add)
    return rowsByOffset(b);
  if (const RowField pointer = rowField(bare); pointer.table && pointer.field->getType()->isPointerType())
    return rowsByAddress(pointer);
  return {};
}

}  // namespace

std::vector<TableRow> tableRowsOf(const clang::Expr* e) {
  if (!e) return {};
  std::vector<TableRow> rows = rowsOfPointer(e->IgnoreParenCasts());
  if (const clang::Expr* init = rows.empty() ? localInit(e) : nullptr) rows = rowsOfPointer(init->IgnoreParenCasts());
  return rows;
}

}  // namespace egress
