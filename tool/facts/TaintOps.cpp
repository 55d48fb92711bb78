#include "facts/TaintOps.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <string_view>
#include <type_traits>

#include <llvm/ADT/SmallVector.h>
#include <llvm/ADT/StringRef.h>
#include <llvm/ADT/StringSet.h>

namespace egress {
namespace {

bool sameKey(const Origin& a, const Origin& b) {
  return a.category == b.category && a.source.file == b.source.file && a.source.line == b.source.line &&
         a.source.column == b.source.column;
}
bool sameKey(const ParamRef& a, const ParamRef& b) { return a.index == b.index && a.field == b.field; }
bool sameKey(const CallRef& a, const CallRef& b) { return sameCall(a, b); }

// A widened call atom already stands for every call site in its range.
template <typename T> bool covers(const T& x, const T& atom) { return sameKey(x, atom); }
// A whole global stands for its fields (a value widened by boundGlobalInputs).
// Any field of a parameter stands for each of its fields (boundFieldInputs), unless
// it holds only on guards: the field would then inherit them.
template <> bool covers(const ParamRef& x, const ParamRef& atom) {
  if (sameKey(x, atom)) return true;
  if (x.index == atom.index && x.field == kAnyField) return x.guards.empty() && namesOneField(atom);
  return x.index == kGlobalParam && atom.index == kGlobalParam && isSubfield(atom.field, x.field);
}
bool isAnySlot(const std::string& slot) { return slot.size() == 1 && slot[0] == kAnyCallSlot[0]; }
// Sites are compared first: every case needs x.site <= atom.site, and most pairs of
// two long lists fail there before any string is compared.
template <> bool covers(const CallRef& x, const CallRef& atom) {
  if (x.site > atom.site) return false;
  // The same atom, or the whole value (or a field above) for the narrowed one.
  if (x.site == atom.site && x.lastSite == atom.lastSite && x.slot == atom.slot &&
      (x.field == atom.field || x.field.empty() || isSubfield(atom.field, x.field)))
    return true;
  if (!isAnySlot(x.slot)) return false;
  const unsigned last = isAnySlot(atom.slot) ? atom.lastSite : atom.site;
  return last <= x.lastSite;
}

// An input reached here on two routes is conditional only on what both routes
// required: `kept` keeps the guards `atom` has too. True if that dropped some.
template <typename T> bool narrowGuards(T&, const T&) { return false; }
template <typename T> bool narrowAtomGuards(T& kept, const T& atom) {
  if (kept.guards.empty() || !sameKey(kept, atom)) return false;
  const std::size_t before = kept.guards.size();
  kept.guards.erase(std::remove_if(kept.guards.begin(), kept.guards.end(),
                                   [&](const Guard& g) {
                                     return std::find(atom.guards.begin(), atom.guards.end(), g) == atom.guards.end();
                                   }),
                    kept.guards.end());
  return kept.guards.size() != before;
}
template <> bool narrowGuards(ParamRef& kept, const ParamRef& atom) { return narrowAtomGuards(kept, atom); }
template <> bool narrowGuards(Origin& kept, const Origin& atom) { return narrowAtomGuards(kept, atom); }
// The same for a call atom's later calls: only those on every route stay.
template <> bool narrowGuards(CallRef& kept, const CallRef& atom) {
  if (kept.laterCalls.empty() || !sameKey(kept, atom)) return false;
  const std::size_t before = kept.laterCalls.size();
  kept.laterCalls.erase(std::remove_if(kept.laterCalls.begin(), kept.laterCalls.end(),
                                       [&](const auto& c) {
                                         return std::find(atom.laterCalls.begin(), atom.laterCalls.end(), c) ==
                                                atom.laterCalls.end();
                                       }),
                        kept.laterCalls.end());
  return kept.laterCalls.size() != before;
}

// `From` is `const std::vector<T>` (atoms copied) or `std::vector<T>` (moved);
// `onKept` extends the trail of each atom taken.
template <typename T, typename From, typename OnKept>
bool mergePairwise(std::vector<T>& into, From& from, const OnKept& onKept) {
  bool grew = false;
  for (auto& atom : from) {
    const auto present = std::find_if(into.begin(), into.end(), [&](const T& x) { return covers(x, atom); });
    if (present != into.end()) {
      grew |= narrowGuards(*present, atom);
      continue;
    }
    if constexpr (std::is_const_v<From>) into.push_back(atom);
    else into.push_back(std::move(atom));
    onKept(into.back().path);
    grew = true;
  }
  return grew;
}

// Building the index of a TaintUnion costs a hash per atom of `into`: it pays only
// when many atoms are looked up (merging a few atoms into a long list is a scan).
bool worthIndexing(std::size_t into, std::size_t from) {
  constexpr std::size_t kPairwise = 256, kFewAtoms = 16;
  return from >= kFewAtoms && into * from > kPairwise;
}

// The same atom, conditional on the same guards.
template <typename T> bool sameAtom(const T& a, const T& b) { return sameKey(a, b); }
template <> bool sameAtom(const ParamRef& a, const ParamRef& b) { return sameKey(a, b) && a.guards == b.guards; }
template <> bool sameAtom(const Origin& a, const Origin& b) { return sameKey(a, b) && a.guards == b.guards; }
template <> bool sameAtom(const CallRef& a, const CallRef& b) { return sameKey(a, b) && a.laterCalls == b.laterCalls; }

template <typename T> bool sameList(const std::vector<T>& a, const std::vector<T>& b) {
  if (a.size() != b.size()) return false;
  return std::all_of(a.begin(), a.end(), [&](const T& x) {
    return std::any_of(b.begin(), b.end(), [&](const T& y) { return sameAtom(x, y); });
  });
}

}  // namespace

bool sameCall(const CallRef& a, const CallRef& b) {
  return a.site == b.site && a.slot == b.slot && a.lastSite == b.lastSite && a.field == b.field;
}

namespace {

bool sameStep(const Step& a, const Step& b) {
  return a.loc.line == b.loc.line && a.loc.file == b.loc.file && a.note == b.note;
}

}  // namespace

void appendStep(Trail& trail, const Step& step) {
  if (trail.last() && sameStep(*trail.last(), step)) return;
  if (trail.size() < kMaxPathSteps) trail.push(step);
  else noteLimit(Limit::EvidenceSteps);
}

void extendTrail(Trail& trail, const Step* first, const Trail& more) {
  if (first) appendStep(trail, *first);
  if (more.empty()) return;
  if (trail.size() + more.size() > kMaxPathSteps) {  // the whole segment or nothing: counted once
    noteLimit(Limit::EvidenceSteps);
    return;
  }
  trail.append(more);
}

// One shared segment per call instead of a copy of the step per atom; an atom
// whose trail already ends with `first` takes only `more`, as appendStep would.
TrailExtension::TrailExtension(const Step* first, const Trail& more) : first_(first), more_(more) {
  if (!first) return;
  segment_.push(*first);
  segment_.append(more);
}

void TrailExtension::operator()(Trail& trail) const {
  if (!first_) return extendTrail(trail, nullptr, more_);
  const Step* last = trail.last();
  if (last && sameStep(*last, *first_)) extendTrail(trail, nullptr, more_);
  else if (trail.size() + segment_.size() <= kMaxPathSteps) trail.append(segment_);
  else extendTrail(trail, first_, more_);  // at the bound: the step alone may still fit
}

void extendTrails(Taint& t, const Step* first, const Trail& more) {
  if (t.origins.empty() && t.params.empty()) return;
  const TrailExtension extend(first, more);
  for (Origin& o : t.origins) extend(o.path);
  for (ParamRef& p : t.params) extend(p.path);
}

void appendStep(Path& path, const Step& step) {
  if (!path.empty() && path.back().loc.line == step.loc.line && path.back().loc.file == step.loc.file &&
      path.back().note == step.note)
    return;
  if (path.size() < kMaxPathSteps) path.push_back(step);
  else noteLimit(Limit::EvidenceSteps);
}

// True when `into` did not yet hold bytes read from outside and now does.
static bool mergeInput(Taint& into, const Taint& from) {
  if (!from.input || into.input) return false;
  into.input = true;
  return true;
}

bool mergeTaint(Taint& into, const Taint& from, const Step* step) {
  // Long parameter lists (a large object's fields, hundreds of atoms) merge through
  // an index: comparing each pair dominated the link.
  if (&into != &from && worthIndexing(into.params.size(), from.params.size())) {
    TaintUnion gathered(std::move(into));
    const bool grew = gathered.add(from, step);
    into = gathered.take();
    return grew;
  }
  const auto onKept = [&](auto& trail) {
    if (step) appendStep(trail, *step);
  };
  bool grew = mergeInput(into, from);
  grew |= mergePairwise(into.origins, from.origins, onKept);
  grew |= mergePairwise(into.params, from.params, onKept);
  grew |= mergePairwise(into.calls, from.calls, onKept);
  if (into.params.size() > kMaxGlobalInputs) boundGlobalInputs(into);
  if (into.params.size() > kMaxFieldInputs) boundFieldInputs(into);
  return grew;
}

namespace {

std::size_t paramHash(unsigned index, const std::string& field) {
  return std::hash<std::string_view>()(field) * 31 + index;
}

}  // namespace

TaintUnion::TaintUnion(Taint start) : out_(std::move(start)) { reindex(); }

void TaintUnion::reindex() {
  slots_.clear();
  hashes_.clear();
  globals_ = 0;
  fields_.clear();
  widestFields_ = 0;
  for (const ParamRef& p : out_.params) countParam(p);
}

void TaintUnion::countParam(const ParamRef& p) {
  globals_ += p.index == kGlobalParam;
  if (namesOneField(p)) widestFields_ = std::max(widestFields_, ++fields_[p.index]);
}

void TaintUnion::indexParam(std::uint32_t at) {
  countParam(out_.params[at]);
  if (!slots_.empty()) insertSlot(at);
}

// Open addressing over positions (+1; 0 is free), at most half full; the hashes
// are kept to grow the table without hashing the fields again.
void TaintUnion::insertSlot(std::uint32_t at) const {
  const ParamRef& p = out_.params[at];
  hashes_.push_back(paramHash(p.index, p.field));
  if (hashes_.size() * 2 > slots_.size()) {
    slots_.assign(std::max<std::size_t>(64, slots_.size() * 2), 0);
    for (std::uint32_t i = 0; i < hashes_.size(); ++i) placeSlot(i);
    return;
  }
  placeSlot(at);
}

void TaintUnion::placeSlot(std::uint32_t at) const {
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = hashes_[at] & mask;
  while (slots_[i]) i = (i + 1) & mask;
  slots_[i] = at + 1;
}

std::uint32_t TaintUnion::paramAt(unsigned index, const std::string& field) const {
  const auto same = [&](const ParamRef& p) { return p.index == index && p.field == field; };
  if (out_.params.size() <= kScanUpTo) {
    const auto it = std::find_if(out_.params.begin(), out_.params.end(), same);
    return it == out_.params.end() ? kNone : std::uint32_t(it - out_.params.begin());
  }
  if (slots_.empty())
    for (std::uint32_t i = 0; i < out_.params.size(); ++i) insertSlot(i);
  const std::size_t h = paramHash(index, field), mask = slots_.size() - 1;
  for (std::size_t i = h & mask; slots_[i]; i = (i + 1) & mask) {
    const std::uint32_t at = slots_[i] - 1;
    if (hashes_[at] == h && same(out_.params[at])) return at;
  }
  return kNone;
}

// As covers(): the atom itself, or (for a global) a whole record holding it.
bool TaintUnion::coversParam(const ParamRef& atom) const {
  if (hasParam(atom.index, atom.field)) return true;
  if (namesOneField(atom))
    if (const std::uint32_t any = paramAt(atom.index, kAnyField); any != kNone && out_.params[any].guards.empty())
      return true;
  if (atom.index != kGlobalParam) return false;
  for (std::size_t dot = atom.field.find('.'); dot != std::string::npos; dot = atom.field.find('.', dot + 1))
    if (hasParam(kGlobalParam, atom.field.substr(0, dot))) return true;
  return false;
}

bool TaintUnion::add(const Taint& from, const Step* step) { return addAtoms(from, stepAdder(step), true); }
bool TaintUnion::add(Taint&& from, const Step* step) { return addAtoms(from, stepAdder(step), true); }
bool TaintUnion::addExtended(const Taint& from, const TrailExtension& extend) {
  return addAtoms(from, [&](Trail& trail) { extend(trail); }, false);
}

std::function<void(Trail&)> TaintUnion::stepAdder(const Step* step) {
  return [step](Trail& trail) {
    if (step) appendStep(trail, *step);
  };
}

template <typename From>
bool TaintUnion::addAtoms(From& from, const std::function<void(Trail&)>& onKept, bool withCalls) {
  bool grew = mergeInput(out_, from);
  grew |= mergePairwise(out_.origins, from.origins, onKept);
  if (withCalls) grew |= mergePairwise(out_.calls, from.calls, onKept);
  if (globalsWidened_) return addWidened(from.params, onKept) || grew;
  for (auto& atom : from.params) {
    if (const std::uint32_t at = paramAt(atom.index, atom.field); at != kNone) {
      grew |= narrowGuards(out_.params[at], atom);
      continue;
    }
    if (coversParam(atom)) continue;
    if constexpr (std::is_const_v<From>) out_.params.push_back(atom);
    else out_.params.push_back(std::move(atom));
    onKept(out_.params.back().path);
    indexParam(std::uint32_t(out_.params.size() - 1));
    grew = true;
  }
  if (globals_ > kMaxGlobalInputs) {
    boundGlobalInputs(out_);
    reindex();
    globalsWidened_ = globals_ > kMaxGlobalInputs;
  }
  boundFields();
  return grew;
}

// Widened as they arrive, not only in the summary: a union of every field's value
// (what "any field" of an argument reads) would otherwise hold them all.
void TaintUnion::boundFields() {
  if (widestFields_ <= kMaxFieldInputs) return;
  boundFieldInputs(out_);
  reindex();
}

// Past the bound for good, the value is kept as boundGlobalInputs leaves it (the
// function's own inputs first, then whole globals) atom by atom, instead of
// widening and indexing all of it again at every merge: values gathering the
// globals of hundreds of callees made that quadratic.
template <typename Params> bool TaintUnion::addWidened(Params& params, const std::function<void(Trail&)>& onKept) {
  noteLimit(Limit::GlobalInputs);
  bool grew = false;
  for (auto& atom : params) {
    ParamRef wide = std::move(atom);  // a copy when `atom` is const
    if (wide.index == kGlobalParam) wide.field = globalRoot(wide.field);
    if (coversParam(wide)) continue;
    onKept(wide.path);
    grew = true;
    if (wide.index == kGlobalParam) {
      out_.params.push_back(std::move(wide));
      indexParam(std::uint32_t(out_.params.size() - 1));
      continue;
    }
    out_.params.insert(out_.params.begin() + std::ptrdiff_t(out_.params.size() - globals_), std::move(wide));
    reindex();
  }
  boundFields();
  return grew;
}

std::string globalRoot(const std::string& key) {
  const std::size_t at = key.rfind('@');
  return key.substr(0, key.find('.', at == std::string::npos ? 0 : at));
}

bool isFileLocalGlobal(const std::string& key) {
  return key.size() > 2 && key.compare(0, 2, "c:") == 0 && key[2] != '@';
}

// `c:@N@td@S@Locator.services_.host_` -> `td::Locator.services_.host_`; a file-static
// one (`c:queue.c@g_ring`) loses its file. Kinds the USR names (namespace, struct,
// function, anonymous namespace) become `::`-separated names; anything unexpected
// leaves the key as it is.
std::string readableGlobal(const std::string& key) {
  const std::string root = globalRoot(key);
  llvm::StringRef usr(root);
  if (!usr.consume_front("c:")) return key;
  llvm::SmallVector<llvm::StringRef, 8> parts;
  usr.split(parts, '@');
  std::string name;
  const auto add = [&](llvm::StringRef part) {
    part = part.take_until([](char c) { return c == '#' || c == '>' || c == '<'; });
    if (part.empty()) return;
    if (!name.empty()) name += "::";
    name += part.str();
  };
  static const llvm::StringSet<> kinds = {"N", "S", "C", "U", "E", "F", "ST", "SP", "FT", "CT"};
  for (std::size_t i = 1; i < parts.size(); ++i) {
    if (parts[i] == "aN") add("(anonymous)");
    else if (kinds.contains(parts[i]) && i + 1 < parts.size()) add(parts[++i]);
    else add(parts[i]);
  }
  return name.empty() ? key : name + key.substr(root.size());
}

bool isSubfield(const std::string& field, const std::string& path) {
  if (path.size() == 1 && path[0] == '*') return !field.empty() && field != kAnyField;
  return field.size() > path.size() && field[path.size()] == '.' && field.compare(0, path.size(), path) == 0;
}

bool relatedFields(const std::string& a, const std::string& b) {
  return a == b || isSubfield(b, a) || isSubfield(a, b);
}

void boundGlobalInputs(Taint& t) {
  std::size_t globals = 0;
  for (const ParamRef& p : t.params) globals += p.index == kGlobalParam;
  if (globals <= kMaxGlobalInputs) return;
  noteLimit(Limit::GlobalInputs);
  // Widen each to its whole global (sound: it stands for every field of it).
  std::vector<ParamRef> kept, wide;
  for (ParamRef& p : t.params) {
    if (p.index != kGlobalParam) {
      kept.push_back(std::move(p));
      continue;
    }
    p.field = globalRoot(p.field);
    if (std::none_of(wide.begin(), wide.end(), [&](const ParamRef& w) { return w.field == p.field; }))
      wide.push_back(std::move(p));
  }
  kept.insert(kept.end(), std::make_move_iterator(wide.begin()), std::make_move_iterator(wide.end()));
  t.params = std::move(kept);
}

bool namesOneField(const ParamRef& p) {
  return p.index != kGlobalParam && !p.field.empty() && p.field != kRestArgsField && p.field != kAnyField;
}

void boundFieldInputs(Taint& t) {
  std::map<unsigned, std::size_t> fields;
  std::vector<unsigned> over;
  for (const ParamRef& p : t.params)
    if (namesOneField(p) && ++fields[p.index] == kMaxFieldInputs + 1) over.push_back(p.index);
  if (over.empty()) return;
  noteLimit(Limit::FieldInputs);
  const auto widened = [&](unsigned index) { return std::find(over.begin(), over.end(), index) != over.end(); };
  std::vector<ParamRef> kept;
  for (ParamRef& p : t.params) {
    if (!widened(p.index) || (!namesOneField(p) && p.field != kAnyField)) {
      kept.push_back(std::move(p));
      continue;
    }
    // The first (or an existing any-field atom) stands for all: unconditional, as
    // the fields it replaces may hold on different guards.
    const auto present = std::find_if(kept.begin(), kept.end(),
                                      [&](const ParamRef& k) { return k.index == p.index && k.field == kAnyField; });
    if (present != kept.end()) {
      present->guards.clear();
      continue;
    }
    p.field = kAnyField;
    p.guards.clear();
    kept.push_back(std::move(p));
  }
  t.params = std::move(kept);
}

void widenCalls(Taint& t) {
  if (t.calls.size() <= kMaxCallAtoms) return;
  noteLimit(Limit::CallAtoms);
  CallRef range{t.calls.front().site, kAnyCallSlot, t.calls.front().path, t.calls.front().site};
  for (const CallRef& c : t.calls) {
    range.site = std::min(range.site, c.site);
    range.lastSite = std::max(range.lastSite, c.slot == kAnyCallSlot ? c.lastSite : c.site);
  }
  t.calls.assign(1, std::move(range));
}

Taint withStep(const Taint& t, const Step& step) {
  Taint out;
  mergeTaint(out, t, &step);
  return out;
}

bool sameAtoms(const Taint& a, const Taint& b) {
  return sameList(a.origins, b.origins) && sameList(a.params, b.params) && sameList(a.calls, b.calls);
}

namespace {

bool identicalAtom(const Origin& a, const Origin& b) { return sameAtom(a, b) && a.what == b.what && a.path == b.path; }
template <typename T> bool identicalAtom(const T& a, const T& b) { return sameAtom(a, b) && a.path == b.path; }
template <typename T> bool identicalList(const std::vector<T>& a, const std::vector<T>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const T& x, const T& y) { return identicalAtom(x, y); });
}

}  // namespace

