// A fluent manifest builder whose setters are defined in manifest_builder.cpp: the
// TU building a manifest sees only that each setter returns the builder.
#pragma once

#include <string>
#include <string_view>

class ManifestRequest {
 public:
  explicit ManifestRequest(std::string url);
  ManifestRequest& header(std::string_view name, std::string_view value);
  ManifestRequest& field(std::string_view key, std::string_view value);
  ManifestRequest& field(std::string_view key, double value);
  long post();

 private:
  std::string url_;
  std::string headers_;
  std::string fields_;
};

// A connection to a yard terminal: the constructor takes the host, `<<` buffers,
// and the destructor sends what was buffered.
class TerminalLink {
 public:
  explicit TerminalLink(std::string host);
  ~TerminalLink();
  TerminalLink& operator<<(std::string_view chunk);

 private:
  std::string host_;
  std::string pending_;
};
