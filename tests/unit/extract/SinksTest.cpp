// Sinks (extract/Sinks.cpp): which modelled calls record a sink, with what data and
// which destination.
#include <gtest/gtest.h>

#include "ExtractedFacts.h"

namespace egress {
namespace {

using namespace test;

const char* kCurl = R"(
#include <curl/curl.h>
)";

TEST(Sinks, TheUrlSetOnTheHandleIsTheDestination) {
  const TUFacts tu = extractSnippet(std::string(kCurl) + R"(
void post(const Parcel& p) {
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, "https://track.example.de/v1");
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, p.tracking_no.c_str());
  curl_easy_perform(h);
})");
  const FunctionFacts& f = functionNamed(tu, "post");
  ASSERT_EQ(f.sinks.size(), 1u);
  EXPECT_TRUE(carries(f.sinks[0].data, "shipment.tracking"));
  EXPECT_EQ(displayStr(f.sinks[0].destination), "https://track.example.de/v1");
  EXPECT_EQ(f.sinks[0].kind, "network");
}

TEST(Sinks, AUrlSetAfterTheDataIsFoundAtTheExit) {
  const TUFacts tu = extractSnippet(std::string(kCurl) + R"(
void post(const Parcel& p) {
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, p.tracking_no.c_str());
  curl_easy_setopt(h, CURLOPT_URL, "https://late.example.de/v1");
  curl_easy_perform(h);
})");
  const FunctionFacts& f = functionNamed(tu, "post");
  ASSERT_EQ(f.sinks.size(), 1u);
  EXPECT_EQ(displayStr(f.sinks[0].destination), "https://late.example.de/v1");
}

TEST(Sinks, CleanDataIsNoSinkExceptInTheInventory) {
  const std::string code = R"(
void ping(int fd) { send(fd, "ping", 4, 0); })";
  EXPECT_TRUE(functionNamed(extractSnippet(code), "ping").sinks.empty());
  const TUFacts inventory = extractSnippet(code, /*everySink=*/true);
  const FunctionFacts& f = functionNamed(inventory, "ping");
  ASSERT_EQ(f.sinks.size(), 1u);
  EXPECT_TRUE(carries(f.sinks[0].data, kEgressPointCategory));
}

TEST(Sinks, AStreamOverAProgramBufferIsDataNotEgress) {
  const TUFacts tu = extractSnippet(R"(
void relay(const Customer& c, int fd) {
  char* buf = nullptr;
  size_t len = 0;
  FILE* m = open_memstream(&buf, &len);
  fprintf(m, "%s", c.email.c_str());
  fclose(m);
  send(fd, buf, len, 0);
})");
  const FunctionFacts& f = functionNamed(tu, "relay");
  ASSERT_EQ(f.sinks.size(), 1u);
  EXPECT_EQ(f.sinks[0].api, "send");
  EXPECT_TRUE(carries(f.sinks[0].data, "customer.contact"));
}

TEST(Sinks, ASinkKeepsTheGuardsOnParametersHeldOnEveryVisit) {
  const TUFacts tu = extractSnippet(R"(
void report(int level, int fd, const Customer& c) {
  for (int i = 0; i < 2; ++i) {
    if (level > 2) send(fd, c.email.data(), c.email.size(), 0);
  }
}
void chatty(int level, int fd, const Customer& c) {
  if (level > 2) send(fd, c.email.data(), c.email.size(), 0);
}
void always(int level, int fd, const Customer& c) {
  if (level > 2) fd = -1;
  send(fd, c.email.data(), c.email.size(), 0);
})");
  const FunctionFacts& always = functionNamed(tu, "always");
  ASSERT_EQ(always.sinks.size(), 1u);
  EXPECT_TRUE(always.sinks[0].guards.empty());
  const FunctionFacts& chatty = functionNamed(tu, "chatty");
  ASSERT_EQ(chatty.sinks.size(), 1u);
  ASSERT_EQ(chatty.sinks[0].guards.size(), 1u);
  EXPECT_EQ(chatty.sinks[0].guards[0], (Guard{0, Guard::Gt, 2}));
  const FunctionFacts& report = functionNamed(tu, "report");
  ASSERT_EQ(report.sinks.size(), 1u);
  EXPECT_EQ(report.sinks[0].guards.size(), 1u);
}

}  // namespace
}  // namespace egress