bool identical(const Taint& a, const Taint& b) {
  return identicalList(a.origins, b.origins) && identicalList(a.params, b.params) && identicalList(a.calls, b.calls);
}

void shareEqualGlobals(std::vector<CallSiteFact>& calls) {
  constexpr std::size_t kCompared = 8;  // the most recent distinct maps: stores come in runs
  const auto same = [](const GlobalsAtCall& a, const GlobalsAtCall& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](const auto& x, const auto& y) { return x.first == y.first && identical(x.second, y.second); });
  };
  std::vector<const GlobalsAtCall*> distinct;
  for (CallSiteFact& c : calls) {
    if (c.globalsIn.empty()) continue;
    const std::size_t from = distinct.size() - std::min(distinct.size(), kCompared);
    const auto found = std::find_if(distinct.begin() + std::ptrdiff_t(from), distinct.end(),
                                    [&](const GlobalsAtCall* d) { return same(*d, c.globalsIn); });
    if (found == distinct.end()) distinct.push_back(&c.globalsIn);
    else c.globalsIn.shareWith(**found);
  }
}

StrVal constStr(std::string text) {
  StrVal s;
  s.pieces.push_back({StrPiece::Const, std::move(text), 0});
  return s;
}

// Strings built in loops would grow forever: past a few pieces (or a long text) the
// rest is an unknown tail. Destinations are decided by their first pieces anyway.
StrVal bounded(StrVal v) {
  constexpr std::size_t kMaxPieces = 12;
  constexpr std::size_t kMaxText = 512;
  bool cut = false;
  if (v.pieces.size() > kMaxPieces) {
    v.pieces.resize(kMaxPieces - 1);
    cut = true;
  }
  for (StrPiece& p : v.pieces) {
    if (p.kind == StrPiece::Const && p.text.size() > kMaxText) {
      p.text.resize(kMaxText);
      cut = true;
    }
  }
  if (cut && v.pieces.back().kind != StrPiece::Unknown) v.pieces.push_back({StrPiece::Unknown, "", 0});
  if (cut) noteLimit(Limit::StringLength);
  return v;
}

