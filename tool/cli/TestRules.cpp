#include "cli/TestRules.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include <clang/Tooling/CompilationDatabase.h>

#include "rules/Rules.h"
#include "scan/Scan.h"

namespace fs = std::filesystem;

namespace egress {
namespace {

bool isSource(const fs::path& p) {
  const auto ext = p.extension().string();
  return ext == ".c" || ext == ".cc" || ext == ".cpp" || ext == ".cxx";
}

bool sameFile(const std::string& reported, const std::string& expected) {
  if (reported == expected) return true;
  return reported.size() > expected.size() &&
         reported.compare(reported.size() - expected.size(), expected.size(), expected) == 0 &&
         reported[reported.size() - expected.size() - 1] == '/';
}

bool touches(const Finding& f, const std::string& file, unsigned line) {
  if (sameFile(f.sink.file, file) && f.sink.line == line) return true;
  return std::any_of(f.path.begin(), f.path.end(),
                     [&](const Step& s) { return sameFile(s.loc.file, file) && s.loc.line == line; });
}

std::vector<std::string> flagsFor(const fs::path& dir, const fs::path& top) {
  for (fs::path d = dir;; d = d.parent_path()) {
    std::ifstream in(d / "compile_flags.txt");
    if (in) {
      std::vector<std::string> flags;
      for (std::string line; std::getline(in, line);)
        if (!line.empty() && line[0] != '#') flags.push_back(line);
      return flags;
    }
    if (d == top || d == d.parent_path()) break;
  }
  return {"-std=c++17"};
}

std::string readFile(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

std::vector<Expectation> parseExpectations(const std::string& file, const std::string& source) {
  // `// expect: ...` in C++, `/* expect: ... */` in C.
  static const std::regex expect(R"((//|/\*)\s*(gap\s+)?expect(-none|:)\s*([^\n]*))");
  std::vector<Expectation> out;
  std::istringstream lines(source);
  unsigned n = 0;
  for (std::string line; std::getline(lines, line);) {
    ++n;
    std::smatch m;
    if (!std::regex_search(line, m, expect)) continue;
    Expectation e{file, n, m[3] == "-none", "", {}, m[2].matched};
    if (!e.none) {
      std::string text = m[4].str();
      text = text.substr(0, text.find("*/"));
      std::istringstream words(text.substr(0, text.find(" -- ")));
      words >> e.verdict;
      for (std::string w; words >> w;) e.categories.push_back(w);
    }
    out.push_back(std::move(e));
  }
  return out;
}

std::string checkExpectation(const Expectation& e, const std::vector<Finding>& findings) {
  std::vector<const Finding*> here;
  for (const Finding& f : findings)
    if (touches(f, e.file, e.line)) here.push_back(&f);
  if (e.none)
    return here.empty() ? "" : "unexpected finding: " + here.front()->api + " -> " + here.front()->destination.display;
  if (here.empty()) return "no finding at this line";
  for (const Finding* f : here) {
    const bool cats = std::all_of(e.categories.begin(), e.categories.end(), [&](const std::string& c) {
      return std::find(f->categories.begin(), f->categories.end(), c) != f->categories.end();
    });
    if (cats && f->verdict == e.verdict) return "";
  }
  std::string got;
  for (const Finding* f : here) {
    got += (got.empty() ? "" : "; ") + f->verdict + " [";
    for (const auto& c : f->categories) got += c + (c == f->categories.back() ? "" : ",");
    got += "] -> " + f->destination.display;
  }
  return "found " + got;
}

int runTestRules(const TestRulesOptions& opts, std::ostream& out, std::ostream& err) {
  std::shared_ptr<const RuleSet> rules;
  try {
    rules = std::make_shared<const RuleSet>(
        loadRules(opts.rulesDir, opts.policyFile, overlayFor(opts.dir, opts.configFile)));
  } catch (const ConfigError& e) {
    err << e.what() << "\n";
    return 2;
  }
  std::error_code ec;
  if (!fs::is_directory(opts.dir, ec)) {
    err << "egress-audit: error: " << opts.dir << ": not a directory\n";
    return 2;
  }
  std::map<fs::path, std::vector<std::string>> programs;  // folder -> its sources
  for (auto it = fs::recursive_directory_iterator(opts.dir, ec); it != fs::recursive_directory_iterator(); ++it)
    if (it->is_regular_file() && isSource(it->path()))
      programs[it->path().parent_path()].push_back(it->path().string());
  const fs::path top = fs::absolute(opts.dir);
  unsigned passed = 0, failed = 0, gaps = 0;
  for (auto& [dir, files] : programs) {
    std::sort(files.begin(), files.end());
    // One program of C and C++ files: the C files without the C++ standard flag.
    std::vector<std::string> cFiles, cxxFiles;
    for (const std::string& f : files) (fs::path(f).extension() == ".c" ? cFiles : cxxFiles).push_back(f);
    const std::vector<std::string> flags = flagsFor(fs::absolute(dir), top);
    std::vector<std::string> cFlags;
    for (const std::string& f : flags)
      if (f.rfind("-std=c++", 0) != 0 && f.rfind("-std=gnu++", 0) != 0) cFlags.push_back(f);
    const clang::tooling::FixedCompilationDatabase cxxDb(dir.string(), flags), cDb(dir.string(), cFlags);
    ScanRequest request;
    request.options.root = top.string();
    request.options.extraArgs = opts.extraArgs;
    request.options.quiet = true;
    request.sources = {{&cxxDb, cxxFiles}, {&cDb, cFiles}};
    request.rules = rules;
    auto result = runScan(request);
    if (!result) {
      err << "egress-audit: error: " << llvm::toString(result.takeError()) << "\n";
      return 2;
    }
    const std::vector<TUFacts>& tus = result->tus;
    // A case that does not compile would pass its `expect-none` lines for nothing.
    for (const auto& tu : tus) {
      if (tu.parsed && !tu.hadErrors) continue;
      ++failed;
      out << "FAIL " << tu.file << ": does not compile: " << (tu.diagnostics.empty() ? "" : tu.diagnostics.front())
          << "\n";
    }
    const std::vector<Finding>& findings = result->findings;
    for (const auto& file : files) {
      const std::string rel = fs::relative(fs::absolute(file), top).string();
      for (const Expectation& e : parseExpectations(rel, readFile(file))) {
        const std::string problem = checkExpectation(e, findings);
        const std::string what = e.none ? "expect-none" : "expect " + e.verdict;
        if (e.gap && !problem.empty()) {
          ++gaps;
          out << "GAP  " << rel << ":" << e.line << " " << what << ": " << problem << "\n";
        } else if (e.gap) {
          ++failed;
          out << "FAIL " << rel << ":" << e.line << " " << what << ": passes now: remove its `gap` mark\n";
        } else if (problem.empty()) {
          ++passed;
          out << "PASS " << rel << ":" << e.line << " " << what << "\n";
        } else {
          ++failed;
          out << "FAIL " << rel << ":" << e.line << " " << what << ": " << problem << "\n";
        }
      }
    }
  }
  out << passed << " passed, " << failed << " failed";
  if (gaps) out << ", " << gaps << " known gaps";
  out << "\n";
  return failed == 0 && passed > 0 ? 0 : 1;
}

}  // namespace egress
