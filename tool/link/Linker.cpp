#include "link/Linker.h"

#include <algorithm>
#include <chrono>
#include <exception>
#include <filesystem>
#include <future>
#include <map>
#include <memory>
#include <thread>

#include "facts/Lifetime.h"
#include "facts/TaintOps.h"
#include "link/CallGraph.h"
#include "link/ClassFields.h"
#include "link/Fixpoint.h"
#include "link/Globals.h"
#include "link/InputKeys.h"
#include "link/LinkState.h"
#include "link/RecordFields.h"
#include "link/Relevance.h"
#include "link/Substitution.h"

namespace egress {
namespace {

// Whether some sink for callers of `id`, a function nobody calls, is a finding: what
// the loop over its sinks in flowsOf finds, asked of its shape (the globals in the
// same order), so that a summary read back from the link state is decoded only then.
bool entryFinds(const CallGraph& graph, const SummaryShape& shape, FunctionId id, const GlobalValues& globals) {
  for (const EntrySink& s : shape.entrySinks) {
    if (graph.isHeldOnly(id) && s.readsObject) continue;
    if (s.hasOrigins) return true;
    for (const std::string& key : s.globals)
      if (globals.givesData(key, id)) return true;
  }
  return false;
}

// Each reported sink becomes a flow of the function it was found in. A sink whose
// destination is still one of the function's parameters is reported at each call
// site instead (with the caller's destination), unless nobody calls the function.
// A function nobody calls is where global inputs are finally bound: a sink there
// still reading a global nobody on the way stored into gets what that entry, or the
// functions it calls (two levels down), store in it.
std::vector<Flow> flowsOf(const CallGraph& graph, const SummaryTable& summaries, const GlobalValues& globals) {
  std::vector<Flow> out;
  const Substitution built(graph, summaries);
  const ClassFields classes(graph, &built);
  const RecordFields records(graph, classes);
  for (FunctionId id = 0; id < graph.size(); ++id) {
    if (!summaries.has(id)) continue;
    if (!summaries.shape(id).reported && (graph.isCalled(id) || !entryFinds(graph, summaries.shape(id), id, globals)))
      continue;  // nothing to report: left encoded
    const Summary& summary = *summaries.get(id);
    const FunctionFacts& f = graph.function(id);
    const auto add = [&](const SinkFact& s, const std::vector<Origin>& data) {
      Path chain = s.callChain;  // then how the fields of `this` it sends to were set
      StrVal destination = records.resolve(id, classes.resolve(id, s.destination, chain), chain);
      out.push_back(Flow{s.api, s.kind, s.loc, data, std::move(destination), f.paramNames, std::move(chain), f.name,
                         s.encrypted});
    };
    // A handler kept to run later reports what it captured, and what it reads of the
    // context it was handed with, where it was handed on.
    const bool boundAtCreation = graph.isHeldOnly(id);
    const auto bound = [&](const StrVal& destination) {
      if (!boundAtCreation) return false;
      if (readsObject(destination)) return true;
      const std::vector<unsigned>& context = graph.contextParams(id);
      return std::any_of(context.begin(), context.end(), [&](unsigned p) { return readsInput(destination, p); });
    };
    for (const SinkFact& s : summary.reported) {
      if (bound(s.destination)) continue;
      if (!graph.isCalled(id) || !hasParam(s.destination)) add(s, s.data.origins);
    }
    if (graph.isCalled(id)) continue;
    for (const SinkFact& s : summary.sinks) {
      if (bound(s.destination)) continue;
      const Taint stored = globals.resolveGlobalInputs(s.data, id);
      if (!stored.origins.empty()) add(s, stored.origins);
    }
  }
  return out;
}

// Every budget hit by the functions that were linked and by their resolution, with
// the first function (in name order) that hit each.
void countLimits(const CallGraph& graph, const SummaryTable& summaries, const FixpointStats& solved, LinkStats& stats) {
  const auto add = [&](const LimitHits& hits, const std::string& where) {
    for (std::size_t i = 0; i < kLimitCount; ++i) {
      if (!hits.counts[i]) continue;
      stats.limits.counts[i] += hits.counts[i];
      std::string& example = stats.examples[i];
      if (example.empty() || where < example) example = where;
    }
  };
  for (FunctionId id = 0; id < graph.size(); ++id) {
    add(graph.function(id).limits, graph.function(id).name);
    if (summaries.has(id)) add(summaries.shape(id).limits, graph.function(id).name);
  }
  for (const TUFacts* tu : graph.tus()) add(tu->limits, tu->file);
  for (const auto& [member, size] : solved.unsettled) {
    LimitHits budget;
    budget.add(Limit::LinkBudget);
    add(budget, graph.function(member).name);
    stats.unsettled.emplace_back(graph.function(member).name, size);
  }
}

// How big the summaries are: totals and the ten largest.
void countSizes(const CallGraph& graph, const SummaryTable& summaries, LinkStats& stats) {
  for (FunctionId id = 0; id < graph.size(); ++id) {
    if (!summaries.has(id)) continue;
    const SummaryShape& s = summaries.shape(id);
    stats.sinksForCallers += s.sinks;
    stats.reportedSinks += s.reported;
    stats.pendingCalls += s.pending;
    stats.largest.emplace_back(graph.function(id).name, std::size_t(s.sinks) + s.reported);
  }
  std::stable_sort(stats.largest.begin(), stats.largest.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  if (stats.largest.size() > 10) stats.largest.resize(10);
}

// Functions of the program called with something they may write (a non-const
// reference or pointer, `this`) that have no body in any TU scanned: what they
// write is unknown, so the coverage says so, once per function at its first call.
std::vector<std::string> unknownOutputs(const CallGraph& graph) {
  constexpr std::size_t kMaxListed = 50;
  std::map<std::string, std::pair<std::string, unsigned>> byName;  // callee -> first call, calls
  for (FunctionId id = 0; id < graph.size(); ++id)
    for (const CallSiteFact& c : graph.function(id).calls) {
      if (!c.writesArgs || c.calleeUsr.empty() || !graph.targets(id, c).empty()) continue;
      auto [it, fresh] = byName.try_emplace(c.calleeName, locString(c.loc), 0);
      if (!fresh) it->second.first = std::min(it->second.first, locString(c.loc));
      ++it->second.second;
    }
  std::vector<std::string> out;
  for (const auto& [name, first] : byName) {
    if (out.size() == kMaxListed) {
      out.push_back(
          first.first + ": " + name + "() and " + std::to_string(byName.size() - kMaxListed - 1) +
          " more functions (not listed) are declared but defined nowhere in the scan: what they write is unknown");
      break;
    }
    out.push_back(first.first + ": " + name +
                  "() is declared but defined nowhere in the scan: what it writes through " +
                  "its reference or pointer arguments is unknown (" + std::to_string(first.second) + " call(s))");
  }
  return out;
}

// The ten functions whose resolution took longest: where a large program's link time goes.
std::vector<LinkStats::SlowFunction> slowest(const CallGraph& graph, const FixpointStats& solved) {
  std::vector<LinkStats::SlowFunction> out;
  for (FunctionId id = 0; id < solved.seconds.size(); ++id)
    out.push_back({graph.function(id).name, solved.seconds[id], solved.times[id]});
  const auto mid = out.begin() + std::ptrdiff_t(std::min<std::size_t>(10, out.size()));
  std::partial_sort(out.begin(), mid, out.end(), [](const auto& a, const auto& b) { return a.seconds > b.seconds; });
  out.erase(mid, out.end());
  return out;
}

}  // namespace

namespace {

// Seconds since the last call (or construction), for the link's phase timings.
class PhaseClock {
 public:
  double lap() {
    const auto now = std::chrono::steady_clock::now();
    const double seconds = std::chrono::duration<double>(now - last_).count();
    last_ = now;
    return seconds;
  }