std::vector<StrVal> forms(const StrVal& s) {
  std::vector<StrVal> out;
  if (!s.known()) return out;
  out.push_back(StrVal{s.pieces, {}});
  for (const auto& alt : s.alts) out.push_back(StrVal{alt, {}});
  return out;
}

StrVal fromForms(const std::vector<StrVal>& list) {
  StrVal out;
  for (const StrVal& f : list) {
    for (const StrVal& one : forms(f)) {
      if (!out.known()) {
        out.pieces = one.pieces;
        continue;
      }
      const bool seen =
          sameStr(StrVal{out.pieces, {}}, one) ||
          std::any_of(out.alts.begin(), out.alts.end(), [&](const auto& a) { return sameStr(StrVal{a, {}}, one); });
      if (seen) continue;
      if (out.alts.size() + 1 < kMaxAlternatives) out.alts.push_back(one.pieces);
      else noteLimit(Limit::StringAlternatives);
    }
  }
  return out;
}

bool addAlternatives(StrVal& into, const StrVal& from) {
  if (!from.known() || sameStr(into, from)) return false;
  if (!into.known()) {
    into = from;
    return true;
  }
  const StrVal merged = fromForms({into, from});
  const bool grew = merged.alts.size() != into.alts.size();
  into = merged;
  return grew;
}

