// The flow core on small programs, compiled against the real system headers.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include <clang/Tooling/CompilationDatabase.h>

#include "TestSupport.h"
#include "extract/Extractor.h"
#include "judge/Judge.h"
#include "link/Linker.h"
#include "scan/Scan.h"

using namespace egress;

namespace {

const char* kModel = R"(
#include <string>
#include <vector>
#include <sys/socket.h>
#include <unistd.h>
#include <curl/curl.h>
struct Customer { std::string name; std::string email; std::string street; };
struct Parcel { std::string tracking_no; int weight_g = 0; Customer recipient; std::vector<std::string> items; };
struct Settings { bool email_enabled = false; int address_family = 0; };
)";

// Each unit (after the model) is a file of one program, scanned through the scan
// library's entry point like the CLI does.
std::vector<Finding> scan(const std::vector<std::string>& units, bool inventory = false) {
  std::vector<std::string> files;
  for (std::size_t i = 0; i < units.size(); ++i)
    files.push_back(test::writeTemp("unit" + std::to_string(i) + ".cpp", std::string(kModel) + units[i]));
  const std::string dir = files.front().substr(0, files.front().rfind('/'));
  const clang::tooling::FixedCompilationDatabase db(dir, {"-std=c++17"});
  ScanRequest request;
  request.options.root = dir;
  request.options.quiet = true;
  request.options.inventory = inventory;
  request.sources = {{&db, files}};
  request.rules = std::shared_ptr<const RuleSet>(&test::bundledRules(), [](const RuleSet*) {});
  auto result = runScan(request);
  EXPECT_TRUE(bool(result));
  if (!result) {
    llvm::consumeError(result.takeError());
    return {};
  }
  for (const TUFacts& tu : result->tus) {
    EXPECT_TRUE(tu.parsed);
    EXPECT_FALSE(tu.hadErrors) << (tu.diagnostics.empty() ? "" : tu.diagnostics[0]);
  }
  return result->findings;
}

bool hasCategory(const Finding& f, const std::string& c) {
  return std::find(f.categories.begin(), f.categories.end(), c) != f.categories.end();
}

}  // namespace

