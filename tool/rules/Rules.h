// The knowledge the engine runs on, loaded from rules/ YAML: data categories and how
// to recognise them, library models, the destination catalog and the policy.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "rules/Pattern.h"

namespace egress {

// A rules or policy file that is malformed; `what()` is "file:line:col: message".
class ConfigError : public std::runtime_error {
 public:
  ConfigError(const std::string& file, unsigned line, unsigned col, const std::string& msg)
      : std::runtime_error(file + ":" + std::to_string(line) + ":" + std::to_string(col) + ": " + msg) {}
  explicit ConfigError(const std::string& msg) : std::runtime_error(msg) {}
};

enum class TypeClass { String, Integer, Floating, Bool, Record, Container, Any };

struct FieldMatcher {
  Pattern name;                   // field name, full match, case-insensitive
  std::optional<Pattern> record;  // enclosing record name
  std::string context;            // the enclosing record must be in this context
  std::vector<TypeClass> types;   // empty: any type
  // Names it does not take although `name` matches (`dest_postcode` is a route's,
  // not a person's address): a qualified name another category claims.
  std::optional<Pattern> unless;
};

// What kind of thing a record describes (a shipment, a customer, a seller), decided
// by evidence rather than by its name alone: generic field names (weight, lat, name)
// count only in records of the right context.
struct RecordContext {
  std::string id;
  std::string description;
  std::optional<Pattern> records;     // record names in the context by themselves
  std::vector<std::string> evidence;  // a record with a field of these categories
  // Record names of the program's parts (`delivery_service`, `order_exporter`):
  // never in the context, whatever their name, fields or holders say.
  std::optional<Pattern> components;
};

struct Category {
  std::string id;
  std::string description;
  std::vector<FieldMatcher> fields;
};

struct Sanitizer {
  Pattern function;                  // qualified function name
  std::vector<std::string> removes;  // category patterns ("customer.*", "*")
};

// A function declared to return data of a category, or to write it through one of
// its pointer or reference arguments (`out`): a vendor SDK's getter, a database read.
// Or a function of the program whose parameter (`param`) is data of a category in
// its body: a request handler that a framework calls with the request.
struct SourceRule {
  Pattern function;  // canonical name, as for API models
  std::string category;
  std::optional<unsigned> out;    // the argument written; none: the return value
  std::optional<unsigned> param;  // the parameter that is the data, in the function's body
};

// A record type whose values are data of a category wherever they are read: its own
// fields, fields holding it, functions without a body returning it.
struct TypeRule {
  Pattern type;  // qualified record name (acme::GeoFix) or a C typedef's name
  std::string category;
};

// A field the rules must not classify by name (a bundled pattern that misfires in
// one codebase); annotations still apply.
struct FieldExclusion {
  Pattern name;                   // normalised field name
  std::optional<Pattern> record;  // normalised enclosing record name
};

// An operand of a modelled call: an argument, the object, or the return value.
struct Operand {
  enum Kind { Arg, This, Return, AllArgs } kind = Arg;
  unsigned index = 0;  // the argument; for AllArgs the first of them ("2+")
};

// A destination starting with this text names a file (a descriptor from open(), see
// flow `prefix`): a network sink writing to it is an export to that path.
constexpr const char* kFilePrefix = "file:";
// The value of a standard stream (stdout, std::cerr): console output is not an export.
constexpr const char* kConsolePrefix = "/dev/std/";

struct ApiModel {
  std::string library;
  std::string file;
  unsigned line = 0;
  Pattern name;
  // Conditions: an argument spelled like `argIs` (an enum constant, macro or literal),
  // the root variable of an operand having a type matching `rootType`.
  std::optional<Operand> whenArg;
  std::optional<Pattern> argIs;
  std::optional<Pattern> argIsNot;
  std::optional<Pattern> rootType;
  std::optional<Pattern> rootTypeNot;
  // The call passes exactly this many arguments, defaults not counted (a whole-list
  // `splice(pos, other)` against the forms naming a position or range).
  std::optional<unsigned> whenArgs;
  // A constructor whose object is a view onto an argument (a writer over a buffer,
  // an archive over a stream): writes through the object reach that argument.
  std::optional<Operand> aliasOf;
  // `joins: {part: A, whole: B}`: the call makes the object operand A names a part of
  // operand B's (xmlAddChild(parent, node), cJSON_AddItemToObject(obj, key, item)):
  // what it holds, and what is put into it later, is in the whole too.
  struct Join {
    Operand part;
    Operand whole;
  };
  std::optional<Join> joins;
  // Calls the function value held by `target` with the arguments from `args` on
  // (std::function::operator(), std::invoke, executors running a handler).
  struct Invoke {
    Operand target;
    Operand args;
    std::optional<Operand> result;  // where the function's results go (std::transform's output)
    // `args: [none, 0]`: what each parameter of the function receives, an argument of
    // the call or nothing known (async_resolve's handler gets the resolved host).
    std::vector<std::optional<unsigned>> passed;
  };
  std::optional<Invoke> invokes;
  // Connects a handler to a function (Qt's `connect(sender, &S::signal, receiver,
  // &R::slot)`): every call of the function named by `signal` also runs the function
  // value held by `handler`, with that call's arguments.
  struct Connect {
    Operand signal;
    Operand handler;
  };
  std::optional<Connect> connects;
  // A binder (`std::bind(&C::on_read, self, _1)`, `beast::bind_front_handler(&C::on_read,
  // shared_from_this())`): the callable it returns runs the member function `function`
  // names on the object `object` names, wherever it is run.
  struct Bind {
    Operand function;
    Operand object;
  };
  std::optional<Bind> binds;
  // A factory (std::make_unique, std::make_shared): the result is a new object of the
  // class the result type holds, built by that class's constructor from the arguments.
  bool constructs = false;
  // `key: N`: the call stores or reads the element of a map under argument N; under
  // a constant key that element is tracked apart (a registry of clients by name).
  std::optional<Operand> elementKey;
  // `elements: true`: the object built (a constructor) or the result holds each
  // argument as its own element, in order (std::pair, std::make_tuple): a read of one
  // element does not see the others.
  bool elements = false;
  // `element-of: N`: the result is the element of operand N that the call's first
  // template argument selects (std::get<1>(pair) is `second`).
  std::optional<Operand> elementOf;
  // `swap: [A, B]`: the call exchanges what the two operands hold (std::swap, a
  // member swap): after it each holds what the other held, not both.
  std::optional<std::pair<Operand, Operand>> swaps;
  // `halves: {first: A, second: B, pair: P}`: when the object's elements are pairs
  // (a map's entries, a vector of pairs), operand A goes into the elements' first
  // halves and B into their second halves, or pair P's own elements into each; the
  // halves are read apart. Other flows into the object are then not applied. A call
  // of such a model returning a reference names the second half (`m[key]`, and with
  // `halves: {}` a read only: `m.at(key)`). Elements that are tuples have parts
  // `#0`, `#1`, ... instead (`first` is part 0, `second` part 1); `parts: 0+`
  // builds an element from the operands in order (`rows.emplace_back(seq, hub, kg)`).
  struct Halves {
    std::optional<Operand> first, second, pair, parts;
  };
  std::optional<Halves> halves;
  // `input: OPERAND(S)`: the call fills these operands (or its result) with bytes read
  // from outside the program: a socket, a file, a device (recv, read, fgets).
  std::vector<Operand> input;
  // `properties: N`: from argument N on, (name, &value) pairs, ended by NULL: each
  // value read is data of the category a field of that name is
  // (`g_object_get(s, "tracking-number", &tn, NULL)`).
  std::optional<Operand> properties;
  // `set-properties: {from: N, to: OPERAND}`: from argument N on, (name, value) pairs,
  // ended by NULL: each value is stored at the field of that name (dashes read as
  // underscores) of the object `to` names, the call's result or an argument
  // (`g_object_new(T, "endpoint", url, NULL)`, `g_object_set(o, "host", h, NULL)`).
  struct SetProperties {
    Operand from;
    Operand to;
  };
  std::optional<SetProperties> setProperties;
  // `callback-context: N`: the C callbacks the call is handed get argument N as their
  // `void *` parameter when the library runs them (`g_signal_connect_data(instance,
  // signal, handler, data, ...)`, whose instance is a `void *` too). Without it, the
  // callee's only `void *` parameter is taken, if it has exactly one.
  std::optional<Operand> callbackContext;
  // `compares: {operands: [A, B], equal: zero|true}`: the call compares the texts of
  // two operands, its result zero (strcmp) or true (g_str_equal, `==`) where they are
  // equal. A branch on it comparing a parameter with a constant names a key the
  // function's other parameters are read under (StrPiece::Setting).
  struct Compare {
    Operand left, right;
    bool zeroWhenEqual = true;
  };
  std::optional<Compare> compares;