StrVal concat(const StrVal& a, const StrVal& b) {
  if (!a.alts.empty() || !b.alts.empty()) {
    std::vector<StrVal> all;
    const auto fa = a.known() ? forms(a) : std::vector<StrVal>{StrVal{}};
    const auto fb = b.known() ? forms(b) : std::vector<StrVal>{StrVal{}};
    for (const StrVal& x : fa)
      for (const StrVal& y : fb) all.push_back(concat(x, y));
    return fromForms(all);
  }
  StrVal out = a;
  if (!a.known()) out.pieces.push_back({StrPiece::Unknown, "", 0});
  if (!b.known() && out.pieces.back().kind == StrPiece::Unknown) return out;
  if (!b.known()) {
    out.pieces.push_back({StrPiece::Unknown, "", 0});
    return out;
  }
  for (const StrPiece& p : b.pieces) {
    if (p.kind == StrPiece::Const && !out.pieces.empty() && out.pieces.back().kind == StrPiece::Const)
      out.pieces.back().text += p.text;
    else if (p.kind == StrPiece::Unknown && !out.pieces.empty() && out.pieces.back().kind == StrPiece::Unknown)
      continue;  // one unknown stretch is as good as two
    else out.pieces.push_back(p);
  }
  return bounded(std::move(out));
}

