// Applies the policy to each flow. Semantics (docs/rules.md): per category, the
// rules whose `data` matches are tried in file order; a matching `deny` entry is a
// violation; a rule with `allow` entries decides: allowed if one matches, else a
// violation. No deciding rule: allowed. File destinations are judged only by
// entries with `path`; otherwise they stay unresolved.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <map>
#include <set>

#include "facts/TaintOps.h"
#include "judge/HostMatch.h"
#include "judge/Judge.h"
#include "rules/Cidr.h"
#include "llvm/Support/Path.h"

namespace egress {
namespace {

bool equalsIgnoreCase(const std::string& a, const std::string& b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return std::tolower(x) == std::tolower(y); });
}

bool inRegion(const RuleSet& rules, const std::string& code, const std::string& region) {
  if (code == region) return true;
  for (const Country& c : rules.countries)
    if (c.code == code) return std::find(c.regions.begin(), c.regions.end(), region) != c.regions.end();
  return false;
}

bool matches(const DestMatcher& m, const Destination& d, const RuleSet& rules) {
  const bool isFile = !d.display.empty() && d.display.rfind("file:", 0) == 0;
  if (isFile != m.path.has_value()) return false;
  if (m.path && !globMatch(*m.path, d.filePath, '/')) return false;
  if (isFile) return true;
  if (!d.unresolved.empty()) return false;
  if (m.name) {
    const bool ok = *m.name == "internal"    ? d.internal
                    : *m.name == "localhost" ? (d.host == "localhost" || d.entry == "loopback")
                                             : d.entry == *m.name;
    if (!ok) return false;
  }
  if (m.host && !hostMatches(*m.host, d.host)) return false;
  if (m.cidr) {
    const auto ip = parseIp(d.host);
    const auto cidr = parseCidr(*m.cidr);
    if (!ip || !cidr || !cidr->contains(*ip)) return false;
  }
  if (m.country && d.country != *m.country) return false;
  if (m.region) {
    if (std::find(d.regions.begin(), d.regions.end(), *m.region) == d.regions.end()) return false;
  }
  if (m.op && !equalsIgnoreCase(d.op, *m.op)) return false;
  if (m.jurisdiction && (d.jurisdiction.empty() || !inRegion(rules, d.jurisdiction, *m.jurisdiction))) return false;
  if (m.internal && d.internal != *m.internal) return false;
  return true;
}

struct CategoryVerdict {
  std::string verdict;
  std::string rule;
  std::string reason;
};

bool ruleApplies(const PolicyRule& r, const std::string& category) {
  return std::any_of(r.data.begin(), r.data.end(), [&](const std::string& p) { return categoryMatches(p, category); });
}

bool hasPathEntries(const std::vector<DestMatcher>& list) {
  return std::any_of(list.begin(), list.end(), [](const DestMatcher& m) { return m.path.has_value(); });
}

CategoryVerdict judgeCategory(const std::string& category, const Destination& d, const RuleSet& rules) {
  const bool isFile = d.display.rfind("file:", 0) == 0;
  const bool open = isFile || !d.unresolved.empty();
  for (const PolicyRule& r : rules.policy.rules) {
    if (!ruleApplies(r, category)) continue;
    for (const DestMatcher& m : r.deny)
      if (matches(m, d, rules)) return {"violation", r.id, category + ": denied by rule '" + r.id + "'"};
    if (r.allow.empty()) continue;
    if (open && !(isFile && hasPathEntries(r.allow))) continue;
    for (const DestMatcher& m : r.allow)
      if (matches(m, d, rules)) return {"allowed", r.id, category + ": allowed by rule '" + r.id + "'"};
    return {"violation", r.id, category + ": rule '" + r.id + "' allows no destination like this one"};
  }
  if (open) {
    const std::string why = isFile ? "written to a file; the receiving host is not in the code"
                                   : "destination unresolved (" + d.unresolved + ")";
    return {"unresolved", "", category + ": " + why};
  }
  return {"allowed", "", category + ": no policy rule applies"};
}

