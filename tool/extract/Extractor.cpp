#include "extract/Extractor.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <functional>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <unordered_set>

#include <dlfcn.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <clang/AST/ASTConsumer.h>
#include <clang/AST/ASTContext.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/Basic/Diagnostic.h>
#include <clang/Driver/Options.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendAction.h>
#include <clang/Lex/Preprocessor.h>
#include <clang/Lex/PreprocessorOptions.h>
#include <clang/Sema/SemaConsumer.h>
#include <clang/Tooling/CompilationDatabase.h>
#include <clang/Tooling/Tooling.h>
#include <llvm/Option/ArgList.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/VirtualFileSystem.h>

#include "extract/ApiCatalog.h"
#include "extract/Classifier.h"
#include "extract/FactoryInstances.h"
#include "extract/FactsCache.h"
#include "extract/FieldFunctions.h"
#include "extract/FunctionAnalyzer.h"
#include "extract/Isolation.h"
#include "extract/Names.h"
#include "extract/Paths.h"
#include "facts/TaintOps.h"

namespace egress {
namespace {

// Options of another compiler that Clang does not know (GCC's -flifetime-dse=1, ...)
// would fail the whole translation unit; they never matter for the analysis.
std::vector<std::string> dropUnknownOptions(const std::vector<std::string>& args) {
  if (args.size() < 2) return args;
  std::vector<const char*> argv;
  for (std::size_t i = 1; i < args.size(); ++i) argv.push_back(args[i].c_str());
  unsigned missingIndex = 0, missingCount = 0;
  const llvm::opt::InputArgList parsed = clang::driver::getDriverOptTable().ParseArgs(
      argv, missingIndex, missingCount, llvm::opt::Visibility(clang::driver::options::ClangOption));
  std::set<std::string> unknown;
  for (const llvm::opt::Arg* a : parsed.filtered(clang::driver::options::OPT_UNKNOWN))
    unknown.insert(a->getAsString(parsed));
  if (unknown.empty()) return args;
  std::vector<std::string> out;
  for (const std::string& a : args)
    if (!unknown.count(a)) out.push_back(a);
  return out;
}

template <typename Set> void addSorted(std::vector<std::string>& into, const Set& more) {
  into.insert(into.end(), more.begin(), more.end());
  std::sort(into.begin(), into.end());
  into.erase(std::unique(into.begin(), into.end()), into.end());
}

// Visits every function defined outside system headers.
class FunctionCollector : public clang::RecursiveASTVisitor<FunctionCollector> {
 public:
  // `claimedHere`: header functions this TU claimed while parsing (their bodies were
  // parsed here and skipped everywhere else); `borrowed` collects those another TU holds.
  FunctionCollector(AnalyzerContext& ctx, TUFacts& out, HeaderClaims& claims,
                    std::unordered_set<std::string>& claimedHere, std::set<std::string>& borrowed)
      : ctx_(ctx), out_(out), claims_(claims), claimedHere_(claimedHere), borrowed_(borrowed) {}

  bool VisitFunctionDecl(clang::FunctionDecl* fn) {
    if (!fn->doesThisDeclarationHaveABody() || fn->isDependentContext() || fn->isInvalidDecl()) return true;
    const clang::SourceManager& sm = ctx_.ast.getSourceManager();
    if (sm.isInSystemHeader(fn->getLocation())) return true;
    if (!sm.isInMainFile(sm.getExpansionLoc(fn->getLocation()))) {
      const std::string usr = usrOf(fn);
      if (!claimedHere_.count(usr)) {
        if (!claims_.claim(usr)) {
          borrowed_.insert(usr);
          return true;
        }
        claimedHere_.insert(usr);
      }
    }
    out_.functions.push_back(FunctionAnalyzer(ctx_, fn).run());
    return true;
  }

  // The visitor skips implicit code, so a class whose fields are set only by their
  // default member initializers (`std::string base_ = "https://...";`) would show no
  // store of them: its implicit default constructor, where the TU defines it, is
  // analysed like a written one.
  bool VisitCXXRecordDecl(clang::CXXRecordDecl* record) {
    if (!record->isThisDeclarationADefinition() || !hasFieldInitializers(record)) return true;
    for (clang::CXXConstructorDecl* ctor : record->ctors())
      if (ctor->isImplicit() && ctor->isDefaultConstructor()) VisitFunctionDecl(ctor);
    return true;
  }

