// The audit report as one self-contained HTML file: no scripts, no external assets.
// A summary by verdict, the data-flow map as inline SVG (categories -> egress points ->
// destinations grouped by country and operator), each finding with its evidence and
// the source line of each step, the egress inventory and the coverage.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "facts/TaintOps.h"
#include "report/Describe.h"
#include "report/Inventory.h"
#include "report/Report.h"
#include "report/Version.h"

namespace fs = std::filesystem;

namespace egress {
namespace {

constexpr std::size_t kMaxMapPoints = 300;  // egress points drawn; the tables list all
constexpr double kRow = 26, kNodeWidth = 330, kTop = 40;

std::string esc(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string shortened(const std::string& text, std::size_t max) {
  return text.size() <= max ? text : text.substr(0, max - 1) + "\u2026";
}

// Source lines for the evidence, read once per file (below --root when relative). A
// file that cannot be read (facts merged from another machine) shows no lines.
class SourceLines {
 public:
  explicit SourceLines(std::string root) : root_(std::move(root)) {}
  std::string line(const SourceLoc& loc) {
    auto [it, fresh] = files_.try_emplace(loc.file);
    if (fresh) {
      const fs::path p = fs::path(loc.file).is_absolute() ? fs::path(loc.file) : fs::path(root_) / loc.file;
      std::error_code ec;
      if (fs::is_regular_file(p, ec) && fs::file_size(p, ec) < (8u << 20)) {
        std::ifstream in(p);
        for (std::string l; std::getline(in, l);) it->second.push_back(l);
      }
    }
    const auto& lines = it->second;
    return loc.line >= 1 && loc.line <= lines.size() ? lines[loc.line - 1] : "";
  }

 private:
  std::string root_;
  std::map<std::string, std::vector<std::string>> files_;
};

const char* kStyle = R"(
body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#1d2330;max-width:1280px}
h1{font-size:22px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #ccd}
table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccd;padding:3px 8px;text-align:left;vertical-align:top}
th{background:#eef}code,pre{font:12px/1.4 ui-monospace,monospace}pre{background:#f6f6fa;padding:6px;margin:2px 0 8px;overflow-x:auto}
.violation{color:#b00020}.unresolved{color:#9a6400}.allowed{color:#1b6e20}.none,.accepted{color:#555}
article{border:1px solid #ccd;border-radius:6px;padding:8px 12px;margin:12px 0}
svg text{font:12px system-ui,sans-serif}
)";

std::string verdictClass(const Finding& f) { return f.accepted() ? "accepted" : f.verdict; }

std::string edgeColor(const std::string& verdict) {
  if (verdict == "violation") return "#b00020";
  if (verdict == "unresolved") return "#c08400";
  if (verdict == "allowed") return "#2e7d32";
  return "#9aa0b0";
}

struct Node {
  std::string label, title;
  double y = 0;
};

// Destination groups: "country · operator", then the destinations in them.
std::string groupOf(const Destination& d) {
  if (!d.unresolved.empty()) return "unresolved";
  if (d.internal) return "internal";
  const std::string country =
      d.country.empty() ? (d.regions.empty() ? "unknown location" : d.regions.front()) : d.country;
  return country + (d.op.empty() ? "" : " \u00b7 " + d.op);
}

void writeMap(std::ostream& out, const std::vector<InventoryEntry>& entries) {
  std::map<std::string, Node> cats, dests;
  std::vector<Node> points;
  std::map<std::string, std::set<std::string>> groups;  // group -> destinations
  const std::size_t shown = std::min(entries.size(), kMaxMapPoints);
  for (std::size_t i = 0; i < shown; ++i) {
    const Finding& f = *entries[i].first;
    for (const std::string& c : entries[i].categories) cats[c].label = c;
    groups[groupOf(f.destination)].insert(f.destination.display);
    points.push_back({shortened(f.api + " @ " + locString(f.sink), 52), f.api + " at " + locString(f.sink), 0});
  }
  double y = kTop;
  for (auto& [c, n] : cats) n.y = (y += kRow);
  y = kTop;
  for (Node& p : points) p.y = (y += kRow);
  y = kTop;
  std::vector<std::pair<std::string, double>> groupLabels;
  for (const auto& [group, members] : groups) {
    groupLabels.emplace_back(group, y += kRow);
    for (const std::string& d : members) dests[d] = {shortened(d, 50), d, y += kRow};
  }
  const double height = std::max({double(cats.size()), double(points.size()), y / kRow}) * kRow + kTop + 2 * kRow;
  const double x0 = 10, x1 = 420, x2 = 840;
  out << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\" height=\"" << height << "\" role=\"img\" "
      << "aria-label=\"data-flow map\">\n";
  out << "<text x=\"" << x0 << "\" y=\"20\" font-weight=\"bold\">data categories</text><text x=\"" << x1
      << "\" y=\"20\" font-weight=\"bold\">egress points</text><text x=\"" << x2
      << "\" y=\"20\" font-weight=\"bold\">destinations by country and operator</text>\n";
  for (std::size_t i = 0; i < shown; ++i) {
    const InventoryEntry& e = entries[i];
    const double py = points[i].y;
    for (const std::string& c : e.categories)
      out << "<path class=\"edge\" d=\"M" << x0 + kNodeWidth - 90 << "," << cats[c].y << " C" << x1 - 60 << ","
          << cats[c].y << " " << x1 - 60 << "," << py << " " << x1 << "," << py << "\" stroke=\""
          << edgeColor(e.verdict) << "\" fill=\"none\" stroke-width=\"1.5\"/>\n";
    const double dy = dests[e.first->destination.display].y;
    out << "<path class=\"edge\" d=\"M" << x1 + kNodeWidth - 10 << "," << py << " C" << x2 - 50 << "," << py << " "
        << x2 - 50 << "," << dy << " " << x2 << "," << dy << "\" stroke=\"" << edgeColor(e.verdict)
        << "\" fill=\"none\" stroke-width=\"1.5\"/>\n";
  }
  const auto node = [&](double x, const Node& n, double width, const char* fill) {
    out << "<g class=\"node\"><title>" << esc(n.title.empty() ? n.label : n.title) << "</title><rect x=\"" << x
        << "\" y=\"" << n.y - 9 << "\" width=\"" << width << "\" height=\"18\" rx=\"4\" fill=\"" << fill
        << "\" stroke=\"#8890a8\"/><text x=\"" << x + 6 << "\" y=\"" << n.y + 4 << "\">" << esc(n.label)
        << "</text></g>\n";
  };
  for (const auto& [c, n] : cats) node(x0, n, kNodeWidth - 90, "#e8ecff");
  for (const Node& p : points) node(x1, p, kNodeWidth - 10, "#f4f4f8");
  for (const auto& [label, gy] : groupLabels)
    out << "<text x=\"" << x2 << "\" y=\"" << gy + 4 << "\" font-weight=\"bold\">" << esc(label) << "</text>\n";
  for (const auto& [d, n] : dests) node(x2 + 12, n, kNodeWidth, "#fff8e8");
  out << "</svg>\n";
  if (entries.size() > shown)
    out << "<p>The map shows the first " << shown << " of " << entries.size()
        << " egress points; the inventory below lists all.</p>\n";
}

void writeSummary(std::ostream& out, const std::vector<Finding>& findings, const Coverage& coverage,
                  const RuleSet& rules) {
  std::map<std::string, unsigned> counts;
  for (const Finding& f : findings) ++counts[verdictClass(f)];
  out << "<p>Policy <b>" << esc(rules.policy.name) << "</b>; " << coverage.translationUnits
      << " translation units; analysis " << (coverage.incomplete() ? "<b>incomplete</b>" : "complete")
      << "; egress-audit " << kVersion << ".</p>\n<table><tr><th>verdict</th><th>findings</th></tr>\n";
  for (const char* v : {"violation", "unresolved", "allowed", "accepted"})
    out << "<tr><td class=\"" << v << "\">" << v << "</td><td>" << counts[v] << "</td></tr>\n";
  out << "</table>\n";
}

void writeFindings(std::ostream& out, const std::vector<Finding>& findings, SourceLines& sources) {
  for (const Finding& f : findings) {
    out << "<article class=\"finding\" id=\"f-" << f.fingerprint << "\"><h3 class=\"" << verdictClass(f) << "\">"
        << esc(f.verdict) << (f.accepted() ? " (accepted)" : "") << ": " << esc(joinedList(f.categories)) << " to "
        << esc(f.destination.display) << "</h3>\n<p>" << esc(f.api) << " (" << esc(f.kind) << ") at <code>"
        << esc(locString(f.sink)) << "</code> in <code>" << esc(f.function) << "</code>; "
        << esc(describeDestination(f.destination)) << (f.rule.empty() ? "" : "; rule " + esc(f.rule))
        << "; fingerprint <code>" << f.fingerprint << "</code></p>\n";
    if (f.justification)
      out << "<p>" << (f.justification->expired ? "Expired justification" : "Justified") << " at <code>"
          << esc(f.justification->at) << "</code>: " << esc(f.justification->reason) << "</p>\n";
    out << "<ol>\n";
    for (const Step& s : f.path) {
      out << "<li><code>" << esc(locString(s.loc)) << "</code> " << esc(s.note);
      if (const std::string line = sources.line(s.loc); !line.empty()) out << "<pre>" << esc(line) << "</pre>";
      out << "</li>\n";
    }
    out << "</ol>\n<ul>";
    for (const std::string& r : f.reasons) out << "<li>" << esc(r) << "</li>";
    out << "</ul></article>\n";
  }
}

void writeInventoryTable(std::ostream& out, const std::vector<InventoryEntry>& entries) {
  out << "<table><tr><th>sink</th><th>API (library)</th><th>destination</th><th>encrypted</th><th>data</th></tr>\n";
  for (const InventoryEntry& e : entries) {
    const Finding& f = *e.first;
    out << "<tr><td><code>" << esc(locString(f.sink)) << "</code></td><td>" << esc(f.api) << " (" << esc(e.library)
        << ")</td><td>" << esc(describeDestination(f.destination)) << "</td><td>" << esc(e.encrypted)
        << "</td><td class=\"" << esc(e.verdict) << "\">"
        << (e.categories.empty() ? "none classified" : esc(joinedList(e.categories))) << "</td></tr>\n";
  }
  out << "</table>\n";
}

void writeCoverage(std::ostream& out, const Coverage& c) {
  out << "<p>" << c.translationUnits << " translation units, " << c.failed.size() << " not analysed, "
      << c.partial.size() << " analysed in part.</p>\n<ul>\n";
  for (const auto& [file, why] : c.failed)
    out << "<li>not analysed: <code>" << esc(file) << "</code>: " << esc(why) << "</li>\n";
  for (const auto& [file, why] : c.partial)
    out << "<li>in part: <code>" << esc(file) << "</code>: " << esc(why) << "</li>\n";
  for (const LimitReport& l : c.limits)
    out << "<li>limit " << esc(l.limit) << " hit " << l.count << " times (first: " << esc(l.example)
        << "): " << esc(l.effect) << "</li>\n";
  for (const std::string& w : c.warnings) out << "<li>" << esc(w) << "</li>\n";
  out << "</ul>\n";
}

}  // namespace

void writeHtml(std::ostream& out, const std::vector<Finding>& all, const Coverage& coverage, const RuleSet& rules,
               const std::string& root) {
  const std::vector<InventoryEntry> entries = inventoryOf(all, rules);
  std::vector<Finding> findings;
  for (const Finding& f : all)
    if (f.verdict != "none") findings.push_back(f);
  SourceLines sources(root);
  out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>egress-audit report</title><style>"
      << kStyle << "</style></head><body>\n<h1>egress-audit report</h1>\n<h2>Summary</h2>\n";
  writeSummary(out, findings, coverage, rules);
  out << "<h2>Data-flow map</h2>\n";
  writeMap(out, entries);
  out << "<h2>Findings</h2>\n";
  writeFindings(out, findings, sources);
  out << "<h2>Egress inventory</h2>\n";
  writeInventoryTable(out, entries);
  out << "<h2>Coverage</h2>\n";
  writeCoverage(out, coverage);
  out << "</body></html>\n";
}

}  // namespace egress