StrVal concatAll(const std::vector<StrVal>& parts) {
  if (parts.empty()) return {};
  if (parts.size() == 1) return parts.front();
  StrVal out = parts.front();
  for (std::size_t i = 1; i < parts.size(); ++i) out = concat(out, parts[i]);
  return out;
}

namespace {

bool samePieces(const std::vector<StrPiece>& a, const std::vector<StrPiece>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const StrPiece &x = a[i], &y = b[i];
    if (x.kind != y.kind || x.text != y.text || x.index != y.index) return false;
  }
  return true;
}

}  // namespace

bool sameStr(const StrVal& a, const StrVal& b) {
  if (!samePieces(a.pieces, b.pieces) || a.alts.size() != b.alts.size()) return false;
  for (std::size_t i = 0; i < a.alts.size(); ++i)
    if (!samePieces(a.alts[i], b.alts[i])) return false;
  return true;
}

std::string keyParam(unsigned index) { return "<arg" + std::to_string(index) + ">"; }

bool namesKeyParams(const std::string& key) { return key.find("<arg") != std::string::npos; }

std::string substituteKeyParams(const std::string& key, const std::function<std::string(unsigned)>& name) {
  std::string out;
  std::size_t at = 0;
  for (std::size_t open; (open = key.find("<arg", at)) != std::string::npos;) {
    const std::size_t close = key.find('>', open);
    unsigned index = 0;
    if (close == std::string::npos || llvm::StringRef(key).slice(open + 4, close).getAsInteger(10, index)) break;
    out += key.substr(at, open - at) + name(index);
    at = close + 1;
  }
  return out + key.substr(at);
}