  static bool hasFieldInitializers(const clang::CXXRecordDecl* record) {
    return std::any_of(record->field_begin(), record->field_end(),
                       [](const clang::FieldDecl* f) { return f->hasInClassInitializer(); });
  }

  // `egress:<category>` annotations that name no category would silently classify
  // nothing: say so.
  bool VisitDecl(clang::Decl* d) {
    if (!d->hasAttrs() || ctx_.ast.getSourceManager().isInSystemHeader(d->getLocation())) return true;
    for (const std::string& bad : ctx_.classifier.badAnnotations(d)) {
      const SourceLoc at = sourceLoc(ctx_.ast.getSourceManager(), d->getLocation(), ctx_.root);
      const std::string w = locString(at) + ": annotation egress:" + bad + " names no category of rules/data";
      if (std::find(out_.warnings.begin(), out_.warnings.end(), w) == out_.warnings.end()) out_.warnings.push_back(w);
    }
    return true;
  }

  // Declarations of a library are not walked: nothing in a system header is
  // analysed, and the standard library's instantiations alone are a good part of a
  // C++ TU's AST.
  bool TraverseDecl(clang::Decl* d) {
    if (d && libraryOnly(d)) return true;
    return clang::RecursiveASTVisitor<FunctionCollector>::TraverseDecl(d);
  }

  // Templates are analysed per instantiation: each has its own body and types.
  bool shouldVisitTemplateInstantiations() const { return true; }

  // Lambda bodies are functions too; the visitor does not reach them as FunctionDecls.
  // A generic lambda's body is a template: its instantiations are the functions.
  bool VisitLambdaExpr(clang::LambdaExpr* lambda) {
    if (const clang::FunctionTemplateDecl* generic = lambda->getDependentCallOperator()) {
      for (clang::FunctionDecl* instance : generic->specializations()) VisitFunctionDecl(instance);
      return true;
    }
    return VisitFunctionDecl(lambda->getCallOperator());
  }

  // Functions stored in the program's function-pointer fields, for calls through
  // them that nothing else resolves (extract/FieldFunctions.h).
  bool VisitInitListExpr(clang::InitListExpr* init) {
    addStoredFunctions(ctx_.ast, init, out_.fieldFns);
    return true;
  }
  bool VisitBinaryOperator(clang::BinaryOperator* assign) {
    addStoredFunction(ctx_.ast, assign, out_.fieldFns);
    return true;
  }

  bool VisitVarDecl(clang::VarDecl* v) {
    if (!v->hasGlobalStorage() || v->isStaticLocal() || !v->getInit()) return true;
    if (ctx_.ast.getSourceManager().isInSystemHeader(v->getLocation())) return true;
    FunctionAnalyzer analyzer(ctx_, nullptr);
    if (isStringLike(v->getType())) {
      const StrVal value = analyzer.constantValue(v);
      const bool mutableGlobal = value.known() && value.pieces[0].kind == StrPiece::Global;
      if (value.known() && !mutableGlobal) {
        out_.constantStrings[usrOf(v)] = value;
        return true;
      }
    }
    if (v->getType()->isReferenceType()) return true;
    // A mutable global: its initial value is one of its values (stores are the others).
    // A constant record: its fields are constants (`k_api.url`).
    const bool constant = v->getType().isConstQualified();
    FunctionAnalyzer::InitialValues initial = analyzer.initialValues(v);
    for (auto& [key, value] : initial.strs)
      if (!constant || key.find('.') != std::string::npos)
        out_.constantStrings[(constant ? "" : kInitialValue) + key] = std::move(value);
    // Handler tables and driver structs (`{.send = http_send}`), constant or not.
    for (auto& [key, fns] : initial.fns) out_.initialFns[key] = std::move(fns);
    for (auto& [key, target] : initial.refs) out_.initialRefs[key] = std::move(target);
    return true;
  }

