#include "link/Summary.h"

#include <algorithm>
#include <optional>

#include "facts/TaintOps.h"
#include "link/LinkState.h"

namespace egress {
namespace {

constexpr std::size_t kMaxPending = 64;

std::string sinkSite(const SinkFact& s) { return locString(s.loc) + "|" + s.api; }

bool sameSinks(const std::vector<SinkFact>& a, const std::vector<SinkFact>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!sameAtoms(a[i].data, b[i].data) || !sameStr(a[i].destination, b[i].destination)) return false;
  return true;
}

template <typename V, typename Same>
bool sameMap(const std::map<std::string, V>& a, const std::map<std::string, V>& b, Same same) {
  if (a.size() != b.size()) return false;
  for (const auto& [key, value] : a) {
    auto other = b.find(key);
    if (other == b.end() || !same(value, other->second)) return false;
  }
  return true;
}

bool sameTaint(const Taint& x, const Taint& y) { return sameAtoms(x, y); }
bool sameString(const StrVal& x, const StrVal& y) { return sameStr(x, y); }

bool sameLoc(const SourceLoc& x, const SourceLoc& y) {
  return x.line == y.line && x.column == y.column && x.file == y.file;
}

bool sameArgument(const ArgFact& a, const ArgFact& b) {
  if (a.fromParam != b.fromParam || a.root.index != b.root.index || a.root.field != b.root.field ||
      a.sameAsParam != b.sameAsParam)
    return false;
  return sameAtoms(a.whole, b.whole) && sameStr(a.str, b.str) && sameMap(a.fields, b.fields, sameTaint) &&
         sameMap(a.fieldStrs, b.fieldStrs, sameString) && a.fns == b.fns && a.fieldFns == b.fieldFns;
}

// Pending calls compared with their arguments: a repeat reached by another route
// merges its arguments into the call held, which callers must see.
bool samePending(const std::vector<PendingCall>& a, const std::vector<PendingCall>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const CallSiteFact& x = a[i].site;
    const CallSiteFact& y = b[i].site;
    if (a[i].target.index != b[i].target.index || a[i].target.field != b[i].target.field || !sameLoc(x.loc, y.loc) ||
        x.args.size() != y.args.size() || !sameArgument(x.thisArg, y.thisArg))
      return false;
    for (std::size_t k = 0; k < x.args.size(); ++k)
      if (!sameArgument(x.args[k], y.args[k])) return false;
  }
  return true;
}

// How a destination for callers tells itself apart: as shown, and by the globals it
// still reads, which are resolved only at the end (two elements of one table,
// `g_dst[DST_HALL]` and `g_dst[DST_VENDOR]`, both show as `<?>` until then).
std::string destinationKey(const StrVal& destination) {
  std::string key = displayStr(destination);
  for (const StrVal& form : forms(destination))
    for (const StrPiece& p : form.pieces)
      if (p.kind == StrPiece::Global) key += "|" + p.text;
  return key;
}

// Adds `s` to `list`, or merges it into the entry with the same key. Sinks for
// callers (`sites` given) are keyed by location, library and destination, not by
// call chain: a logger reached through a thousand routes is one entry whose data
// says which inputs reach it (the shortest chain bringing data is kept as
// evidence). Past the cap, a sink at a known location merges into it whatever its
// destination.
void addTo(std::vector<SinkFact>& list, std::map<std::string, std::size_t>& index,
           std::map<std::string, std::size_t>* sites, SinkFact s) {
  const std::string key = sites ? sinkSite(s) + "|" + destinationKey(s.destination) : sinkKey(s);
  std::optional<std::size_t> at;
  if (auto it = index.find(key); it != index.end()) {
    at = it->second;
  } else if (sites && list.size() >= SinkCollector::kMaxSummarySinks) {
    if (auto same = sites->find(sinkSite(s)); same != sites->end()) {
      at = same->second;
      noteLimit(Limit::SummarySinks);
    }
  }
  if (at) {
    SinkFact& known = list[*at];
    // The evidence is a route data takes: one carrying none (`count("events", n)`
    // beside `gauge(..., "tracking:" + no)` into one sender) never stands for one
    // that does, whatever their lengths.
    const bool brings = !s.data.origins.empty(), had = !known.data.origins.empty();
    if (brings != had ? brings : s.callChain.size() < known.callChain.size()) known.callChain = std::move(s.callChain);
    mergeTaint(known.data, s.data);
    addAlternatives(known.destination, s.destination);
    known.encrypted = known.encrypted && s.encrypted;  // encrypted only if on every path
    return;
  }
  index.emplace(key, list.size());
  if (sites) sites->emplace(sinkSite(s), list.size());
  list.push_back(std::move(s));
}

}  // namespace

bool hasParam(const StrVal& s) {
  for (const StrVal& form : forms(s))
    for (const StrPiece& p : form.pieces)
      if (p.kind == StrPiece::Param || p.kind == StrPiece::Setting) return true;
      else if (p.kind == StrPiece::Global && namesKeyParams(p.text)) return true;  // `k_peers[id].host`
  return false;
}

