#include "facts/FactsJson.h"

#include <algorithm>
#include <optional>

#include <llvm/ADT/SmallVector.h>
#include <llvm/Support/FormatVariadic.h>

#include "facts/JsonParse.h"
#include "facts/TaintOps.h"
#include <llvm/Support/JSON.h>

namespace egress {
namespace json = llvm::json;
namespace {

constexpr const char* kFactsFormat = "egress-audit-tu-facts/2";

json::Value toJ(const SourceLoc& l) { return json::Array{l.file, l.line, l.column}; }
json::Value toJ(const Step& s) { return json::Object{{"at", toJ(s.loc)}, {"note", s.note}}; }
// json::Value's move constructor is not noexcept, so a growing json::Array copies
// its elements deeply: every array is reserved before it is filled.
json::Value toJ(const Path& p) {
  json::Array a;
  a.reserve(p.size());
  for (const Step& s : p) a.push_back(toJ(s));
  return a;
}
json::Value toJ(const Trail& t) { return toJ(t.steps()); }
json::Value toJ(const std::vector<Guard>& guards) {
  json::Array a;
  a.reserve(guards.size());
  for (const Guard& g : guards) {
    json::Array guard{g.param, unsigned(g.op), g.value};
    if (!g.field.empty()) guard.push_back(g.field);
    a.push_back(std::move(guard));
  }
  return a;
}
json::Value toJ(const Taint& t) {
  json::Array origins, params, calls;
  origins.reserve(t.origins.size());
  params.reserve(t.params.size());
  calls.reserve(t.calls.size());
  for (const Origin& o : t.origins) {
    json::Object origin{{"category", o.category}, {"source", toJ(o.source)}, {"what", o.what}, {"path", toJ(o.path)}};
    if (!o.guards.empty()) origin["guards"] = toJ(o.guards);
    origins.push_back(std::move(origin));
  }
  for (const ParamRef& p : t.params) {
    json::Object param{{"index", p.index}, {"field", p.field}, {"path", toJ(p.path)}};
    if (!p.guards.empty()) param["guards"] = toJ(p.guards);
    params.push_back(std::move(param));
  }
  for (const CallRef& c : t.calls) {
    json::Object call{{"site", c.site}, {"slot", c.slot}, {"path", toJ(c.path)}};
    if (c.slot == kAnyCallSlot) call["lastSite"] = c.lastSite;
    if (!c.field.empty()) call["field"] = c.field;
    if (!c.laterCalls.empty()) {
      json::Array later;
      for (const auto& [site, slot] : c.laterCalls) later.push_back(json::Array{site, slot});
      call["later"] = std::move(later);
    }
    calls.push_back(std::move(call));
  }
  return json::Object{{"origins", std::move(origins)}, {"params", std::move(params)}, {"calls", std::move(calls)}};
}
// A string value is a list of its possible forms, each a list of pieces.
json::Value toJ(const StrVal& s) {
  const std::vector<StrVal> allForms = forms(s);
  json::Array all;
  all.reserve(allForms.size());
  for (const StrVal& form : allForms) {
    json::Array a;
    a.reserve(form.pieces.size());
    for (const StrPiece& p : form.pieces) a.push_back(json::Array{int(p.kind), p.text, p.index});
    all.push_back(std::move(a));
  }
  return all;
}
json::Value toJ(const std::vector<std::string>& v) {
  json::Array a;
  a.reserve(v.size());
  for (const auto& s : v) a.push_back(s);
  return a;
}
json::Value toJ(const ArgFact& a) {
  json::Object fields, strs, fns;
  for (const auto& [k, t] : a.fields) fields[k] = toJ(t);
  for (const auto& [k, v] : a.fieldStrs) strs[k] = toJ(v);
  for (const auto& [k, v] : a.fieldFns) fns[k] = toJ(v);
  return json::Object{{"whole", toJ(a.whole)},
                      {"fields", std::move(fields)},
                      {"str", toJ(a.str)},
                      {"fieldStrs", std::move(strs)},
                      {"atExit", a.atExit ? json::Value(*a.atExit) : json::Value(nullptr)},
                      {"fns", toJ(a.fns)},
                      {"fieldFns", std::move(fns)},
                      {"fromParam", a.fromParam},
                      {"root", json::Object{{"index", a.root.index}, {"field", a.root.field}}},
                      {"spelling", a.spelling},
                      {"modelText", a.modelText},
                      {"typeName", a.typeName},
                      {"global", a.global},
                      {"constant", a.constant ? json::Value(*a.constant) : json::Value(nullptr)},
                      {"sameAsParam", a.sameAsParam ? json::Value(*a.sameAsParam) : json::Value(nullptr)},
                      {"contextParam", a.contextParam ? json::Value(*a.contextParam) : json::Value(nullptr)},
                      {"contextArg", a.contextArg ? json::Value(*a.contextArg) : json::Value(nullptr)},
                      {"exactFields", toJ(a.exactFields)}};
}
json::Value toJ(const LimitHits& hits) {
  json::Object o;
  for (std::size_t i = 0; i < kLimitCount; ++i)
    if (hits.counts[i]) o[limitInfo(Limit(i)).name] = hits.counts[i];
  return o;
}
// `globalsAt`: the position of the call's globals in its function's list of them.
json::Value toJ(const CallSiteFact& c, std::optional<std::size_t> globalsAt) {
  json::Array args;
  args.reserve(c.args.size());
  for (const ArgFact& a : c.args) args.push_back(toJ(a));
  return json::Object{{"id", c.id},
                      {"calleeUsr", c.calleeUsr},
                      {"calleeName", c.calleeName},
                      {"targets", toJ(c.targets)},
                      {"viaParam", c.viaParam},
                      {"isVirtual", c.isVirtual},
                      {"deferred", c.deferred},
                      {"target", json::Object{{"index", c.target.index}, {"field", c.target.field}}},
                      {"loc", toJ(c.loc)},
                      {"args", std::move(args)},
                      {"hasThis", c.hasThis},
                      {"thisArg", toJ(c.thisArg)},
                      {"bodyless", toJ(c.bodyless)},
                      {"globalTarget", c.globalTarget},
                      {"fieldTarget", c.fieldTarget},
                      {"guards", toJ(c.guards)},
                      {"writesArgs", c.writesArgs},
                      {"globalsAt", globalsAt ? json::Value(int64_t(*globalsAt)) : json::Value(nullptr)}};
}
// The globals held at the function's call sites, each shared map written once
// ("globalStates"); a call names its map by position ("globalsAt").
json::Array globalStates(const FunctionFacts& f, std::vector<std::optional<std::size_t>>& at) {
  json::Array states;
  std::vector<const GlobalsAtCall*> written;
  for (const CallSiteFact& c : f.calls) {
    if (c.globalsIn.empty()) {
      at.emplace_back();
      continue;
    }
    const auto same = std::find_if(written.begin(), written.end(),
                                   [&](const GlobalsAtCall* w) { return w->sharedWith(c.globalsIn); });
    at.emplace_back(std::size_t(same - written.begin()));
    if (same != written.end()) continue;
    written.push_back(&c.globalsIn);
    json::Object globals;
    for (const auto& [key, t] : c.globalsIn) globals[key] = toJ(t);
    states.push_back(std::move(globals));
  }
  return states;
}
// Members that read back as their default (an empty array or object, null, false)
// are left out, recursively: they were 40% of a facts file. The entries of the
// objects that are maps keep their values however empty: a field stored clean is
// not a field never stored.
bool readsAsDefault(const json::Value& v) {
  if (v.kind() == json::Value::Null) return true;
  if (const std::optional<bool> b = v.getAsBoolean()) return !*b;
  if (const json::Array* a = v.getAsArray()) return a->empty();
  if (const json::Object* o = v.getAsObject()) return o->empty();
  return false;
}
bool isMapMember(llvm::StringRef key) {
  return key == "fields" || key == "fieldStrs" || key == "fieldFns" || key == "retFields" || key == "retFieldStrs" ||
         key == "globalStates";
}
void dropDefaults(json::Value& v, bool isMap = false) {
  if (json::Array* a = v.getAsArray()) {
    for (json::Value& x : *a) dropDefaults(x, isMap);  // a list of maps ("globalStates")
    return;
  }
  json::Object* o = v.getAsObject();
  if (!o) return;
  llvm::SmallVector<std::string, 8> defaults;
  for (auto& [key, x] : *o) {
    dropDefaults(x, !isMap && isMapMember(key));
    if (!isMap && readsAsDefault(x)) defaults.push_back(key.str());
  }
  for (const std::string& key : defaults) o->erase(key);
}

json::Value toJ(const FunctionFacts& f) {
  json::Array calls, sinks, effects;
  calls.reserve(f.calls.size());
  sinks.reserve(f.sinks.size());
  effects.reserve(f.effects.size());
  std::vector<std::optional<std::size_t>> globalsAt;
  json::Array states = globalStates(f, globalsAt);
  for (std::size_t i = 0; i < f.calls.size(); ++i) calls.push_back(toJ(f.calls[i], globalsAt[i]));
  for (const auto& s : f.sinks)
    sinks.push_back(json::Object{{"api", s.api},
                                 {"kind", s.kind},
                                 {"loc", toJ(s.loc)},
                                 {"data", toJ(s.data)},
                                 {"destination", toJ(s.destination)},
                                 {"callChain", toJ(s.callChain)},
                                 {"encrypted", s.encrypted},
                                 {"guards", toJ(s.guards)}});
  for (const auto& e : f.effects)
    effects.push_back(json::Object{
        {"target", e.target}, {"field", e.field}, {"value", toJ(e.value)}, {"str", toJ(e.str)}, {"fns", toJ(e.fns)}});
  json::Array localsAtExit;
  for (const ArgFact& local : f.localsAtExit) localsAtExit.push_back(toJ(local));
  json::Object retFields;
  for (const auto& [field, t] : f.retFields) retFields[field] = toJ(t);
  json::Object retFieldStrs;
  for (const auto& [field, v] : f.retFieldStrs) retFieldStrs[field] = toJ(v);
  json::Object fieldClasses;
  for (const auto& [field, cls] : f.fieldClasses) fieldClasses[field] = cls;
  json::Array fieldStores;
  for (const FieldStoreFact& st : f.fieldStores)
    fieldStores.push_back(
        json::Object{{"field", st.field}, {"shown", st.shown}, {"str", toJ(st.str)}, {"loc", toJ(st.loc)}});
  json::Object paramFieldRecords;
  for (const auto& [read, field] : f.paramFieldRecords) paramFieldRecords[read] = field;
  json::Value out = json::Object{{"usr", f.usr},
                                 {"name", f.name},
                                 {"loc", toJ(f.loc)},
                                 {"params", toJ(f.paramNames)},
                                 {"overrides", toJ(f.overrides)},
                                 {"recordFields", toJ(f.recordFields)},
                                 {"fieldClasses", std::move(fieldClasses)},
                                 {"resets", toJ(f.resets)},
                                 {"ret", toJ(f.ret)},
                                 {"retFields", std::move(retFields)},
                                 {"retFieldStrs", std::move(retFieldStrs)},
                                 {"retStr", toJ(f.retStr)},
                                 {"retTypeNames", toJ(f.retTypeNames)},
                                 {"calls", std::move(calls)},
                                 {"globalStates", std::move(states)},
                                 {"sinks", std::move(sinks)},
                                 {"effects", std::move(effects)},
                                 {"fieldStores", std::move(fieldStores)},
                                 {"paramFieldRecords", std::move(paramFieldRecords)},
                                 {"localsAtExit", std::move(localsAtExit)},
                                 {"limits", toJ(f.limits)}};
  dropDefaults(out);
  return out;
}

// Reading back: a small cursor that records the first problem.
struct Reader {
  std::string error;
  void fail(const std::string& what) {
    if (error.empty()) error = what;
  }
  std::string str(const json::Object* o, const char* k) {
    if (auto v = o ? o->getString(k) : std::nullopt) return v->str();
    fail(std::string("missing string '") + k + "'");
    return {};
  }
  unsigned num(const json::Object* o, const char* k) {
    if (auto v = o ? o->getInteger(k) : std::nullopt) return unsigned(*v);
    fail(std::string("missing number '") + k + "'");
    return 0;
  }
  bool flag(const json::Object* o, const char* k) { return o && o->getBoolean(k).value_or(false); }
  // A member of a possibly missing object; missing members read as null.
  static const json::Value* at(const json::Object* o, const char* k) { return o ? o->get(k) : nullptr; }
  const json::Object* object(const json::Value& v, const char* what) {
    const json::Object* o = v.getAsObject();
    if (!o) fail(std::string("expected ") + what + " to be an object");
    return o;
  }
  SourceLoc loc(const json::Value* v) {
    const json::Array* a = v ? v->getAsArray() : nullptr;
    if (!a || a->size() != 3) {
      fail("bad location");
      return {};
    }
    return {(*a)[0].getAsString().value_or("").str(), unsigned((*a)[1].getAsInteger().value_or(0)),
            unsigned((*a)[2].getAsInteger().value_or(0))};
  }
  Path path(const json::Value* v) {
    Path p;
    if (const json::Array* a = v ? v->getAsArray() : nullptr)
      for (const auto& s : *a) p.push_back({loc(at(object(s, "a step"), "at")), str(s.getAsObject(), "note")});
    return p;
  }
  Trail trail(const json::Value* v) {
    Trail t;
    for (Step& s : path(v)) t.push(std::move(s));
    return t;
  }
  Taint taint(const json::Value* v) {
    Taint t;
    const json::Object* o = v ? v->getAsObject() : nullptr;
    if (!o) return t;
    if (const auto* a = o->getArray("origins"))
      for (const auto& x : *a) {
        const auto* ox = object(x, "an origin");
        t.origins.push_back({str(ox, "category"), loc(at(ox, "source")), str(ox, "what"), trail(at(ox, "path")),
                             guards(at(ox, "guards"))});
      }
    if (const auto* a = o->getArray("params"))
      for (const auto& x : *a) {
        const auto* ox = object(x, "a parameter atom");
        t.params.push_back({num(ox, "index"), str(ox, "field"), trail(at(ox, "path")), guards(at(ox, "guards"))});
      }
    if (const auto* a = o->getArray("calls"))
      for (const auto& x : *a) {
        const auto* ox = object(x, "a call atom");
        CallRef c{num(ox, "site"), str(ox, "slot"), trail(at(ox, "path")), 0};
        if (c.slot == kAnyCallSlot) c.lastSite = num(ox, "lastSite");
        if (ox && ox->get("field")) c.field = str(ox, "field");
        if (const json::Array* later = ox ? ox->getArray("later") : nullptr)
          for (const json::Value& l : *later) {
            const json::Array* pair = l.getAsArray();
            if (!pair || pair->size() != 2 || !(*pair)[0].getAsInteger() || !(*pair)[1].getAsString()) {
              fail("a later call is not [site, slot]");
              continue;
            }
            c.laterCalls.emplace_back(unsigned(*(*pair)[0].getAsInteger()), (*pair)[1].getAsString()->str());
          }
        t.calls.push_back(std::move(c));
      }
    return t;
  }
  StrVal strVal(const json::Value* v) {
    std::vector<StrVal> all;
    if (const json::Array* list = v ? v->getAsArray() : nullptr)
      for (const auto& form : *list) {
        StrVal s;
        if (const json::Array* a = form.getAsArray())
          for (const auto& p : *a) {
            const json::Array* q = p.getAsArray();
            if (!q || q->size() != 3) {
              fail("bad string piece");
              continue;
            }
            const int64_t kind = (*q)[0].getAsInteger().value_or(-1);
            if (kind < 0 || kind > StrPiece::kLastKind) {
              fail("bad string piece kind");
              continue;
            }
            s.pieces.push_back({StrPiece::Kind(kind), (*q)[1].getAsString().value_or("").str(),
                                unsigned((*q)[2].getAsInteger().value_or(0))});
          }
        all.push_back(std::move(s));
      }
    return fromForms(all);
  }
  std::vector<std::string> strings(const json::Value* v) {
    std::vector<std::string> out;
    if (const json::Array* a = v ? v->getAsArray() : nullptr)
      for (const auto& x : *a) out.push_back(x.getAsString().value_or("").str());
    return out;
  }
  LimitHits limits(const json::Value* v) {
    LimitHits hits;
    if (const json::Object* o = v ? v->getAsObject() : nullptr)
      for (const auto& [k, n] : *o) {
        const Limit l = limitNamed(k.str());
        if (l == Limit::kCount || !n.getAsInteger() || *n.getAsInteger() < 0) {
          fail("bad limit '" + k.str() + "'");
          continue;
        }
        hits.add(l, uint32_t(*n.getAsInteger()));
      }
    return hits;
  }
  ArgFact arg(const json::Value* v) {
    ArgFact a;
    const json::Object* o = v ? v->getAsObject() : nullptr;
    if (!o) return a;
    a.whole = taint(o->get("whole"));
    if (const auto* f = o->getObject("fields"))
      for (const auto& [k, t] : *f) a.fields[k.str()] = taint(&t);
    a.str = strVal(o->get("str"));
    if (const auto* f = o->getObject("fieldStrs"))
      for (const auto& [k, t] : *f) a.fieldStrs[k.str()] = strVal(&t);
    a.fns = strings(o->get("fns"));
    if (const auto* f = o->getObject("fieldFns"))
      for (const auto& [k, t] : *f) a.fieldFns[k.str()] = strings(&t);
    a.fromParam = flag(o, "fromParam");
    if (const auto* r = o->getObject("root")) a.root = {num(r, "index"), str(r, "field"), {}};
    a.spelling = str(o, "spelling");
    a.modelText = str(o, "modelText");
    a.typeName = str(o, "typeName");
    a.global = str(o, "global");
    if (auto c = o->getInteger("constant")) a.constant = *c;
    if (auto p = o->getInteger("sameAsParam")) a.sameAsParam = unsigned(*p);
    if (auto p = o->getInteger("contextParam")) a.contextParam = unsigned(*p);
    if (auto p = o->getInteger("contextArg")) a.contextArg = unsigned(*p);
    if (auto p = o->getInteger("atExit")) a.atExit = unsigned(*p);
    a.exactFields = strings(o->get("exactFields"));
    return a;
  }
  std::vector<Guard> guards(const json::Value* v) {
    std::vector<Guard> out;
    const auto* list = v ? v->getAsArray() : nullptr;
    if (!list) return out;
    for (const json::Value& g : *list) {
      const auto* parts = g.getAsArray();
      if (!parts || parts->size() < 3 || parts->size() > 4 || !(*parts)[0].getAsInteger() ||
          !(*parts)[1].getAsInteger() || !(*parts)[2].getAsInteger() || *(*parts)[1].getAsInteger() > Guard::kLastOp ||
          (parts->size() == 4 && !(*parts)[3].getAsString())) {
        fail("a guard is not [param, op, value] or [param, op, value, field]");
        continue;
      }
      out.push_back({unsigned(*(*parts)[0].getAsInteger()), Guard::Op(*(*parts)[1].getAsInteger()),
                     *(*parts)[2].getAsInteger(), parts->size() == 4 ? (*parts)[3].getAsString()->str() : ""});
    }
    return out;
  }
  CallSiteFact call(const json::Object* o, const std::vector<GlobalsAtCall>& states) {
    CallSiteFact c;
    if (!o) return c;
    c.id = num(o, "id");
    c.calleeUsr = str(o, "calleeUsr");
    c.calleeName = str(o, "calleeName");
    c.targets = strings(o->get("targets"));
    c.viaParam = flag(o, "viaParam");
    c.isVirtual = flag(o, "isVirtual");
    c.deferred = flag(o, "deferred");
    c.bodyless = taint(o->get("bodyless"));
    c.globalTarget = str(o, "globalTarget");
    c.fieldTarget = str(o, "fieldTarget");
    if (const auto* t = o->getObject("target")) c.target = {num(t, "index"), str(t, "field"), {}};
    c.loc = loc(o->get("loc"));
    if (const auto* a = o->getArray("args"))
      for (const auto& x : *a) c.args.push_back(arg(&x));
    c.hasThis = flag(o, "hasThis");
    c.thisArg = arg(o->get("thisArg"));
    c.guards = guards(o->get("guards"));
    c.writesArgs = flag(o, "writesArgs");
    if (const json::Value* at = o->get("globalsAt")) {
      const std::optional<int64_t> n = at->getAsInteger();
      if (!n || *n < 0 || std::size_t(*n) >= states.size())
        fail("a call's globalsAt is not a position in globalStates");
      else c.globalsIn.shareWith(states[std::size_t(*n)]);
    }
    return c;
  }
  FunctionFacts function(const json::Object* o) {
    FunctionFacts f;
    if (!o) {
      fail("a function is not an object");
      return f;
    }
    f.usr = str(o, "usr");
    f.name = str(o, "name");
    f.loc = loc(o->get("loc"));
    f.paramNames = strings(o->get("params"));
    f.overrides = strings(o->get("overrides"));
    f.recordFields = strings(o->get("recordFields"));
    if (const auto* c = o->getObject("fieldClasses"))
      for (const auto& [k, v] : *c) f.fieldClasses[k.str()] = v.getAsString().value_or("").str();
    if (const auto* c = o->getObject("paramFieldRecords"))
      for (const auto& [k, v] : *c) f.paramFieldRecords[k.str()] = v.getAsString().value_or("").str();
    if (const auto* a = o->getArray("fieldStores"))
      for (const auto& x : *a)
        if (const auto* st = object(x, "a field store"))
          f.fieldStores.push_back({str(st, "field"), str(st, "shown"), strVal(st->get("str")), loc(st->get("loc"))});
    f.resets = strings(o->get("resets"));
    f.ret = taint(o->get("ret"));
    f.retStr = strVal(o->get("retStr"));
    f.retTypeNames = strings(o->get("retTypeNames"));
    if (const auto* r = o->getObject("retFields"))
      for (const auto& [field, t] : *r) f.retFields[field.str()] = taint(&t);
    if (const auto* r = o->getObject("retFieldStrs"))
      for (const auto& [field, v] : *r) f.retFieldStrs[field.str()] = strVal(&v);
    std::vector<GlobalsAtCall> states;
    if (const auto* a = o->getArray("globalStates"))
      for (const auto& x : *a) {
        GlobalsAtCall::Map globals;
        if (const auto* g = object(x, "a globals state"))
          for (const auto& [key, t] : *g) globals[key.str()] = taint(&t);
        states.emplace_back(std::move(globals));
      }
    if (const auto* a = o->getArray("calls"))
      for (const auto& x : *a) f.calls.push_back(call(object(x, "a call site"), states));
    if (const auto* a = o->getArray("sinks"))
      for (const auto& x : *a) {
        const auto* s = object(x, "a sink");
        f.sinks.push_back({str(s, "api"), str(s, "kind"), loc(at(s, "loc")), taint(at(s, "data")),
                           strVal(at(s, "destination")), path(at(s, "callChain")),
                           s && s->getBoolean("encrypted").value_or(false), guards(at(s, "guards"))});
      }
    if (const auto* a = o->getArray("effects"))
      for (const auto& x : *a) {
        const auto* e = object(x, "an effect");
        f.effects.push_back(
            {num(e, "target"), str(e, "field"), taint(at(e, "value")), strVal(at(e, "str")), strings(at(e, "fns"))});
      }
    if (const auto* a = o->getArray("localsAtExit"))
      for (const auto& x : *a) f.localsAtExit.push_back(arg(&x));
    f.limits = limits(o->get("limits"));
    return f;
  }
};

}  // namespace

namespace {

// Facts are about ten levels deep; anything far deeper is not ours.
std::optional<json::Value> parseFacts(llvm::StringRef text, std::string& error) {
  auto parsed = parseJson(text, 256);
  if (!parsed) {
    error = llvm::toString(parsed.takeError());
    return std::nullopt;
  }
  return std::move(*parsed);
}

// Streamed one function at a time: a large TU's facts never exist as one JSON tree.
void writeTU(const TUFacts& tu, llvm::raw_ostream& os) {
  json::OStream j(os);
  j.object([&] {
    j.attribute("format", kFactsFormat);
    j.attribute("file", tu.file);
    j.attribute("rulesKey", tu.rulesKey);
    j.attribute("parsed", tu.parsed);
    j.attribute("hadErrors", tu.hadErrors);
    j.attribute("diagnostics", toJ(tu.diagnostics));
    j.attribute("warnings", toJ(tu.warnings));
    j.attributeArray("functions", [&] {
      for (const FunctionFacts& f : tu.functions) j.value(toJ(f));
    });
    j.attributeObject("constantStrings", [&] {
      for (const auto& [usr, v] : tu.constantStrings) j.attribute(usr, toJ(v));
    });
    j.attributeObject("initialFns", [&] {
      for (const auto& [key, fns] : tu.initialFns) j.attribute(key, toJ(fns));
    });
    j.attributeObject("fieldFns", [&] {
      for (const auto& [key, fns] : tu.fieldFns) j.attribute(key, toJ(fns));
    });
    j.attributeObject("initialRefs", [&] {
      for (const auto& [key, target] : tu.initialRefs) j.attribute(key, target);
    });
    j.attribute("limits", toJ(tu.limits));
    j.attributeArray("markers", [&] {
      for (const MarkerComment& m : tu.markers) j.value(json::Object{{"at", toJ(m.loc)}, {"text", m.text}});
    });
  });
}

}  // namespace

void writeFactsJson(const TUFacts& tu, llvm::raw_ostream& os) { writeTU(tu, os); }

std::string factsToJson(const TUFacts& tu) {
  std::string out;
  llvm::raw_string_ostream os(out);
  writeFactsJson(tu, os);
  os.flush();
  return out;
}

bool withinJsonNesting(llvm::StringRef text, unsigned maxDepth) {
  unsigned depth = 0;
  bool inString = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (inString) {
      if (c == '\\') ++i;
      else if (c == '"') inString = false;
      continue;
    }
    if (c == '"') inString = true;
    else if ((c == '[' || c == '{') && ++depth > maxDepth) return false;
    else if ((c == ']' || c == '}') && depth > 0) --depth;
  }
  return true;
}

