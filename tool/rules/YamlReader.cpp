#include "rules/YamlReader.h"

#include <fstream>
#include <map>
#include <sstream>

namespace egress {

YamlReader::YamlReader(std::string file) : file_(std::move(file)) {
  std::ifstream in(file_);
  if (!in) throw ConfigError(file_ + ": cannot read file");
  std::stringstream text;
  text << in.rdbuf();
  parse(text.str());
}

YamlReader::YamlReader(std::string file, const std::string& text) : file_(std::move(file)) { parse(text); }

void YamlReader::parse(const std::string& text) {
  try {
    root_ = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    if (e.mark.is_null()) throw ConfigError(file_, 1, 1, "YAML syntax error: " + e.msg);
    throw ConfigError(file_, e.mark.line + 1, e.mark.column + 1, "YAML syntax error: " + e.msg);
  }
  if (!root_.IsMap()) throw ConfigError(file_, 1, 1, "expected a mapping at the top level");
  checkMappings();
}

// yaml-cpp keeps a duplicate key silently (and lookups see only the first): a
// policy whose second `rules:` block vanished would pass. Every key must also be a
// plain value. Walked with a stack: nesting depth is the file's business.
void YamlReader::checkMappings() const {
  std::vector<YAML::Node> work{root_};
  while (!work.empty()) {
    const YAML::Node n = work.back();
    work.pop_back();
    if (n.IsSequence()) {
      for (const auto& item : n) work.push_back(item);
      continue;
    }
    if (!n.IsMap()) continue;
    std::map<std::string, YAML::Mark> seen;
    for (const auto& kv : n) {
      if (!kv.first.IsScalar()) fail(kv.first, "expected a key to be a single value, not a list or mapping");
      const std::string key = kv.first.Scalar();
      auto [it, fresh] = seen.emplace(key, kv.first.Mark());
      if (!fresh)
        fail(kv.first, "duplicate key '" + key + "' (first at line " + std::to_string(it->second.line + 1) + ")");
      work.push_back(kv.second);
    }
  }
}

void YamlReader::fail(const YAML::Node& at, const std::string& msg) const {
  const YAML::Mark m = at.Mark();
  if (m.is_null()) throw ConfigError(file_, 1, 1, msg);
  throw ConfigError(file_, m.line + 1, m.column + 1, msg);
}

void YamlReader::expectMap(const YAML::Node& n, const std::string& what) const {
  if (!n.IsMap()) fail(n, "expected " + what + " to be a mapping");
}

void YamlReader::expectSeq(const YAML::Node& n, const std::string& what) const {
  if (!n.IsSequence()) fail(n, "expected " + what + " to be a list");
}

void YamlReader::checkKeys(const YAML::Node& map, std::initializer_list<const char*> allowed) const {
  for (const auto& kv : map) {
    const std::string key = kv.first.Scalar();
    bool known = false;
    for (const char* a : allowed) known = known || key == a;
    if (known) continue;
    std::string list;
    for (const char* a : allowed) list += std::string(list.empty() ? "" : ", ") + a;
    fail(kv.first, "unknown key '" + key + "'; expected one of: " + list);
  }
}

std::string YamlReader::scalar(const YAML::Node& n, const std::string& what) const {
  if (!n.IsScalar()) fail(n, "expected " + what + " to be a single value");
  return n.Scalar();
}

std::string YamlReader::requiredScalar(const YAML::Node& map, const char* key) const {
  const YAML::Node n = map[key];
  if (!n) fail(map, std::string("missing required key '") + key + "'");
  return scalar(n, std::string("'") + key + "'");
}

std::string YamlReader::optionalScalar(const YAML::Node& map, const char* key) const {
  const YAML::Node n = map[key];
  if (!n || n.IsNull()) return {};
  return scalar(n, std::string("'") + key + "'");
}

bool YamlReader::optionalBool(const YAML::Node& map, const char* key, bool fallback) const {
  const YAML::Node n = map[key];
  if (!n) return fallback;
  const std::string v = scalar(n, std::string("'") + key + "'");
  if (v == "true" || v == "yes") return true;
  if (v == "false" || v == "no") return false;
  fail(n, std::string("expected '") + key + "' to be true or false, got '" + v + "'");
}

std::vector<std::string> YamlReader::scalarList(const YAML::Node& n, const std::string& what) const {
  std::vector<std::string> out;
  if (!n || n.IsNull()) return out;
  if (n.IsScalar()) return {n.Scalar()};
  expectSeq(n, what);
  for (const auto& item : n) out.push_back(scalar(item, "an entry of " + what));
  return out;
}

Pattern YamlReader::pattern(const YAML::Node& n, const std::string& what, bool icase) const {
  const std::string text = scalar(n, what);
  std::string error;
  if (auto p = compilePattern(text, icase, error)) return std::move(*p);
  fail(n, "invalid regular expression in " + what + ": " + error);
}

}  // namespace egress
