// Calls of the program's own functions (extract/CallSites.cpp): the call sites the
// link stage resolves, and what a call may write in the caller.
#include <gtest/gtest.h>

#include "ExtractedFacts.h"

namespace egress {
namespace {

using namespace test;

const CallSiteFact& onlyCall(const FunctionFacts& f) {
  EXPECT_EQ(f.calls.size(), 1u);
  static const CallSiteFact none;
  return f.calls.empty() ? none : f.calls[0];
}

TEST(CallSites, ArgumentsAreRecordedFieldByField) {
  const TUFacts tu = extractSnippet(R"(
void publish(const Customer& c);
void f(const Parcel& p) {
  Customer c;
  c.email = p.recipient.email;
  publish(c);
})");
  const CallSiteFact& c = onlyCall(functionNamed(tu, "f"));
  EXPECT_EQ(c.calleeName, "publish");
  ASSERT_EQ(c.args.size(), 1u);
  ASSERT_TRUE(c.args[0].fields.count("email"));
  EXPECT_TRUE(readsParam(c.args[0].fields.at("email"), 0, "recipient.email"));
  EXPECT_FALSE(c.args[0].fields.count("name"));
}

// The program's own copy writing through a configuration table's row pointer
// (`copy(k_map[i].dst, value)`) fills each row's buffer with the row's entry.
TEST(CallSites, ACopyThroughATableRowFillsEachRowsFieldWithItsEntry) {
  const TUFacts tu = extractSnippet(R"(
struct Conf { char host[64]; char site[8]; };
Conf g_conf;
static const struct { const char* key; char* dst; } k_map[] = {{"host", g_conf.host}, {"site", g_conf.site}};
void copy(char* dst, const char* src);
void set(const char* value, int i) { copy(k_map[i].dst, value); }
)");
  const FunctionFacts& set = functionNamed(tu, "set");
  std::map<std::string, std::string> filled;
  for (const EffectFact& e : set.effects)
    if (e.target == kGlobalTarget) filled[e.field.substr(e.field.find('.') + 1)] = displayStr(e.str);
  EXPECT_EQ(filled["host"], "${config:host}");
  EXPECT_EQ(filled["site"], "${config:site}");
}

// A helper copying into one slot of a table (`copy_text(s_conn[ch].host, host)`)
// leaves there what its summary says, the slot's earlier text beside it.
TEST(CallSites, ACallWritingIntoATableSlotLeavesItsOutput) {
  const TUFacts tu = extractSnippet(R"(
struct Conn { char host[64]; };
Conn s_conn[4];
char* copy_text(char* dst, const char* src);
int dial(const char* host);
void open(int ch, const char* host) {
  copy_text(s_conn[ch].host, host);
  dial(s_conn[ch].host);
})");
  const FunctionFacts& open = functionNamed(tu, "open");
  ASSERT_EQ(open.calls.size(), 2u);
  ASSERT_EQ(open.calls[1].args.size(), 1u);
  const StrVal& host = open.calls[1].args[0].str;
  ASSERT_TRUE(host.known());
  EXPECT_NE(onlyPiece(forms(host).front(), StrPiece::CallOut), nullptr);
}

TEST(CallSites, ACallOfABodylessFunctionThatMayWriteItsArgumentIsMarked) {
  const TUFacts tu = extractSnippet(R"(
void fill(char* out, int n);
void show(const char* text);
void f() {
  char buf[16];
  fill(buf, sizeof buf);
}
void g() { show("depot"); })");
  EXPECT_TRUE(onlyCall(functionNamed(tu, "f")).writesArgs);
  EXPECT_FALSE(onlyCall(functionNamed(tu, "g")).writesArgs);
}

TEST(CallSites, TheArgumentAfterTheCallIsWhatTheCalleeLeftThere) {
  const TUFacts tu = extractSnippet(R"(
void fill(std::string& out);
std::string f() {
  std::string s;
  fill(s);
  return s;
})");
  const FunctionFacts& f = functionNamed(tu, "f");
  ASSERT_EQ(f.ret.calls.size(), 1u);
  EXPECT_EQ(f.ret.calls[0].site, onlyCall(f).id);
  EXPECT_EQ(f.ret.calls[0].slot, "arg:0");
}

// The string a call leaves in what it was handed (`resolve(host, &ai)`) is read
// from the callee by the link, field by field; where the object had a value
// before (a parameter's own), that value is the other alternative.
TEST(CallSites, TheStringACallLeavesInAnArgumentIsThatCallsOutput) {
  const TUFacts tu = extractSnippet(R"(
struct Addr { const char* name; };
int resolve(const char* host, Addr** out);
const char* f() {
  Addr* a = nullptr;
  resolve("depot", &a);
  return a->name;
}
struct Cfg { const char* host; };
void fill(Cfg* cfg);
void g(Cfg* cfg) { fill(cfg); })");
  const FunctionFacts& f = functionNamed(tu, "f");
  const StrPiece* left = onlyPiece(f.retStr, StrPiece::CallOut);
  ASSERT_NE(left, nullptr);
  EXPECT_EQ(left->index, onlyCall(f).id);
  EXPECT_EQ(left->text, "arg:1.name");
  const FunctionFacts& g = functionNamed(tu, "g");
  ASSERT_EQ(g.effects.size(), 1u);
  const std::vector<StrVal> values = forms(g.effects[0].str);
  ASSERT_EQ(values.size(), 2u);
  EXPECT_EQ(values[0].pieces[0].kind, StrPiece::CallOut);
  EXPECT_EQ(values[0].pieces[0].text, "arg:0");
  EXPECT_EQ(values[1].pieces[0].kind, StrPiece::Param);
}

// A method of `this` that may store into a field (a connection opened on first
// use): the field read after the call is what the call left there; a text it may
// only default keeps what it held before as the other value.
TEST(CallSites, AFieldAMethodOfThisMayStoreIsWhatTheCallLeft) {
  const TUFacts tu = extractSnippet(R"(
int open_fd(const char* host);
struct Relay {
  int fd_;
  const char* host_;
  void open() {
    if (fd_ < 0) fd_ = open_fd("10.20.0.5");
    if (!host_) host_ = "fallback.example.cn";
  }
  int f() { open(); return fd_; }
  const char* g() { open(); return host_; }
};)");
  const FunctionFacts& f = functionNamed(tu, "Relay::f");
  const StrPiece* left = onlyPiece(f.retStr, StrPiece::CallOut);
  ASSERT_NE(left, nullptr);
  EXPECT_EQ(left->index, onlyCall(f).id);
  EXPECT_EQ(left->text, "this.fd_");
  const std::vector<StrVal> host = forms(functionNamed(tu, "Relay::g").retStr);
  ASSERT_EQ(host.size(), 2u);
  EXPECT_EQ(host[0].pieces[0].kind, StrPiece::CallOut);
  EXPECT_EQ(host[1].pieces[0].kind, StrPiece::Param);
}

// A lambda held in a variable and called there: what it stores in a by-reference
// capture is in the captured variable after the call (the closure's field of that name).
TEST(CallSites, ALocalLambdaWritesItsCapturesByReference) {
  const TUFacts tu = extractSnippet(R"(
std::string f(const Customer& c) {
  std::string line;
  auto add = [&line](const std::string& part) { line += part; };
  add(c.name);
  return line;
})");
  const FunctionFacts& f = functionNamed(tu, "f");
  const auto written = std::find_if(f.ret.calls.begin(), f.ret.calls.end(),
                                    [](const CallRef& c) { return c.slot == "this" && c.field == "line"; });
  EXPECT_NE(written, f.ret.calls.end());
}

// A lambda written in the argument list captures `this`: in a method that is the
// method's object, in a lambda the object that lambda captured (its field `this`).
TEST(CallSites, ACapturedThisIsTheObjectTheEnclosingCodeHolds) {
  const TUFacts tu = extractSnippet(R"(
template <typename Fn> void later(Fn fn);
struct Feed {
  const char* host_;
  void f() { later([this] { (void)host_; }); }
  void g() { later([this] { later([this] { (void)host_; }); }); }
};)");
  const auto captured = [&](const FunctionFacts& fn) {
    for (const CallSiteFact& c : fn.calls)
      if (!c.args.empty())
        if (auto it = c.args[0].fieldStrs.find("this"); it != c.args[0].fieldStrs.end()) return displayStr(it->second);
    return std::string("(none)");
  };
  EXPECT_EQ(captured(functionNamed(tu, "Feed::f")), "${param:this}");
  const FunctionFacts* outer = nullptr;
  for (const FunctionFacts& fn : tu.functions)
    if (fn.name == "Feed::operator()" && !fn.calls.empty()) outer = &fn;
  ASSERT_NE(outer, nullptr);
  EXPECT_EQ(captured(*outer), "${param:this.this}");
}

// A factory passes only what it was given: the constructor it runs gets its default
// arguments for the rest (`Exporter(std::string root = "/var/spool/lmd")`).
TEST(CallSites, AFactoryBuiltObjectGetsTheConstructorsDefaultArguments) {
  const TUFacts tu = extractSnippet(R"(
#include <memory>
struct Exporter { explicit Exporter(std::string root = "/var/spool/lmd", int mode = 2); std::string root_; };
std::shared_ptr<Exporter> make() { return std::make_shared<Exporter>(); })");
  const CallSiteFact& built = onlyCall(functionNamed(tu, "make"));
  ASSERT_EQ(built.args.size(), 2u);
  EXPECT_EQ(displayStr(built.args[0].str), "/var/spool/lmd");
}

// A record written in the argument list: its fields are what their initializers
// give, and an object named there brings its own fields' strings.
TEST(CallSites, ARecordBuiltInTheArgumentListIsRecordedFieldByField) {
  const TUFacts tu = extractSnippet(R"(
struct Target { const char* host; };
struct Pair { const Customer& who; Target& to; };
void deliver(Pair p);
void f(const Customer& c) {
  Target t;
  t.host = "crm.example.de";
  deliver({c, t});
})");
  const CallSiteFact& c = onlyCall(functionNamed(tu, "f"));
  ASSERT_EQ(c.args.size(), 1u);
  ASSERT_TRUE(c.args[0].fields.count("who"));
  EXPECT_TRUE(readsParam(c.args[0].fields.at("who"), 0, ""));
  ASSERT_TRUE(c.args[0].fieldStrs.count("to.host"));
  EXPECT_EQ(displayStr(c.args[0].fieldStrs.at("to.host")), "crm.example.de");
}

// An object passed as one of its bases names its class; one of the parameter's
// own class does not.
TEST(CallSites, AnObjectPassedAsItsBaseNamesItsClass) {
  const TUFacts tu = extractSnippet(R"(
struct Stream { virtual ~Stream(); };
struct FileStream : Stream {};
void emit_to(Stream& out);
void f() { FileStream file; emit_to(file); }
void g(Stream& s) { emit_to(s); })");
  EXPECT_EQ(onlyCall(functionNamed(tu, "f")).args[0].typeName, "FileStream");
  EXPECT_EQ(onlyCall(functionNamed(tu, "g")).args[0].typeName, "");
}

// Globals written before a call are handed to it; the call sites with no store
// between them share one map of them.
TEST(CallSites, GlobalsWrittenBeforeTheCallAreHandedToItAndShared) {
  const TUFacts tu = extractSnippet(R"(
std::string g_last_recipient;
void flush();
void f(const Parcel& p) {
  g_last_recipient = p.recipient.name;
  flush();
  flush();
  flush();
  g_last_recipient = "";
  flush();
})");
  const std::vector<CallSiteFact>& calls = functionNamed(tu, "f").calls;
  ASSERT_EQ(calls.size(), 4u);
  ASSERT_EQ(calls[0].globalsIn.size(), 1u);
  EXPECT_NE(calls[0].globalsIn.begin()->first.find("g_last_recipient"), std::string::npos);
  EXPECT_TRUE(readsParam(calls[0].globalsIn.begin()->second, 0, "recipient.name"));
  // After the first call the callee may have stored there too: the old value shows.
  EXPECT_FALSE(calls[1].globalsIn.sharedWith(calls[0].globalsIn));
  EXPECT_TRUE(calls[2].globalsIn.sharedWith(calls[1].globalsIn));
  EXPECT_FALSE(calls[3].globalsIn.sharedWith(calls[2].globalsIn));
  EXPECT_TRUE(readsParam(calls[2].globalsIn.begin()->second, 0, "recipient.name"));
  EXPECT_FALSE(readsParam(calls[3].globalsIn.begin()->second, 0, "recipient.name"));
}

// A method whose body only empties a field (`note_.clear()`) is a setter: what the
// field held before is gone for later reads through the getter.
TEST(CallSites, ASetterThatEmptiesAFieldClearsIt) {
  const TUFacts tu = extractSnippet(R"(
#include <optional>
struct Slip {
  void note(const std::string& n) { note_ = n; }
  void forget() { note_.clear(); }
  void drop_all() { note_.clear(); extra_.reset(); }
  const std::string& note() const { return note_; }
  std::string note_;
  std::optional<std::string> extra_;
};
std::string cleared(const Customer& c) {
  Slip s;
  s.note(c.email);
  s.forget();
  return s.note();
}
std::string kept(const Customer& c) {
  Slip s;
  s.note(c.email);
  return s.note();
})");
  EXPECT_FALSE(readsParam(functionNamed(tu, "cleared").ret, 0, "email"));
  EXPECT_TRUE(readsParam(functionNamed(tu, "kept").ret, 0, "email"));
}

TEST(CallSites, ConstantArgumentsAndForwardedParametersAreKnown) {
  const TUFacts tu = extractSnippet(R"(
void log_at(int level, const std::string& text);
void f(int level, const Customer& c) {
  log_at(3, c.email);
  log_at(level, c.name);
})");
  const FunctionFacts& f = functionNamed(tu, "f");
  ASSERT_EQ(f.calls.size(), 2u);
  EXPECT_EQ(f.calls[0].args[0].constant, std::optional<int64_t>(3));
  EXPECT_FALSE(f.calls[1].args[0].constant);
  EXPECT_EQ(f.calls[1].args[0].sameAsParam, std::optional<unsigned>(0));
}

TEST(CallSites, ACallThroughAFunctionParameterNamesThatParameter) {
  const TUFacts tu = extractSnippet(R"(
void f(void (*deliver)(const char*), const Customer& c) { deliver(c.email.c_str()); })");
  const CallSiteFact& c = onlyCall(functionNamed(tu, "f"));
  EXPECT_TRUE(c.calleeUsr.empty());
  EXPECT_TRUE(c.viaParam);
  EXPECT_EQ(c.target.index, 0u);
}

TEST(CallSites, AConstMethodDoesNotWriteItsObject) {
  const TUFacts tu = extractSnippet(R"(
struct Outbox { void flush() const; void add(const std::string& s); std::string body; };
std::string f(const Customer& c) {
  Outbox o;
  o.flush();
  return o.body;
}
std::string g(const Customer& c) {
  Outbox o;
  o.add(c.email);
  return o.body;
})");
  EXPECT_TRUE(functionNamed(tu, "f").ret.calls.empty());
  const FunctionFacts& g = functionNamed(tu, "g");
  ASSERT_EQ(g.ret.calls.size(), 1u);
  EXPECT_EQ(g.ret.calls[0].slot, "this");
}

TEST(CallSites, ARecordFilledByAFunctionThisTUDoesNotSeeReadsAsItsFieldsSay) {
  const TUFacts tu = extractSnippet(R"(
struct Label { char email[32]; int bin; };
void decode(const unsigned char* raw, Label* out);  // defined nowhere in this TU
void encode(Label* out) { out->email[0] = 0; }
std::string unseen(const unsigned char* raw) {
  Label l{};
  decode(raw, &l);
  return l.email;
}
std::string seen() {
  Label l{};
  encode(&l);
  return l.email;
})");
  // Zeroed, then perhaps overwritten by decode(): what an `email` field holds.
  EXPECT_TRUE(carries(functionNamed(tu, "unseen").ret, "customer.contact"));
  // encode()'s body is here: the link answers from its summary, not the name.
  EXPECT_FALSE(carries(functionNamed(tu, "seen").ret, "customer.contact"));
}

TEST(CallSites, CallsOnALocalObjectDefinedElsewhereAreRememberedByEarlierOnes) {
  const TUFacts tu = extractSnippet(R"(
struct Spool { void add(const std::string& s); void clear(); std::string q; };
Spool f(const Customer& c) {
  Spool s;
  s.add(c.email);
  s.clear();  // defined in another TU: the link decides whether it resets `q`
  return s;
})");
  const FunctionFacts& f = functionNamed(tu, "f");
  ASSERT_EQ(f.calls.size(), 2u);
  const auto add =
      std::find_if(f.ret.calls.begin(), f.ret.calls.end(), [&](const CallRef& c) { return c.site == f.calls[0].id; });
  ASSERT_NE(add, f.ret.calls.end());
  EXPECT_EQ(add->laterCalls, (std::vector<std::pair<unsigned, std::string>>{{f.calls[1].id, "this"}}));
}

// A local handle pointed somewhere only after a call it was handed to: the call
// site knows where the caller leaves it; the last call, after which nothing
// changes, does not.
TEST(CallSites, ALocalObjectChangedAfterTheCallIsRecordedAsTheCallerLeavesIt) {
  const TUFacts tu = extractSnippet(R"(
struct Handle { const char* url; };
void body(Handle* h, const std::string& text);
void run(Handle* h);
void show(const Handle& h);
void f(const Customer& c) {
  Handle h{nullptr};
  body(&h, c.email);
  h.url = "https://pod.example.cn";
  run(&h);
  show(h);
})");
  const FunctionFacts& f = functionNamed(tu, "f");
  ASSERT_EQ(f.calls.size(), 3u);
  ASSERT_TRUE(f.calls[0].args[0].atExit.has_value());
  ASSERT_LT(*f.calls[0].args[0].atExit, f.localsAtExit.size());
  const ArgFact& later = f.localsAtExit[*f.calls[0].args[0].atExit];
  ASSERT_TRUE(later.fieldStrs.count("url"));
  // What run() may have left there first, then the constant stored before it.
  const std::vector<StrVal> each = forms(later.fieldStrs.at("url"));
  ASSERT_EQ(each.size(), 2u);
  EXPECT_NE(onlyPiece(each[0], StrPiece::CallOut), nullptr);
  EXPECT_EQ(displayStr(each[1]), "https://pod.example.cn");
  EXPECT_TRUE(f.calls[1].args[0].atExit.has_value());  // run() may have changed it
  EXPECT_FALSE(f.calls[2].args[0].atExit.has_value());
}

// A default stored before a call that may replace it (`parse(c)`) is one value of
// the field; what the call leaves there is the other. Text fields only: a table
// pointer the call only uses keeps aiming where it did.
TEST(CallSites, ADefaultBeforeACallThatMayReplaceItIsOneOfTwoValues) {
  const TUFacts tu = extractSnippet(R"(
struct Conf { std::string host; int port; };
void parse(Conf* c);
void load(Conf* c) {
  c->host = "default.example.de";
  c->port = 1;
  parse(c);
})");
  const FunctionFacts& f = functionNamed(tu, "load");
  const EffectFact* host = nullptr;
  for (const EffectFact& e : f.effects)
    if (e.target == 0 && e.field == "host") host = &e;
  ASSERT_NE(host, nullptr);
  const std::vector<StrVal> each = forms(host->str);
  ASSERT_EQ(each.size(), 2u) << displayStr(host->str);
  const StrPiece* left = onlyPiece(each[0], StrPiece::CallOut);
  ASSERT_NE(left, nullptr);
  EXPECT_EQ(left->text, "arg:0.host");
  EXPECT_EQ(displayStr(each[1]), "default.example.de");
}

// A chain of setters returning the object they ran on is one object: the last call
// runs on the object with every earlier call's `this` atom, not on a nested result.
TEST(CallSites, AChainOfSettersReturningTheirObjectIsOneObject) {
  const TUFacts tu = extractSnippet(R"(
struct Builder {
  Builder& field(const std::string& v);
  long post();
};
void f(const Customer& c) {
  Builder().field(c.email).field(c.name).post();
})");
  const FunctionFacts& f = functionNamed(tu, "f");
  const auto post = std::find_if(f.calls.begin(), f.calls.end(),
                                 [](const CallSiteFact& c) { return c.calleeName == "Builder::post"; });
  ASSERT_NE(post, f.calls.end());
  std::vector<std::string> slots;
  for (const CallRef& ref : post->thisArg.whole.calls) slots.push_back(ref.slot);
  EXPECT_EQ(std::count(slots.begin(), slots.end(), "this"), 2);
  EXPECT_EQ(std::count(slots.begin(), slots.end(), ""), 0);
}

// A local object whose class has a destructor of the program is handed to it where
// its scope ends, at the closing brace.
TEST(CallSites, ALocalObjectIsHandedToItsDestructorWhereItsScopeEnds) {
  const TUFacts tu = extractSnippet(R"(
struct Link {
  ~Link();
  Link& operator<<(const std::string& chunk);
};
void f(const Customer& c) {
  Link link;
  link << c.email;
})");
  const FunctionFacts& f = functionNamed(tu, "f");
  const auto dtor =
      std::find_if(f.calls.begin(), f.calls.end(), [](const CallSiteFact& c) { return c.calleeName == "Link::~Link"; });
  ASSERT_NE(dtor, f.calls.end());
  EXPECT_EQ(dtor->thisArg.spelling, "link");
  EXPECT_FALSE(dtor->thisArg.whole.calls.empty());  // what operator<< left in it
  const auto shift = std::find_if(f.calls.begin(), f.calls.end(),
                                  [](const CallSiteFact& c) { return c.calleeName == "Link::operator<<"; });
  ASSERT_NE(shift, f.calls.end());
  EXPECT_EQ(dtor->loc.line, shift->loc.line + 1);
}

TEST(CallSites, AFunctionRecordsTheFieldsItResets) {
  const TUFacts tu = extractSnippet(R"(
struct Spool {
  void clear() { q.clear(); n = 0; }
  void set(const std::string& s) { q = s; }
  void add(const std::string& s) { q += s; }
  std::string q;
  int n;
};)");
  EXPECT_EQ(functionNamed(tu, "Spool::clear").resets, (std::vector<std::string>{"this#q", "this#n"}));
  EXPECT_EQ(functionNamed(tu, "Spool::set").resets, (std::vector<std::string>{"this#q"}));
  EXPECT_TRUE(functionNamed(tu, "Spool::add").resets.empty());
}

TEST(CallSites, AnExchangeOfTwoFieldsResetsBoth) {
  const TUFacts tu = extractSnippet(R"(
#include <utility>
struct Stop {
  void swap(Stop& o) { line.swap(o.line); }
  void trade(Stop& o) { std::swap(line, o.line); }
  std::string line;
};)");
  const std::vector<std::string> both{"this#line", "arg:0#line"};
  EXPECT_EQ(functionNamed(tu, "Stop::swap").resets, both);
  EXPECT_EQ(functionNamed(tu, "Stop::trade").resets, both);
}

// A lambda handed to a library function runs later (a completion handler): a call of
// its own, at the lambda, with what it captured and no arguments. Not one being made
// into a std::function: that runs where the program calls it.
TEST(CallSites, ALambdaHandedToALibraryRunsWithWhatItCaptured) {
  const TUFacts tu = extractSnippet(R"(
#include <functional>
# 1 "evloop.h" 3
template <class F> void ev_defer(int after_ms, F handler) {}
# 100 "snippet.cpp"
void send_now(const std::string& body);
void f(const Parcel& p) {
  std::string body = p.tracking_no;
  ev_defer(50, [body] { send_now(body); });
  std::function<void()> job = [body] { send_now(body); };
})");
  const FunctionFacts& f = functionNamed(tu, "f");
  ASSERT_EQ(f.calls.size(), 1u);
  const CallSiteFact& run = f.calls[0];
  EXPECT_EQ(run.calleeName.rfind("([body]", 0), 0u) << run.calleeName;
  EXPECT_EQ(run.loc.line, 103u);
  EXPECT_TRUE(run.args.empty());
  ASSERT_EQ(run.targets.size(), 1u);
  ASSERT_TRUE(run.thisArg.fields.count("body"));
  EXPECT_TRUE(readsParam(run.thisArg.fields.at("body"), 0, "tracking_no"));
}

// `g_timeout_add(ms, flush, b)`: the library runs the program's function later,
// with its one `void *` as the context. With two `void *` (a signal's instance and
// its data) the context is not clear without a model, so nothing is bound.
TEST(CallSites, AFunctionHandedToALibraryRunsWithItsContext) {
  const TUFacts tu = extractSnippet(R"(
# 1 "evloop.h" 3
extern "C" unsigned ev_timeout_add(unsigned ms, int (*fn)(void*), void* data);
extern "C" unsigned ev_connect(void* instance, const char* signal, void (*fn)(void), void* data);
# 100 "snippet.cpp"
struct Batch { const char* rows; };
static int flush(void* data) { return 0; }
static void on_done(void* instance, int code, void* user_data) {}
void f(Batch* b) {
  ev_timeout_add(30, flush, b);
  ev_connect(b, "done", (void (*)(void)) on_done, b);
})");
  const FunctionFacts& f = functionNamed(tu, "f");
  ASSERT_EQ(f.calls.size(), 2u);
  const CallSiteFact& timeout = f.calls[0];
  EXPECT_EQ(timeout.calleeName, "flush");
  EXPECT_EQ(timeout.loc.line, 104u);
  ASSERT_EQ(timeout.targets.size(), 1u);
  ASSERT_EQ(timeout.args.size(), 1u);
  EXPECT_TRUE(readsParam(timeout.args[0].whole, 0));
  const CallSiteFact& signal = f.calls[1];
  EXPECT_EQ(signal.calleeName, "on_done");
  ASSERT_EQ(signal.args.size(), 3u);
  for (const ArgFact& a : signal.args) EXPECT_TRUE(a.whole.params.empty());
}

// A callback the program hands on through a pointer (`cb` a parameter): whatever
// it holds runs later, resolved at the callers, with the context as the `void *`
// parameter of the pointer's type. It runs after the call returns (deferred).
TEST(CallSites, ACallbackHandedOnThroughAPointerRunsWithItsContext) {
  const TUFacts tu = extractSnippet(R"(
# 1 "evloop.h" 3
struct ev_base;
typedef void (*ev_fn)(int fd, short what, void* arg);
extern "C" void* ev_timer_new(ev_base* base, ev_fn fn, void* arg);
# 100 "snippet.cpp"
struct Ctx { ev_base* base; const char* url; };
void* arm(Ctx* ctx, ev_fn cb) {
  return ev_timer_new(ctx->base, cb, ctx);
})");
  const FunctionFacts& f = functionNamed(tu, "arm");
  ASSERT_EQ(f.calls.size(), 1u);
  const CallSiteFact& run = f.calls[0];
  EXPECT_TRUE(run.viaParam);
  EXPECT_EQ(run.target.index, 1u);
  EXPECT_TRUE(run.deferred);
  EXPECT_EQ(run.loc.line, 102u);
  ASSERT_EQ(run.args.size(), 3u);
  EXPECT_FALSE(run.args[0].fromParam);
  EXPECT_TRUE(run.args[2].fromParam);
  EXPECT_EQ(run.args[2].root.index, 0u);
}

}  // namespace
}  // namespace egress
