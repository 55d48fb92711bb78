// Set operations on Taint and StrVal shared by extract and link. Atoms are keyed
// (category+source, parameter+field, call site+slot); the first path found is kept,
// so fixpoints terminate and evidence stays short.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "facts/Facts.h"

namespace egress {

constexpr std::size_t kMaxPathSteps = 40;

// Adds the atoms of `from` not yet in `into`; with `step`, appends it to their paths.
// Returns true when `into` grew.
bool mergeTaint(Taint& into, const Taint& from, const Step* step = nullptr);
// A value reading many globals (a settings struct read everywhere): past
// kMaxGlobalInputs global inputs they are widened to their whole globals (counted:
// Limit::GlobalInputs), which stand for every field of them.
constexpr std::size_t kMaxGlobalInputs = 16;
void boundGlobalInputs(Taint& t);
// The same for the fields of one parameter (a layout routine reading dozens of an
// object's sizes): past kMaxFieldInputs fields of parameter N, they become one
// atom for any field of it (kAnyField; counted: Limit::FieldInputs). Every later
// merge then costs one atom for that parameter instead of each field's.
constexpr std::size_t kMaxFieldInputs = 24;
void boundFieldInputs(Taint& t);
// `p` names one field of its parameter (not the value itself, variadic arguments,
// any field or a global), which an atom for any field of it covers.
bool namesOneField(const ParamRef& p);

// Extends trails as extendTrails does: `first` (if any) and `more` joined once and
// shared by every trail extended.
class TrailExtension {
 public:
  TrailExtension(const Step* first, const Trail& more);
  void operator()(Trail& trail) const;

 private:
  const Step* first_;
  const Trail& more_;
  Trail segment_;
};

// Gathers many taints into one with the result of merging them one by one
// (mergeTaint), but keeps the parameter atoms indexed between merges: a value
// gathered from the fields of dozens of overrides costs what it adds, not its
// size at each merge.
class TaintUnion {
 public:
  TaintUnion() = default;
  explicit TaintUnion(Taint start);
  bool add(const Taint& from, const Step* step = nullptr);  // true when it grew
  bool add(Taint&& from, const Step* step = nullptr);       // the same, moving the atoms it keeps
  // As add() of a copy of `from` without its call atoms and with every trail
  // extended, but copying only the atoms it keeps.
  bool addExtended(const Taint& from, const TrailExtension& extend);
  const Taint& value() const { return out_; }
  Taint take() { return std::move(out_); }

 private:
  bool hasParam(unsigned index, const std::string& field) const { return paramAt(index, field) != kNone; }
  static constexpr std::uint32_t kNone = ~std::uint32_t(0);
  std::uint32_t paramAt(unsigned index, const std::string& field) const;  // position, or kNone
  bool coversParam(const ParamRef& atom) const;
  void indexParam(std::uint32_t at);
  void countParam(const ParamRef& p);
  void reindex();
  void boundFields();
  static std::function<void(Trail&)> stepAdder(const Step* step);
  template <typename From> bool addAtoms(From& from, const std::function<void(Trail&)>& onKept, bool withCalls);
  template <typename Params> bool addWidened(Params& params, const std::function<void(Trail&)>& onKept);