std::string indexField(const std::string& index) { return "[#" + index + "]"; }

bool namesIndex(const std::string& key) { return key.find("[#") != std::string::npos; }

std::string indexBlind(const std::string& key) {
  if (!namesIndex(key)) return key;
  std::string out;
  llvm::SmallVector<llvm::StringRef, 8> parts;
  llvm::StringRef(key).split(parts, '.');
  for (llvm::StringRef part : parts) {
    if (part.starts_with("[#") && part.ends_with("]")) continue;
    out += (out.empty() ? "" : ".") + part.str();
  }
  return out;
}

namespace {

// The indexes of `key` by (the index-blind field they stand before, which of the
// indexes there: `g.[#1].[#0]` is a two-dimensional element).
std::map<std::pair<unsigned, unsigned>, llvm::StringRef> indexesOf(llvm::StringRef key) {
  std::map<std::pair<unsigned, unsigned>, llvm::StringRef> out;
  llvm::SmallVector<llvm::StringRef, 8> parts;
  key.split(parts, '.');
  unsigned at = 0, nth = 0;
  for (llvm::StringRef part : parts) {
    if (part.starts_with("[#") && part.ends_with("]")) out[{at, nth++}] = part.drop_front(2).drop_back();
    else ++at, nth = 0;
  }
  return out;
}

bool constantIndex(llvm::StringRef index) {
  long long n = 0;
  return !index.getAsInteger(10, n);
}

}  // namespace

