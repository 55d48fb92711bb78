// Hand-written facts for the link stage's unit tests: no Clang involved.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "facts/Facts.h"
#include "facts/TaintOps.h"

namespace egress::test {

inline SourceLoc at(unsigned line, const std::string& file = "prog.cpp") { return {file, line, 1}; }

inline Taint dataOf(const std::string& category, const std::string& what = "Customer::email") {
  Origin o{category, at(1, "model.h"), what, {}};
  o.path.push({at(1, "model.h"), "reads " + what});
  return Taint{{o}, {}, {}};
}

inline Taint param(unsigned index, const std::string& field = "") {
  return Taint{{}, {ParamRef{index, field, {}}}, {}};
}

inline Taint callResult(unsigned site, const std::string& slot = "") {
  return Taint{{}, {}, {CallRef{site, slot, {}}}};
}

inline ArgFact arg(Taint t, StrVal str = {}) {
  ArgFact a;
  a.whole = std::move(t);
  a.str = std::move(str);
  a.spelling = "x";
  return a;
}

// An argument that is the caller's own parameter `index`.
inline ArgFact forwarded(unsigned index) {
  ArgFact a = arg(param(index), StrVal{{{StrPiece::Param, "", index}}, {}});
  a.fromParam = true;
  a.root = ParamRef{index, "", {}};
  return a;
}

inline FunctionFacts function(const std::string& name, unsigned params = 1) {
  FunctionFacts f;
  f.usr = "c:@F@" + name;
  f.name = name;
  f.loc = at(1);
  for (unsigned i = 0; i < params; ++i) f.paramNames.push_back("p" + std::to_string(i));
  return f;
}

inline CallSiteFact call(unsigned id, const FunctionFacts& callee, std::vector<ArgFact> args, unsigned line = 10) {
  CallSiteFact c;
  c.id = id;
  c.calleeUsr = callee.usr;
  c.calleeName = callee.name;
  c.loc = at(line);
  c.args = std::move(args);
  return c;
}

inline SinkFact sink(Taint data, StrVal destination, unsigned line = 20) {
  SinkFact s;
  s.api = "send";
  s.kind = "network";
  s.loc = at(line);
  s.data = std::move(data);
  s.destination = std::move(destination);
  return s;
}

inline StrVal host(const std::string& text) { return constStr(text); }
inline StrVal paramStr(unsigned index) { return StrVal{{{StrPiece::Param, "", index}}, {}}; }
// The string in field `field` of `this` (`this->url`).
inline StrVal thisFieldStr(const std::string& field) { return StrVal{{{StrPiece::Param, field, kThisParam}}, {}}; }
// The string call site `site` returns.
inline StrVal callRetStr(unsigned site) { return StrVal{{{StrPiece::CallRet, "", site}}, {}}; }

// An empty folder under the system's temporary directory, named `prefix` and this
// process's id.
// An empty folder of its own for one test, removed with everything in it at the
// end of the test.
class TempDir {
 public:
  explicit TempDir(const std::string& prefix)
      : path_((std::filesystem::temp_directory_path() / (prefix + std::to_string(::getpid()))).string()) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

inline TUFacts unit(std::vector<FunctionFacts> functions) {
  TUFacts tu;
  tu.file = "prog.cpp";
  tu.functions = std::move(functions);
  return tu;
}

}  // namespace egress::test
