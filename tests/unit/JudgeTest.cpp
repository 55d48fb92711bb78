#include <gtest/gtest.h>

#include "TestSupport.h"
#include "facts/TaintOps.h"
#include "judge/HostMatch.h"
#include "judge/Judge.h"
#include "rules/Cidr.h"

using namespace egress;

namespace {

Destination where(const std::string& url, const std::string& kind = "network") {
  return resolveDestination(constStr(url), kind, {}, test::bundledRules());
}

Flow flowTo(StrVal destination, std::vector<std::string> categories, std::string kind = "network") {
  Flow f;
  f.api = "send";
  f.kind = std::move(kind);
  f.sink = {"src/a.cpp", 10, 3};
  f.function = "f";
  f.destination = std::move(destination);
  for (auto& c : categories) {
    Origin o{c, {"model.h", 1, 1}, "T::x", {}};
    o.path.push({{"src/a.cpp", 5, 1}, "reads"});
    f.origins.push_back(std::move(o));
  }
  return f;
}

std::string verdictFor(const std::string& url, std::vector<std::string> cats) {
  return judge({flowTo(constStr(url), std::move(cats))}, test::bundledRules()).at(0).verdict;
}

}  // namespace

TEST(HostMatch, GlobsAndParentDomains) {
  EXPECT_TRUE(hostMatches("oss-cn-*.aliyuncs.com", "bucket.oss-cn-hangzhou.aliyuncs.com"));
  EXPECT_TRUE(hostMatches("example.de", "api.example.de"));
  EXPECT_FALSE(hostMatches("example.de", "notexample.de"));
  EXPECT_FALSE(hostMatches("oss-cn-*.aliyuncs.com", "oss-eu-central-1.aliyuncs.com"));
  EXPECT_TRUE(globMatch("/var/spool/*.csv", "/var/spool/x.csv", '/'));
  EXPECT_FALSE(globMatch("/var/spool/*.csv", "/var/spool/sub/x.csv", '/'));
}

TEST(Cidr, ContainsAndRejectsBadBlocks) {
  const auto net = parseCidr("10.0.0.0/8");
  ASSERT_TRUE(net);
  EXPECT_TRUE(net->contains(*parseIp("10.20.3.41")));
  EXPECT_FALSE(net->contains(*parseIp("11.0.0.1")));
  EXPECT_TRUE(parseCidr("::1/128")->contains(*parseIp("::1")));
  EXPECT_FALSE(parseCidr("10.0.0.0/33"));
  EXPECT_FALSE(parseCidr("not-an-ip/8"));
}

TEST(Destination, UrlHostAndCatalog) {
  const Destination d = where("https://bucket.oss-eu-central-1.aliyuncs.com/eu1/x.csv");
  EXPECT_EQ(d.host, "bucket.oss-eu-central-1.aliyuncs.com");
  EXPECT_EQ(d.country, "DE");
  EXPECT_EQ(d.jurisdiction, "CN");
  EXPECT_TRUE(d.unresolved.empty());
}

TEST(Destination, TldFallbackAndInternal) {
  EXPECT_EQ(where("relay.example.cn").country, "CN");
  EXPECT_EQ(where("tcp://10.20.0.12:1883").internal, true);
  EXPECT_EQ(where("http://localhost:9200/x").internal, true);
  EXPECT_TRUE(where("https://api.example.com/").country.empty());
  const Destination eu = where("https://analytics.example.eu/ingest");
  EXPECT_EQ(eu.jurisdiction, "EU");
}

TEST(Destination, UnresolvedKeepsProvenance) {
  StrVal v;
  v.pieces.push_back({StrPiece::Env, "CARRIER_URL", 0});
  v = concat(v, constStr("/v1"));
  const Destination d = resolveDestination(v, "network", {}, test::bundledRules());
  EXPECT_EQ(d.unresolved, "env:CARRIER_URL");
  EXPECT_TRUE(d.host.empty());
}

TEST(Destination, FileExport) {
  const Destination d = where("/var/spool/out/orders.json", "serialization");
  EXPECT_EQ(d.display, "file:/var/spool/out/orders.json");
  EXPECT_EQ(d.filePath, "/var/spool/out/orders.json");
}

TEST(Policy, DefaultEuResidency) {
  // A Frankfurt bucket of a Chinese-operated cloud: fine for shipment data, not for customer data.
  EXPECT_EQ(verdictFor("https://b.oss-eu-central-1.aliyuncs.com/x", {"shipment.tracking"}), "allowed");
  EXPECT_EQ(verdictFor("https://b.oss-eu-central-1.aliyuncs.com/x", {"customer.contact"}), "violation");
  EXPECT_EQ(verdictFor("https://b.oss-eu-central-1.aliyuncs.com/x", {"shipment.tracking", "customer.contact"}),
            "violation");
  EXPECT_EQ(verdictFor("https://api.carrier.example.de/v3", {"customer.contact"}), "allowed");
  EXPECT_EQ(verdictFor("https://gw.example.cn/v2", {"shipment.routing"}), "violation");
  EXPECT_EQ(verdictFor("10.20.3.41", {"customer.identity"}), "allowed");
  EXPECT_EQ(verdictFor("https://api.example.com/", {"customer.identity"}), "violation");
}