bool sameElements(const std::string& stored, const std::string& read) {
  if (!namesIndex(stored) || !namesIndex(read)) return true;
  const auto a = indexesOf(stored), b = indexesOf(read);
  for (const auto& [at, index] : a) {
    auto other = b.find(at);
    if (other != b.end() && constantIndex(index) && constantIndex(other->second) && index != other->second)
      return false;
  }
  return true;
}

std::string displayKey(const std::string& key) {
  std::string shown = substituteKeyParams(key, [](unsigned) { return std::string("?"); });
  // A section no call names (the whole document handed to a getter) adds nothing.
  while (llvm::StringRef(shown).starts_with("?.")) shown.erase(0, 2);
  return shown;
}

std::string displayStr(const StrVal& s) {
  if (!s.known()) return "<unknown>";
  std::string out;
  for (const StrPiece& p : s.pieces) {
    switch (p.kind) {
      case StrPiece::Const: out += p.text; break;
      case StrPiece::Env: out += "${env:" + displayKey(p.text) + "}"; break;
      case StrPiece::Config: out += "${config:" + displayKey(p.text) + "}"; break;
      case StrPiece::Option: out += "${option:" + displayKey(p.text) + "}"; break;
      case StrPiece::Param:
        if (p.index == kGlobalParam) {  // a global's field no store answered
          out += "${global:" + readableGlobal(p.text) + "}";
          break;
        }
        out += "${param:" + (p.index == kThisParam ? std::string("this") : std::to_string(p.index)) +
               (p.text.empty() ? "" : "." + p.text) + "}";
        break;
      case StrPiece::When: break;  // a condition, no text
      case StrPiece::Setting: out += "${param:" + std::to_string(p.index) + "|config:" + p.text + "}"; break;
      default: out += "<?>"; break;
    }
  }
  return out;
}

StrVal underCondition(const StrVal& s, const StrPiece& when) {
  if (!s.known()) return StrVal{{when}, {}};
  std::vector<StrVal> each = forms(s);
  for (StrVal& form : each) form.pieces.insert(form.pieces.begin(), when);
  return fromForms(each);
}

bool isClassCondition(const StrPiece& p) {
  if (p.kind != StrPiece::When) return false;
  const llvm::StringRef text(p.text);
  return text.starts_with(kTypeCondition) || text.starts_with(kReturnTypeCondition);
}

bool hasReturnTypeCondition(const StrVal& s) {
  const auto has = [](const std::vector<StrPiece>& pieces) {
    return std::any_of(pieces.begin(), pieces.end(), isReturnTypeCondition);
  };
  return has(s.pieces) || std::any_of(s.alts.begin(), s.alts.end(), has);
}

bool dropUndecidedClassConditions(StrVal& s) {
  const auto undecided = [](const std::vector<StrPiece>& pieces) {
    return std::any_of(pieces.begin(), pieces.end(), isClassCondition);
  };
  if (!undecided(s.pieces) && std::none_of(s.alts.begin(), s.alts.end(), undecided)) return true;
  std::vector<StrVal> kept;
  for (StrVal& form : forms(s))
    if (!undecided(form.pieces)) kept.push_back(std::move(form));
  if (kept.empty()) return false;
  s = fromForms(kept);
  return true;
}