// Stable across unrelated edits: no line numbers, only what the flow is.
// Whitespace is left out, so reformatting the code (`f(a+b)` to `f(a + b)` in an
// argument's spelling) keeps it. Files count by name only: the reported path is
// relative to --root (the current directory by default), and a fingerprint taken
// from a scan run elsewhere, or from another checkout, must still match.
std::string fingerprint(const Finding& f) {
  const auto name = [](const std::string& file) { return llvm::sys::path::filename(file).str(); };
  std::string key = f.kind + "|" + f.api + "|" + name(f.sink.file) + "|" + f.function + "|" + f.destination.display;
  for (const std::string& c : f.categories) key += "|" + c;
  for (const Step& s : f.path)
    if (s.note.rfind("calls ", 0) == 0 || s.note.rfind("passed to ", 0) == 0)
      key += "|" + name(s.loc.file) + ":" + s.note;
  key.erase(std::remove_if(key.begin(), key.end(), [](unsigned char c) { return std::isspace(c); }), key.end());
  return hashText(key);
}

// The first origin's steps; call sites of the chain it does not pass through (the data
// was read inside the callee, which the caller told where to send it) come first.
Path evidence(const Flow& flow) {
  const Path steps = flow.origins.front().path.steps();
  Path path;
  for (const Step& call : flow.callChain) {
    const bool present = std::any_of(steps.begin(), steps.end(), [&](const Step& s) {
      return s.loc.file == call.loc.file && s.loc.line == call.loc.line;
    });
    if (!present) path.push_back(call);
  }
  path.insert(path.end(), steps.begin(), steps.end());
  return path;
}

// A network sink writing to a descriptor opened on a path (`write(fd, ...)` after
// `fd = open(path, ...)`) is an export to that file.
void fileDescriptorAsExport(Flow& flow) {
  if (flow.destination.pieces.empty() || flow.destination.pieces[0].kind != StrPiece::Const) return;
  std::string& head = flow.destination.pieces[0].text;
  if (head.compare(0, std::strlen(kFilePrefix), kFilePrefix) != 0) return;
  head.erase(0, std::strlen(kFilePrefix));
  if (head.empty()) flow.destination.pieces.erase(flow.destination.pieces.begin());
  flow.kind = "serialization";
}

// A relative URL (`/preadvice`, what `base ? base : ""` gives with no base) or no
// text at all (`src ? src : ""` copied into a host field) names no host, so no
// place the bytes could go.
bool namesNoHost(const StrVal& value) {
  if (value.pieces.empty() || value.pieces[0].kind != StrPiece::Const) return false;
  const bool empty = std::all_of(value.pieces.begin(), value.pieces.end(),
                                 [](const StrPiece& p) { return p.kind == StrPiece::Const && p.text.empty(); });
  return empty || value.pieces[0].text.rfind('/', 0) == 0;
}

// A network flow's values that name no host and end another value that does
// (`/preadvice` beside `https://returns.example.cn/v1/preadvice`, or an empty text):
// the same request with its base missing, listed with the others rather than judged
// on its own. A path that is no such tail (a URL read from `/etc/app/url`, a UNIX
// socket) is judged.
std::vector<StrVal> baselessRequests(const Flow& flow, std::vector<StrVal>& values) {
  std::vector<StrVal> baseless;
  if (flow.kind != "network") return baseless;
  std::vector<std::string> withHost;
  for (const StrVal& v : values)
    if (!namesNoHost(v)) withHost.push_back(displayStr(v));
  const auto endsAnother = [&](const StrVal& v) {
    if (!namesNoHost(v)) return false;
    const std::string tail = displayStr(v);
    return std::any_of(withHost.begin(), withHost.end(), [&](const std::string& full) {
      return full.size() > tail.size() && full.compare(full.size() - tail.size(), tail.size(), tail) == 0;
    });
  };
  for (auto it = values.begin(); it != values.end();) {
    if (!endsAnother(*it)) {
      ++it;
      continue;
    }
    baseless.push_back(std::move(*it));
    it = values.erase(it);
  }
  return baseless;
}

bool isConsole(const StrVal& value) {
  const StrPiece* text = onlyPiece(value, StrPiece::Const);
  return text && text->text.compare(0, std::strlen(kConsolePrefix), kConsolePrefix) == 0;
}

// An inventory scan gives every sink an egress-point origin: it is not data, so it
// neither names a category nor takes part in the verdict ("none" when alone).
bool dropEgressPoints(Flow& flow) {
  const auto isPoint = [](const Origin& o) { return o.category == kEgressPointCategory; };
  if (std::none_of(flow.origins.begin(), flow.origins.end(), isPoint)) return true;  // a normal scan
  std::vector<Origin> data;
  for (const Origin& o : flow.origins)
    if (o.category != kEgressPointCategory) data.push_back(o);
  if (data.empty()) return false;
  flow.origins = std::move(data);
  return true;
}