  struct Flow {
    std::vector<Operand> from;
    Operand to;
    bool replace = false;  // overwrite the target (strcpy, snprintf) instead of adding to it
    // `old: true` on a flow to return: the operands as they were before the call's
    // effects (std::exchange returns the value it replaced).
    bool old = false;
    // `text: false`: the values add data to the target, not text (the values bound to
    // a prepared statement are not its SQL, nor where it goes).
    bool text = true;
    // The string value is a format string (operand `format`) filled with the
    // arguments after it: printf style (%s, %d), braces style ({}, {0}), or Qt's
    // numbered style (`QString("https://%1/%2").arg(host, path)`).
    enum class FormatStyle : uint8_t { Printf, Braces, Numbered };
    std::optional<Operand> format;
    FormatStyle formatStyle = FormatStyle::Printf;
    // Text put before the value: `file:` makes a descriptor from open() name a file, so
    // writes to it are exports, not network sends.
    std::string prefix;
    // Text put between the sources' strings: `dir / name` on std::filesystem paths.
    std::string separator;
  };
  std::vector<Flow> flows;
  bool noFlow = false;  // the return value carries nothing (sizes, counts, status)

  struct Sink {
    std::string kind;  // network | serialization
    std::vector<Operand> data;
    std::optional<Operand> destination;
    bool encrypted = false;  // the channel is TLS whatever the destination says (SSL_write)
  };
  std::optional<Sink> sink;