 private:
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

// Encodes what is left of a state draft and writes it aside on its own thread;
// finish() waits for it and puts the file in place, or removes it.
class StateWriter {
 public:
  explicit StateWriter(const std::string& dir) : dir_(dir) {}
  ~StateWriter() { finish(false); }
  bool started() const { return thread_.joinable(); }
  void start(Fixpoint::StateDraft draft) {
    draft_ = std::move(draft);
    thread_ = std::thread([this] {
      try {
        LinkStateWriter out(dir_, draft_.programKey, draft_.entries.size());
        draft_.write(out);
        written_ = out.close();
      } catch (const std::exception&) {  // out of memory: the next scan links in full
        written_.clear();
      }
    });
  }
  void finish(bool keep) {
    if (!thread_.joinable()) return;
    thread_.join();
    if (keep) commitLinkState(dir_, written_);
    else if (!written_.empty()) {
      std::error_code ec;
      std::filesystem::remove(written_, ec);
    }
  }

 private:
  const std::string dir_;
  Fixpoint::StateDraft draft_;
  std::string written_;
  std::thread thread_;
};

// What the keys need before relevance is known: the components and each
// function's fact key (link/InputKeys.h), computed on another thread meanwhile.
struct PreparedKeys {
  std::vector<std::vector<FunctionId>> components;
  FactKeys facts;
};

PreparedKeys prepareKeys(const CallGraph& graph) {
  return PreparedKeys{graph.components(graph.bottomUpOrder()), factKeys(graph)};
}

// With a state folder: the summaries resumed from the last link's state where it
// can serve, else solved in full. `keys`: what the state to leave is keyed by
// (empty: none to leave).
FixpointStats solveOrResume(std::unique_ptr<Fixpoint>& fixpoint, const CallGraph& graph, const Relevance& relevance,
                            const std::string& stateDir, std::future<std::optional<LinkState>>& stored,
                            std::future<PreparedKeys>& prepared, InputKeys& keys,
                            std::vector<std::pair<std::string, double>>& phases, PhaseClock& clock) {
  if (stateDir.empty()) {
    FixpointStats solved = fixpoint->solve();
    phases.emplace_back("fixpoint", clock.lap());
    return solved;
  }
  PreparedKeys ready = prepared.valid() ? prepared.get() : prepareKeys(graph);
  const std::vector<std::vector<FunctionId>>& components = ready.components;
  keys = inputKeys(graph, relevance, components, ready.facts);
  phases.emplace_back("input keys", clock.lap());
  std::optional<LinkState> before = stored.valid() ? stored.get() : std::nullopt;
  if (keys.functions.empty()) before.reset();
  phases.emplace_back("read state (waited for)", clock.lap());
  std::optional<FixpointStats> solved = before ? fixpoint->resume(*before, keys, components) : std::nullopt;
  before.reset();
  if (!solved) {
    fixpoint = std::make_unique<Fixpoint>(graph, relevance);
    solved = fixpoint->solve();
  }
  phases.emplace_back(solved->relinked < solved->resolutions ? "fixpoint (resumed)" : "fixpoint", clock.lap());
  return *solved;
}

}  // namespace

std::vector<Flow> link(const std::vector<TUFacts>& tus, LinkStats* stats, const std::string& stateDir) {
  PhaseClock clock;
  std::vector<std::pair<std::string, double>> phases;
  // The last link's state is read on another thread while the call graph and
  // relevance are built, and what the keys need besides relevance while relevance is.
  std::future<std::optional<LinkState>> stored;
  const bool keyed = std::none_of(tus.begin(), tus.end(), [](const TUFacts& tu) { return tu.entryDigest.empty(); });
  if (!stateDir.empty() && keyed) stored = std::async(std::launch::async, loadLinkState, stateDir);
  auto graphHolder = std::make_unique<const CallGraph>(tus);
  const CallGraph& graph = *graphHolder;
  phases.emplace_back("call graph", clock.lap());
  std::future<PreparedKeys> prepared;
  if (stored.valid()) prepared = std::async(std::launch::async, prepareKeys, std::cref(graph));
  auto relevanceHolder = std::make_unique<const Relevance>(graph);
  const Relevance& relevance = *relevanceHolder;
  phases.emplace_back("relevance", clock.lap());
  auto fixpointHolder = std::make_unique<Fixpoint>(graph, relevance);
  InputKeys keys;
  const FixpointStats solved =
      solveOrResume(fixpointHolder, graph, relevance, stateDir, stored, prepared, keys, phases, clock);
  Fixpoint& fixpoint = *fixpointHolder;
  // The next link's state is written on another thread while the flows are found;
  // put in place only once no summary turned out unreadable.
  StateWriter writer(stateDir);
  if (!keys.functions.empty() && solved.converged) {
    writer.start(fixpoint.draftState(keys, solved));
    phases.emplace_back("draft state", clock.lap());
  }
  if (stats) {
    *stats = LinkStats{};
    stats->functions = unsigned(graph.size());
    stats->rounds = unsigned(solved.resolutions / std::max<std::size_t>(graph.size(), 1)) + 1;
    stats->converged = solved.converged;
    stats->resumed = solved.relinked < solved.resolutions;
    stats->relinked = solved.relinked;
    countLimits(graph, fixpoint.summaries(), solved, *stats);
    countSizes(graph, fixpoint.summaries(), *stats);
    stats->slowest = slowest(graph, solved);
    stats->unknownOutputs = unknownOutputs(graph);
  }
  phases.emplace_back("statistics", clock.lap());
  auto globalsHolder = std::make_unique<const GlobalValues>(graph, relevance, fixpoint.substitution());
  const GlobalValues& globals = *globalsHolder;
  phases.emplace_back("globals", clock.lap());
  std::vector<Flow> flows = flowsOf(graph, fixpoint.summaries(), globals);
  // A model's condition no caller decided (the wrapper is an entry, or its callers
  // are) is taken as holding, but for one on the class of a stream or handle: only
  // an object of that class makes the call a sink.
  for (Flow& flow : flows) flow.destination = globals.resolve(flow.destination);
  flows.erase(std::remove_if(flows.begin(), flows.end(),
                             [](Flow& flow) { return !dropUndecidedClassConditions(flow.destination); }),
              flows.end());
  for (Flow& flow : flows) flow.destination = withoutConditions(flow.destination);
  phases.emplace_back("flows", clock.lap());
  const bool corrupt = fixpoint.summaries().corrupt();
  if (writer.started()) {
    writer.finish(!corrupt);
    phases.emplace_back("write state (waited for)", clock.lap());
  }
  if (corrupt) {  // a summary of the state did not read back: link in full
    removeLinkState(stateDir);
    return link(tus, stats, stateDir);
  }
  if (stats) stats->phases = std::move(phases);
  retire(std::move(globalsHolder));
  retire(std::move(fixpointHolder));
  retire(std::move(relevanceHolder));
  retire(std::move(graphHolder));
  return flows;
}

}  // namespace egress