Finding judgeFlow(Flow flow, const RuleSet& rules) {
  fileDescriptorAsExport(flow);
  const bool carriesData = dropEgressPoints(flow);
  Finding f;
  f.kind = flow.kind;
  f.api = flow.api;
  f.sink = flow.sink;
  f.function = flow.function;
  f.encrypted = flow.encrypted;
  std::vector<Origin> origins = flow.origins;
  std::stable_sort(origins.begin(), origins.end(),
                   [](const Origin& a, const Origin& b) { return a.category < b.category; });
  for (const Origin& o : origins)
    if (carriesData && std::find(f.categories.begin(), f.categories.end(), o.category) == f.categories.end())
      f.categories.push_back(o.category);
  f.source = flow.origins.front().source;
  f.what = flow.origins.front().what;
  f.path = evidence(flow);
  f.destination = resolveDestination(flow.destination, flow.kind, flow.paramNames, rules);
  f.destinationValue = flow.destination;
  std::string verdict = "allowed";
  for (const std::string& c : f.categories) {
    const CategoryVerdict v = judgeCategory(c, f.destination, rules);
    f.reasons.push_back(v.reason);
    if (v.verdict == "violation" && verdict != "violation") {
      verdict = "violation";
      f.rule = v.rule;
    } else if (v.verdict == "unresolved" && verdict == "allowed") {
      verdict = "unresolved";
      f.rule.clear();
    } else if (v.verdict == "allowed" && verdict == "allowed" && f.rule.empty()) {
      f.rule = v.rule;
    }
  }
  f.verdict = carriesData ? verdict : "none";
  f.fingerprint = fingerprint(f);
  return f;
}

void addAlternative(Finding& f, const std::string& display) {
  std::vector<std::string>& alts = f.destination.alternatives;
  if (display != f.destination.display && std::find(alts.begin(), alts.end(), display) == alts.end())
    alts.push_back(display);
}

}  // namespace

std::vector<Finding> judge(const std::vector<Flow>& flows, const RuleSet& rules) {
  std::vector<Finding> out;
  std::set<std::string> seen;
  std::map<std::string, unsigned> fingerprintUses;
  for (const Flow& flow : flows) {
    if (flow.origins.empty()) continue;
    // A destination with several possible values: each is judged on its own; values
    // with the same verdict are one finding (the first, listing the others).
    std::vector<StrVal> values = flow.destination.known() ? forms(flow.destination) : std::vector<StrVal>{StrVal{}};
    const std::vector<StrVal> baseless = baselessRequests(flow, values);
    std::vector<Finding> perVerdict;
    for (const StrVal& value : values) {
      if (isConsole(value)) continue;  // written to stdout/stderr: not an export
      Flow one = flow;
      one.destination = value;
      Finding f = judgeFlow(one, rules);
      auto same =
          std::find_if(perVerdict.begin(), perVerdict.end(), [&](const Finding& g) { return g.verdict == f.verdict; });
      if (same == perVerdict.end()) {
        perVerdict.push_back(std::move(f));
        continue;
      }
      addAlternative(*same, f.destination.display);
    }
    if (!perVerdict.empty())
      for (const StrVal& value : baseless)
        if (std::string text = displayStr(value); !text.empty()) addAlternative(perVerdict.front(), text);
    for (Finding& f : perVerdict) {
      // The same flow reached through another call site is its own finding (each
      // caller's evidence); the fingerprint, which has no line numbers, gets a
      // running number. The same route twice is a duplicate.
      std::string route = locString(f.sink);
      for (const Step& st : flow.callChain) route += "|" + locString(st.loc);
      if (!seen.insert(f.fingerprint + route).second) continue;
      const unsigned n = ++fingerprintUses[f.fingerprint + locString(f.sink)];
      if (n > 1) f.fingerprint = hashText(f.fingerprint + "#" + std::to_string(n)).substr(0, f.fingerprint.size());
      out.push_back(std::move(f));
    }
  }
  std::sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) {
    if (a.sink.file != b.sink.file) return a.sink.file < b.sink.file;
    if (a.sink.line != b.sink.line) return a.sink.line < b.sink.line;
    return a.fingerprint < b.fingerprint;
  });
  return out;
}

}  // namespace egress