  struct SetDestination {
    Operand target;
    Operand from;
  };
  std::optional<SetDestination> setDestination;
  // `moves: {from: A, to: B}`: the file at path A is now at path B (`rename(tmp,
  // final)`): what this function wrote to A is exported to B.
  struct Moves {
    Operand from;
    Operand to;
  };
  std::optional<Moves> moves;
  // `encrypts: N`: the call turns TLS on for the handle operand N (CURLOPT_USE_SSL);
  // sinks through that handle are marked encrypted in the inventory.
  std::optional<Operand> encrypts;

  struct Provenance {
    std::string kind;  // env | config | option
    Operand key;
    // The key's parameter named like this (`get(section, key)`) is a section: the
    // next argument completes the key, section.key.
    std::optional<Pattern> section;
    // Where the value goes when not the result: an out-argument
    // (`config_lookup_string(&cfg, "relay.host", &host)`), or the object itself, which
    // becomes a section (`settings.beginGroup("partners")`).
    std::optional<Operand> to;
    // The operand holding the section the key is read below, when not the object
    // (`config_setting_lookup_string(setting, "host", &out)`): a configuration value
    // there prefixes the key.
    std::optional<Operand> parent;
    // What joins a section and the key below it: `partners/webhookUrl` for QSettings.
    std::string separator = ".";
  };
  std::optional<Provenance> returns;
};

struct Country {
  std::string code;
  std::string tld;
  std::vector<std::string> regions;
};

struct DestinationEntry {
  std::string name;
  std::string file;
  unsigned line = 0;
  std::vector<std::string> hosts;  // globs; a host matches when it or a parent domain matches
  std::vector<std::string> cidrs;
  std::string country;
  std::string op;  // operator
  std::string jurisdiction;
  bool internal = false;
};

// One `allow:` / `deny:` entry: every key given must match.
struct DestMatcher {
  std::optional<std::string> name, host, cidr, country, region, op, jurisdiction, path;
  std::optional<bool> internal;
};

struct PolicyRule {
  std::string id;
  std::vector<std::string> data;  // category patterns
  std::vector<DestMatcher> allow;
  std::vector<DestMatcher> deny;
};

struct Policy {
  std::string name;
  std::string file;
  std::vector<PolicyRule> rules;
  std::vector<std::pair<std::string, std::string>> bindings;  // "env:X" -> value
  bool unresolvedFails = false;
  std::vector<Sanitizer> sanitizers;
};

struct RuleSet {
  std::vector<Category> categories;
  std::vector<RecordContext> contexts;
  std::vector<Sanitizer> sanitizers;
  std::vector<SourceRule> sources;
  std::vector<TypeRule> types;
  std::vector<FieldExclusion> excludedFields;
  std::vector<ApiModel> apis;
  // Macros whose value is their string literal argument, whatever code they expand
  // to (Qt's QStringLiteral builds the string in an immediately called lambda).
  std::vector<std::string> literalMacros;
  std::vector<Country> countries;
  std::vector<std::pair<std::string, std::string>> regionTlds;  // tld -> region
  std::vector<DestinationEntry> destinations;
  // URL schemes that say whether a channel is encrypted (`https`, `mqtts` / `http`).
  std::vector<std::string> encryptedSchemes, plainSchemes;
  Policy policy;
  std::string overlayFile;  // the project overlay applied, if any (--config, .egress-audit.yaml)

  bool isCategory(const std::string& id) const;
  // True when `pattern` ("customer.*", "*", exact id) names at least one category.
  bool categoryPatternValid(const std::string& pattern) const;
};

// "customer.*" matches "customer.contact"; "*" matches everything.
bool categoryMatches(const std::string& pattern, const std::string& category);

// Loads rules/{data,apis,destinations}/*.yaml below `rulesDir`, then the project
// overlay `overlayFile` if not empty, then the policy file (default:
// rulesDir/policies/eu-residency.yaml). Throws ConfigError.
RuleSet loadRules(const std::string& rulesDir, const std::string& policyFile, const std::string& overlayFile = "");

// The overlay a scan of `root` uses: `explicitFile` if given, else
// `root/.egress-audit.yaml` when that file exists, else none ("").
std::string overlayFor(const std::string& root, const std::string& explicitFile);

}  // namespace egress
