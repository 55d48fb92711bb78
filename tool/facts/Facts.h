// Plain data handed from extract to link to judge to report. No Clang types here:
// TU facts must be serialisable and joinable across translation units.
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "facts/Limits.h"

namespace egress {

struct SourceLoc {
  std::string file;
  unsigned line = 0;
  unsigned column = 0;
};

// One step of evidence a reviewer can follow: "stored in `body`", "passed to ...".
struct Step {
  SourceLoc loc;
  std::string note;
};
using Path = std::vector<Step>;

// The evidence carried by one data atom. Atoms are copied at every join, store and
// call; a persistent list shares their steps instead of copying them, and a whole
// other trail (the path inside a callee) is appended as one shared segment.
class Trail {
 public:
  void push(Step step) {
    const std::size_t n = size() + 1;
    head_ = std::make_shared<const Node>(Node{std::move(step), nullptr, head_, n});
  }
  // Appends every step of `other` without copying them.
  void append(const Trail& other) {
    if (other.empty()) return;
    const std::size_t n = size() + other.size();
    head_ = std::make_shared<const Node>(Node{Step{}, other.head_, head_, n});
  }
  std::size_t size() const { return head_ ? head_->length : 0; }
  bool empty() const { return !head_; }
  // The same steps: shared, or equal one by one.
  bool operator==(const Trail& o) const {
    if (head_ == o.head_) return true;
    if (size() != o.size()) return false;
    const Path a = steps(), b = o.steps();
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const Step& x, const Step& y) {
      return x.loc.line == y.loc.line && x.loc.column == y.loc.column && x.loc.file == y.loc.file && x.note == y.note;
    });
  }
  // For facts/FactsBinary.h, which writes each shared node once: the newest node
  // (its identity, the trail before it, and the step or the trail it added).
  const void* identity() const { return head_.get(); }
  Trail before() const { return Trail(head_ ? head_->prev : nullptr); }
  bool addedTrail() const { return head_ && head_->segment; }
  Trail added() const { return Trail(head_ ? head_->segment : nullptr); }
  const Step& addedStep() const { return head_->step; }

  const Step* last() const {
    const Node* n = head_.get();
    while (n && n->segment) n = n->segment.get();
    return n ? &n->step : nullptr;
  }
  // Oldest first; consecutive repeats (where segments meet) are dropped.
  Path steps() const {
    Path out;
    out.reserve(size());
    flatten(head_.get(), out);
    return out;
  }

 private:
  struct Node {
    Step step;                            // when `segment` is null
    std::shared_ptr<const Node> segment;  // a whole other trail
    std::shared_ptr<const Node> prev;
    std::size_t length;
  };
  static void flatten(const Node* head, Path& out) {
    std::vector<const Node*> chain;  // newest first
    for (const Node* n = head; n; n = n->prev.get()) chain.push_back(n);
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      if ((*it)->segment) {
        flatten((*it)->segment.get(), out);
        continue;
      }
      const Step& st = (*it)->step;
      const bool repeat = !out.empty() && out.back().loc.line == st.loc.line && out.back().loc.file == st.loc.file &&
                          out.back().note == st.note;
      if (!repeat) out.push_back(st);
    }
  }
  explicit Trail(std::shared_ptr<const Node> head) : head_(std::move(head)) {}
  std::shared_ptr<const Node> head_;

 public:
  Trail() = default;
};

// Symbolic input of a function: parameter `index` (kThisParam for the object),
// optionally narrowed to a field path below it ("recipient.name").
constexpr unsigned kThisParam = 0xFFFF;
// The field of a ParamRef that stands for argument `index` and every one after it:
// the variadic arguments a `va_list` carries (`va_start(ap, fmt)`).
constexpr const char* kRestArgsField = "...";
// The field of a ParamRef that stands for every field of parameter `index` (not
// the value itself): what many fields of one input were widened to
// (boundFieldInputs). Below it is still every field: "*" joined with "x" is "*".
constexpr const char* kAnyField = "*";
// A condition on a parameter that held where a sink or call was reached
// (`if (level >= 3)`): a caller passing a constant that fails it cannot reach it.
struct Guard {
  // BitsSet: `param & value` is non-zero; BitsClear: it is zero. HoldsData: the
  // parameter's `field` may hold data, which a caller that stored only constants
  // there (a self-test's sample record) fails (`value` unused).
  enum Op : uint8_t { Eq, Ne, Lt, Le, Gt, Ge, BitsSet, BitsClear, HoldsData, kLastOp = HoldsData };
  unsigned param = 0;
  Op op = Eq;
  int64_t value = 0;
  std::string field;  // HoldsData only
  bool operator==(const Guard& o) const {
    return param == o.param && op == o.op && value == o.value && field == o.field;
  }
};
bool guardHolds(const Guard& g, int64_t argument);