std::optional<TUFacts> factsFromJson(llvm::StringRef text, std::string& error) {
  std::optional<json::Value> parsed = parseFacts(text, error);
  if (!parsed) return std::nullopt;
  const json::Object* o = parsed->getAsObject();
  const llvm::StringRef format = o ? o->getString("format").value_or("") : "";
  if (format != kFactsFormat) {
    // Facts written by another version of the tool: say so, not "not facts".
    error = format.starts_with("egress-audit-tu-facts/")
                ? "facts in format " + format.str() + "; this version reads " + kFactsFormat +
                      ": extract them again with this version (scan --facts-dir)"
                : "not an egress-audit TU facts document";
    return std::nullopt;
  }
  Reader r;
  TUFacts tu;
  tu.file = r.str(o, "file");
  tu.rulesKey = o->getString("rulesKey").value_or("").str();
  tu.parsed = r.flag(o, "parsed");
  tu.hadErrors = r.flag(o, "hadErrors");
  tu.diagnostics = r.strings(o->get("diagnostics"));
  tu.warnings = r.strings(o->get("warnings"));
  if (const auto* a = o->getArray("functions"))
    for (const auto& f : *a) tu.functions.push_back(r.function(r.object(f, "a function")));
  if (const auto* c = o->getObject("constantStrings"))
    for (const auto& [k, v] : *c) tu.constantStrings[k.str()] = r.strVal(&v);
  if (const auto* c = o->getObject("initialFns"))
    for (const auto& [k, v] : *c) tu.initialFns[k.str()] = r.strings(&v);
  if (const auto* c = o->getObject("fieldFns"))
    for (const auto& [k, v] : *c) tu.fieldFns[k.str()] = r.strings(&v);
  if (const auto* c = o->getObject("initialRefs"))
    for (const auto& [k, v] : *c) tu.initialRefs[k.str()] = v.getAsString().value_or("").str();
  tu.limits = r.limits(o->get("limits"));
  if (const auto* a = o->getArray("markers"))
    for (const auto& m : *a) {
      const json::Object* mo = r.object(m, "a marker comment");
      if (mo) tu.markers.push_back({r.loc(mo->get("at")), r.str(mo, "text")});
    }
  if (!r.error.empty()) {
    error = r.error;
    return std::nullopt;
  }
  return tu;
}

json::Value flowToJson(const Flow& f) {
  return json::Object{{"api", f.api},
                      {"kind", f.kind},
                      {"sink", toJ(f.sink)},
                      {"data", toJ(Taint{f.origins, {}, {}})},
                      {"destination", toJ(f.destination)},
                      {"params", toJ(f.paramNames)},
                      {"chain", toJ(f.callChain)},
                      {"function", f.function},
                      {"encrypted", f.encrypted}};
}

std::optional<Flow> flowFromJson(const json::Value& v, std::string& error) {
  Reader r;
  const json::Object* o = r.object(v, "a flow");
  Flow f;
  f.api = r.str(o, "api");
  f.kind = r.str(o, "kind");
  f.sink = r.loc(Reader::at(o, "sink"));
  f.origins = r.taint(Reader::at(o, "data")).origins;
  f.destination = r.strVal(Reader::at(o, "destination"));
  f.paramNames = r.strings(Reader::at(o, "params"));
  f.callChain = r.path(Reader::at(o, "chain"));
  f.function = r.str(o, "function");
  f.encrypted = r.flag(o, "encrypted");
  if (!r.error.empty()) {
    error = r.error;
    return std::nullopt;
  }
  return f;
}

}  // namespace egress