  Taint out_;
  // Short lists are scanned; past kScanUpTo atoms they are looked up by hash, in
  // an index built at the first such lookup.
  static constexpr std::size_t kScanUpTo = 16;
  void insertSlot(std::uint32_t at) const;
  void placeSlot(std::uint32_t at) const;
  mutable std::vector<std::uint32_t> slots_;  // open addressing: position + 1, 0 free
  mutable std::vector<std::size_t> hashes_;   // per indexed position
  std::size_t globals_ = 0;
  std::map<unsigned, std::size_t> fields_;  // parameter -> its fields (namesOneField)
  std::size_t widestFields_ = 0;
  bool globalsWidened_ = false;  // more whole globals than the bound: each new one is widened on arrival
};
void appendStep(Path& path, const Step& step);
void appendStep(Trail& trail, const Step& step);
// Appends `first` (if any), then all of `more` (shared, not copied) if it fits
// within the bound (else counted once).
void extendTrail(Trail& trail, const Step* first, const Trail& more);
// The same for every atom of `t`; `first` and `more` are joined once and shared.
void extendTrails(Taint& t, const Step* first, const Trail& more);
Taint withStep(const Taint& t, const Step& step);
// Past kMaxCallAtoms call atoms, they become one widened atom for the whole range
// of call sites (sound: it stands for every result and effect of each).
constexpr std::size_t kMaxCallAtoms = 32;
void widenCalls(Taint& t);
// Makes every origin and parameter input of `t` (not globals) conditional on `g` too.
void addGuard(Taint& t, const Guard& g);
void addGuard(std::vector<Guard>& guards, const Guard& g);
// The same atoms (ignoring paths)?
bool sameAtoms(const Taint& a, const Taint& b);
// The same call atom: site (and range), slot and field below it.
bool sameCall(const CallRef& a, const CallRef& b);
// The same atoms in the same order, with the same evidence.
bool identical(const Taint& a, const Taint& b);
// Call sites whose globals hold identical values share one map (GlobalsAtCall).
void shareEqualGlobals(std::vector<CallSiteFact>& calls);

StrVal constStr(std::string text);
StrVal concat(const StrVal& a, const StrVal& b);  // an unknown side becomes an Unknown piece
StrVal concatAll(const std::vector<StrVal>& parts);
constexpr std::size_t kMaxAlternatives = 4;
StrVal bounded(StrVal v);
// Each possible value on its own (the first is the primary one).
std::vector<StrVal> forms(const StrVal& s);
// One value with the given alternatives, duplicates dropped, at most kMaxAlternatives.
StrVal fromForms(const std::vector<StrVal>& forms);
// Adds `from`'s values to `into` as alternatives; true when `into` changed.
bool addAlternatives(StrVal& into, const StrVal& from);
bool sameStr(const StrVal& a, const StrVal& b);
// The value's piece when it is one form of exactly one piece of `kind`, else null.
const StrPiece* onlyPiece(const StrVal& s, StrPiece::Kind kind);
// Field paths: "a.b" joined with "c" (either may be empty).
std::string joinField(const std::string& a, const std::string& b);
// Access paths keep at most this many fields below their root; deeper ones are cut
// to their prefix (which stands for everything below it).
constexpr unsigned kMaxFieldDepth = 3;
// `field` lies below `path` ("client.url" below "client"); no allocation, as it is
// called for every pair of atoms a merge compares.
bool isSubfield(const std::string& field, const std::string& path);
// `a` names `b`, something inside it, or something it is inside of ("x" and "x.y").
bool relatedFields(const std::string& a, const std::string& b);
// The part of `field` below `path` ("client.url" below "client" is "url"; below ""
// is the field itself); none when `field` is not strictly below `path`.
std::optional<std::string> fieldBelow(const std::string& path, const std::string& field);
// `t` read at `field` of the object it is: what calls left in the object is what
// they left at that field ("written by init(&app)", read as `app.stats`).
Taint narrowedToField(const Taint& t, const std::string& field);
// A global's key without its fields (a USR may contain dots, a file-static's file
// name; fields come after its last '@').
std::string globalRoot(const std::string& key);
// A global only its own file can name: clang puts the file in the USR of an entity
// with internal linkage or none (`c:queue.c@g_ring`, an anonymous namespace's, a
// function's static), never in an external one's (`c:@g_ring`).
bool isFileLocalGlobal(const std::string& key);
// joinField() cut to `depth` fields (a cut is counted as a field-depth hit).
std::string joinFieldBounded(const std::string& a, const std::string& b, unsigned depth = kMaxFieldDepth);
// The forms that do not name an absent field; false when none is left.
bool dropAbsent(StrVal& s);
// Human-readable: constants verbatim, the rest as ${env:X}, ${param:N}, ${?}.
std::string displayStr(const StrVal& s);
// A mutable global's key (USR, then `.field`) as a reader would write it:
// `td::Locator.services_.host_`.
std::string readableGlobal(const std::string& key);
// Each form of `s` holding only under `when` (a StrPiece::When first); an unknown
// value is the condition alone.
StrVal underCondition(const StrVal& s, const StrPiece& when);
// `s` with its conditions taken as holding: what a finding's destination shows
// where no caller decided them.
StrVal withoutConditions(const StrVal& s);
// A `When` piece holding where the argument for parameter `param` is the integer
// `index` (`table[kind]` read with the caller's constant kind); `whenIndex` reads
// one back.
StrPiece indexCondition(unsigned param, uint64_t index);
std::optional<uint64_t> whenIndex(const StrPiece& when);
// A When piece testing the class of what one of the function's call sites returned
// (kReturnTypeCondition), decided by the link in the function itself.
bool isReturnTypeCondition(const StrPiece& p);
// A When piece testing a class (`type:` on a parameter, or kReturnTypeCondition).
bool isClassCondition(const StrPiece& p);
// Whether some form of `s` carries a kReturnTypeCondition piece.
bool hasReturnTypeCondition(const StrVal& s);
// Drops the forms still under a class condition no caller decided: a writer of
// `std::ostream&` nobody in the scan hands a file stream is no export. False when
// no form is left (the flow is not one).
bool dropUndecidedClassConditions(StrVal& s);

// Keys of env/config/option pieces may name the function's own parameters
// (`getenv(name)`, `doc[section][key]` in a wrapper): `<argN>` stands for parameter
// N, which each call site names (link/Substitution.cpp).
std::string keyParam(unsigned index);
bool namesKeyParams(const std::string& key);
// `key` with each `<argN>` replaced by `name(N)`.
std::string substituteKeyParams(const std::string& key, const std::function<std::string(unsigned)>& name);
// A key as a reader sees it: a parameter no caller named is `?`.
std::string displayKey(const std::string& key);

// An element of a global array picked by a constant or a parameter (`g_conn[CH_TMS]`,
// `g_conn[ch]`) is the field `[#1]` or `[#<arg0>]` of the global's key, so each
// element keeps its own destination. The data side and function tables do not tell
// the elements apart: they read keys index-blind.
std::string indexField(const std::string& index);
bool namesIndex(const std::string& key);
// `key` without its element indexes (`g.[#1].fd` -> `g.fd`).
std::string indexBlind(const std::string& key);
// Whether a store at `stored` may be read at `read`, both of the same index-blind
// key: each index they both name agrees, or one of them is not a constant.
bool sameElements(const std::string& stored, const std::string& read);

std::string locString(const SourceLoc& l);
// FNV-1a of `text` as 16 hex digits: fingerprints and cache keys.
std::string hashText(const std::string& text);

}  // namespace egress
