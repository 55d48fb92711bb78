#include "report/Stats.h"

#include <cstdio>
#include <sys/resource.h>

namespace egress {
namespace {

long peakRssKb() {
  struct rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

struct FactsSize {
  std::size_t functions = 0, callSites = 0, arguments = 0, sinks = 0, effects = 0, stringPieces = 0, atoms = 0,
              evidenceSteps = 0;

  void count(const Taint& t) {
    atoms += t.origins.size() + t.params.size() + t.calls.size();
    for (const Origin& o : t.origins) evidenceSteps += o.path.size();
  }
  void count(const StrVal& s) {
    stringPieces += s.pieces.size();
    for (const auto& alt : s.alts) stringPieces += alt.size();
  }
  void count(const ArgFact& a) {
    ++arguments;
    count(a.whole);
    count(a.str);
    for (const auto& [k, t] : a.fields) count(t);
    for (const auto& [k, v] : a.fieldStrs) count(v);
  }
  void count(const FunctionFacts& f) {
    ++functions;
    count(f.ret);
    count(f.retStr);
    for (const CallSiteFact& c : f.calls) {
      ++callSites;
      for (const ArgFact& a : c.args) count(a);
      count(c.thisArg);
    }
    for (const SinkFact& s : f.sinks) {
      ++sinks;
      count(s.data);
      count(s.destination);
    }
    for (const EffectFact& e : f.effects) {
      ++effects;
      count(e.value);
      count(e.str);
    }
  }
};

}  // namespace

ScanStats::ScanStats() : last_(std::chrono::steady_clock::now()) {}

void ScanStats::stage(const std::string& name) {
  const auto now = std::chrono::steady_clock::now();
  stages_.push_back({name, std::chrono::duration<double>(now - last_).count(), peakRssKb()});
  last_ = now;
}

void ScanStats::write(std::ostream& out, const std::vector<TUFacts>& tus, const LinkStats& link) const {
  char line[256];
  out << "stats: stage          seconds   peak RSS (MB, so far)\n";
  for (const Stage& s : stages_) {
    std::snprintf(line, sizeof line, "stats: %-12s %9.2f %9.1f\n", s.name.c_str(), s.seconds, s.peakRssKb / 1024.0);
    out << line;
  }
  FactsSize size;
  std::size_t unread = 0;
  for (const TUFacts& tu : tus) {
    unread += tu.functionsPending;
    for (const FunctionFacts& f : tu.functions) size.count(f);
  }
  out << "stats: facts: " << tus.size() << " TUs, " << size.functions << " functions, " << size.callSites
      << " call sites, " << size.arguments << " arguments, " << size.sinks << " sinks, " << size.effects << " effects, "
      << size.atoms << " data atoms, " << size.stringPieces << " string pieces, " << size.evidenceSteps
      << " evidence steps";
  if (unread) out << " (the functions of " << unread << " cached TUs were not read: the link was reused)";
  out << "\n";
  out << "stats: link: " << (link.reused ? "reused from the cache (same facts as last time), " : "");
  if (link.resumed) out << "resumed from the cache's link state (" << link.relinked << " resolutions redone), ";
  out << link.functions << " functions, " << link.rounds << " rounds" << (link.converged ? "" : " (not converged)")
      << ", " << link.sinksForCallers << " sinks for callers, " << link.reportedSinks << " reported sinks, "
      << link.pendingCalls << " pending calls\n";
  if (!link.phases.empty()) {
    out << "stats: link phases:";
    for (const auto& [name, seconds] : link.phases) {
      std::snprintf(line, sizeof line, " %s %.2f s;", name.c_str(), seconds);
      out << line;
    }
    out << "\n";
  }
  for (const auto& [name, sinks] : link.largest)
    if (sinks) out << "stats: largest summary: " << name << ": " << sinks << " sinks\n";
  for (const auto& [name, size] : link.unsettled)
    out << "stats: did not settle: " << name << (size > 1 ? " and " + std::to_string(size - 1) + " more" : "")
        << " (budget spent; the rest of the program was linked)\n";
  for (const LinkStats::SlowFunction& slow : link.slowest)
    if (slow.seconds >= 0.01) {
      std::snprintf(line, sizeof line, "%.2f", slow.seconds);
      out << "stats: slowest to link: " << slow.name << ": " << line << " s, resolved " << slow.resolutions
          << " times\n";
    }
}

}  // namespace egress