TEST(Flow, FieldThroughStringOpsToSocket) {
  const auto findings = scan({R"(
void f(const Parcel& p, int fd) {
  std::string line = "TO:" + p.recipient.email;
  line += "|";
  line.append(p.tracking_no);
  send(fd, line.c_str(), line.size(), 0);
})"});
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_TRUE(hasCategory(findings[0], "customer.contact"));
  EXPECT_TRUE(hasCategory(findings[0], "shipment.tracking"));
  EXPECT_EQ(findings[0].kind, "network");
  EXPECT_GE(findings[0].path.size(), 2u);
}

// A pair filled half by half, then put in a container of pairs: the halves are read
// back apart (their reads have no declared type: this once crashed the extraction).
TEST(Flow, APairFilledHalfByHalfKeepsItsHalvesInAContainer) {
  const auto findings = scan({R"(
#include <utility>
void f(const Parcel& p, int fd) {
  std::pair<std::string, int> row;
  row.first = p.tracking_no;
  row.second = 1;
  std::vector<std::pair<std::string, int>> rows;
  rows.push_back(row);
  send(fd, rows[0].first.c_str(), rows[0].first.size(), 0);
})"});
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_TRUE(hasCategory(findings[0], "shipment.tracking"));
}

TEST(Flow, TypeConstraintsExcludeFlagsAndFamilies) {
  const auto findings = scan({R"(
void f(const Settings& s, int fd) {
  std::string line = std::to_string(s.email_enabled) + std::to_string(s.address_family);
  send(fd, line.data(), line.size(), 0);
})"});
  EXPECT_TRUE(findings.empty());
}

TEST(Flow, OverwrittenFieldCarriesNothing) {
  const auto findings = scan({R"(
void f(const Parcel& p, int fd) {
  Customer c = p.recipient;
  c.email = "desk@example.eu";
  send(fd, c.email.c_str(), c.email.size(), 0);
})"});
  EXPECT_TRUE(findings.empty());
}

TEST(Flow, DeadBranchIsPruned) {
  const auto findings = scan({R"(
void f(const Parcel& p, int fd) {
  if (false) { send(fd, p.recipient.name.c_str(), 3, 0); }
})"});
  EXPECT_TRUE(findings.empty());
}

TEST(Flow, SizesAndSanitizersCarryNothing) {
  const auto findings = scan({R"(
std::string pseudonymize(const std::string& v) { return v; }
void f(const Parcel& p, int fd) {
  std::string a = std::to_string(p.items.size());
  std::string b = pseudonymize(p.recipient.email);
  send(fd, a.c_str(), a.size(), 0);
  send(fd, b.c_str(), b.size(), 0);
})"});
  EXPECT_TRUE(findings.empty());
}

TEST(Flow, DestinationFromConnectedSocket) {
  const auto findings = scan({R"(
#include <netdb.h>
void f(const Parcel& p) {
  struct addrinfo* res = nullptr;
  getaddrinfo("relay.example.cn", "7001", nullptr, &res);
  int fd = socket(res->ai_family, res->ai_socktype, 0);
  connect(fd, res->ai_addr, res->ai_addrlen);
  write(fd, p.tracking_no.c_str(), p.tracking_no.size());
})"});
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].destination.host, "relay.example.cn");
  EXPECT_EQ(findings[0].verdict, "violation");
}

TEST(Flow, WrapperAcrossFilesGivesOneFindingPerCaller) {
  const auto findings = scan({
      R"(
void post(const std::string& url, const std::string& body) {
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_perform(h);
})",
      R"(
void post(const std::string& url, const std::string& body);
static const char* const kCn = "https://gw.example.cn/v1";
const std::string kDe = "https://api.example.de";
void a(const Parcel& p) { post(kCn, p.tracking_no); }
void b(const Parcel& p) { post(kDe + "/v2", p.recipient.email); }
void c(const Parcel& p) { post(kDe, std::to_string(p.items.size())); })"});
  ASSERT_EQ(findings.size(), 2u);
  const auto& toCn = findings[0].destination.host == "gw.example.cn" ? findings[0] : findings[1];
  const auto& toDe = &toCn == &findings[0] ? findings[1] : findings[0];
  EXPECT_EQ(toCn.verdict, "violation");
  EXPECT_TRUE(hasCategory(toCn, "shipment.tracking"));
  EXPECT_FALSE(hasCategory(toCn, "customer.contact"));
  EXPECT_EQ(toDe.destination.display, "https://api.example.de/v2");
  EXPECT_EQ(toDe.verdict, "allowed");
  EXPECT_TRUE(hasCategory(toDe, "customer.contact"));
  const bool callSiteInPath = std::any_of(toDe.path.begin(), toDe.path.end(), [](const Step& s) {
    return s.loc.file.find("unit1.cpp") != std::string::npos && s.note.find("passed to post()") != std::string::npos;
  });
  std::string steps;
  for (const Step& s : toDe.path) steps += s.loc.file + ":" + std::to_string(s.loc.line) + " " + s.note + "\n";
  EXPECT_TRUE(callSiteInPath) << steps;
}

TEST(Flow, EnvironmentDestinationIsUnresolved) {
  const auto findings = scan({R"(
#include <cstdlib>
void f(const Parcel& p) {
  std::string url = std::string(std::getenv("RETURNS_URL")) + "/returns";
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_COPYPOSTFIELDS, p.recipient.name.c_str());
})"});
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].destination.unresolved, "env:RETURNS_URL");
  EXPECT_EQ(findings[0].verdict, "unresolved");
}

// The client's URL comes from its constructor; the object's value also carries the
// settings object its argument was read from, which says nothing about the URL.
// Both values are kept, the informative one first.
// The poster's URL is what its constructor made of the configured base. The calls
// that produced the constructor's argument (the settings lookups) did not build the
// poster: they add no unknown alternative.
TEST(Flow, AConstructedObjectsUrlIsNotReadFromTheCallsThatMadeItsArguments) {
  const auto findings = scan({R"(
#include <fstream>
#include <nlohmann/json.hpp>
nlohmann::json load_settings(const char* path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in);
}
class Poster {
 public:
  explicit Poster(const std::string& base) : url_(base + "/in") {}
  void post(const std::string& body) {
    CURL* h = curl_easy_init();
    curl_easy_setopt(h, CURLOPT_URL, url_.c_str());
    curl_easy_setopt(h, CURLOPT_COPYPOSTFIELDS, body.c_str());
  }
 private:
  std::string url_;
};
void send(const Parcel& p) {
  const nlohmann::json settings = load_settings("/etc/hub.json");
  Poster poster(settings.at("hub").get<std::string>());
  poster.post(p.tracking_no);
})"});
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].destination.unresolved, "config:hub");
  EXPECT_TRUE(findings[0].destination.alternatives.empty());
}

TEST(Flow, FileExportThroughStream) {
  const auto findings = scan({R"(
#include <fstream>
#include <sstream>
void f(const Parcel& p) {
  std::ostringstream csv;
  csv << p.tracking_no << ';' << p.weight_g;
  std::ofstream out("/srv/export/parcels.csv");
  out << csv.str();
})"});
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].kind, "serialization");
  EXPECT_EQ(findings[0].destination.filePath, "/srv/export/parcels.csv");
  EXPECT_TRUE(hasCategory(findings[0], "shipment.metrics"));
}