bool readsInput(const StrVal& s, unsigned index) {
  for (const StrVal& form : forms(s))
    for (const StrPiece& p : form.pieces)
      if ((p.kind == StrPiece::Param || p.kind == StrPiece::Setting) && p.index == index) return true;
  return false;
}

bool readsObject(const StrVal& s) { return readsInput(s, kThisParam); }

bool readsInput(const SinkFact& s, unsigned index) {
  const auto named = [&](const ParamRef& p) { return p.index == index; };
  return std::any_of(s.data.params.begin(), s.data.params.end(), named) || readsInput(s.destination, index);
}

bool readsCaptures(const SinkFact& s) { return readsInput(s, kThisParam); }

std::string sinkKey(const SinkFact& s) {
  std::string key = sinkSite(s);
  for (const Step& st : s.callChain) key += "|" + locString(st.loc);
  return key;
}

bool sameForCallers(const Summary& a, const Summary& b) {
  if (!sameAtoms(a.ret, b.ret) || !sameStr(a.retStr, b.retStr) || !sameSinks(a.sinks, b.sinks)) return false;
  if (!samePending(a.pending, b.pending)) return false;
  if (!sameMap(a.effects, b.effects, sameTaint)) return false;
  if (!sameMap(a.effectFields, b.effectFields, [&](const auto& x, const auto& y) { return sameMap(x, y, sameTaint); }))
    return false;
  if (a.effectFns != b.effectFns) return false;
  return sameMap(a.effectStrs, b.effectStrs, [&](const auto& x, const auto& y) { return sameMap(x, y, sameString); });
}

void SinkCollector::add(SinkFact s) {
  const bool reportHere = !s.data.origins.empty();
  const bool forCallers = !s.data.params.empty() || hasParam(s.destination);
  if (reportHere && forCallers) addReported(s);
  else if (reportHere) addReported(std::move(s));
  if (forCallers) addForCallers(std::move(s));
}

void SinkCollector::addReported(SinkFact s) { addTo(into_.reported, reported_, nullptr, std::move(s)); }

void SinkCollector::addForCallers(SinkFact s) { addTo(into_.sinks, forCallers_, &sites_, std::move(s)); }

void SinkCollector::finish() {
  const auto byKey = [](const SinkFact& a, const SinkFact& b) { return sinkKey(a) < sinkKey(b); };
  std::sort(into_.sinks.begin(), into_.sinks.end(), byKey);
  std::sort(into_.reported.begin(), into_.reported.end(), byKey);
}

PendingCall* pendingAt(Summary& summary, const ParamRef& target, const SourceLoc& site) {
  return const_cast<PendingCall*>(pendingAt(static_cast<const Summary&>(summary), target, site));
}

const PendingCall* pendingAt(const Summary& summary, const ParamRef& target, const SourceLoc& site) {
  for (const PendingCall& q : summary.pending)
    if (q.target.index == target.index && q.target.field == target.field && sameLoc(q.site.loc, site)) return &q;
  return nullptr;
}

bool takesPending(Summary& summary, const ParamRef& target, const SourceLoc& site) {
  if (pendingAt(summary, target, site)) return false;
  if (summary.pending.size() < kMaxPending) return true;
  noteLimit(Limit::PendingCalls);
  return false;
}

void addOnce(std::vector<std::string>& into, const std::vector<std::string>& fns) {
  for (const std::string& usr : fns)
    if (std::find(into.begin(), into.end(), usr) == into.end()) into.push_back(usr);
}

namespace {

void mergeArgument(ArgFact& into, const ArgFact& from) {
  addOnce(into.fns, from.fns);
  for (const auto& [field, fns] : from.fieldFns) addOnce(into.fieldFns[field], fns);
  mergeTaint(into.whole, from.whole);
  for (const auto& [field, t] : from.fields) mergeTaint(into.fields[field], t);
  addAlternatives(into.str, from.str);
  for (const auto& [field, v] : from.fieldStrs) addAlternatives(into.fieldStrs[field], v);
}

}  // namespace

void mergePendingArguments(CallSiteFact& into, const CallSiteFact& from) {
  for (std::size_t i = 0; i < into.args.size() && i < from.args.size(); ++i) mergeArgument(into.args[i], from.args[i]);
  mergeArgument(into.thisArg, from.thisArg);
}