// A concrete data category read from a classified source.
struct Origin {
  std::string category;
  SourceLoc source;
  std::string what;  // "Customer::email"
  Trail path;        // from the source read up to where the value is now
  // Read where conditions on the function's parameters held (ParamRef::guards):
  // callers passing a constant that fails one do not get it through this function.
  std::vector<Guard> guards;
};

struct ParamRef {
  unsigned index = 0;
  std::string field;
  Trail path;
  // Conditions on the function's parameters under which this input reaches the
  // value (`if (flags & kContact) m += c.email;`): a caller passing a constant that
  // fails one does not bind it. Where paths meet, only the common ones are kept.
  std::vector<Guard> guards;
};

// The value produced by call site `site` of the same function: its return value
// (slot empty) or what the callee stored into an argument (slot "arg:N").
// A widened atom (slot kAnyCallSlot) stands for the result and every effect of each
// call site from `site` to `lastSite`: what an object accumulates from hundreds of
// calls stays one atom instead of growing with every call.
constexpr const char* kAnyCallSlot = "*";
// Everything call site `site` left in its object, whatever the field: what reaches an
// object the callee's object holds the address of (an encoder writing through a
// pointer member into the caller's buffer).
constexpr const char* kHeldSlot = "held";
// A call atom may be narrowed to `field`, a path below its slot's value: what
// `ledger.last().second` reads is the `second` of what last() returns, and `p.len`
// after `p.set(x)` is what set() left in `len`. The link answers it from the callee's
// summary field by field; widened and held atoms are never narrowed.
// The summary slot a call atom's slot reads: a held object reads the callee's `this`.
inline std::string effectSlot(const std::string& slot) { return slot == kHeldSlot ? "this" : slot; }
// The effect slot of parameter `target` ("this", "arg:N").
inline std::string slotOf(unsigned target) { return target == kThisParam ? "this" : "arg:" + std::to_string(target); }
struct CallRef {
  unsigned site = 0;
  std::string slot;
  Trail path;
  unsigned lastSite = 0;  // for kAnyCallSlot: the last site of the range
  std::string field;      // empty: the whole value
  // Later calls on the object holding this value, whose bodies the TU did not see:
  // (call site, the object's slot there). Where one of them resets the field read
  // (FunctionFacts::resets), this value is no longer there. Where paths meet, only
  // the calls both had are kept.
  std::vector<std::pair<unsigned, std::string>> laterCalls;
};

// What data an expression may carry.
struct Taint {
  std::vector<Origin> origins;
  std::vector<ParamRef> params;
  std::vector<CallRef> calls;
  // Bytes read from outside the program (a socket, a file, a device) are in the
  // value: a field of the program's records holding them is data of the field's
  // categories. Known within one function only; not written to the facts.
  bool input = false;

  bool empty() const { return origins.empty() && params.empty() && calls.empty(); }
};

// What is statically known of a string value: a concatenation of pieces.
struct StrPiece {
  // Absent: a field the object cannot have (its constructor's class lacks it), so
  // the code reading it does not run for that object.
  // CallOut: what call site `index` left in an input it was handed (`resolve(host,
  // &ai)`), `text` naming the slot ("arg:N", "this") and a field path below it.
  // When: the form holds only where the argument for parameter `index` is spelled
  // like the pattern `text` (a leading '!': unlike it). A library model's `when`
  // on a wrapper's own parameter (`set_opt(h, opt, v)` around `curl_easy_setopt`),
  // decided by the link at each call site (link/Substitution.cpp).
  // Env, Config, Option: `text` is the key; where it names the function's own
  // parameter N (`getenv(name)` or `doc[section][key]` in a wrapper), `text` holds
  // `<argN>` for each call site to name it (keyParam() in facts/TaintOps.h).
  // Setting: parameter `index` read where other parameters were compared equal to
  // constant text (`strcmp(key, "notify.uri") == 0`, inih's `MATCH("uplink",
  // "host")`), `text` holding those constants joined with '.': a configuration
  // parser's handler. Where a call hands it a value known there, that value;
  // otherwise (text read from a file, a handler the library runs) config:TEXT.
  enum Kind : uint8_t {
    Const,
    Param,
    Env,
    Config,
    Option,
    Global,
    CallRet,
    Unknown,
    Absent,
    CallOut,
    When,
    Setting,
    kLastKind = Setting
  };
  Kind kind = Unknown;
  std::string text;    // constant text, env/config key, global USR; for Param the field path
  unsigned index = 0;  // parameter index or call site
};
// Where the value may differ by path (`eu ? kDeUrl : kCnUrl`, a branch reassigning
// it), the other possible values are kept as alternatives (a few at most).
struct StrVal {
  std::vector<StrPiece> pieces;
  std::vector<std::vector<StrPiece>> alts;
  bool known() const { return !pieces.empty(); }
};