TEST(Policy, FilesAreUnresolvedAndFingerprintIgnoresLines) {
  const auto rules = test::bundledRules();
  Flow f = flowTo(constStr("/srv/out.csv"), {"customer.address"}, "serialization");
  const Finding a = judge({f}, rules).at(0);
  EXPECT_EQ(a.verdict, "unresolved");
  f.sink.line = 99;
  f.origins[0].path = Trail{};
  f.origins[0].path.push({{"src/a.cpp", 77, 1}, "reads"});
  EXPECT_EQ(judge({f}, rules).at(0).fingerprint, a.fingerprint);
  f.destination = constStr("/srv/other.csv");
  EXPECT_NE(judge({f}, rules).at(0).fingerprint, a.fingerprint);
}

TEST(Policy, BindingResolvesEnvironment) {
  RuleSet rules = test::bundledRules();
  rules.policy.bindings.emplace_back("env:CARRIER_URL", "https://api.carrier.example.de");
  StrVal v;
  v.pieces.push_back({StrPiece::Env, "CARRIER_URL", 0});
  const Finding f = judge({flowTo(v, {"customer.contact"})}, rules).at(0);
  EXPECT_EQ(f.destination.host, "api.carrier.example.de");
  EXPECT_EQ(f.verdict, "allowed");
}

// One sink and one data set give one finding per verdict: the destination's other
// values with the same verdict are listed, not reported again.
// A scan from another directory (or checkout) reports `src/a.cpp` as `a.cpp` or
// `/home/ci/repo/src/a.cpp`: the fingerprint must not move with it.
TEST(Policy, FingerprintDoesNotDependOnTheDirectoryPathsAreRelativeTo) {
  const auto rules = test::bundledRules();
  Flow f = flowTo(constStr("https://h.example.cn/x"), {"customer.address"});
  f.callChain.push_back({{"src/main.cpp", 40, 5}, "calls f()"});
  const std::string before = judge({f}, rules).at(0).fingerprint;
  f.sink.file = "/home/ci/repo/src/a.cpp";
  f.callChain[0].loc.file = "/home/ci/repo/src/main.cpp";
  EXPECT_EQ(judge({f}, rules).at(0).fingerprint, before);
  f.sink.file = "src/b.cpp";  // another file is another finding
  EXPECT_NE(judge({f}, rules).at(0).fingerprint, before);
}

TEST(Judge, DestinationValuesWithTheSameVerdictAreOneFinding) {
  StrVal dest = StrVal{{{StrPiece::Env, "RELAY_A", 0}}, {}};
  addAlternatives(dest, StrVal{{{StrPiece::Env, "RELAY_B", 0}}, {}});
  addAlternatives(dest, constStr("https://relay.example.cn/in"));
  const auto findings = judge({flowTo(dest, {"shipment.tracking"})}, test::bundledRules());
  ASSERT_EQ(findings.size(), 2u);
  const Finding& unresolved = findings[0].verdict == "unresolved" ? findings[0] : findings[1];
  const Finding& violation = findings[0].verdict == "violation" ? findings[0] : findings[1];
  EXPECT_EQ(violation.verdict, "violation");
  EXPECT_TRUE(violation.destination.alternatives.empty());
  ASSERT_EQ(unresolved.destination.alternatives.size(), 1u);
  EXPECT_EQ(unresolved.destination.alternatives[0], "${env:RELAY_B}");
}

// `base ? base : ""` before a path: the value with no base names no host. As the
// tail of a value that does, it is listed with it, not judged as an unresolved
// destination of its own; another path (a URL read from a file) is judged.
TEST(Judge, ARequestWithItsBaseMissingIsAnAlternative) {
  StrVal dest = constStr("https://returns.partner.example.cn/v1/preadvice");
  addAlternatives(dest, constStr("/preadvice"));
  const auto findings = judge({flowTo(dest, {"shipment.tracking"})}, test::bundledRules());
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].verdict, "violation");
  EXPECT_EQ(findings[0].destination.alternatives, std::vector<std::string>{"/preadvice"});
  StrVal fromFile = constStr("https://returns.partner.example.cn/v1/preadvice");
  addAlternatives(fromFile, constStr("/etc/relay/url"));
  const auto judged = judge({flowTo(fromFile, {"shipment.tracking"})}, test::bundledRules());
  ASSERT_EQ(judged.size(), 2u);
}

// A socket bound on every interface (`zmq_bind(s, "tcp://*:5556")`) sends to whoever
// connects: unresolved, whatever the catalog says of the address; loopback is not.
TEST(Judge, AWildcardAddressIsAnyInterface) {
  for (const char* bound : {"tcp://*:5556", "tcp://0.0.0.0:5556", "tcp://[::]:5556"}) {
    const auto findings = judge({flowTo(constStr(bound), {"shipment.tracking"})}, test::bundledRules());
    ASSERT_EQ(findings.size(), 1u) << bound;
    EXPECT_EQ(findings[0].verdict, "unresolved") << bound;
    EXPECT_EQ(findings[0].destination.unresolved, "any-interface") << bound;
  }
  const auto local = judge({flowTo(constStr("tcp://127.0.0.1:5556"), {"shipment.tracking"})}, test::bundledRules());
  ASSERT_EQ(local.size(), 1u);
  EXPECT_EQ(local[0].verdict, "allowed");
}

// `strncpy(c->host, src ? src : "", n)`: the empty text names no host, so it is
// neither judged nor listed beside the host the other value names.
TEST(Judge, AnEmptyHostBesideARealOneIsNeitherJudgedNorListed) {
  StrVal dest = constStr("edi.partner.example.cn");
  addAlternatives(dest, constStr(""));
  const auto findings = judge({flowTo(dest, {"shipment.tracking"})}, test::bundledRules());
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].verdict, "violation");
  EXPECT_TRUE(findings[0].destination.alternatives.empty());
}
