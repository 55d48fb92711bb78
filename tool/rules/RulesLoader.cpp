// Loads and validates every rules file. Schema: docs/rules.md.
#include <algorithm>
#include <filesystem>
#include <set>

#include "rules/Cidr.h"
#include "rules/Loaders.h"

namespace fs = std::filesystem;

namespace egress {

bool categoryMatches(const std::string& pattern, const std::string& category) {
  if (pattern == "*" || pattern == category) return true;
  if (pattern.size() > 2 && pattern.compare(pattern.size() - 2, 2, ".*") == 0)
    return category.compare(0, pattern.size() - 1, pattern, 0, pattern.size() - 1) == 0;
  return false;
}

bool RuleSet::isCategory(const std::string& id) const {
  return std::any_of(categories.begin(), categories.end(), [&](const Category& c) { return c.id == id; });
}

bool RuleSet::categoryPatternValid(const std::string& pattern) const {
  return std::any_of(categories.begin(), categories.end(),
                     [&](const Category& c) { return categoryMatches(pattern, c.id); });
}

namespace {

// The YAML files of one rules folder, which must exist and be readable: a rules
// directory without its library models would find nothing and pass.
std::vector<fs::path> yamlFilesIn(const fs::path& dir, bool required) {
  std::vector<fs::path> files;
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    throw ConfigError(dir.string() + ": rules folder not found (expected data/, apis/ and destinations/)");
  fs::directory_iterator it(dir, ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const auto ext = it->path().extension();
    std::error_code typeError;
    if (it->is_regular_file(typeError) && (ext == ".yaml" || ext == ".yml")) files.push_back(it->path());
  }
  if (ec) throw ConfigError(dir.string() + ": cannot read rules folder: " + ec.message());
  if (required && files.empty()) throw ConfigError(dir.string() + ": no rules files (*.yaml) in this folder");
  std::sort(files.begin(), files.end());  // deterministic order
  return files;
}

TypeClass typeClass(const YamlReader& y, const YAML::Node& n) {
  const std::string t = y.scalar(n, "a type class");
  if (t == "string") return TypeClass::String;
  if (t == "integer") return TypeClass::Integer;
  if (t == "floating") return TypeClass::Floating;
  if (t == "bool") return TypeClass::Bool;
  if (t == "record") return TypeClass::Record;
  if (t == "container") return TypeClass::Container;
  if (t == "any") return TypeClass::Any;
  y.fail(n, "unknown type class '" + t + "'; expected string, integer, floating, bool, record, container or any");
}

}  // namespace

FieldMatcher loadFieldMatcher(const YamlReader& y, const YAML::Node& n, bool withCategory) {
  y.expectMap(n, "a field pattern");
  if (withCategory) y.checkKeys(n, {"category", "name", "record", "context", "types", "unless"});
  else y.checkKeys(n, {"name", "record", "context", "types", "unless"});
  if (!n["name"]) y.fail(n, "missing required key 'name'");
  FieldMatcher m{y.pattern(n["name"], "'name'", true), std::nullopt, y.optionalScalar(n, "context"), {}};
  if (n["record"]) m.record = y.pattern(n["record"], "'record'", true);
  if (n["unless"]) m.unless = y.pattern(n["unless"], "'unless'", true);
  if (n["types"]) {
    y.expectSeq(n["types"], "'types'");
    for (const auto& t : n["types"]) m.types.push_back(typeClass(y, t));
  }
  return m;
}

std::string loadCategoryKey(const YamlReader& y, const YAML::Node& map, const RuleSet& rules) {
  const std::string id = y.requiredScalar(map, "category");
  if (!rules.isCategory(id))
    y.fail(map["category"], "unknown category '" + id + "'; expected a category id from rules/data");
  return id;
}

void loadSourcesAndTypes(const YamlReader& y, const YAML::Node& root, RuleSet& rules) {
  if (const YAML::Node list = root["sources"]) {
    y.expectSeq(list, "'sources'");
    for (const auto& n : list) {
      y.expectMap(n, "a source");
      y.checkKeys(n, {"function", "category", "out", "param", "description"});
      if (!n["function"]) y.fail(n, "missing required key 'function'");
      SourceRule r{y.pattern(n["function"], "'function'"), loadCategoryKey(y, n, rules), std::nullopt, std::nullopt};
      const auto number = [&](const char* key) {
        const std::string text = y.scalar(n[key], std::string("'") + key + "'");
        if (text.empty() || text.size() > 2 || !std::all_of(text.begin(), text.end(), ::isdigit))
          y.fail(n[key], std::string("expected '") + key + "' to be an argument number, got '" + text + "'");
        return unsigned(std::stoul(text));
      };
      if (n["out"] && n["param"]) y.fail(n["param"], "a source has 'out' or 'param', not both");
      if (n["out"]) r.out = number("out");
      if (n["param"]) r.param = number("param");
      rules.sources.push_back(std::move(r));
    }
  }
  if (const YAML::Node list = root["types"]) {
    y.expectSeq(list, "'types'");
    for (const auto& n : list) {
      y.expectMap(n, "a type classification");
      y.checkKeys(n, {"type", "category", "description"});
      if (!n["type"]) y.fail(n, "missing required key 'type'");
      rules.types.push_back({y.pattern(n["type"], "'type'"), loadCategoryKey(y, n, rules)});
    }
  }
}

std::vector<Sanitizer> loadSanitizerList(const YamlReader& y, const YAML::Node& list) {
  std::vector<Sanitizer> out;
  if (!list) return out;
  y.expectSeq(list, "'sanitizers'");
  for (const auto& s : list) {
    y.expectMap(s, "a sanitizer");
    y.checkKeys(s, {"function", "removes", "description"});
    if (!s["function"]) y.fail(s, "missing required key 'function'");
    Sanitizer san{y.pattern(s["function"], "'function'"), y.scalarList(s["removes"], "'removes'")};
    if (san.removes.empty()) san.removes.push_back("*");
    out.push_back(std::move(san));
  }
  return out;
}

namespace {

RecordContext recordContext(const YamlReader& y, const YAML::Node& n) {
  y.expectMap(n, "a context");
  y.checkKeys(n, {"id", "description", "records", "evidence", "components"});
  RecordContext c{y.requiredScalar(n, "id"), y.optionalScalar(n, "description"), std::nullopt,
                  y.scalarList(n["evidence"], "'evidence'"), std::nullopt};
  if (n["records"]) c.records = y.pattern(n["records"], "'records'", true);
  if (n["components"]) c.components = y.pattern(n["components"], "'components'", true);
  if (!c.records && c.evidence.empty()) y.fail(n, "a context needs 'records' or 'evidence'");
  return c;
}

// Contexts and the categories they name are checked once every data file is read.
void checkContexts(const YamlReader& y, const YAML::Node& cats, const RuleSet& rules) {
  if (!cats) return;
  for (const auto& c : cats) {
    if (!c["fields"]) continue;
    for (const auto& f : c["fields"]) {
      const std::string ctx = f["context"] ? f["context"].Scalar() : "";
      const bool known = std::any_of(rules.contexts.begin(), rules.contexts.end(),
                                     [&](const RecordContext& r) { return r.id == ctx; });
      if (!ctx.empty() && !known) y.fail(f["context"], "unknown context '" + ctx + "'; expected an id from 'contexts'");
    }
  }
}

}  // namespace

void loadDataFile(const YamlReader& y, RuleSet& rules) {
  y.checkKeys(y.root(), {"contexts", "categories", "sanitizers", "sources", "types"});
  if (const YAML::Node ctxs = y.root()["contexts"]) {
    y.expectSeq(ctxs, "'contexts'");
    for (const auto& c : ctxs) {
      RecordContext ctx = recordContext(y, c);
      const bool again = std::any_of(rules.contexts.begin(), rules.contexts.end(),
                                     [&](const RecordContext& r) { return r.id == ctx.id; });
      if (again) y.fail(c["id"], "context '" + ctx.id + "' is defined twice");
      rules.contexts.push_back(std::move(ctx));
    }
  }
  const YAML::Node cats = y.root()["categories"];
  if (cats) {
    y.expectSeq(cats, "'categories'");
    for (const auto& c : cats) {
      y.expectMap(c, "a category");
      y.checkKeys(c, {"id", "description", "fields"});
      Category cat{y.requiredScalar(c, "id"), y.optionalScalar(c, "description"), {}};
      if (cat.id.find('.') == std::string::npos)
        y.fail(c["id"], "expected a category id of the form group.name, got '" + cat.id + "'");
      if (rules.isCategory(cat.id)) y.fail(c["id"], "category '" + cat.id + "' is defined twice");
      if (c["fields"]) {
        y.expectSeq(c["fields"], "'fields'");
        for (const auto& f : c["fields"]) cat.fields.push_back(loadFieldMatcher(y, f, false));
      }
      rules.categories.push_back(std::move(cat));
    }
  }
  checkContexts(y, cats, rules);
  for (const RecordContext& ctx : rules.contexts)
    for (const std::string& e : ctx.evidence)
      if (!rules.categoryPatternValid(e) && y.root()["contexts"])
        y.fail(y.root()["contexts"], "context '" + ctx.id + "' names unknown evidence category '" + e + "'");
  auto sans = loadSanitizerList(y, y.root()["sanitizers"]);
  rules.sanitizers.insert(rules.sanitizers.end(), sans.begin(), sans.end());
  loadSourcesAndTypes(y, y.root(), rules);
}

namespace {

Operand operand(const YamlReader& y, const YAML::Node& n) {
  const std::string s = y.scalar(n, "an operand");
  if (s == "this") return {Operand::This, 0};
  if (s == "return") return {Operand::Return, 0};
  if (s == "all") return {Operand::AllArgs, 0};
  if (!s.empty() && s.size() < 4 && std::all_of(s.begin(), s.end(), ::isdigit))
    return {Operand::Arg, unsigned(std::stoul(s))};
  const std::string first = s.empty() ? s : s.substr(0, s.size() - 1);
  if (s.size() > 1 && s.size() < 5 && s.back() == '+' && std::all_of(first.begin(), first.end(), ::isdigit))
    return {Operand::AllArgs, unsigned(std::stoul(first))};
  y.fail(n, "expected an operand: an argument number, N+ (argument N and after), 'this', 'return' or 'all', got '" + s +
                "'");
}

// The operand under `key` of `n`, which must be an argument number (`key: 1`,
// `returns: {to: 2}`), or none when the key is absent.
std::optional<Operand> argumentOperand(const YamlReader& y, const YAML::Node& n, const char* key) {
  if (!n[key]) return std::nullopt;
  const Operand o = operand(y, n[key]);
  if (o.kind != Operand::Arg) y.fail(n[key], std::string("expected '") + key + "' to be an argument number");
  return o;
}

// `[none, 0]`: for each parameter of an invoked function, the argument it receives.
std::vector<std::optional<unsigned>> passedArguments(const YamlReader& y, const YAML::Node& list) {
  std::vector<std::optional<unsigned>> out;
  for (const YAML::Node& item : list) {
    if (item.IsScalar() && item.Scalar() == "none") {
      out.push_back(std::nullopt);
      continue;
    }
    const Operand o = operand(y, item);
    if (o.kind != Operand::Arg) y.fail(item, "expected an argument number or 'none' in 'args'");
    out.push_back(o.index);
  }
  return out;
}

std::vector<Operand> operands(const YamlReader& y, const YAML::Node& n) {
  std::vector<Operand> out;
  if (n.IsSequence()) {
    for (const auto& o : n) out.push_back(operand(y, o));
  } else {
    out.push_back(operand(y, n));
  }
  return out;
}

void loadFlows(const YamlReader& y, const YAML::Node& n, ApiModel& m) {
  const auto one = [&](const YAML::Node& f) {
    y.expectMap(f, "a flow");
    y.checkKeys(f, {"from", "to", "replace", "old", "format", "format-style", "prefix", "separator", "text"});
    if (!f["from"] || !f["to"]) y.fail(f, "a flow needs 'from' and 'to'");
    ApiModel::Flow flow;
    flow.from = operands(y, f["from"]);
    flow.to = operand(y, f["to"]);
    flow.replace = y.optionalBool(f, "replace", false);
    if (f["format"]) {
      flow.format = operand(y, f["format"]);
      const std::string style = y.optionalScalar(f, "format-style");
      if (!style.empty() && style != "printf" && style != "braces" && style != "numbered")
        y.fail(f["format-style"], "expected format-style printf, braces or numbered, got '" + style + "'");
      using Style = ApiModel::Flow::FormatStyle;
      flow.formatStyle = style == "braces" ? Style::Braces : style == "numbered" ? Style::Numbered : Style::Printf;
      // Printf and braces styles fill the format with the arguments after it;
      // numbered placeholders are filled by every argument of a method on the text.
      const bool numbered = flow.formatStyle == Style::Numbered;
      if (flow.format->kind != (numbered ? Operand::This : Operand::Arg))
        y.fail(f["format"], numbered ? "expected 'format' to be 'this' for format-style numbered"
                                     : "expected 'format' to be an argument number");
    }
    flow.old = y.optionalBool(f, "old", false);
    flow.text = y.optionalBool(f, "text", true);
    if (flow.old && flow.to.kind != Operand::Return) y.fail(f["old"], "'old' applies to a flow with 'to: return' only");
    flow.prefix = y.optionalScalar(f, "prefix");
    if (!flow.prefix.empty() && flow.prefix != kFilePrefix)
      y.fail(f["prefix"], std::string("expected prefix '") + kFilePrefix + "'");
    flow.separator = y.optionalScalar(f, "separator");
    if (!flow.separator.empty() && flow.format) y.fail(f["separator"], "a flow with 'format' takes no 'separator'");
    m.flows.push_back(std::move(flow));
  };
  if (n.IsSequence()) {
    for (const auto& f : n) one(f);
  } else {
    one(n);
  }
}

void loadSink(const YamlReader& y, const YAML::Node& n, ApiModel& m) {
  y.expectMap(n, "'sink'");
  y.checkKeys(n, {"kind", "data", "destination", "encrypted"});
  ApiModel::Sink s;
  s.kind = y.requiredScalar(n, "kind");
  if (s.kind != "network" && s.kind != "serialization")
    y.fail(n["kind"], "expected sink kind 'network' or 'serialization', got '" + s.kind + "'");
  if (!n["data"]) y.fail(n, "missing required key 'data' (the operands that carry the data)");
  s.data = operands(y, n["data"]);
  if (n["destination"]) s.destination = operand(y, n["destination"]);
  s.encrypted = y.optionalBool(n, "encrypted", false);
  m.sink = s;
}

void loadWhen(const YamlReader& y, const YAML::Node& n, ApiModel& m) {
  y.expectMap(n, "'when'");
  y.checkKeys(n, {"arg", "is", "is-not", "type", "type-not", "args"});
  if (n["args"]) {
    const std::string text = y.scalar(n["args"], "'args'");
    if (text.empty() || text.size() > 2 || !std::all_of(text.begin(), text.end(), ::isdigit))
      y.fail(n["args"], "expected 'args' to be a number of arguments, got '" + text + "'");
    m.whenArgs = unsigned(std::stoul(text));
  }
  if (!n["arg"] && !m.whenArgs) y.fail(n, "'when' needs 'arg' (the operand to test) or 'args' (how many arguments)");
  if (!n["arg"]) {
    if (n["is"] || n["is-not"] || n["type"] || n["type-not"])
      y.fail(n, "'is', 'is-not', 'type' and 'type-not' need 'arg'");
    return;
  }
  m.whenArg = operand(y, n["arg"]);
  if (n["is"]) m.argIs = y.pattern(n["is"], "'is'");
  if (n["is-not"]) m.argIsNot = y.pattern(n["is-not"], "'is-not'");
  if (n["type"]) m.rootType = y.pattern(n["type"], "'type'");
  if (n["type-not"]) m.rootTypeNot = y.pattern(n["type-not"], "'type-not'");
  if (!m.argIs && !m.argIsNot && !m.rootType && !m.rootTypeNot)
    y.fail(n, "'when' needs 'is', 'is-not', 'type' or 'type-not'");
}

ApiModel::Compare comparedOperands(const YamlReader& y, const YAML::Node& c) {
  y.expectMap(c, "'compares'");
  y.checkKeys(c, {"operands", "equal"});
  const std::vector<Operand> both = c["operands"] ? operands(y, c["operands"]) : std::vector<Operand>{};
  const auto single = [](const Operand& o) { return o.kind == Operand::Arg || o.kind == Operand::This; };
  if (!c["operands"] || !c["operands"].IsSequence() || both.size() != 2 || !single(both[0]) || !single(both[1]))
    y.fail(c["operands"] ? c["operands"] : c,
           "expected 'operands' to be a list of two operands (argument numbers or 'this')");
  const std::string equal = y.requiredScalar(c, "equal");
  if (equal != "zero" && equal != "true")
    y.fail(c["equal"], "expected 'equal' to be 'zero' (strcmp) or 'true' (==), got '" + equal + "'");
  return ApiModel::Compare{both[0], both[1], equal == "zero"};
}

ApiModel apiModel(const YamlReader& y, const YAML::Node& n, const std::string& library) {
  y.expectMap(n, "a function model");
  y.checkKeys(n, {"name",
                  "when",
                  "flow",
                  "no-flow",
                  "sink",
                  "set-destination",
                  "returns",
                  "alias",
                  "joins",
                  "invokes",
                  "connects",
                  "constructs",
                  "binds",
                  "key",
                  "encrypts",
                  "swap",
                  "elements",
                  "element-of",
                  "halves",
                  "input",
                  "properties",
                  "set-properties",
                  "callback-context",
                  "moves",
                  "compares",
                  "note"});
  if (!n["name"]) y.fail(n, "missing required key 'name'");
  ApiModel m;
  m.library = library;
  m.file = y.file();
  m.line = y.lineOf(n);
  m.name = y.pattern(n["name"], "'name'");
  if (n["when"]) loadWhen(y, n["when"], m);
  if (n["flow"]) loadFlows(y, n["flow"], m);
  m.noFlow = y.optionalBool(n, "no-flow", false);
  if (n["alias"]) m.aliasOf = operand(y, n["alias"]);
  if (const YAML::Node j = n["joins"]) {
    y.expectMap(j, "'joins'");
    y.checkKeys(j, {"part", "whole"});
    if (!j["part"] || !j["whole"]) y.fail(j, "'joins' needs 'part' and 'whole'");
    const auto single = [](const Operand& o) { return o.kind == Operand::Arg || o.kind == Operand::This; };
    m.joins = ApiModel::Join{operand(y, j["part"]), operand(y, j["whole"])};
    if (!single(m.joins->part) || !single(m.joins->whole))
      y.fail(j, "expected 'part' and 'whole' to be argument numbers or 'this'");
  }
  if (const YAML::Node inv = n["invokes"]) {
    y.expectMap(inv, "'invokes'");
    y.checkKeys(inv, {"target", "args", "result"});
    if (!inv["target"]) y.fail(inv, "'invokes' needs 'target' (the operand holding the function)");
    const bool list = inv["args"] && inv["args"].IsSequence();
    const Operand args = inv["args"] && !list ? operand(y, inv["args"]) : Operand{Operand::AllArgs, 0};
    if (args.kind != Operand::AllArgs)
      y.fail(inv["args"], "expected 'args' of the form N+ (argument N and after) or a list of argument numbers");
    m.invokes = ApiModel::Invoke{operand(y, inv["target"]), args, {}, {}};
    if (list) m.invokes->passed = passedArguments(y, inv["args"]);
    if (inv["result"]) m.invokes->result = operand(y, inv["result"]);
  }
  if (const YAML::Node c = n["connects"]) {
    y.expectMap(c, "'connects'");
    y.checkKeys(c, {"signal", "handler"});
    if (!c["signal"] || !c["handler"]) y.fail(c, "'connects' needs 'signal' and 'handler'");
    m.connects = ApiModel::Connect{operand(y, c["signal"]), operand(y, c["handler"])};
  }
  if (const YAML::Node b = n["binds"]) {
    y.expectMap(b, "'binds'");
    y.checkKeys(b, {"function", "object"});
    if (!b["function"] || !b["object"]) y.fail(b, "'binds' needs 'function' and 'object'");
    m.binds = ApiModel::Bind{operand(y, b["function"]), operand(y, b["object"])};
  }
  m.constructs = y.optionalBool(n, "constructs", false);
  m.elementKey = argumentOperand(y, n, "key");
  if (n["sink"]) loadSink(y, n["sink"], m);
  if (const YAML::Node d = n["set-destination"]) {
    y.expectMap(d, "'set-destination'");
    y.checkKeys(d, {"target", "from"});
    if (!d["target"] || !d["from"]) y.fail(d, "'set-destination' needs 'target' and 'from'");
    m.setDestination = ApiModel::SetDestination{operand(y, d["target"]), operand(y, d["from"])};
  }
  if (const YAML::Node mv = n["moves"]) {
    y.expectMap(mv, "'moves'");
    y.checkKeys(mv, {"from", "to"});
    if (!mv["from"] || !mv["to"]) y.fail(mv, "'moves' needs 'from' and 'to'");
    m.moves = ApiModel::Moves{operand(y, mv["from"]), operand(y, mv["to"])};
  }
  if (const YAML::Node r = n["returns"]) {
    y.expectMap(r, "'returns'");
    y.checkKeys(r, {"provenance", "key", "section", "to", "parent", "separator"});
    const std::string kind = y.requiredScalar(r, "provenance");
    if (kind != "env" && kind != "config" && kind != "option")
      y.fail(r["provenance"], "expected provenance env, config or option, got '" + kind + "'");
    if (!r["key"]) y.fail(r, "missing required key 'key'");
    m.returns = ApiModel::Provenance{kind, operand(y, r["key"]), std::nullopt};
    if (r["section"]) {
      if (m.returns->key.kind != Operand::Arg && m.returns->key.kind != Operand::AllArgs)
        y.fail(r["section"], "'section' needs 'key' to be an argument number or 'all'");
      m.returns->section = y.pattern(r["section"], "'section'", true);
    }
    if (r["to"]) {
      m.returns->to = operand(y, r["to"]);
      if (m.returns->to->kind != Operand::Arg && m.returns->to->kind != Operand::This)
        y.fail(r["to"], "expected 'to' to be an argument number or 'this'");
    }
    m.returns->parent = argumentOperand(y, r, "parent");
    if (r["separator"]) m.returns->separator = y.scalar(r["separator"], "a separator");
  }
  if (n["encrypts"]) m.encrypts = operand(y, n["encrypts"]);
  m.elements = y.optionalBool(n, "elements", false);
  if (n["element-of"]) {
    m.elementOf = operand(y, n["element-of"]);
    if (m.elementOf->kind != Operand::Arg && m.elementOf->kind != Operand::This)
      y.fail(n["element-of"], "expected 'element-of' to be an argument number or 'this'");
  }
  if (const YAML::Node sw = n["swap"]) {
    const std::vector<Operand> both = operands(y, sw);
    const auto single = [](const Operand& o) { return o.kind == Operand::Arg || o.kind == Operand::This; };
    if (!sw.IsSequence() || both.size() != 2 || !single(both[0]) || !single(both[1]))
      y.fail(sw, "expected 'swap' to be a list of two operands (argument numbers or 'this')");
    m.swaps = std::make_pair(both[0], both[1]);
  }
  if (const YAML::Node h = n["halves"]) {
    y.expectMap(h, "'halves'");
    y.checkKeys(h, {"first", "second", "pair", "parts"});
    ApiModel::Halves halves;
    if (h["first"]) halves.first = operand(y, h["first"]);
    if (h["second"]) halves.second = operand(y, h["second"]);
    if (h["pair"]) halves.pair = operand(y, h["pair"]);
    if (h["parts"]) halves.parts = operand(y, h["parts"]);
    m.halves = halves;
  }
  if (n["input"]) m.input = operands(y, n["input"]);
  if (n["properties"]) m.properties = argumentOperand(y, n, "properties");
  if (const YAML::Node sp = n["set-properties"]) {
    y.expectMap(sp, "'set-properties'");
    y.checkKeys(sp, {"from", "to"});
    if (!sp["from"] || !sp["to"]) y.fail(sp, "'set-properties' needs 'from' and 'to'");
    const Operand to = operand(y, sp["to"]);
    if (to.kind != Operand::Return && to.kind != Operand::Arg)
      y.fail(sp["to"], "expected 'to' to be 'return' or an argument number");
    m.setProperties = ApiModel::SetProperties{*argumentOperand(y, sp, "from"), to};
  }
  m.callbackContext = argumentOperand(y, n, "callback-context");
  if (n["compares"]) {
    m.compares = comparedOperands(y, n["compares"]);
    if (n["when"]) y.fail(n["when"], "a model with 'compares' takes no 'when': the comparison is read on every call");
  }
  if (m.flows.empty() && !m.noFlow && !m.sink && !m.setDestination && !m.moves && !m.returns && !m.aliasOf &&
      !m.joins && !m.invokes && !m.connects && !m.binds && !m.constructs && !m.elementKey && !m.encrypts && !m.swaps &&
      !m.elements && !m.elementOf && !m.halves && m.input.empty() && !m.properties && !m.setProperties &&
      !m.callbackContext && !m.compares)
    y.fail(n,
           "a function model needs at least one of flow, no-flow, sink, set-destination, moves, returns, alias, joins, "
           "invokes, "
           "connects, binds, constructs, key, encrypts, swap, elements, element-of, halves, input, properties, "
           "set-properties, callback-context, compares");
  return m;
}

}  // namespace

void loadApiFile(const YamlReader& y, RuleSet& rules) { loadApiLibrary(y, y.root(), rules); }

void loadApiLibrary(const YamlReader& y, const YAML::Node& lib, RuleSet& rules) {
  y.expectMap(lib, "a library");
  y.checkKeys(lib, {"library", "description", "headers", "literal-macros", "functions"});
  const std::string library = y.requiredScalar(lib, "library");
  for (std::string& name : y.scalarList(lib["literal-macros"], "'literal-macros'"))
    rules.literalMacros.push_back(std::move(name));
  const YAML::Node fns = lib["functions"];
  if (!fns) y.fail(lib, "missing required key 'functions'");
  y.expectSeq(fns, "'functions'");
  for (const auto& f : fns) rules.apis.push_back(apiModel(y, f, library));
}

namespace {

DestinationEntry destinationEntry(const YamlReader& y, const YAML::Node& n) {
  y.expectMap(n, "a destination");
  y.checkKeys(n, {"name", "hosts", "cidrs", "country", "operator", "jurisdiction", "internal", "note"});
  DestinationEntry d;
  d.name = y.requiredScalar(n, "name");
  d.file = y.file();
  d.line = y.lineOf(n);
  d.hosts = y.scalarList(n["hosts"], "'hosts'");
  d.cidrs = y.scalarList(n["cidrs"], "'cidrs'");
  d.country = y.optionalScalar(n, "country");
  d.op = y.optionalScalar(n, "operator");
  d.jurisdiction = y.optionalScalar(n, "jurisdiction");
  d.internal = y.optionalBool(n, "internal", false);
  if (d.hosts.empty() && d.cidrs.empty()) y.fail(n, "a destination needs 'hosts' or 'cidrs'");
  for (const std::string& c : d.cidrs)
    if (!parseCidr(c)) y.fail(n["cidrs"], "expected CIDR blocks such as 10.0.0.0/8, got '" + c + "'");
  return d;
}

}  // namespace

void loadDestinationFile(const YamlReader& y, RuleSet& rules) {
  y.checkKeys(y.root(), {"countries", "region-tlds", "destinations", "schemes"});
  if (const YAML::Node sc = y.root()["schemes"]) {
    y.expectMap(sc, "'schemes'");
    y.checkKeys(sc, {"encrypted", "plain"});
    for (const auto& v : y.scalarList(sc["encrypted"], "'encrypted'")) rules.encryptedSchemes.push_back(v);
    for (const auto& v : y.scalarList(sc["plain"], "'plain'")) rules.plainSchemes.push_back(v);
  }
  if (const YAML::Node cs = y.root()["countries"]) {
    y.expectSeq(cs, "'countries'");
    for (const auto& c : cs) {
      y.expectMap(c, "a country");
      y.checkKeys(c, {"code", "tld", "regions"});
      rules.countries.push_back(
          {y.requiredScalar(c, "code"), y.optionalScalar(c, "tld"), y.scalarList(c["regions"], "'regions'")});
    }
  }
  if (const YAML::Node rs = y.root()["region-tlds"]) {
    y.expectSeq(rs, "'region-tlds'");
    for (const auto& r : rs) {
      y.expectMap(r, "a region tld");
      y.checkKeys(r, {"tld", "region"});
      rules.regionTlds.emplace_back(y.requiredScalar(r, "tld"), y.requiredScalar(r, "region"));
    }
  }
  loadDestinationList(y, y.root()["destinations"], rules);
}

void loadDestinationList(const YamlReader& y, const YAML::Node& list, RuleSet& rules) {
  if (!list) return;
  y.expectSeq(list, "'destinations'");
  for (const auto& d : list) rules.destinations.push_back(destinationEntry(y, d));
}

std::string overlayFor(const std::string& root, const std::string& explicitFile) {
  if (!explicitFile.empty()) return explicitFile;
  std::error_code ec;
  const fs::path candidate = fs::path(root.empty() ? "." : root) / ".egress-audit.yaml";
  return fs::is_regular_file(candidate, ec) ? candidate.string() : "";
}

RuleSet loadRules(const std::string& rulesDir, const std::string& policyFile, const std::string& overlayFile) {
  std::error_code ec;
  if (!fs::is_directory(rulesDir, ec)) throw ConfigError(rulesDir + ": rules directory not found");
  RuleSet rules;
  for (const auto& f : yamlFilesIn(fs::path(rulesDir) / "data", true)) loadDataFile(YamlReader(f.string()), rules);
  if (rules.categories.empty())
    throw ConfigError(rulesDir + "/data: no data categories defined (expected at least one YAML file)");
  for (const auto& f : yamlFilesIn(fs::path(rulesDir) / "apis", true)) loadApiFile(YamlReader(f.string()), rules);
  for (const auto& f : yamlFilesIn(fs::path(rulesDir) / "destinations", false))
    loadDestinationFile(YamlReader(f.string()), rules);
  // Before the policy, so the policy may name the overlay's destinations and the
  // overlay's bindings come first (they win over the policy's).
  if (!overlayFile.empty()) {
    std::error_code ec;
    if (!fs::is_regular_file(overlayFile, ec))
      throw ConfigError(overlayFile + ": project overlay (--config) not found");
    loadOverlay(YamlReader(overlayFile), rules);
    rules.overlayFile = overlayFile;
  }
  const std::string policy =
      policyFile.empty() ? (fs::path(rulesDir) / "policies" / "eu-residency.yaml").string() : policyFile;
  loadPolicy(YamlReader(policy), rules);
  return rules;
}

}  // namespace egress
