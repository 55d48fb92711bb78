// A function's summary with its call atoms resolved: only origins and the
// function's own inputs remain. Callers instantiate it at each call site.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "facts/Facts.h"
#include "facts/Limits.h"

namespace egress {

// A call through a function value held by one of the function's inputs: resolved
// where a caller passes a known function (a lambda stored in a field, a callback).
struct PendingCall {
  ParamRef target;
  CallSiteFact site;  // arguments already in this function's terms
  Path chain;         // call sites from this function down to the indirect call
};

struct Summary {
  Taint ret;
  StrVal retStr;
  // Sinks callers must see: their data or destination still names an input of this
  // function. Bounded (by merging) because they are copied into every caller.
  std::vector<SinkFact> sinks;
  // Sinks reached by concrete data here: reported from this function, never copied
  // further, never capped.
  std::vector<SinkFact> reported;
  std::map<std::string, Taint> effects;                              // "arg:N" / "this" -> what the call leaves there
  std::map<std::string, std::map<std::string, StrVal>> effectStrs;   // slot -> field -> value
  std::map<std::string, std::map<std::string, Taint>> effectFields;  // slot -> field -> taint
  // Objects the call leaves in a field, in this function's terms: its own inputs or
  // objects it built (a client handed to a constructor, or made by it). A caller
  // looking for `field.rest` asks the held object for `rest` (no origins, no trails).
  std::map<std::string, std::map<std::string, Taint>> effectHolders;  // slot -> field -> inputs
  // Functions the call stores in a field of its inputs (slot -> field -> USRs): a
  // handler put into the caller's object, run later through that field.
  std::map<std::string, std::map<std::string, std::vector<std::string>>> effectFns;
  Taint retHolder;        // the object returned, in this function's terms (a factory's client)
  uint32_t function = 0;  // the FunctionId this summarises
  std::vector<PendingCall> pending;
  LimitHits limits;  // budgets the last resolution of this function hit
};

// How large a summary is and which budgets it hit: what the link's statistics and
// its search for flows read of every function, kept apart so that a summary read
// back from the last link's state need not be decoded for them.
// A sink for callers that holds data or reads a global: where nobody calls the
// function, it is a finding if it holds data or one of those globals gets data
// (link/Linker.cpp, flowsOf). In the order of the sinks and of their atoms.
struct EntrySink {
  bool readsObject = false;  // its destination reads the function's object
  bool hasOrigins = false;
  std::vector<std::string> globals;  // keys of the globals it reads, first reads first
};
struct SummaryShape {
  uint32_t sinks = 0, reported = 0, pending = 0;
  std::vector<EntrySink> entrySinks;
  LimitHits limits;
};
SummaryShape shapeOf(const Summary& s);
// boundFieldInputs (facts/TaintOps.h) on every value callers read of `s`.
void boundFieldInputs(Summary& s);

// The summaries by function id. One read back from the last link's state
// (link/LinkState.h) stays encoded until something reads it: after a one-file
// edit, most are never read.
class SummaryTable {
 public:
  explicit SummaryTable(std::size_t functions)
      : decoded_(functions), encoded_(functions), sinksPending_(functions, false), shapes_(functions) {}

  std::size_t size() const { return decoded_.size(); }
  bool has(uint32_t id) const { return decoded_[id] || !encoded_[id].empty(); }
  // Null when the function has none yet. Decodes an encoded one first; one that
  // does not decode reads as empty and marks the table `corrupt`.
  const Summary* get(uint32_t id) const;
  // The same, but only its data part need be decoded (no sinks, reported sinks
  // or pending calls): what putting a call's result into the caller's terms reads.
  const Summary* getData(uint32_t id) const;
  const SummaryShape& shape(uint32_t id) const { return shapes_[id]; }
  void set(uint32_t id, Summary s);
  void setEncoded(uint32_t id, std::string bytes, SummaryShape shape);
  // encodeSummary of it, kept from setEncoded or computed once (empty: none).
  const std::string& encoded(uint32_t id) const;
  // Its encoding if one is kept (none is computed); else null.
  const std::string* keptEncoding(uint32_t id) const { return encoded_[id].empty() ? nullptr : &encoded_[id]; }
  bool corrupt() const { return corrupt_; }

 private:
  mutable std::vector<std::optional<Summary>> decoded_;
  mutable std::vector<std::string> encoded_;
  mutable std::vector<bool> sinksPending_;  // decoded without its sinks part
  std::vector<SummaryShape> shapes_;
  mutable bool corrupt_ = false;
};

// What callers read (return value, effects, sinks for callers, pending calls) is
// the same: they need not be resolved again.
bool sameForCallers(const Summary& a, const Summary& b);

bool hasParam(const StrVal& s);
// The value, or the sink's data or destination, still reads the function's object
// (for a lambda: what it captured).
bool readsInput(const StrVal& s, unsigned index);    // a piece names parameter `index`
bool readsObject(const StrVal& s);                   // ... `this`
bool readsInput(const SinkFact& s, unsigned index);  // its data or destination
bool readsCaptures(const SinkFact& s);               // ... `this`: a closure's captures
std::string sinkKey(const SinkFact& s);              // location, library and call chain

// Adds sinks to a summary: to `reported` when concrete data reaches them (one entry
// per location and call chain: each call site's finding), to `sinks` when their
// data or destination still names an input (one entry per location and destination,
// whatever the route: callers instantiate every entry). Past kMaxSummarySinks sinks
// for callers, one at a location already present is merged into it (data united,
// destinations kept as alternatives) rather than added: nothing is dropped.
class SinkCollector {
 public:
  static constexpr std::size_t kMaxSummarySinks = 400;

  explicit SinkCollector(Summary& into) : into_(into) {}
  void add(SinkFact s);
  void addReported(SinkFact s);
  void addForCallers(SinkFact s);
  void finish();  // sorts both lists by key: the order does not depend on discovery

 private:
  Summary& into_;
  std::map<std::string, std::size_t> reported_, forCallers_, sites_;
};

// One pending call per input and indirect call site, at most kMaxPending per summary;
// a repeat adds its arguments to those of the call already held.
void addPending(Summary& summary, PendingCall p);
// The pending call the summary holds through `target` at `site`, if any.
PendingCall* pendingAt(Summary& summary, const ParamRef& target, const SourceLoc& site);
const PendingCall* pendingAt(const Summary& summary, const ParamRef& target, const SourceLoc& site);
// Whether addPending would keep a call through `target` at `site`: not one the
// summary holds already, and below the bound (a limit noted when it is not). Asked
// before the call's arguments are put into a caller's terms, which is the cost.
bool takesPending(Summary& summary, const ParamRef& target, const SourceLoc& site);
// Widening for recursive clusters: the strings of `next`'s pending-call arguments
// that differ from those of the same call in `before` become `before`'s values plus
// an unknown one. A string a cluster rebuilds longer every round (`walk(n, path +
// "/x")` around `n->cb(path)`) then settles, and the values seen so far are kept.
// The strings the function leaves in its inputs and returns widen the same way
// where they had a value; one they lost keeps it, so a value that comes and goes
// in turn settles too.
void widenChangingStrings(Summary& next, const Summary& before);
// Adds the USRs of `fns` missing from `into`, keeping first-seen order.
void addOnce(std::vector<std::string>& into, const std::vector<std::string>& fns);
// The arguments of `from` added to those of `into`: the same pending call reached
// by another route (a second call site handing it on with other arguments).
void mergePendingArguments(CallSiteFact& into, const CallSiteFact& from);

}  // namespace egress