 private:
  // A declaration in a system header that holds nothing of the program's own. Not
  // so: a namespace or `extern "C"` block (a header of the program may be included
  // inside one), a template (its instantiations are walked from it, and the program
  // may define it or specialise it partially), an instantiation of the program's
  // partial specialisation (`template <class T> struct fmt::formatter<Id<T>>`).
  bool libraryOnly(const clang::Decl* d) const {
    const clang::SourceManager& sm = ctx_.ast.getSourceManager();
    if (d->getLocation().isInvalid() || !sm.isInSystemHeader(d->getLocation())) return false;
    if (llvm::isa<clang::TranslationUnitDecl, clang::NamespaceDecl, clang::LinkageSpecDecl, clang::ExportDecl,
                  clang::RedeclarableTemplateDecl>(d))
      return false;
    if (const auto* spec = llvm::dyn_cast<clang::ClassTemplateSpecializationDecl>(d))
      if (const auto* partial =
              spec->getSpecializedTemplateOrPartial().dyn_cast<clang::ClassTemplatePartialSpecializationDecl*>())
        return sm.isInSystemHeader(partial->getLocation());
    if (const auto* spec = llvm::dyn_cast<clang::VarTemplateSpecializationDecl>(d))
      if (const auto* partial =
              spec->getSpecializedTemplateOrPartial().dyn_cast<clang::VarTemplatePartialSpecializationDecl*>())
        return sm.isInSystemHeader(partial->getLocation());
    return true;
  }

  AnalyzerContext& ctx_;
  TUFacts& out_;
  HeaderClaims& claims_;
  std::unordered_set<std::string>& claimedHere_;
  std::set<std::string>& borrowed_;
};

class FactsConsumer : public clang::SemaConsumer {
 public:
  FactsConsumer(const RuleSet& rules, const ExtractOptions& opts, TUFacts& out)
      : rules_(rules), opts_(opts), out_(out) {}

  void HandleTranslationUnit(clang::ASTContext& ast) override {
    LimitScope limits(out_.limits);  // functions count their own; this is the rest
    Classifier classifier(rules_, &ast, opts_.names.get());
    ApiCatalog apis(rules_, *opts_.names);
    AnalyzerContext ctx{ast, classifier, apis, opts_.root, {}, opts_.everySink};
    ctx.accessors.empties = [&apis](const clang::FunctionDecl* method) { return apis.empties(method); };
    ctx.accessors.swapped = [&apis](const clang::CallExpr* call) { return apis.swappedOperands(call); };
    if (sema_) instantiateFactoryConstructors(*sema_, ast, apis);
    FunctionCollector(ctx, out_, *opts_.claims, claimedHere_, borrowed_).TraverseDecl(ast.getTranslationUnitDecl());
    // A file with several compile commands runs one consumer per command into the
    // same facts: each adds to the lists.
    addSorted(out_.claimed, claimedHere_);
    addSorted(out_.borrowed, borrowed_);
    const clang::SourceManager& sm = ast.getSourceManager();
    for (auto it = sm.fileinfo_begin(); it != sm.fileinfo_end(); ++it)
      out_.dependencies.push_back(absolutePath(sm.getFileManager(), it->first.getName()));
  }

  void InitializeSema(clang::Sema& sema) override { sema_ = &sema; }
  void ForgetSema() override { sema_ = nullptr; }

  // Library bodies are modelled in rules/apis; parsing them is wasted time. So is
  // parsing a project header's function that another TU has already claimed: the
  // first TU to reach a body parses and analyses it, the others skip it.
  bool shouldSkipFunctionBody(clang::Decl* d) override {
    const clang::SourceManager& sm = d->getASTContext().getSourceManager();
    if (sm.isInSystemHeader(d->getLocation())) return true;
    if (sm.isInMainFile(sm.getExpansionLoc(d->getLocation()))) return false;
    const auto* fn = d->getAsFunction();
    if (!fn || fn->isDependentContext()) return false;  // a template: its body may be instantiated here
    const std::string usr = usrOf(fn);
    if (usr.empty()) return false;
    if (!opts_.claims->claim(usr)) {
      borrowed_.insert(usr);
      return !hasShortBody(fn, sm);
    }
    claimedHere_.insert(usr);
    return false;
  }