StrVal withoutConditions(const StrVal& s) {
  const auto condition = [](const StrPiece& p) { return p.kind == StrPiece::When; };
  if (std::none_of(s.pieces.begin(), s.pieces.end(), condition) &&
      std::none_of(s.alts.begin(), s.alts.end(),
                   [&](const std::vector<StrPiece>& alt) { return std::any_of(alt.begin(), alt.end(), condition); }))
    return s;
  std::vector<StrVal> each;
  for (StrVal form : forms(s)) {
    form.pieces.erase(std::remove_if(form.pieces.begin(), form.pieces.end(), condition), form.pieces.end());
    if (!form.known()) form.pieces.push_back({StrPiece::Unknown, "", 0});
    each.push_back(std::move(form));
  }
  return fromForms(each);
}

namespace {
constexpr llvm::StringLiteral kIndexMark = "#=";
}  // namespace

StrPiece indexCondition(unsigned param, uint64_t index) {
  return StrPiece{StrPiece::When, kIndexMark.str() + std::to_string(index), param};
}

bool isReturnTypeCondition(const StrPiece& p) {
  return p.kind == StrPiece::When && llvm::StringRef(p.text).starts_with(kReturnTypeCondition);
}

std::optional<uint64_t> whenIndex(const StrPiece& when) {
  llvm::StringRef text(when.text);
  uint64_t index = 0;
  if (when.kind != StrPiece::When || !text.consume_front(kIndexMark) || text.getAsInteger(10, index))
    return std::nullopt;
  return index;
}

const StrPiece* onlyPiece(const StrVal& s, StrPiece::Kind kind) {
  const bool one = s.alts.empty() && s.pieces.size() == 1 && s.pieces[0].kind == kind;
  return one ? &s.pieces[0] : nullptr;
}

std::string joinField(const std::string& a, const std::string& b) {
  if (a.empty()) return b;
  if (a == kAnyField || b == kAnyField) return a;  // a field's field, or any below one
  return b.empty() ? a : a + "." + b;
}

std::optional<std::string> fieldBelow(const std::string& path, const std::string& field) {
  if (path.empty()) return field.empty() ? std::nullopt : std::optional<std::string>(field);
  if (field.size() <= path.size() + 1 || !isSubfield(field, path)) return std::nullopt;
  return field.substr(path.size() + 1);
}

Taint narrowedToField(const Taint& t, const std::string& field) {
  Taint out = t;
  if (field.empty()) return out;
  for (CallRef& c : out.calls) c.field = joinField(c.field, field);
  return out;
}

std::string joinFieldBounded(const std::string& a, const std::string& b, unsigned depth) {
  std::string joined = joinField(a, b);
  std::size_t cut = 0;
  for (unsigned n = 0; n < depth; ++n) {
    cut = joined.find('.', n == 0 ? 0 : cut + 1);
    if (cut == std::string::npos) return joined;
  }
  noteLimit(Limit::FieldDepth);
  return joined.substr(0, cut);
}

bool dropAbsent(StrVal& s) {
  std::vector<StrVal> kept;
  bool dropped = false;
  for (const StrVal& form : forms(s)) {
    const bool absent = std::any_of(form.pieces.begin(), form.pieces.end(),
                                    [](const StrPiece& p) { return p.kind == StrPiece::Absent; });
    dropped |= absent;
    if (!absent) kept.push_back(form);
  }
  if (!dropped) return true;
  if (kept.empty()) return false;
  s = fromForms(kept);
  return true;
}

std::string hashText(const std::string& text) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  static const char* digits = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[i] = digits[h & 0xf];
  return out;
}

std::string locString(const SourceLoc& l) {
  return l.file + ":" + std::to_string(l.line) + ":" + std::to_string(l.column);
}

void addGuard(std::vector<Guard>& guards, const Guard& g) {
  if (std::find(guards.begin(), guards.end(), g) == guards.end()) guards.push_back(g);
}

void addGuard(Taint& t, const Guard& g) {
  for (Origin& o : t.origins) addGuard(o.guards, g);
  for (ParamRef& p : t.params)
    if (p.index != kGlobalParam) addGuard(p.guards, g);
}

bool guardHolds(const Guard& g, int64_t argument) {
  switch (g.op) {
    case Guard::Eq: return argument == g.value;
    case Guard::Ne: return argument != g.value;
    case Guard::Lt: return argument < g.value;
    case Guard::Le: return argument <= g.value;
    case Guard::Gt: return argument > g.value;
    case Guard::Ge: return argument >= g.value;
    case Guard::BitsSet: return (argument & g.value) != 0;
    case Guard::BitsClear: return (argument & g.value) == 0;
    case Guard::HoldsData: return false;  // a number is no data
  }
  return true;
}

}  // namespace egress