TEST(Flow, ValueReturnedByHelperIsFollowed) {
  const auto findings = scan({R"(
std::string label(const Parcel& p) { return p.recipient.street + "\n"; }
void f(const Parcel& p, int fd) {
  const std::string text = label(p);
  send(fd, text.c_str(), text.size(), 0);
})"});
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_TRUE(hasCategory(findings[0], "customer.address"));
}

TEST(Flow, LambdaStoredInFieldRunsWithItsCaptures) {
  const auto findings = scan({R"(
#include <functional>
struct Batch {
  std::string rows;
  std::function<void(const std::string&)> on_flush;
  void add(const std::string& r) { rows += r; }
  void flush() { if (on_flush) on_flush(rows); }
};
void post(const std::string& url, const std::string& body) {
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.c_str());
}
void upload(const Parcel& p) {
  const std::string url = "https://collector.example.cn/in";
  Batch b;
  b.on_flush = [&url](const std::string& body) { post(url, body); };
  b.add(p.recipient.street);
  b.flush();
})"});
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_TRUE(hasCategory(findings[0], "customer.address"));
  EXPECT_EQ(findings[0].destination.host, "collector.example.cn");
}

TEST(Flow, FunctionPointerTarget) {
  const auto findings = scan({R"(
void ship(int fd, const std::string& s) { send(fd, s.data(), s.size(), 0); }
void f(const Parcel& p, int fd) {
  void (*out)(int, const std::string&) = &ship;
  out(fd, p.tracking_no);
})"});
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_TRUE(hasCategory(findings[0], "shipment.tracking"));
}

TEST(Flow, VirtualCallReachesEveryOverride) {
  const auto findings = scan({R"(
struct Channel { virtual ~Channel() = default; virtual void put(const std::string& s) = 0; };
struct Socket : Channel { int fd = 0; void put(const std::string& s) override { send(fd, s.data(), s.size(), 0); } };
struct Null : Channel { void put(const std::string&) override {} };
void f(Channel& ch, const Parcel& p) { ch.put(p.recipient.email); })"});
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_TRUE(hasCategory(findings[0], "customer.contact"));
}

TEST(Flow, ConstructorStoresDestinationInField) {
  const auto findings = scan({R"(
class Client {
 public:
  explicit Client(std::string base) : base_(std::move(base)) {}
  void post(const std::string& path, const std::string& body) {
    CURL* h = curl_easy_init();
    curl_easy_setopt(h, CURLOPT_URL, (base_ + path).c_str());
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.c_str());
  }
 private:
  std::string base_;
};
void f(const Parcel& p) {
  Client c("https://api.example.de");
  c.post("/v1/parcels", p.tracking_no);
})"});
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].destination.display, "https://api.example.de/v1/parcels");
  EXPECT_EQ(findings[0].verdict, "allowed");
}

TEST(Flow, MemberNamingConventionsAreNormalised) {
  const auto findings = scan({R"(
struct Order { std::string m_customerEmail; std::string trackingNo_; bool mEmailEnabled = false; };
void f(const Order& o, int fd) {
  const std::string a = o.m_customerEmail + o.trackingNo_;
  send(fd, a.data(), a.size(), 0);
  const std::string b = std::to_string(o.mEmailEnabled);
  send(fd, b.data(), b.size(), 0);
})"});
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_TRUE(hasCategory(findings[0], "customer.contact"));
  EXPECT_TRUE(hasCategory(findings[0], "shipment.tracking"));
}

TEST(Flow, FormatStringsKeepConstantParts) {
  const auto findings = scan({R"(
#include <cstdio>
void f(const Parcel& p, const char* host) {
  char url[256];
  std::snprintf(url, sizeof url, "https://%s:%d/v1/%s", "gw.example.cn", 8443, "events");
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url);
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, p.tracking_no.c_str());
})"});
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].destination.display, "https://gw.example.cn:8443/v1/events");
  EXPECT_EQ(findings[0].destination.port, "8443");
  EXPECT_EQ(findings[0].destination.path, "/v1/events");
  EXPECT_EQ(findings[0].verdict, "violation");
}