  // Another TU analyses this body, but a short one may be an accessor that callers
  // here read through (extract/Accessors.h): parse it anyway, so whether a call is
  // inlined does not depend on which TU claimed the header first.
  static bool hasShortBody(const clang::FunctionDecl* fn, const clang::SourceManager& sm) {
    constexpr unsigned kShortBody = 200;  // characters from `{` to `}`
    const clang::SourceLocation end = fn->getEndLoc();
    if (end.isInvalid() || end.isMacroID()) return false;
    bool invalid = false;
    const char* at = sm.getCharacterData(end, &invalid);
    if (invalid || !at) return false;
    const llvm::StringRef buffer = sm.getBufferData(sm.getFileID(end), &invalid);
    if (invalid) return false;
    const char* stop = buffer.data() + buffer.size();
    const char* open = std::find(at, std::min(stop, at + kShortBody), '{');
    if (open == stop || open == at + kShortBody) return false;
    int depth = 0;
    for (const char* c = open; c < stop && c < open + kShortBody; ++c) {
      if (*c == '{') ++depth;
      if (*c == '}' && --depth == 0) return true;
    }
    return false;
  }

 private:
  std::unordered_set<std::string> claimedHere_;
  std::set<std::string> borrowed_;
  clang::Sema* sema_ = nullptr;
  const RuleSet& rules_;
  const ExtractOptions& opts_;
  TUFacts& out_;
};

// Counts errors and keeps the first few messages for the coverage report.
class CollectingDiagnostics : public clang::DiagnosticConsumer {
 public:
  explicit CollectingDiagnostics(TUFacts& out) : out_(out) {}
  void HandleDiagnostic(clang::DiagnosticsEngine::Level level, const clang::Diagnostic& info) override {
    clang::DiagnosticConsumer::HandleDiagnostic(level, info);
    if (level < clang::DiagnosticsEngine::Error) return;
    out_.hadErrors = true;
    if (out_.diagnostics.size() >= 5) return;
    llvm::SmallString<160> msg;
    info.FormatDiagnostic(msg);
    std::string where;
    if (info.hasSourceManager() && info.getLocation().isValid()) {
      const auto p = info.getSourceManager().getPresumedLoc(info.getLocation());
      if (p.isValid()) where = std::string(p.getFilename()) + ":" + std::to_string(p.getLine()) + ": ";
    }
    out_.diagnostics.push_back(where + msg.str().str());
  }

 private:
  TUFacts& out_;
};

// Keeps the `egress-audit:` comments (justifications) of the program's own files, as
// written: the judge stage parses them, so a bad one is reported once, with its place.
class MarkerCollector : public clang::CommentHandler {
 public:
  MarkerCollector(const std::string& root, TUFacts& out) : root_(root), out_(out) {}

  bool HandleComment(clang::Preprocessor& pp, clang::SourceRange range) override {
    const clang::SourceManager& sm = pp.getSourceManager();
    if (range.getBegin().isMacroID() || sm.isInSystemHeader(range.getBegin())) return false;
    bool invalid = false;
    const char* begin = sm.getCharacterData(range.getBegin(), &invalid);
    const char* end = invalid ? nullptr : sm.getCharacterData(range.getEnd(), &invalid);
    if (invalid || !begin || !end || end < begin || end - begin > 4096) return false;
    const llvm::StringRef text(begin, std::size_t(end - begin));
    const std::size_t at = text.find(kMarker);
    if (at == llvm::StringRef::npos) return false;
    out_.markers.push_back({sourceLoc(sm, range.getBegin().getLocWithOffset(int(at)), root_), text.str()});
    return false;
  }

  static constexpr const char* kMarker = "egress-audit:";

 private:
  const std::string& root_;
  TUFacts& out_;
};

class FactsAction : public clang::ASTFrontendAction {
 public:
  FactsAction(const RuleSet& rules, const ExtractOptions& opts, TUFacts& out)
      : rules_(rules), opts_(opts), out_(out), markers_(opts.root, out) {}

