#include "scan/FactsFiles.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/xxhash.h>

#include "facts/Errors.h"
#include "facts/FactsJson.h"
#include "facts/TaintOps.h"
#include "report/Version.h"

namespace fs = std::filesystem;

namespace egress {
namespace {

std::string readText(const fs::path& file, bool& ok) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  ok = static_cast<bool>(in) || in.eof();
  return text.str();
}

bool isFactsFile(const fs::path& p) {
  const std::string name = p.filename().string();
  return name.size() > 11 && name.compare(name.size() - 11, 11, ".facts.json") == 0;
}

// The files behind the inputs, sorted; no exception on loops or unreadable folders.
llvm::Expected<std::vector<fs::path>> listInputs(const std::vector<std::string>& inputs) {
  std::vector<fs::path> files;
  for (const std::string& in : inputs) {
    std::error_code ec;
    if (!fs::is_directory(in, ec)) {
      if (ec && ec != std::errc::no_such_file_or_directory) return inputProblem(in + ": " + ec.message());
      files.emplace_back(in);
      continue;
    }
    fs::directory_iterator it(in, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec))
      if (isFactsFile(it->path())) files.push_back(it->path());
    if (ec) return inputProblem(in + ": cannot read directory: " + ec.message());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

std::string extractionKey(const std::string& rulesDir, const RuleSet& rules, const std::vector<std::string>& extraArgs,
                          const std::string& resourceDir) {
  // The tool's own build is part of the key: a rebuilt analysis must not reuse facts
  // an older build extracted under the same version number.
  // It is large (~90 MB with debug info): mapped and hashed with xxh3, it takes
  // milliseconds, where a copy and a byte-wise hash took most of a second.
  std::string selfHash = "unreadable";
  if (auto self = llvm::MemoryBuffer::getFile("/proc/self/exe", /*IsText=*/false, /*RequiresNullTerminator=*/false))
    selfHash = llvm::utohexstr(llvm::xxh3_64bits(llvm::arrayRefFromStringRef((*self)->getBuffer())));
  std::string key = std::string(kVersion) + '\0' + selfHash + '\0' + resourceDir + '\0';
  for (const auto& a : extraArgs) key += a + '\0';
  std::vector<fs::path> files;
  for (const char* sub : {"data", "apis"}) {
    std::error_code ec;
    fs::directory_iterator it(fs::path(rulesDir) / sub, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    bool ok = false;
    key += f.filename().string() + '\0' + readText(f, ok) + '\0';
  }
  if (!rules.overlayFile.empty()) {  // its classifications and models change the facts
    bool ok = false;
    key += "overlay\0" + readText(rules.overlayFile, ok) + '\0';
  }
  for (const Sanitizer& s : rules.policy.sanitizers) {
    key += "policy-sanitizer\0" + s.function.text + '\0';
    for (const std::string& r : s.removes) key += r + '\0';
  }
  return hashText(key);
}

std::string factsFileName(const std::string& tuFile) {
  std::string flat = tuFile;
  for (char& c : flat)
    if (c == '/' || c == '\\' || c == ':') c = '_';
  if (flat.size() > 120) flat = flat.substr(flat.size() - 120);  // file names have a length limit
  return flat + "-" + hashText(tuFile) + ".facts.json";
}

llvm::Error writeFactsDir(const std::vector<TUFacts>& tus, const std::string& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return inputProblem("cannot create facts directory " + dir + ": " + ec.message());
  for (const TUFacts& tu : tus) {
    const fs::path file = fs::path(dir) / factsFileName(tu.file);
    std::ofstream out(file);
    out << factsToJson(tu) << "\n";
    out.close();
    if (!out) return inputProblem("cannot write facts to " + file.string());
  }
  return llvm::Error::success();
}

llvm::Expected<std::vector<TUFacts>> readFactsInputs(const std::vector<std::string>& inputs,
                                                     const std::string& rulesKey) {
  auto files = listInputs(inputs);
  if (!files) return files.takeError();
  std::vector<TUFacts> out;
  std::map<std::string, std::string> seen;  // TU -> the facts file it came from
  for (const fs::path& f : *files) {
    bool ok = false;
    const std::string text = readText(f, ok);
    if (!ok) return inputProblem(f.string() + ": cannot read file");
    std::string error;
    auto tu = factsFromJson(text, error);
    if (!tu) return inputProblem(f.string() + ": " + error);
    if (tu->rulesKey != rulesKey)
      return inputProblem(f.string() + ": extracted with other rules, policy sanitizers, options or tool version; "
                                       "scan the shards again with the same ones");
    auto [it, fresh] = seen.emplace(tu->file, f.string());
    if (!fresh) return inputProblem(f.string() + ": " + tu->file + " is already in " + it->second);
    out.push_back(std::move(*tu));
  }
  if (out.empty()) return inputProblem("no *.facts.json found in the given inputs");
  return out;
}

}  // namespace egress