TEST(Flow, CommandLineArgumentIsAnOption) {
  const auto findings = scan({R"(
int main(int argc, char** argv) {
  Parcel p;
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, argv[1]);
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, p.recipient.email.c_str());
  return argc;
})"});
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].destination.unresolved, "option:argv[1]");
}

TEST(Flow, UrlSetAfterTheDataStillNamesTheDestination) {
  const auto findings = scan({R"(
void f(const Parcel& p) {
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, p.tracking_no.c_str());
  curl_easy_setopt(h, CURLOPT_URL, "https://late.example.cn/in");
  curl_easy_perform(h);
})"});
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].destination.host, "late.example.cn");
}

TEST(Flow, AggregateAndDefaultMemberInitializersGiveDestinations) {
  const auto findings = scan({R"(
struct Endpoint { std::string url; int timeout = 5; };
struct Defaults { std::string url = "https://defaults.example.cn/in"; };
void send_to(const std::string& url, const std::string& body) {
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.c_str());
}
void f(const Parcel& p) {
  Endpoint e{"https://aggregate.example.de/in"};
  send_to(e.url, p.tracking_no);
  Defaults d;
  send_to(d.url, p.tracking_no);
})"});
  ASSERT_EQ(findings.size(), 2u);
  std::vector<std::string> hosts{findings[0].destination.host, findings[1].destination.host};
  std::sort(hosts.begin(), hosts.end());
  EXPECT_EQ(hosts[0], "aggregate.example.de");
  EXPECT_EQ(hosts[1], "defaults.example.cn");
}