  bool BeginSourceFileAction(clang::CompilerInstance& ci) override {
    ci.getPreprocessor().addCommentHandler(&markers_);
    return true;
  }
  void EndSourceFileAction() override { getCompilerInstance().getPreprocessor().removeCommentHandler(&markers_); }

  bool BeginInvocation(clang::CompilerInstance& ci) override {
    ci.getFrontendOpts().SkipFunctionBodies = true;  // refined by shouldSkipFunctionBody
    ci.getDiagnosticOpts().ShowCarets = false;       // no "N errors generated." lines: coverage reports them
    // `#pragma clang __debug crash` and friends in untrusted code must not end its audit.
    ci.getPreprocessorOpts().DisablePragmaDebugCrash = true;
    // __DATE__ and __TIME__ as at the epoch: the facts, and so the cache's reuse of a
    // TU and of the link, must not depend on when the scan ran (a generated
    // version file with a build date would change at every parse).
    ci.getPreprocessorOpts().SourceDateEpoch = 0;
    return true;
  }
  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance&, llvm::StringRef) override {
    return std::make_unique<FactsConsumer>(rules_, opts_, out_);
  }

 private:
  const RuleSet& rules_;
  const ExtractOptions& opts_;
  TUFacts& out_;
  MarkerCollector markers_;
};

class FactsActionFactory : public clang::tooling::FrontendActionFactory {
 public:
  FactsActionFactory(const RuleSet& rules, const ExtractOptions& opts, TUFacts& out)
      : rules_(rules), opts_(opts), out_(out) {}
  std::unique_ptr<clang::FrontendAction> create() override {
    return std::make_unique<FactsAction>(rules_, opts_, out_);
  }

 private:
  const RuleSet& rules_;
  const ExtractOptions& opts_;
  TUFacts& out_;
};

bool startsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

// The compile directory of `file`'s first command, which must exist: relative paths
// in the command are resolved against it.
std::optional<std::string> missingDirectory(const clang::tooling::CompilationDatabase& db, const std::string& file) {
  for (const auto& cmd : db.getCompileCommands(file))
    if (!llvm::sys::fs::is_directory(cmd.Directory)) return cmd.Directory;
  return std::nullopt;
}

TUFacts extractOne(const clang::tooling::CompilationDatabase& db, const std::string& file, const RuleSet& rules,
                   const ExtractOptions& opts) {
  TUFacts facts;
  facts.file = relativeTo(file, opts.root);
  if (auto dir = missingDirectory(db, file)) {
    facts.parsed = false;
    facts.diagnostics.push_back("the compile directory " + *dir + " does not exist");
    return facts;
  }
  // A file system of its own, whose working directory is this TU's compile
  // directory: the process never changes directory, so parallel TUs cannot see
  // each other's. It reads through the scan's shared files.
  clang::tooling::ClangTool tool(db, {file}, std::make_shared<clang::PCHContainerOperations>(),
                                 opts.files->over(llvm::vfs::createPhysicalFileSystem()));
  // Keep LibTooling's own adjusters (no output file, no dependency files: nothing is
  // written into the audited tree) and add ours.
  tool.appendArgumentsAdjuster(
      [&](const clang::tooling::CommandLineArguments& args, llvm::StringRef) { return analysisArguments(args, opts); });
  CollectingDiagnostics diags(facts);
  tool.setDiagnosticConsumer(&diags);
  tool.setPrintErrorMessage(false);
  FactsActionFactory factory(rules, opts, facts);
  const int rc = tool.run(&factory);
  if (rc != 0 && facts.functions.empty() && !facts.hadErrors) facts.parsed = false;
  if (rc != 0 && facts.diagnostics.empty()) facts.diagnostics.push_back("the compiler invocation failed");
  return facts;
}

// One TU, contained: whatever goes wrong in it fails this TU only.
TUFacts extractContained(const clang::tooling::CompilationDatabase& db, const std::string& file, const RuleSet& rules,
                         const ExtractOptions& opts) {
  TUFacts facts;
  std::string why;
  if (runContained([&] { facts = extractOne(db, file, rules, opts); }, why)) return facts;
  TUFacts failed;  // what the crashed run left behind may be half-written
  failed.file = relativeTo(file, opts.root);
  failed.parsed = false;
  failed.diagnostics.push_back("the analysis of this translation unit failed: " + why);
  return failed;
}

}  // namespace

