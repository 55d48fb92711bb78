// A compact binary form of facts and link summaries, for the cache folder only
// (`scan --facts-dir` and `merge` keep JSON, for other tools). Reading it is many
// times faster than parsing JSON: a re-scan after a one-file edit reads every other
// TU's facts back. Each string is written once per stream and named by number after
// that; numbers are varints; a trail is written as its steps.
//
// One `io` function per type serves both directions: BinaryWriter reads the fields
// it is handed, BinaryReader fills them. Every read is bounds-checked: a truncated or
// corrupt entry fails (`ok()` false) instead of crashing, and the caller treats it as
// a cache miss. The format carries no version of its own: cache entries are keyed by
// the tool's binary (extract/Extractor.h, extractionKey).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include <llvm/ADT/StringRef.h>

#include "facts/Facts.h"

namespace egress {

class BinaryWriter {
 public:
  static constexpr bool kReading = false;

  template <class T, std::enable_if_t<std::is_integral_v<T> || std::is_enum_v<T>, int> = 0> void num(const T& v) {
    if constexpr (std::is_same_v<T, bool>) varint(v ? 1 : 0);
    else if constexpr (std::is_signed_v<T>) varint((uint64_t(v) << 1) ^ uint64_t(int64_t(v) >> 63));  // zigzag
    else varint(uint64_t(v));
  }
  void str(const std::string& s);
  void blob(const std::string& s) {  // bytes written as they are, never shared
    varint(s.size());
    out_.append(s);
  }
  void size(std::size_t n) { varint(n); }
  void fail() {}
  bool ok() const { return true; }
  const std::string& bytes() const { return out_; }
  // Trail nodes written so far, numbered from 1 (0: not written), found by their
  // address (the trails must outlive the writer) or by their contents.
  std::size_t trailId(const Trail& t) const {
    auto it = trails_.find(t.identity());
    return it == trails_.end() ? 0 : it->second;
  }
  // The node written before that adds what `node` adds on top of node `before`
  // (0: none); it then stands for `node` too.
  std::size_t sameTrail(std::size_t before, const Trail& node);
  // `node`, just written on top of node `before`: its number.
  std::size_t noteTrail(const Trail& node, std::size_t before);

 private:
  void varint(uint64_t v);
  std::string out_;
  std::unordered_map<std::string, uint32_t> strings_;
  // What a node adds, on top of node `before`: the number of the trail it appends
  // (written before it), or its step (in the node, which outlives the writer).
  struct TrailContent {
    std::size_t before = 0, appended = 0;
    const Step* step = nullptr;
    bool operator==(const TrailContent& o) const;
  };
  struct TrailContentHash {
    std::size_t operator()(const TrailContent& c) const;
  };
  TrailContent trailContent(std::size_t before, const Trail& node) const;
  std::size_t writtenTrail(const Trail& t);
  std::unordered_map<const void*, std::size_t> trails_;
  std::unordered_map<TrailContent, std::size_t, TrailContentHash> trailContents_;
  std::size_t trailCount_ = 0;
};

class BinaryReader {
 public:
  static constexpr bool kReading = true;

  explicit BinaryReader(llvm::StringRef data) : data_(data) {}
  template <class T, std::enable_if_t<std::is_integral_v<T> || std::is_enum_v<T>, int> = 0> void num(T& v) {
    const uint64_t raw = varint();
    if constexpr (std::is_same_v<T, bool>) v = raw != 0;
    else if constexpr (std::is_enum_v<T>) v = T(raw);
    else if constexpr (std::is_signed_v<T>) v = T(int64_t(raw >> 1) ^ -int64_t(raw & 1));
    else v = T(raw);
  }
  void str(std::string& s);
  void blob(std::string& s);
  llvm::StringRef blobRef();  // the same, without a copy (empty on failure)
  // A count of elements still to read: at most one per byte left (else corrupt).
  void size(std::size_t& n);
  void fail() { ok_ = false; }
  bool ok() const { return ok_; }
  bool atEnd() const { return pos_ == data_.size(); }
  bool knownTrail(std::size_t id) const { return id <= trails_.size(); }
  Trail trail(std::size_t id) const { return id ? trails_[id - 1] : Trail(); }
  void noteTrail(const Trail& t) { trails_.push_back(t); }