// An element of a global table picked by a constant, or by a parameter each caller
// names (`g_chan[ch]`), keeps its own destination: a send on one channel is not
// judged for another's.
TEST(Flow, AGlobalTableElementKeepsItsOwnDestination) {
  const auto findings = scan({R"(
struct Chan { CURL* h; };
enum { CH_EU, CH_CN, CH_COUNT };
Chan g_chan[CH_COUNT];
void chan_open(int ch, const char* url) {
  g_chan[ch].h = curl_easy_init();
  curl_easy_setopt(g_chan[ch].h, CURLOPT_URL, url);
}
void chan_send(int ch, const std::string& body) {
  curl_easy_setopt(g_chan[ch].h, CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_perform(g_chan[ch].h);
}
void setup() {
  chan_open(CH_EU, "https://hub.example.de/in");
  chan_open(CH_CN, "https://hub.example.cn/in");
}
void f(const Parcel& p) { chan_send(CH_EU, p.tracking_no); }
void g(const Parcel& p, int i) { chan_send(i, p.tracking_no); }
)"});
  std::map<std::string, std::set<std::string>> hosts;  // function -> hosts
  for (const Finding& f : findings) hosts[f.function].insert(f.destination.host);
  EXPECT_EQ(hosts["f"], (std::set<std::string>{"hub.example.de"}));
  // An element no caller names may be either.
  EXPECT_EQ(hosts["g"], (std::set<std::string>{"hub.example.de", "hub.example.cn"}));
}

// Elements picked at run time are any element: stores through an index a caller
// changes (`ch++`), and a loop over the table after stores to single elements.
TEST(Flow, ARuntimeIndexStandsForEveryElement) {
  const auto findings = scan({R"(
enum { CH_EU, CH_CN, CH_COUNT };
CURL* g_h[CH_COUNT];
const char* g_url[CH_COUNT];
void chan_open(int ch, const char* url) { g_url[ch] = url; }
void open_all(int ch, int n, const char* url) {
  while (ch < n) { chan_open(ch, url); ch++; }
}
void setup() {
  open_all(0, 2, "https://any.example.cn/in");
  g_h[CH_EU] = curl_easy_init();
  curl_easy_setopt(g_h[CH_EU], CURLOPT_URL, "https://hub.example.de/in");
  g_h[CH_CN] = curl_easy_init();
  curl_easy_setopt(g_h[CH_CN], CURLOPT_URL, "https://hub.example.cn/in");
  for (int i = 0; i < CH_COUNT; ++i) curl_easy_perform(g_h[i]);
}
void f(const Parcel& p) {
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, g_url[CH_CN]);
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, p.tracking_no.c_str());
}
void g(const Parcel& p) {
  for (int i = 0; i < CH_COUNT; ++i) {
    curl_easy_setopt(g_h[i], CURLOPT_POSTFIELDS, p.tracking_no.c_str());
    curl_easy_perform(g_h[i]);
  }
}
)"});
  std::map<std::string, std::set<std::string>> hosts;  // function -> hosts
  for (const Finding& f : findings) hosts[f.function].insert(f.destination.host);
  EXPECT_EQ(hosts["f"], (std::set<std::string>{"any.example.cn"}));
  EXPECT_EQ(hosts["g"], (std::set<std::string>{"hub.example.de", "hub.example.cn"}));
}

// A mutable global may hold its initial value or anything the program stores in it
// anywhere (flow-insensitively): each value is judged.
TEST(Flow, MutableGlobalHoldsEveryStoredValue) {
  const auto findings = scan({R"(
std::string g_url = "https://looks-fine.example.de/in";
void configure(bool offshore) { if (offshore) g_url = "https://relay.example.cn/in"; }
void f(const Parcel& p) {
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, g_url.c_str());
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, p.tracking_no.c_str());
})"});
  ASSERT_EQ(findings.size(), 2u);
  std::set<std::string> verdicts{findings[0].verdict, findings[1].verdict};
  EXPECT_EQ(verdicts, (std::set<std::string>{"allowed", "violation"}));
}

TEST(Flow, MutableGlobalWithoutKnownValueIsUnresolved) {
  const auto findings = scan({R"(
#include <cstdlib>
const char* g_host;
void configure() { g_host = std::getenv("RELAY_URL"); }
void f(const Parcel& p) {
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, g_host);
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, p.tracking_no.c_str());
})"});
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].verdict, "unresolved");
  EXPECT_EQ(findings[0].destination.unresolved, "env:RELAY_URL");
}