namespace {

// `before` with an unknown form among its values, and `next`'s where there is
// room: what a string that kept changing widens to. One that has an unknown form
// stays as it is, so widening ends there.
StrVal widenedStr(const StrVal& before, const StrVal& next) {
  std::vector<StrVal> kept = forms(before);
  const auto unknown = [](const StrVal& f) { return onlyPiece(f, StrPiece::Unknown) != nullptr; };
  if (std::any_of(kept.begin(), kept.end(), unknown)) return before;
  noteLimit(Limit::StringLength);
  if (kept.size() >= kMaxAlternatives) kept.resize(kMaxAlternatives - 1);
  kept.push_back(StrVal{{{StrPiece::Unknown, "", 0}}, {}});
  for (const StrVal& form : forms(next)) kept.push_back(form);
  return fromForms(kept);
}

void widenStr(StrVal& next, const StrVal& before) {
  if (!sameStr(next, before)) next = widenedStr(before, next);
}

// What a summary's own string widens to: only a value that was there and changed
// widens, so one first found late (a long component's last round) stays exact, and
// one that went missing is the earlier one.
void widenEffectStr(StrVal& next, const StrVal& before) {
  if (!before.known()) return;
  if (!next.known()) next = before;
  else widenStr(next, before);
}

// `before`'s fields missing from `next` are kept: a field an oscillating cluster
// drops one round and adds back the next (`d->last = d->last->parent` around a
// recursive walk) then settles too.
void widenFieldStrs(std::map<std::string, StrVal>& next, const std::map<std::string, StrVal>& before) {
  for (const auto& [field, value] : before) next.try_emplace(field, value);
  for (auto& [field, value] : next)
    if (auto was = before.find(field); was != before.end()) widenEffectStr(value, was->second);
}

void widenArgument(ArgFact& next, const ArgFact& before) {
  widenStr(next.str, before.str);
  for (const auto& [field, value] : before.fieldStrs) next.fieldStrs.try_emplace(field, value);
  for (auto& [field, value] : next.fieldStrs) {
    auto was = before.fieldStrs.find(field);
    widenStr(value, was == before.fieldStrs.end() ? StrVal{} : was->second);
  }
}

}  // namespace

void widenChangingStrings(Summary& next, const Summary& before) {
  for (PendingCall& p : next.pending) {
    const PendingCall* was = pendingAt(before, p.target, p.site.loc);
    if (!was || was->site.args.size() != p.site.args.size()) continue;
    for (std::size_t k = 0; k < p.site.args.size(); ++k) widenArgument(p.site.args[k], was->site.args[k]);
    widenArgument(p.site.thisArg, was->site.thisArg);
  }
  widenEffectStr(next.retStr, before.retStr);
  for (const auto& [slot, fields] : before.effectStrs) next.effectStrs.try_emplace(slot, fields);
  for (auto& [slot, fields] : next.effectStrs)
    if (auto was = before.effectStrs.find(slot); was != before.effectStrs.end()) widenFieldStrs(fields, was->second);
}

void addPending(Summary& summary, PendingCall p) {
  if (PendingCall* repeat = pendingAt(summary, p.target, p.site.loc)) mergePendingArguments(repeat->site, p.site);
  else if (takesPending(summary, p.target, p.site.loc)) summary.pending.push_back(std::move(p));
}

void boundFieldInputs(Summary& s) {
  boundFieldInputs(s.ret);
  for (auto& [slot, t] : s.effects) boundFieldInputs(t);
  for (auto& [slot, fields] : s.effectFields)
    for (auto& [field, t] : fields) boundFieldInputs(t);
  for (SinkFact& sink : s.sinks) boundFieldInputs(sink.data);
}

SummaryShape shapeOf(const Summary& s) {
  SummaryShape shape{uint32_t(s.sinks.size()), uint32_t(s.reported.size()), uint32_t(s.pending.size()), {}, s.limits};
  for (const SinkFact& sink : s.sinks) {
    EntrySink entry{readsObject(sink.destination), !sink.data.origins.empty(), {}};
    for (const ParamRef& p : sink.data.params)
      if (p.index == kGlobalParam &&
          std::find(entry.globals.begin(), entry.globals.end(), p.field) == entry.globals.end())
        entry.globals.push_back(p.field);
    if (entry.hasOrigins || !entry.globals.empty()) shape.entrySinks.push_back(std::move(entry));
  }
  return shape;
}

const Summary* SummaryTable::getData(uint32_t id) const {
  if (!decoded_[id] && !encoded_[id].empty()) {
    Summary read;
    read.function = id;
    if (!decodeSummaryData(encoded_[id], read)) {
      corrupt_ = true;
      read = Summary{};
      read.function = id;
    }
    decoded_[id] = std::move(read);
    sinksPending_[id] = true;
  }
  return decoded_[id] ? &*decoded_[id] : nullptr;
}

const Summary* SummaryTable::get(uint32_t id) const {
  getData(id);
  if (sinksPending_[id]) {
    sinksPending_[id] = false;
    if (!decodeSummarySinks(encoded_[id], *decoded_[id])) corrupt_ = true;
  }
  return decoded_[id] ? &*decoded_[id] : nullptr;
}

void SummaryTable::set(uint32_t id, Summary s) {
  shapes_[id] = shapeOf(s);
  decoded_[id] = std::move(s);
  encoded_[id].clear();
  sinksPending_[id] = false;
}

void SummaryTable::setEncoded(uint32_t id, std::string bytes, SummaryShape shape) {
  decoded_[id].reset();
  sinksPending_[id] = false;
  encoded_[id] = std::move(bytes);
  shapes_[id] = shape;
}

const std::string& SummaryTable::encoded(uint32_t id) const {
  if (encoded_[id].empty() && decoded_[id]) encoded_[id] = encodeSummary(*decoded_[id]);
  return encoded_[id];
}

}  // namespace egress
