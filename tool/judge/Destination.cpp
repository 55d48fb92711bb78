// From a destination string to a located destination: bindings, URL parsing, then
// the catalog (most specific entry), then the country-code TLD.
#include <algorithm>
#include <cctype>
#include <cstring>

#include "facts/TaintOps.h"
#include "judge/HostMatch.h"
#include "judge/Judge.h"
#include "rules/Cidr.h"

namespace egress {
namespace {

std::string provenanceKey(const StrPiece& p) {
  switch (p.kind) {
    case StrPiece::Env: return "env:" + displayKey(p.text);
    case StrPiece::Config:
    case StrPiece::Setting: return "config:" + displayKey(p.text);
    case StrPiece::Option: return "option:" + displayKey(p.text);
    default: return {};
  }
}

StrVal applyBindings(const StrVal& value, const RuleSet& rules) {
  std::vector<StrVal> parts;
  for (const StrPiece& p : value.pieces) {
    const std::string key = provenanceKey(p);
    auto bound = std::find_if(rules.policy.bindings.begin(), rules.policy.bindings.end(),
                              [&](const auto& b) { return !key.empty() && b.first == key; });
    parts.push_back(bound != rules.policy.bindings.end() ? constStr(bound->second) : StrVal{{p}});
  }
  return concatAll(parts);
}

std::string unresolvedName(const StrPiece& p, const std::vector<std::string>& paramNames) {
  if (p.kind == StrPiece::Param && p.index == kGlobalParam) return "global:" + readableGlobal(p.text);
  if (p.kind == StrPiece::Param) {
    std::string name = p.index == kThisParam ? "this" : p.index < paramNames.size() ? paramNames[p.index] : "";
    if (name.empty()) name = std::to_string(p.index);
    return "param:" + name + (p.text.empty() ? "" : "." + p.text);
  }
  const std::string key = provenanceKey(p);
  return key.empty() ? "unknown" : key;
}

// The host in `text` when it is complete there: "https://h/x", "tcp://h:1883", "h:9100", "h".
// `host=db.example.de dbname=x` (libpq-style key=value connection strings).
std::string keywordHost(const std::string& text) {
  for (const char* key : {"hostaddr=", "host="}) {
    std::size_t at = text.find(key);
    while (at != std::string::npos && at > 0 && !std::isspace(static_cast<unsigned char>(text[at - 1])))
      at = text.find(key, at + 1);
    if (at == std::string::npos) continue;
    const std::size_t from = at + std::strlen(key);
    const std::size_t end = text.find_first_of(" \t,", from);
    return text.substr(from, end == std::string::npos ? std::string::npos : end - from);
  }
  return {};
}

std::string hostOf(const std::string& text, bool textComplete) {
  if (text.find("://") == std::string::npos) {
    const std::string keyword = keywordHost(text);
    if (!keyword.empty()) return hostOf(keyword, true);
  }
  std::size_t start = 0;
  const auto scheme = text.find("://");
  if (scheme != std::string::npos) start = scheme + 3;
  const auto at = text.find('@', start);
  if (at != std::string::npos && text.find('/', start) > at) start = at + 1;
  std::size_t end;
  if (start < text.size() && text[start] == '[') {
    end = text.find(']', start);
    if (end == std::string::npos) return {};
    return text.substr(start + 1, end - start - 1);
  }
  end = text.find_first_of(":/?#", start);
  if (end == std::string::npos) {
    if (!textComplete) return {};
    end = text.size();
  }
  std::string host = text.substr(start, end - start);
  std::transform(host.begin(), host.end(), host.begin(), [](unsigned char c) { return std::tolower(c); });
  if (host == "*") return host;
  const bool plausible = !host.empty() && std::all_of(host.begin(), host.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '.' || c == '-' || c == '_';
  });
  return plausible ? host : std::string();
}

// Scheme, port and path of a URL-shaped destination ("tcp://h:1883", "https://h/x").
void splitUrl(const std::string& text, Destination& d) {
  std::size_t start = 0;
  if (const auto scheme = text.find("://"); scheme != std::string::npos) {
    d.scheme = text.substr(0, scheme);
    start = scheme + 3;
  }
  const std::size_t slash = text.find('/', start);
  std::string authority = text.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
  if (slash != std::string::npos) d.path = text.substr(slash);
  const auto at = authority.rfind('@');
  if (at != std::string::npos) authority = authority.substr(at + 1);
  const auto close = authority.rfind(']');
  const auto colon = authority.rfind(':');
  if (colon != std::string::npos && (close == std::string::npos || colon > close) &&
      authority.find(':') == colon)  // one colon: host:port (IPv6 literals need brackets)
    d.port = authority.substr(colon + 1);
  else if (colon != std::string::npos && close != std::string::npos && colon > close)
    d.port = authority.substr(colon + 1);
}

bool isWildcardAddress(const std::string& host) { return host == "*" || host == "0.0.0.0" || host == "::"; }

const Country* countryByCode(const RuleSet& rules, const std::string& code) {
  for (const Country& c : rules.countries)
    if (c.code == code) return &c;
  return nullptr;
}

void locateByCatalog(Destination& d, const RuleSet& rules) {
  const auto ip = parseIp(d.host);
  const DestinationEntry* best = nullptr;
  std::size_t bestScore = 0;
  for (const DestinationEntry& e : rules.destinations) {
    std::size_t score = 0;
    if (ip) {
      for (const auto& c : e.cidrs)
        if (auto cidr = parseCidr(c); cidr && cidr->contains(*ip))
          score = std::max<std::size_t>(score, cidr->prefix + 1);
    } else {
      for (const auto& h : e.hosts)
        if (hostMatches(h, d.host)) score = std::max(score, h.size() + 1);
    }
    if (score > bestScore) {
      bestScore = score;
      best = &e;
    }
  }
  if (!best) return;
  d.entry = best->name;
  d.country = best->country;
  d.op = best->op;
  d.jurisdiction = best->jurisdiction;
  d.internal = best->internal;
  d.how = "catalog entry '" + best->name + "' (" + best->file + ":" + std::to_string(best->line) + ")";
}

void locateByTld(Destination& d, const RuleSet& rules) {
  const auto dot = d.host.rfind('.');
  if (dot == std::string::npos || parseIp(d.host)) {
    d.how = "no catalog entry; location unknown";
    return;
  }
  const std::string tld = d.host.substr(dot + 1);
  for (const Country& c : rules.countries) {
    if (c.tld != tld) continue;
    d.country = c.code;
    d.jurisdiction = c.code;
    d.how = "country-code TLD ." + tld + " -> " + c.code + " (located and operated there)";
    return;
  }
  for (const auto& [t, region] : rules.regionTlds) {
    if (t != tld) continue;
    d.regions.push_back(region);
    d.jurisdiction = region;
    d.how = "TLD ." + tld + " -> region " + region + " (located and operated there)";
    return;
  }
  d.how = "generic TLD ." + tld + " with no catalog entry; location unknown";
}

}  // namespace