TEST(Flow, ReferencesToFieldsAndStdFunctionLocals) {
  const auto findings = scan({R"(
#include <functional>
void f(const Parcel& p, int fd) {
  const std::string& e = p.recipient.email;
  send(fd, e.data(), e.size(), 0);
  std::function<void(const std::string&)> out = [fd](const std::string& s) { send(fd, s.data(), s.size(), 0); };
  out(p.tracking_no);
  std::string copy;
  for (char ch : p.recipient.street) copy += ch;
  send(fd, copy.data(), copy.size(), 0);
  std::string cleared = p.recipient.name;
  cleared.clear();
  send(fd, cleared.data(), cleared.size(), 0);
})"});
  std::set<std::string> cats;
  for (const auto& f : findings) cats.insert(f.categories.begin(), f.categories.end());
  EXPECT_TRUE(cats.count("customer.contact"));
  EXPECT_TRUE(cats.count("shipment.tracking"));
  EXPECT_TRUE(cats.count("customer.address"));
  EXPECT_FALSE(cats.count("customer.identity"));
}

TEST(Flow, ConstructorEffectsAreFieldSensitive) {
  const auto findings = scan({R"(
class Pair {
 public:
  Pair(std::string a, std::string b) : a_(std::move(a)), b_(std::move(b)) {}
  const std::string& a() const { return a_; }
  const std::string& b() const { return b_; }
 private:
  std::string a_, b_;
};
void f(const Parcel& p, int fd) {
  Pair pair(p.recipient.email, "constant");
  send(fd, pair.b().data(), pair.b().size(), 0);
  send(fd, pair.a().data(), pair.a().size(), 0);
})"});
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_TRUE(hasCategory(findings[0], "customer.contact"));  // only a(): b_ holds a constant
}

TEST(Flow, EveryPossibleDestinationIsJudged) {
  const auto findings = scan({R"(
void f(const Parcel& p, bool eu) {
  std::string url = "https://branch.example.de/in";
  if (!eu) url = "https://branch.example.cn/in";
  const char* other = eu ? "https://ternary.example.de/in" : "https://ternary.example.cn/in";
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, p.tracking_no.c_str());
  CURL* g = curl_easy_init();
  curl_easy_setopt(g, CURLOPT_URL, other);
  curl_easy_setopt(g, CURLOPT_POSTFIELDS, p.tracking_no.c_str());
})"});
  std::map<std::string, std::string> verdicts;
  for (const auto& f : findings) verdicts[f.destination.host] = f.verdict;
  EXPECT_EQ(verdicts["branch.example.de"], "allowed");
  EXPECT_EQ(verdicts["branch.example.cn"], "violation");
  EXPECT_EQ(verdicts["ternary.example.de"], "allowed");
  EXPECT_EQ(verdicts["ternary.example.cn"], "violation");
}

TEST(Flow, CStructsCharArraysAndHandlesReturnedByHelpers) {
  ExtractOptions opts;
  opts.resourceDir = EGRESS_CLANG_RESOURCE_DIR;
  const TUFacts tu = extractFromCode(R"(
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include <unistd.h>
typedef struct { char awb[16]; double weight_kg; int flags; } shipment_t;
static int uplink(void) {
  struct sockaddr_in a;
  memset(&a, 0, sizeof a);
  inet_pton(AF_INET, "10.9.8.7", &a.sin_addr);
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  connect(fd, (struct sockaddr*)&a, sizeof a);
  return fd;
}
void send_one(const shipment_t* s) {
  char buf[64];
  snprintf(buf, sizeof buf, "%s;%.1f", s->awb, s->weight_kg);
  int fd = uplink();
  write(fd, buf, strlen(buf));
  snprintf(buf, sizeof buf, "%d", s->flags);
  write(fd, buf, strlen(buf));
})",
                                     "c.c", {"-xc"}, test::bundledRules(), opts);
  const auto findings = judge(link({tu}), test::bundledRules());
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_TRUE(hasCategory(findings[0], "shipment.tracking"));
  EXPECT_TRUE(hasCategory(findings[0], "shipment.metrics"));
  EXPECT_EQ(findings[0].destination.host, "10.9.8.7");
  EXPECT_EQ(findings[0].what, "shipment_t::awb");
}

TEST(Flow, CoordinatesCountOnlyForCustomersAndDeliveries) {
  const auto findings = scan({R"(
struct GeoPoint { double lat = 0, lon = 0; };
struct MapTile { double lat = 0, lon = 0; int zoom = 0; };
struct Delivery { GeoPoint drop_point; };
void f(const MapTile& t, const Delivery& d, int fd) {
  const std::string a = std::to_string(t.lat) + "," + std::to_string(t.lon);
  send(fd, a.data(), a.size(), 0);
  const std::string b = std::to_string(d.drop_point.lat);
  send(fd, b.data(), b.size(), 0);
})"});
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_TRUE(hasCategory(findings[0], "customer.location"));
}

TEST(Flow, AnnotationNamingNoCategoryIsWarned) {
  ExtractOptions opts;
  opts.resourceDir = EGRESS_CLANG_RESOURCE_DIR;
  const TUFacts tu = extractFromCode(R"(
struct X { [[clang::annotate("egress:customer.shoesize")]] int size; };
int f(const X& x) { return x.size; })",
                                     "a.cpp", {"-std=c++17"}, test::bundledRules(), opts);
  ASSERT_EQ(tu.warnings.size(), 1u);
  EXPECT_NE(tu.warnings[0].find("egress:customer.shoesize names no category"), std::string::npos);
}

// A scan's facts do not depend on when it ran: a build date in a constant would
// otherwise change at each parse (and the cache would never reuse the link).
TEST(Flow, BuildDatesExpandAsAtTheEpoch) {
  ExtractOptions opts;
  opts.resourceDir = EGRESS_CLANG_RESOURCE_DIR;
  const TUFacts tu = extractFromCode(R"(extern const char k_built[]; const char k_built[] = __DATE__ " " __TIME__;)",
                                     "rev.cpp", {"-std=c++17"}, test::bundledRules(), opts);
  ASSERT_EQ(tu.constantStrings.count("c:@k_built"), 1u);
  const StrVal& built = tu.constantStrings.at("c:@k_built");
  ASSERT_EQ(built.pieces.size(), 1u);
  EXPECT_EQ(built.pieces[0].text, "Jan  1 1970 00:00:00");
}

// A driver table and a transport pointing at it: the functions each initializer
// stores and where its pointers aim, for calls through them (link/CallGraph.h).
TEST(Flow, GlobalInitializersRecordTheirFunctionsAndPointers) {
  ExtractOptions opts;
  opts.resourceDir = EGRESS_CLANG_RESOURCE_DIR;
  const TUFacts tu = extractFromCode(R"(
struct ops { int (*send)(const char*); };
struct transport { const struct ops* ops; const char* url; };
static int tcp_send(const char* b) { return b != 0; }
static const struct ops k_ops = {tcp_send};
struct transport g_t = {&k_ops, "https://h.example.de"};)",
                                     "drv.c", {"-std=c11"}, test::bundledRules(), opts);
  ASSERT_EQ(tu.initialFns.count("c:drv.c@k_ops.send"), 1u);
  EXPECT_EQ(tu.initialFns.at("c:drv.c@k_ops.send"), std::vector<std::string>{"c:drv.c@F@tcp_send"});
  ASSERT_EQ(tu.initialRefs.count("c:@g_t.ops"), 1u);
  EXPECT_EQ(tu.initialRefs.at("c:@g_t.ops"), "c:drv.c@k_ops");
}