std::vector<std::string> analysisArguments(const std::vector<std::string>& args, const ExtractOptions& opts) {
  auto out = dropUnknownOptions(sanitizeArguments(args));
  // Inserted before the input file, which the database puts last.
  auto at = out.empty() ? out.end() : std::prev(out.end());
  out.insert(at, opts.extraArgs.begin(), opts.extraArgs.end());
  out.push_back("-fsyntax-only");
  out.push_back("-Wno-everything");
  if (!opts.resourceDir.empty()) out.push_back("-resource-dir=" + opts.resourceDir);
  return out;
}

std::vector<std::string> sanitizeArguments(const std::vector<std::string>& args) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (startsWith(a, "-fplugin") || startsWith(a, "-fpass-plugin") || a == "-load" || startsWith(a, "-fplugin-arg"))
      continue;
    if (a == "-Xclang" && i + 1 < args.size()) {
      const std::string& next = args[i + 1];
      if (next == "-load" || next == "-plugin" || next == "-add-plugin" || startsWith(next, "-plugin-arg") ||
          startsWith(next, "-fplugin") || startsWith(next, "-fpass-plugin")) {
        i += 1;  // drop the pair; a following "-Xclang <path>" is dropped on the next round
        if ((next == "-load" || next == "-plugin" || next == "-add-plugin") && i + 2 < args.size() &&
            args[i + 1] == "-Xclang")
          i += 2;
        continue;
      }
    }
    // Library headers named with -I are still library headers: their bodies are not
    // analysed and their calls follow the models.
    if (startsWith(a, "-I/usr/include") || startsWith(a, "-I/usr/lib") || startsWith(a, "-I/usr/local/include")) {
      out.push_back("-isystem" + a.substr(2));
      continue;
    }
    if (a == "-I" && i + 1 < args.size() &&
        (startsWith(args[i + 1], "/usr/include") || startsWith(args[i + 1], "/usr/lib") ||
         startsWith(args[i + 1], "/usr/local/include"))) {
      out.push_back("-isystem");
      out.push_back(args[++i]);
      continue;
    }
    out.push_back(a);
  }
  return out;
}

TUFacts extractFromCode(const std::string& code, const std::string& fileName, const std::vector<std::string>& args,
                        const RuleSet& rules, const ExtractOptions& opts) {
  TUFacts facts;
  facts.file = fileName;
  std::vector<std::string> full = args;
  full.push_back("-Wno-everything");
  if (!opts.resourceDir.empty()) full.push_back("-resource-dir=" + opts.resourceDir);
  const bool ok =
      clang::tooling::runToolOnCodeWithArgs(std::make_unique<FactsAction>(rules, opts, facts), code, full, fileName);
  if (!ok && facts.functions.empty()) facts.parsed = false;
  return facts;
}

