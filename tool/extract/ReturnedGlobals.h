// Lookup helpers returning a pointer into a global table (`struct slot *slot_for(id)`
// returning `&s_slots[i]`, or NULL): what a caller writes through the result is
// written into that global, as if it had named the element itself.
#pragma once

namespace clang {
class FunctionDecl;
class VarDecl;
}  // namespace clang

namespace egress {

// The global every non-null return of `definition`'s body points into (`&g[i]`,
// `g + n`, `&g.rows[i]`, a local pointer only ever set to those), or null when some
// return yields anything else or two globals are returned.
const clang::VarDecl* globalReturnedBy(const clang::FunctionDecl* definition);

}  // namespace egress
