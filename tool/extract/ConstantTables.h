// Constant tables of a C program that say where a value read by name is written:
// configuration keys mapped to the fields they fill, by offset
// (`{"uplink_host", offsetof(struct config, uplink_host)}`, written through
// `(char *)cfg + row->off`) or by address (`{"broker", g_conf.broker}`, written
// through `row->dst`). A write through such a pointer is a write into the field of
// each row, under the row's name. Only the AST: no analysis state.
#pragma once

#include <string>
#include <vector>

#include <clang/AST/Type.h>

namespace clang {
class Expr;
}  // namespace clang

namespace egress {

struct TableRow {
  // By offset: the object pointer the offset is added to, and the field path the
  // row's offsetof names ("uplink_host", "mqtt.broker"). By address: `target` is
  // the row's own initializer (`g_conf.broker`) and `field` is empty.
  const clang::Expr* target = nullptr;
  std::string field;
  clang::QualType type;  // the field's
  // The row's string constants joined with '.' ("uplink.host" for a section and a
  // name); empty when the row has none.
  std::string key;
};

// The rows pointer expression `e` may point into, one per row of a constant global
// table (at most kMaxTableRows); empty when `e` is no such pointer. A local pointer
// set once from such an expression (`char *dst = (char *)c + f->off;`, with
// `f = &fields[i]`) is followed to its initializer.
std::vector<TableRow> tableRowsOf(const clang::Expr* e);

constexpr unsigned kMaxTableRows = 64;

}  // namespace egress