namespace {

// The compile command as the cache keys it: directory and arguments.
std::string commandKey(const clang::tooling::CompilationDatabase& db, const std::string& file) {
  std::string key;
  for (const auto& cmd : db.getCompileCommands(file)) {
    key += cmd.Directory + '\0';
    for (const auto& a : cmd.CommandLine) key += a + '\0';
  }
  return key;
}

// The files of one extractAll call and their results, in the database's order (so
// the answer does not depend on the schedule).
struct Batch {
  const clang::tooling::CompilationDatabase& db;
  const std::vector<std::string>& files;
  const RuleSet& rules;
  const ExtractOptions& opts;
  std::vector<TUFacts> results;
  std::vector<uint64_t> sizes;
};

// A TU's AST, or the JSON tree its cached facts were parsed from, is freed in pieces
// all over each thread's heap; glibc keeps those pages unless asked, and two threads
// doing it for hundreds of TUs doubled the peak memory of a cached scan.
// Not when TCMalloc or a sanitizer's allocator replaced malloc (CMakeLists.txt):
// glibc's arenas then serve nothing, and trimming them from two threads raced with
// glibc's own bookkeeping (an abort at thread exit, "a->attached_threads > 0", seen
// once on OpenTTD; under AddressSanitizer two first trims at once initialised the
// unused arenas concurrently and crashed).
void releaseFreedMemory() {
#ifdef __GLIBC__
  static const bool glibcMalloc = [] {
    for (const char* replacement : {"tc_malloc", "__asan_init", "__tsan_init", "__msan_init"})
      if (dlsym(RTLD_DEFAULT, replacement)) return false;
    return true;
  }();
  if (glibcMalloc) malloc_trim(0);
#endif
}

// Runs `work` on each file of `todo` on opts.jobs threads, largest files first so
// both cores stay busy to the end.
void forEachFile(Batch& b, std::vector<std::size_t> todo, bool progress, const std::function<void(std::size_t)>& work) {
  std::stable_sort(todo.begin(), todo.end(), [&](std::size_t x, std::size_t y) { return b.sizes[x] > b.sizes[y]; });
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> done{0};
  std::mutex printing;
  const auto start = std::chrono::steady_clock::now();
  const auto worker = [&] {
    for (std::size_t k = next++; k < todo.size(); k = next++) {
      work(todo[k]);
      releaseFreedMemory();
      const std::size_t n = ++done;
      if (!progress || !b.opts.progress) continue;
      const auto elapsed = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - start);
      std::lock_guard<std::mutex> lock(printing);
      std::fprintf(stderr, "\r\033[K[%zu/%zu %llds] %s", n, todo.size(), static_cast<long long>(elapsed.count()),
                   b.results[todo[k]].file.c_str());
      if (n == todo.size()) std::fprintf(stderr, "\r\033[K");
    }
  };
  runWorkers(std::max(1u, std::min<unsigned>(b.opts.jobs, unsigned(todo.size()))), worker);
}

void extractAndStore(Batch& b, std::size_t i) {
  b.results[i] = extractContained(b.db, b.files[i], b.rules, b.opts);
  const TUFacts& facts = b.results[i];
  if (b.opts.cacheDir.empty() || !facts.parsed) return;
  FactsCache(b.opts.cacheDir, b.opts.cacheKey, *b.opts.stamps)
      .store(b.files[i], commandKey(b.db, b.files[i]), facts, facts.dependencies);
}

