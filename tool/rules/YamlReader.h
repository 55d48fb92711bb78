// Small checked accessors over yaml-cpp: every complaint names file:line:col and what
// was expected, so a rules author can fix the file without reading our code.
#pragma once

#include <initializer_list>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "rules/Rules.h"

namespace egress {

class YamlReader {
 public:
  // Parses `file`; a syntax error becomes a ConfigError with its position.
  explicit YamlReader(std::string file);
  // Parses `text`, reporting problems as positions in `file`.
  YamlReader(std::string file, const std::string& text);

  const YAML::Node& root() const { return root_; }
  const std::string& file() const { return file_; }

  [[noreturn]] void fail(const YAML::Node& at, const std::string& msg) const;
  unsigned lineOf(const YAML::Node& n) const { return n.Mark().line + 1; }

  void expectMap(const YAML::Node& n, const std::string& what) const;
  void expectSeq(const YAML::Node& n, const std::string& what) const;
  // Rejects keys outside `allowed`, naming the ones that are.
  void checkKeys(const YAML::Node& map, std::initializer_list<const char*> allowed) const;
  std::string scalar(const YAML::Node& n, const std::string& what) const;
  std::string requiredScalar(const YAML::Node& map, const char* key) const;
  std::string optionalScalar(const YAML::Node& map, const char* key) const;
  bool optionalBool(const YAML::Node& map, const char* key, bool fallback) const;
  // A scalar or a sequence of scalars.
  std::vector<std::string> scalarList(const YAML::Node& n, const std::string& what) const;
  Pattern pattern(const YAML::Node& n, const std::string& what, bool icase = false) const;

 private:
  void parse(const std::string& text);
  void checkMappings() const;

  std::string file_;
  YAML::Node root_;
};

}  // namespace egress