TEST(Flow, NamingStylesOfOtherCodebases) {
  const auto findings = scan({R"(
#include <nlohmann/json.hpp>
struct Order {
  std::string receiverName, receiverPhone, zipCode, addressLine1, airWaybill, productName, shipperName;
};
struct HubSettings { bool emailEnabled = false; int addressFamily = 0; std::string hubCode; };
void f(const Order& o, const HubSettings& h, int fd) {
  nlohmann::json a = {{"n", o.receiverName}, {"p", o.receiverPhone}, {"z", o.zipCode}, {"l", o.addressLine1},
                      {"w", o.airWaybill}, {"d", o.productName}, {"s", o.shipperName}};
  const std::string body = a.dump();
  send(fd, body.data(), body.size(), 0);
  nlohmann::json b = {{"e", h.emailEnabled}, {"f", h.addressFamily}, {"c", h.hubCode}};
  const std::string other = b.dump();
  send(fd, other.data(), other.size(), 0);
})"});
  ASSERT_EQ(findings.size(), 1u);
  for (const char* c : {"customer.identity", "customer.contact", "customer.address", "shipment.tracking",
                        "shipment.contents", "seller.identity"})
    EXPECT_TRUE(hasCategory(findings[0], c)) << c;
}

// A section of a configuration read further names the whole key path; a handle held
// by the object behind a smart pointer keeps the destination its caller configured.
TEST(Flow, ConfigSectionsAndHandlesBehindSmartPointers) {
  const auto findings = scan({R"(
#include <memory>
#include <nlohmann/json.hpp>
struct Uploader {
  explicit Uploader(const std::string& url) : h(curl_easy_init()) { curl_easy_setopt(h, CURLOPT_URL, url.c_str()); }
  void put(const std::string& body) { curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.c_str()); }
  CURL* h;
};
struct Feed {
  explicit Feed(const std::string& url) : up(std::make_unique<Uploader>(url)) {}
  void push(const Parcel& p) { up->put(p.tracking_no); }
  std::unique_ptr<Uploader> up;
};
void f(const nlohmann::json& settings, const Parcel& p) {
  Feed feed(settings.at("feeds").at("tracking").get<std::string>());
  feed.push(p);
})"});
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].verdict, "unresolved");
  EXPECT_EQ(findings[0].destination.unresolved, "config:feeds.tracking");
}