 private:
  uint64_t varint();
  llvm::StringRef data_;
  std::size_t pos_ = 0;
  bool ok_ = true;
  std::vector<std::string> strings_;
  std::vector<Trail> trails_;
};

// The writer holds values it is handed; `mut` lets one `io` body serve both.
template <class T> T& mut(const T& v) { return const_cast<T&>(v); }

template <class A> void io(A& a, std::string& s) { a.str(s); }
template <class A, class T, std::enable_if_t<std::is_integral_v<T> || std::is_enum_v<T>, int> = 0> void io(A& a, T& v) {
  a.num(v);
}
template <class A, class T> void io(A& a, std::optional<T>& v) {
  bool has = v.has_value();
  a.num(has);
  if constexpr (A::kReading) {
    if (!has) return void(v.reset());
    v.emplace();
  }
  if (has) io(a, *v);
}
template <class A, class T, class U> void io(A& a, std::pair<T, U>& p) {
  io(a, p.first);
  io(a, p.second);
}
template <class A, class T> void io(A& a, std::vector<T>& v) {
  std::size_t n = v.size();
  a.size(n);
  if constexpr (A::kReading) v.resize(n);
  for (T& x : v) {
    if (!a.ok()) return;
    io(a, x);
  }
}
template <class A, class K, class V> void io(A& a, std::map<K, V>& m) {
  std::size_t n = m.size();
  a.size(n);
  if constexpr (A::kReading) {
    for (std::size_t i = 0; i < n && a.ok(); ++i) {
      std::pair<K, V> entry;
      io(a, entry);
      m.insert(m.end(), std::move(entry));
    }
  } else {
    for (auto& [k, v] : m) {
      io(a, mut(k));
      io(a, v);
    }
  }
}

template <class A> void io(A& a, SourceLoc& l) {
  io(a, l.file);
  io(a, l.line);
  io(a, l.column);
}
template <class A> void io(A& a, Step& s) {
  io(a, s.loc);
  io(a, s.note);
}
// A trail is its nodes not written before (oldest first, each a step or a trail
// appended whole) on top of one written before: what atoms share in memory (a
// callee's path appended to each of its sinks) is written once per stream. A node
// equal to one written before (the same step or appended trail on the same trail)
// is that one, so the bytes depend on the trails' contents, not on which objects
// happen to be shared: a summary computed again encodes as it did before.
template <class A> void io(A& a, Trail& t) {
  std::vector<Trail> fresh;  // newest first
  std::size_t base = 0;
  if constexpr (!A::kReading) {
    Trail cur = t;
    for (; !cur.empty() && !a.trailId(cur); cur = cur.before()) fresh.push_back(cur);
    base = cur.empty() ? 0 : a.trailId(cur);
    for (; !fresh.empty(); fresh.pop_back()) {
      const std::size_t same = a.sameTrail(base, fresh.back());
      if (!same) break;
      base = same;
    }
  }
  std::size_t n = fresh.size();
  a.size(n);
  a.num(base);
  Trail cur;
  if constexpr (A::kReading) {
    if (!a.knownTrail(base)) return a.fail();
    cur = a.trail(base);
  }
  for (std::size_t i = 0; i < n && a.ok(); ++i) {
    const Trail* node = A::kReading ? nullptr : &fresh[n - 1 - i];
    bool appended = node && node->addedTrail();
    a.num(appended);
    if (appended) {
      Trail added = node ? node->added() : Trail();
      io(a, added);
      if (added.empty()) return a.fail();
      cur.append(added);
    } else {
      Step step = node ? node->addedStep() : Step{};
      io(a, step);
      cur.push(std::move(step));
    }
    if constexpr (A::kReading) a.noteTrail(cur);
    else base = a.noteTrail(*node, base);
  }
  if constexpr (A::kReading) t = std::move(cur);
}

template <class A> void io(A& a, Guard& g) {
  io(a, g.param);
  io(a, g.op);
  io(a, g.value);
  io(a, g.field);
}
template <class A> void io(A& a, Origin& o) {
  io(a, o.category);
  io(a, o.source);
  io(a, o.what);
  io(a, o.path);
  io(a, o.guards);
}
template <class A> void io(A& a, ParamRef& p) {
  io(a, p.index);
  io(a, p.field);
  io(a, p.path);
  io(a, p.guards);
}
template <class A> void io(A& a, CallRef& c) {
  io(a, c.site);
  io(a, c.slot);
  io(a, c.path);
  io(a, c.lastSite);
  io(a, c.field);
  io(a, c.laterCalls);
}
template <class A> void io(A& a, Taint& t) {
  io(a, t.origins);
  io(a, t.params);
  io(a, t.calls);
}
template <class A> void io(A& a, StrPiece& p) {
  io(a, p.kind);
  io(a, p.text);
  io(a, p.index);
}
template <class A> void io(A& a, StrVal& s) {
  io(a, s.pieces);
  io(a, s.alts);
}
template <class A> void io(A& a, SinkFact& s) {
  io(a, s.api);
  io(a, s.kind);
  io(a, s.loc);
  io(a, s.data);
  io(a, s.destination);
  io(a, s.callChain);
  io(a, s.encrypted);
  io(a, s.guards);
}
template <class A> void io(A& a, ArgFact& f) {
  io(a, f.whole);
  io(a, f.fields);
  io(a, f.str);
  io(a, f.fieldStrs);
  io(a, f.fns);
  io(a, f.fieldFns);
  io(a, f.exactFields);
  io(a, f.fromParam);
  io(a, f.root);
  io(a, f.global);
  io(a, f.spelling);
  io(a, f.modelText);
  io(a, f.typeName);
  io(a, f.constant);
  io(a, f.sameAsParam);
  io(a, f.atExit);
  io(a, f.contextParam);
  io(a, f.contextArg);
}
// Without its globals (GlobalsAtCall maps are shared between call sites: the
// function writes each once, see io(FunctionFacts)).
template <class A> void ioCallSite(A& a, CallSiteFact& c) {
  io(a, c.id);
  io(a, c.calleeUsr);
  io(a, c.calleeName);
  io(a, c.targets);
  io(a, c.viaParam);
  io(a, c.target);
  io(a, c.globalTarget);
  io(a, c.fieldTarget);
  io(a, c.isVirtual);
  io(a, c.deferred);
  io(a, c.bodyless);
  io(a, c.loc);
  io(a, c.args);
  io(a, c.hasThis);
  io(a, c.thisArg);
  io(a, c.guards);
  io(a, c.writesArgs);
}
// A lone call site (a pending call of a summary) with its globals.
template <class A> void io(A& a, CallSiteFact& c) {
  ioCallSite(a, c);
  GlobalsAtCall::Map globals;
  if constexpr (!A::kReading) globals = c.globalsIn.map();
  io(a, globals);
  if constexpr (A::kReading) c.globalsIn = GlobalsAtCall(std::move(globals));
}
// Each call site names its globals by number: 0 none, else the n-th map of the
// function, written where it first appears.
template <class A> void ioCalls(A& a, std::vector<CallSiteFact>& calls) {
  std::size_t n = calls.size();
  a.size(n);
  if constexpr (A::kReading) calls.resize(n);
  std::vector<const GlobalsAtCall*> seen;
  for (CallSiteFact& c : calls) {
    if (!a.ok()) return;
    ioCallSite(a, c);
    std::size_t at = 0;
    if constexpr (!A::kReading) {
      if (!c.globalsIn.empty()) {
        auto it =
            std::find_if(seen.begin(), seen.end(), [&](const GlobalsAtCall* g) { return g->sharedWith(c.globalsIn); });
        at = std::size_t(it - seen.begin()) + 1;
      }
    }
    a.num(at);
    if (at == 0) continue;
    if (at <= seen.size()) {
      if constexpr (A::kReading) c.globalsIn.shareWith(*seen[at - 1]);
      continue;
    }
    if (at != seen.size() + 1) return a.fail();  // names a map not written yet
    GlobalsAtCall::Map globals;
    if constexpr (!A::kReading) globals = c.globalsIn.map();
    io(a, globals);
    if constexpr (A::kReading) c.globalsIn = GlobalsAtCall(std::move(globals));
    seen.push_back(&c.globalsIn);
  }
}
template <class A> void io(A& a, EffectFact& e) {
  io(a, e.target);
  io(a, e.field);
  io(a, e.value);
  io(a, e.str);
  io(a, e.fns);
}
template <class A> void io(A& a, FieldStoreFact& s) {
  io(a, s.field);
  io(a, s.shown);
  io(a, s.str);
  io(a, s.loc);
}
template <class A> void io(A& a, LimitHits& l) {
  for (uint32_t& c : l.counts) io(a, c);
}
template <class A> void io(A& a, FunctionFacts& f) {
  io(a, f.usr);
  io(a, f.name);
  io(a, f.loc);
  io(a, f.paramNames);
  io(a, f.overrides);
  io(a, f.recordFields);
  io(a, f.fieldClasses);
  io(a, f.ret);
  io(a, f.retFields);
  io(a, f.retFieldStrs);
  io(a, f.retStr);
  io(a, f.retTypeNames);
  ioCalls(a, f.calls);
  io(a, f.sinks);
  io(a, f.effects);
  io(a, f.fieldStores);
  io(a, f.paramFieldRecords);
  io(a, f.resets);
  io(a, f.localsAtExit);
  io(a, f.limits);
}
template <class A> void io(A& a, MarkerComment& m) {
  io(a, m.loc);
  io(a, m.text);
}
// A TU without its functions, dependencies, claims and borrowings (the cache
// entry's header holds those).
template <class A> void ioHead(A& a, TUFacts& tu) {
  io(a, tu.file);
  io(a, tu.rulesKey);
  io(a, tu.parsed);
  io(a, tu.hadErrors);
  io(a, tu.diagnostics);
  io(a, tu.warnings);
  io(a, tu.constantStrings);
  io(a, tu.initialFns);
  io(a, tu.initialRefs);
  io(a, tu.fieldFns);
  io(a, tu.limits);
  io(a, tu.markers);
}

// A TU's facts: its head, then its functions.
std::string encodeFacts(const TUFacts& tu);
// The head only (`functions` empty), or nothing when the bytes are not facts.
std::optional<TUFacts> decodeFactsHead(llvm::StringRef bytes);
// Fills `tu.functions` from the same bytes; false when they are cut short or corrupt.
bool decodeFactsFunctions(llvm::StringRef bytes, TUFacts& tu);

}  // namespace egress