// The text of a When piece that tests the argument's class, not its spelling.
constexpr const char* kTypeCondition = "type:";
// The text of a When piece that tests the class of the object call site `index`
// returned (FunctionFacts::retTypeNames), decided in the function itself.
constexpr const char* kReturnTypeCondition = "returns:";

// A sink reached inside a function: `data` flows to `api`; `destination` says where.
// The category of the origin every sink gets in an inventory scan (`inventory`), so
// that sinks without data are linked and resolved like flows; never a data category.
constexpr const char* kEgressPointCategory = "egress-point";

struct SinkFact {
  std::string api;
  std::string kind;  // network | serialization
  SourceLoc loc;
  Taint data;
  StrVal destination;
  Path callChain;             // call sites from the reporting function down to the sink
  bool encrypted = false;     // the code turned TLS on for the channel (a model's `encrypts`)
  std::vector<Guard> guards;  // conditions on the reporting function's parameters
};

// An argument as seen at a call site: its whole taint, the taint stored on field
// paths below it, and its string/destination value.
struct ArgFact {
  Taint whole;
  std::map<std::string, Taint> fields;
  StrVal str;
  std::map<std::string, StrVal> fieldStrs;
  // Functions the argument may hold (lambdas, function pointers, std::function),
  // as a whole and on field paths below it: an indirect call in the callee runs them.
  std::vector<std::string> fns;
  std::map<std::string, std::vector<std::string>> fieldFns;
  // Fields below a local object stored on every path (or reset by a call) since the
  // calls made on it, which add to them what they leave there: the object's whole
  // call atoms do not reach them (as the caller's own reads of them see it).
  std::vector<std::string> exactFields;
  // Set when the argument is (a field of) one of the caller's own parameters.
  bool fromParam = false;
  ParamRef root;
  // Set when the argument is (a field of) a global: its key (USR[.field]), so a
  // callee's field of it is that global's field.
  std::string global;
  std::string spelling;  // source text, for evidence notes
  // What a model's `when: {is: ...}` matches, where it is not `spelling`: a literal's
  // bytes, the name of a constant a macro spells (the When pieces of a callee).
  std::string modelText;
  // The class of the object passed where the parameter takes one of its bases (an
  // std::ofstream handed on as std::ostream&): a callee's `type` condition on that
  // parameter is decided on it (a When piece whose text starts with kTypeCondition).
  std::string typeName;
  std::optional<int64_t> constant;  // an integer, flag or enum constant (callee guards)
  // The caller's own scalar parameter N, never changed in its body: a callee's guard
  // on this argument is a guard on N.
  std::optional<unsigned> sameAsParam;
  // A local object whose value where the caller returns differs from its value
  // here: its index in FunctionFacts::localsAtExit. A callee's sink may be pointed
  // somewhere only by a later call (the URL set after the body).
  std::optional<unsigned> atExit;
  // A C function handed on with a context pointer beside it (`loop_add(l, fn, &ctx)`,
  // `pthread_create(&t, 0, fn, arg)`): the function's `void *` parameter and the
  // call's argument the callee's `void *` parameter takes, which the function gets
  // when it is run later (Fixpoint::bindHandedOn).
  std::optional<unsigned> contextParam, contextArg;
};

