// Getters and setters recognised from their bodies, so a caller can read or write the
// field itself: `p.setPhone(kDesk); send(p.phone());` then sends the desk's number,
// not the customer's. Purely syntactic, per translation unit: only accessors whose
// body the TU sees (usually inline in a header) are recognised.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class CallExpr;
class Expr;
class FieldDecl;
class FunctionDecl;
}  // namespace clang

namespace egress {

struct Accessor {
  enum Kind { None, Getter, Setter } kind = None;
  // The input whose fields it reads or writes: kThisParam or a parameter index.
  unsigned object = 0;
  // Getter: the field chain read (`return o->addr.city;`: addr, city).
  std::vector<const clang::FieldDecl*> read;
  // Setter: each field chain written, from a parameter or a literal.
  struct Write {
    std::vector<const clang::FieldDecl*> field;
    std::optional<unsigned> param;         // the parameter assigned
    const clang::Expr* literal = nullptr;  // or a literal (a string, a number, nullptr)
    bool clears = false;                   // or emptied (`queue_.clear()`, `note_.reset()`)
  };
  std::vector<Write> writes;
  // Neither (kind None): fields of its inputs the body overwrites or empties in its
  // top-level statements before anything could leave it (`bytes_.clear();` opening
  // `restart()`): what they held before the call is gone after it.
  struct Reset {
    unsigned object = 0;
    std::vector<const clang::FieldDecl*> field;
  };
  std::vector<Reset> resets;
  // Kind None: fields of `this`, or of a parameter the object is handed by pointer or
  // reference, the body may store into anywhere, on some path (assigns, takes the
  // address of, calls a non-const method of a member held by value): a lazy
  // `ensure_open()` or `link_ensure(self)` connecting a member the caller then sends
  // through. Each chain once, outermost field first.
  std::vector<Reset> mayStore;
};

// "addr.city" for a field chain.
std::string fieldPath(const std::vector<const clang::FieldDecl*>& chain);

class AccessorIndex {
 public:
  // What `fn` is, decided once per function: a getter is a non-virtual function whose
  // body is only `return <input>.<fields>;`, a setter one whose body only assigns
  // parameters or literals to fields of one input (`phone_ = v;`, `o->phone = "";`),
  // or empties them with a call `empties` says empties its object (`note_.reset()`);
  // for any other non-virtual function, the fields it resets.
  const Accessor& of(const clang::FunctionDecl* fn);
  // Library methods that leave their object empty (decided by the rules' models).
  std::function<bool(const clang::FunctionDecl*)> empties;
  // The two operands a library call exchanges (`line_.swap(o.line_)`), if it does.
  using Swapped = std::function<std::vector<const clang::Expr*>(const clang::CallExpr*)>;
  Swapped swapped;

 private:
  std::map<const clang::FunctionDecl*, Accessor> known_;
};

}  // namespace egress