// Loads the TUs whose cached facts are still valid and claims the header functions
// they hold, so a changed TU analyses only what no unchanged one does. Returns the
// files still to extract.
std::vector<std::size_t> loadCached(Batch& b) {
  std::vector<std::size_t> all(b.files.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
  if (b.opts.cacheDir.empty()) return all;
  const FactsCache cache(b.opts.cacheDir, b.opts.cacheKey, *b.opts.stamps);
  std::vector<char> hit(b.files.size(), 0);
  forEachFile(b, all, false, [&](std::size_t i) {
    if (auto facts = cache.load(b.files[i], commandKey(b.db, b.files[i]))) {
      b.results[i] = std::move(*facts);
      hit[i] = 1;
    }
  });
  std::vector<std::size_t> missing;
  for (std::size_t i : all) {
    if (!hit[i]) missing.push_back(i);
    for (const std::string& usr : b.results[i].claimed) b.opts.claims->claim(usr);
  }
  return missing;
}

// A re-extracted TU may no longer claim a header function that cached TUs borrowed
// from it: those borrowers are extracted again (claims kept, so only the functions
// nobody holds are analysed). Each TU at most once, so this ends.
void provideBorrowed(Batch& b) {
  std::vector<char> redone(b.files.size(), 0);
  for (unsigned round = 0; round < 2; ++round) {
    std::unordered_set<std::string> claimed;
    for (const TUFacts& tu : b.results) claimed.insert(tu.claimed.begin(), tu.claimed.end());
    std::vector<std::size_t> redo;
    for (std::size_t i = 0; i < b.results.size(); ++i) {
      const std::vector<std::string>& borrowed = b.results[i].borrowed;
      if (!redone[i] &&
          std::any_of(borrowed.begin(), borrowed.end(), [&](const std::string& u) { return !claimed.count(u); }))
        redo.push_back(i);
    }
    if (redo.empty()) return;
    for (std::size_t i : redo) {
      redone[i] = 1;
      b.opts.claims->release(b.results[i].claimed);
    }
    forEachFile(b, redo, true, [&](std::size_t i) { extractAndStore(b, i); });
  }
}

// Extracts the TUs the cache does not hold. When they are fewer than the threads (a
// re-scan after an edit), the spare threads meanwhile read cached TUs' functions,
// which the link will need unless the edit left every TU's facts as they were.
void extractMissing(Batch& b, const std::vector<std::size_t>& missing) {
  std::vector<std::size_t> pending;
  for (std::size_t i = 0; i < b.results.size(); ++i)
    if (b.results[i].functionsPending) pending.push_back(i);
  const auto extract = [&](std::size_t i) { extractAndStore(b, i); };
  if (missing.empty() || pending.empty() || missing.size() >= b.opts.jobs) {
    forEachFile(b, missing, true, extract);
    return;
  }
  const FactsCache cache(b.opts.cacheDir, b.opts.cacheKey, *b.opts.stamps);
  // The readers stop when the extraction ends: whether the rest is needed is known
  // only then (loadPendingFunctions reads it unless the last link can be reused). A
  // TU whose entry changed meanwhile stays pending and is redone there.
  std::atomic<std::size_t> next{0};
  const auto read = [&] {
    for (std::size_t k = next++; k < pending.size(); k = next++)
      cache.loadFunctions(b.files[pending[k]], b.results[pending[k]]);
  };
  std::vector<std::thread> readers;
  for (std::size_t t = missing.size(); t < b.opts.jobs; ++t) readers.emplace_back(read);
  forEachFile(b, missing, true, extract);
  next = pending.size();
  for (std::thread& t : readers) t.join();
}

// Reads the functions of the cached TUs (loaded head first) unless the caller reuses
// a link of exactly these facts; a TU whose entry changed meanwhile is extracted again.
void loadPendingFunctions(Batch& b) {
  std::vector<std::size_t> pending;
  for (std::size_t i = 0; i < b.results.size(); ++i)
    if (b.results[i].functionsPending) pending.push_back(i);
  if (pending.empty() || (b.opts.linkReused && b.opts.linkReused(b.results))) return;
  const FactsCache cache(b.opts.cacheDir, b.opts.cacheKey, *b.opts.stamps);
  std::vector<char> stale(b.files.size(), 0);
  forEachFile(b, pending, false, [&](std::size_t i) { stale[i] = !cache.loadFunctions(b.files[i], b.results[i]); });
  std::vector<std::size_t> redo;
  for (std::size_t i : pending)
    if (stale[i]) {
      b.opts.claims->release(b.results[i].claimed);
      redo.push_back(i);
    }
  forEachFile(b, redo, true, [&](std::size_t i) {
    extractAndStore(b, i);
    b.results[i].entryDigest = b.results[i].parsed ? cache.digest(b.files[i]) : "";
  });
}

}  // namespace

std::vector<TUFacts> extractAll(const clang::tooling::CompilationDatabase& db, const std::vector<std::string>& files,
                                const RuleSet& rules, const ExtractOptions& opts) {
  Batch b{db, files, rules, opts, std::vector<TUFacts>(files.size()), std::vector<uint64_t>(files.size(), 0)};
  for (std::size_t i = 0; i < files.size(); ++i) llvm::sys::fs::file_size(files[i], b.sizes[i]);
  extractMissing(b, loadCached(b));
  if (!opts.cacheDir.empty()) {
    provideBorrowed(b);
    const FactsCache cache(opts.cacheDir, opts.cacheKey, *opts.stamps);
    for (std::size_t i = 0; i < b.results.size(); ++i) {
      TUFacts& tu = b.results[i];
      tu.rulesKey = opts.cacheKey;
      if (tu.parsed && !tu.functionsPending) tu.entryDigest = cache.digest(files[i]);  // stored: it parsed
    }
    loadPendingFunctions(b);
  }
  for (TUFacts& tu : b.results) {
    tu.claimed = {};  // only the cache needs them
    tu.borrowed = {};
  }
  return std::move(b.results);
}

}  // namespace egress