// What the mutable globals a function stored into hold at one of its call sites, by
// key. Call sites that see the same stores share one map (copy on write): a function
// writing a few globals before hundreds of calls held a copy per call, most of a
// large program's facts.
class GlobalsAtCall {
 public:
  using Map = std::map<std::string, Taint>;
  GlobalsAtCall() = default;
  explicit GlobalsAtCall(Map values) {
    if (!values.empty()) values_ = std::make_shared<Map>(std::move(values));
  }
  Map::const_iterator begin() const { return map().begin(); }
  Map::const_iterator end() const { return map().end(); }
  bool empty() const { return map().empty(); }
  std::size_t size() const { return map().size(); }
  std::size_t count(const std::string& key) const { return map().count(key); }
  Taint& operator[](const std::string& key) { return edit()[key]; }
  const Map& map() const {
    static const Map kNone;
    return values_ ? *values_ : kNone;
  }
  // This call site's own map, copied first if another one shares it.
  Map& edit() {
    if (!values_) values_ = std::make_shared<Map>();
    else if (values_.use_count() > 1) values_ = std::make_shared<Map>(*values_);
    return *values_;
  }
  bool sharedWith(const GlobalsAtCall& o) const { return values_ == o.values_; }
  void shareWith(const GlobalsAtCall& o) { values_ = o.values_; }

 private:
  std::shared_ptr<Map> values_;  // null: none stored
};

struct CallSiteFact {
  unsigned id = 0;
  std::string calleeUsr;  // empty for an indirect call
  std::string calleeName;
  // Indirect calls: the functions known here to be called, and/or the input
  // (parameter or field of `this`) whose function value is called.
  std::vector<std::string> targets;
  bool viaParam = false;
  ParamRef target;
  // Indirect calls through a global (`s_handlers[i].fn(...)`): its key; the targets
  // are every function the program stores there.
  std::string globalTarget;
  // A call through a function-pointer field of one of the program's records
  // (`bc->drv->emit(...)`): the field's key (record USR, "::", name). Where nothing
  // else says what the pointer holds, the call runs every function the program
  // stores in that field (TUFacts::fieldFns).
  std::string fieldTarget;
  bool isVirtual = false;  // also runs every override of the callee
  // A callback handed to a library, which runs it later (an event loop's timer): what
  // it leaves in its arguments is not there when the handing call returns.
  bool deferred = false;
  // What the result carries when no function of that name has a body in the program
  // (a vendor SDK's accessor): categories by its name (rules/data field patterns).
  Taint bodyless;
  SourceLoc loc;
  std::vector<ArgFact> args;  // index kThisParam is stored at position `thisArg`
  bool hasThis = false;
  ArgFact thisArg;
  // The argument passed for parameter `index` (kThisParam: the object), if any.
  const ArgFact* argument(unsigned index) const {
    if (index == kThisParam) return hasThis ? &thisArg : nullptr;
    return index < args.size() ? &args[index] : nullptr;
  }
  // The argument an effect slot ("this", "arg:N") of the callee names, if any.
  const ArgFact* argument(const std::string& slot) const {
    if (slot == "this") return argument(kThisParam);
    if (slot.compare(0, 4, "arg:") != 0 || slot.size() == 4) return nullptr;
    unsigned index = 0;
    for (std::size_t i = 4; i < slot.size(); ++i) {
      if (slot[i] < '0' || slot[i] > '9' || index > 100000) return nullptr;
      index = index * 10 + unsigned(slot[i] - '0');
    }
    return index == kThisParam ? nullptr : argument(index);
  }
  // Mutable globals this function wrote before the call, by key: what the callee
  // reads there (a ParamRef with index kGlobalParam) is this, not every store in the
  // program. A global missing here is read as the caller's own input.
  GlobalsAtCall globalsIn;
  std::vector<Guard> guards;  // conditions on this function's parameters held here
  // The callee may write through a non-const reference or pointer it is handed (or
  // into `this`): with no body anywhere in the scan, that output is unknown.
  bool writesArgs = false;
};

// Something the function leaves behind in an input: param N's pointee or a field of `this`;
// or (target kGlobalTarget) the string value it stores in a mutable global, `field`
// being the global's key (its USR, then ".field.path").
constexpr unsigned kGlobalTarget = 0xFFFE;
// A ParamRef with this index is the value a mutable global (key in `field`) has when
// the function is called: resolved at each call site from what the caller stored.
constexpr unsigned kGlobalParam = kGlobalTarget;
constexpr const char* kInitialValue = "init:";
// The global key under which the handlers connected to a function are stored
// (ApiModel::Connect): this prefix, then the function's USR.
constexpr const char* kConnectedHandlers = "connected:";
struct EffectFact {
  unsigned target = 0;  // parameter index, kThisParam or kGlobalTarget
  std::string field;
  Taint value;
  StrVal str;                    // the string/destination value left there, where known
  std::vector<std::string> fns;  // functions left there (a handler registered in a table)
};