// Each object held through an interface runs only its own class's override: the other
// implementation's fields do not exist on it, so no unresolved finding comes from there.
TEST(Flow, HeldObjectRunsOnlyItsOwnOverride) {
  const auto findings = scan({R"(
#include <memory>
struct Out { virtual ~Out() = default; virtual void put(const std::string& b) = 0; };
struct Http : Out {
  explicit Http(std::string u) : url(std::move(u)) {}
  void put(const std::string& b) override {
    CURL* h = curl_easy_init();
    curl_easy_setopt(h, CURLOPT_URL, url.c_str());
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, b.c_str());
  }
  std::string url;
};
struct Bucket : Out {
  Bucket(std::string n, std::string r) : name(std::move(n)), region(std::move(r)) {}
  void put(const std::string& b) override {
    CURL* h = curl_easy_init();
    curl_easy_setopt(h, CURLOPT_URL, ("https://" + name + ".s3." + region + ".amazonaws.com/").c_str());
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, b.c_str());
  }
  std::string name, region;
};
struct Feed {
  explicit Feed(std::unique_ptr<Out> o) : out(std::move(o)) {}
  void push(const Parcel& p) { out->put(p.tracking_no); }
  std::unique_ptr<Out> out;
};
void f(const Parcel& p) {
  Feed a(std::make_unique<Http>("https://feed.example.cn/in"));
  a.push(p);
  Feed b(std::make_unique<Bucket>("archive", "eu-central-1"));
  b.push(p);
})"});
  ASSERT_EQ(findings.size(), 2u);
  std::set<std::string> verdicts{findings[0].verdict, findings[1].verdict};
  EXPECT_EQ(verdicts, (std::set<std::string>{"allowed", "violation"}));
}

// The inventory marks a channel encrypted where the code turns TLS on for the handle
// (CURLOPT_USE_SSL, a model's `encrypts`) on every path, before or after the data.
TEST(Flow, TlsTurnedOnForAHandleMarksItsSinksEncrypted) {
  const auto findings = scan({R"(
void mail(const Parcel& p, bool tls) {
  CURL* a = curl_easy_init();
  curl_easy_setopt(a, CURLOPT_URL, "smtp://mail.example.de:587");
  curl_easy_setopt(a, CURLOPT_READDATA, p.recipient.email.c_str());
  curl_easy_setopt(a, CURLOPT_USE_SSL, (long)CURLUSESSL_ALL);
  curl_easy_perform(a);
  CURL* b = curl_easy_init();
  curl_easy_setopt(b, CURLOPT_URL, "smtp://relay.example.de:25");
  if (tls) curl_easy_setopt(b, CURLOPT_USE_SSL, (long)CURLUSESSL_ALL);
  curl_easy_setopt(b, CURLOPT_READDATA, p.recipient.email.c_str());
  curl_easy_perform(b);
})"},
                             true);
  std::map<std::string, bool> encrypted;
  for (const Finding& f : findings) encrypted[f.destination.host] = f.encrypted;
  ASSERT_EQ(encrypted.count("mail.example.de"), 1u);
  ASSERT_EQ(encrypted.count("relay.example.de"), 1u);
  EXPECT_TRUE(encrypted["mail.example.de"]);
  EXPECT_FALSE(encrypted["relay.example.de"]);  // only on one path
}