Destination resolveDestination(const StrVal& raw, const std::string& kind, const std::vector<std::string>& paramNames,
                               const RuleSet& rules) {
  Destination d;
  const StrVal value = applyBindings(raw, rules);
  d.display = displayStr(value);
  std::string leading;
  std::size_t firstOpen = value.pieces.size();
  for (std::size_t i = 0; i < value.pieces.size(); ++i) {
    if (value.pieces[i].kind != StrPiece::Const) {
      firstOpen = i;
      break;
    }
    leading += value.pieces[i].text;
  }
  const bool complete = firstOpen == value.pieces.size();
  if (kind == "serialization") {
    d.filePath = leading;
    d.display = "file:" + d.display;
    if (!value.known()) d.unresolved = "unknown";
    else if (firstOpen == 0) d.unresolved = unresolvedName(value.pieces[0], paramNames);
    return d;
  }
  d.host = hostOf(leading, complete);
  if (d.host.empty()) {
    d.unresolved = firstOpen < value.pieces.size() ? unresolvedName(value.pieces[firstOpen], paramNames) : "unknown";
    return d;
  }
  splitUrl(complete ? leading : displayStr(value), d);
  if (isWildcardAddress(d.host)) {
    // A socket bound to every interface: its peers are whoever connects.
    d.unresolved = "any-interface";
    d.how = "wildcard address: every interface, peers unknown";
    return d;
  }
  locateByCatalog(d, rules);
  if (d.entry.empty()) locateByTld(d, rules);
  if (const Country* c = countryByCode(rules, d.country))
    d.regions.insert(d.regions.end(), c->regions.begin(), c->regions.end());
  return d;
}

}  // namespace egress
