#include "link/InputKeys.h"

#include <set>
#include <string_view>

#include <llvm/ADT/ArrayRef.h>
#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/xxhash.h>

#include "facts/FactsBinary.h"
#include "facts/TaintOps.h"
#include "link/ClassFields.h"

namespace egress {

// Visits a function's facts (the same `io` functions as the binary form) for the
// mutable globals and constants they name: a global read as an input, a string
// piece naming a global, the globals stored before a call, a global passed whole.
class GlobalMentions {
 public:
  static constexpr bool kReading = false;
  template <class T> void num(const T&) {}
  void str(const std::string&) {}
  void size(std::size_t) {}
  void fail() {}
  bool ok() const { return true; }
  // Trails name no globals: each reads as one already visited.
  std::size_t trailId(const Trail&) const { return 1; }
  std::size_t sameTrail(std::size_t, const Trail&) { return 1; }
  std::size_t noteTrail(const Trail&, std::size_t) { return 1; }

  std::set<std::string> keys;
};

void io(GlobalMentions& a, ParamRef& p) {
  if (p.index == kGlobalParam) a.keys.insert(p.field);
}
void io(GlobalMentions& a, StrPiece& p) {
  if (p.kind == StrPiece::Global) a.keys.insert(indexBlind(p.text));
}
void ioCalls(GlobalMentions& a, std::vector<CallSiteFact>& calls) {
  for (CallSiteFact& c : calls) {
    ioCallSite(a, c);
    for (const auto& [key, t] : c.globalsIn) {
      a.keys.insert(key);
      io(a, mut(t));
    }
    for (const ArgFact& arg : c.args)
      if (!arg.global.empty()) a.keys.insert(indexBlind(arg.global));
    if (!c.thisArg.global.empty()) a.keys.insert(indexBlind(c.thisArg.global));
  }
}

namespace {

uint64_t hashOf(const std::string& text) { return llvm::xxh3_64bits(llvm::arrayRefFromStringRef(text)); }

// Appends `sep` and then `text`: keys are built in one string, no temporaries.
void add(std::string& key, char sep, std::string_view text) {
  key.push_back(sep);
  key.append(text);
}

void addList(std::string& key, const std::vector<std::string>& items) {
  for (const std::string& item : items) add(key, '\1', item);
  key += '\2';
}

// What a caller's resolution reads of a callee's facts besides its summary: the
// fields it resets, the fields of the record it builds, how many parameters it has,
// and whether only a value holds it.
void addCalleeFacts(std::string& key, const CallGraph& graph, FunctionId id) {
  const FunctionFacts& f = graph.function(id);
  add(key, '\3', f.usr);
  addList(key, f.resets);
  addList(key, f.recordFields);
  key += std::to_string(f.paramNames.size());
  if (graph.isHeldOnly(id)) key += "held";
}

// For each global its facts name, its value if it is a constant (whether it may
// carry data is added once relevance is known). A global's key may name a static
// local by its offset in the file, so these are not part of the program key: an
// edit above it would rename it.
std::vector<std::string> addGlobals(std::string& key, const CallGraph& graph, FunctionId f) {
  GlobalMentions mentions;
  io(mentions, mut(graph.function(f)));
  for (const std::string& global : mentions.keys) {
    add(key, '\6', global);
    if (const StrVal* value = graph.constant(global)) {
      BinaryWriter w;
      io(w, mut(*value));
      key += w.bytes();
    }
    addList(key, graph.globalFunctionsBelow(global));  // a call through it runs them
  }
  return {mentions.keys.begin(), mentions.keys.end()};
}

// A signal's handlers run on objects whose fields their classes' methods set
// (Fixpoint::handlersObject): the facts of those methods count.
void addHandlerClasses(std::string& key, const CallGraph& graph, const ClassFields& classes, const CallSiteFact& c) {
  const std::vector<std::string>& handlers = graph.connectedHandlers(c);
  for (const std::string& usr : handlers)
    for (FunctionId m : classes.methodsOf(classOfMethod(usr))) add(key, '\7', graph.owner(m).entryDigest);
}

// All of a function's key that relevance does not decide.
uint64_t factKey(const CallGraph& graph, const ClassFields& classes, FunctionId f, std::vector<std::string>& globals) {
  // Its own facts: those of the TU they come from (any edit of it changes them).
  std::string key = graph.function(f).usr;
  add(key, '\0', graph.owner(f).entryDigest);
  globals = addGlobals(key, graph, f);
  for (FunctionId callee : graph.callees(f)) addCalleeFacts(key, graph, callee);
  for (const CallSiteFact& c : graph.function(f).calls) {
    add(key, '\4', std::to_string(c.id));
    for (FunctionId target : graph.targets(f, c)) add(key, '\5', graph.function(target).usr);
    addHandlerClasses(key, graph, classes, c);
  }
  return hashOf(key);
}

// The fact key with which of its parameters and of the globals it names may carry data.
uint64_t functionKey(const Relevance& relevance, FunctionId f, uint64_t factKey,
                     const std::vector<std::string>& globals) {
  std::string key = std::to_string(factKey);
  add(key, '\2', relevance.inputsKey(f));
  key += '\6';
  for (const std::string& global : globals) key += relevance.globalMayCarry(global) ? '1' : '0';
  return hashOf(key);
}

// What the program stores in the record fields its functions read as a parameter's
// (link/RecordFields: a call that leaves a driver's handle unknown reads them), from
// any TU.
void addRecordFieldStores(std::string& key, const CallGraph& graph) {
  std::set<std::string> read;
  for (FunctionId f = 0; f < graph.size(); ++f)
    for (const auto& [param, field] : graph.function(f).paramFieldRecords) read.insert(field);
  for (FunctionId f = 0; f < graph.size(); ++f)
    for (const FieldStoreFact& store : graph.function(f).fieldStores) {
      if (!read.count(store.field)) continue;
      BinaryWriter w;
      io(w, mut(store.str));
      key += '\5' + store.field + '\0' + graph.function(f).usr + '\0' + w.bytes();
    }
}

uint64_t programKey(const CallGraph& graph) {
  // The rules and the tool's own build (TUFacts::rulesKey): a state another build left is not read.
  std::string key;
  for (const TUFacts* tu : graph.tus()) key += '\0' + tu->rulesKey;
  // Not every function's USR: a lambda's names its offset in the file, so any edit
  // above it renames it. A function added or removed changes its callers' keys.
  for (FunctionId f = 0; f < graph.size(); ++f) {
    if (graph.function(f).overrides.empty()) continue;
    key += '\1' + graph.function(f).usr;
    for (const std::string& usr : graph.function(f).overrides) key += '\2' + usr;
  }
  // What a call through a record's function-pointer field may run, from any TU
  // (CallSiteFact::fieldTarget): rarely edited, read by every caller of such a call.
  for (const auto& [field, fns] : graph.allFieldFunctions()) {
    key += '\3' + field;
    for (const std::string& usr : fns) key += '\4' + usr;
  }
  addRecordFieldStores(key, graph);
  return hashOf(key);
}

}  // namespace

FactKeys factKeys(const CallGraph& graph) {
  FactKeys out;
  for (const TUFacts* tu : graph.tus())
    if (tu->entryDigest.empty()) return out;
  out.hashes.resize(graph.size());
  out.globals.resize(graph.size());
  const ClassFields classes(graph);  // its index of methods is built on first use only
  for (FunctionId f = 0; f < graph.size(); ++f) out.hashes[f] = factKey(graph, classes, f, out.globals[f]);
  return out;
}

InputKeys inputKeys(const CallGraph& graph, const Relevance& relevance,
                    const std::vector<std::vector<FunctionId>>& components, const FactKeys& facts) {
  InputKeys keys;
  if (facts.hashes.size() != graph.size()) return keys;
  keys.program = programKey(graph);
  keys.functions.resize(graph.size());
  for (FunctionId f = 0; f < graph.size(); ++f)
    keys.functions[f] = functionKey(relevance, f, facts.hashes[f], facts.globals[f]);
  keys.components.resize(graph.size());
  for (const std::vector<FunctionId>& members : components) {
    std::string key;
    for (FunctionId m : members) key += graph.function(m).usr + '\0';
    const uint64_t hash = hashOf(key);
    for (FunctionId m : members) keys.components[m] = hash;
  }
  return keys;
}

InputKeys inputKeys(const CallGraph& graph, const Relevance& relevance,
                    const std::vector<std::vector<FunctionId>>& components) {
  return inputKeys(graph, relevance, components, factKeys(graph));
}

}  // namespace egress