// A string stored into a field of one of the program's records, in whatever object
// (a heap object a local points at, a parameter's): link/RecordFields reads a field
// of an object no call shows through these (a C "derived struct" behind a vtable).
struct FieldStoreFact {
  std::string field;  // the record's USR, "::", the field's name
  std::string shown;  // `CarrierExporter.label_url`
  StrVal str;         // the value stored; unknown where it is not known
  SourceLoc loc;
};

struct FunctionFacts {
  std::string usr;
  std::string name;
  SourceLoc loc;
  std::vector<std::string> paramNames;
  std::vector<std::string> overrides;     // USRs of the virtual methods this one overrides
  std::vector<std::string> recordFields;  // constructors: the fields of the object built
  // Constructors: the fields holding an object of one of the program's classes (by
  // value, pointer or smart pointer) -> that class's USR (link/ClassFields).
  std::map<std::string, std::string> fieldClasses;
  Taint ret;
  // The object returned, field by field (a local filled through setters and
  // returned by value): field path below it -> what is stored there.
  std::map<std::string, Taint> retFields;
  // Its strings, field by field (`r.host = "..."; return r;`), for a caller reading
  // one field of the result (`load().host`, or a setter storing the whole).
  std::map<std::string, StrVal> retFieldStrs;
  StrVal retStr;
  // The classes of the objects returned where the declared return type names one of
  // their bases (an `std::unique_ptr<std::ostream>` holding an `std::ofstream` on one
  // path, an `std::ostringstream` on another): a caller's `type` condition on the
  // result holds where one of them matches (kReturnTypeCondition).
  std::vector<std::string> retTypeNames;
  std::vector<CallSiteFact> calls;
  std::vector<SinkFact> sinks;
  std::vector<EffectFact> effects;
  std::vector<FieldStoreFact> fieldStores;  // stores into string fields of records, not of `this`
  // The record field each parameter field read names ("0.label_url" ->
  // FieldStoreFact::field), for a destination still naming it at the link.
  std::map<std::string, std::string> paramFieldRecords;
  // Fields of its inputs it overwrites or empties on every path ("this#buf",
  // "arg:0#len"): what a caller's object held there before the call is gone.
  std::vector<std::string> resets;
  // Local objects handed to calls, as the function leaves them (ArgFact::atExit):
  // their strings and the calls made on them (`str`, `fieldStrs`, `whole.calls`).
  std::vector<ArgFact> localsAtExit;
  LimitHits limits;  // budgets the analysis of this function hit
};

// A `// egress-audit: ...` comment in the audited code, as written (parsed and
// applied by judge/Justifications).
struct MarkerComment {
  SourceLoc loc;
  std::string text;
};

struct TUFacts {
  std::string file;
  std::string rulesKey;    // the extraction key of the rules it was extracted with
  bool parsed = true;      // false: Clang could not parse it at all
  bool hadErrors = false;  // parsed with errors: partial
  std::vector<std::string> diagnostics;
  std::vector<std::string> warnings;  // problems in the audited code's annotations
  std::vector<FunctionFacts> functions;
  // Global USR -> value of constants; kInitialValue + key (USR[.field]) -> the initial
  // value of a mutable global, one of its possible values.
  std::map<std::string, StrVal> constantStrings;
  // Functions a global's initializer stores, by key (USR[.field]): `{.send = http_send}`.
  std::map<std::string, std::vector<std::string>> initialFns;
  // Pointers a global's initializer aims at another global, by key: `.ops = &http_ops`
  // gives USR.ops -> http_ops's key, so `g.ops->send` runs what http_ops holds at `send`.
  std::map<std::string, std::string> initialRefs;
  // Functions stored in a function-pointer field of one of the program's records,
  // anywhere (a table's initializer, `d->emit = redis_emit`), by the field's key
  // (CallSiteFact::fieldTarget).
  std::map<std::string, std::vector<std::string>> fieldFns;
  std::vector<std::string> dependencies;  // every file the TU read (for caching)
  // Header functions (USRs, sorted) whose bodies this TU analysed for the whole
  // program, and those defined here whose facts another TU holds: the cache checks
  // that some TU still claims each borrowed one.
  std::vector<std::string> claimed;
  std::vector<std::string> borrowed;
  std::vector<MarkerComment> markers;  // egress-audit comments in its files
  LimitHits limits;                    // budgets hit outside any function (global initializers)
  std::string entryDigest;             // with --cache: a hash of its cache entry (empty: none)
  // With --cache: `functions` were left in the cache entry, unread, because the link
  // of exactly these facts was reused (extract/Extractor.h, ExtractOptions::linkReused).
  bool functionsPending = false;
};

}  // namespace egress
