// Crash containment: whatever goes wrong inside runContained fails only that call.
#include "extract/Isolation.h"

#include <atomic>
#include <csignal>
#include <cstdlib>
#include <stdexcept>

#include <gtest/gtest.h>
#include <llvm/Support/ErrorHandling.h>

namespace egress {
namespace {

// Volatile and not inlinable, so the compiler keeps every frame.
__attribute__((noinline)) int recurseForever(volatile int depth) {
  volatile char pad[1024];
  pad[0] = char(depth);
  return recurseForever(depth + 1) + pad[0];
}

struct IsolationTest : testing::Test {
  static void SetUpTestSuite() { enableCrashRecovery(); }

  // Runs `work` contained on a worker thread, as extraction does.
  static std::string failureOf(const std::function<void()>& work) {
    std::string why;
    bool ok = true;
    runWorkers(1, [&] { ok = runContained(work, why); });
    return ok ? "" : why;
  }
};

TEST_F(IsolationTest, NormalWorkSucceeds) {
  std::atomic<int> ran{0};
  EXPECT_EQ(failureOf([&] { ++ran; }), "");
  EXPECT_EQ(ran, 1);
}

TEST_F(IsolationTest, SegmentationFaultFailsTheCall) {
  EXPECT_NE(failureOf([] { std::raise(SIGSEGV); }).find("crashed (signal 11)"), std::string::npos);
}

TEST_F(IsolationTest, AbortFailsTheCall) {
  EXPECT_NE(failureOf([] { std::abort(); }).find("crashed"), std::string::npos);
}

TEST_F(IsolationTest, StackOverflowFailsTheCall) {
  EXPECT_NE(failureOf([] { recurseForever(0); }).find("crashed"), std::string::npos);
}

TEST_F(IsolationTest, LlvmFatalErrorKeepsItsMessage) {
  EXPECT_EQ(failureOf([] { llvm::report_fatal_error("Cannot chdir into \"/nowhere\"!"); }),
            "fatal error: Cannot chdir into \"/nowhere\"!");
}

TEST_F(IsolationTest, ExceptionFailsTheCall) {
  EXPECT_EQ(failureOf([] { throw std::runtime_error("bad input"); }), "internal error: bad input");
}

TEST_F(IsolationTest, WorkAfterACrashStillRuns) {
  EXPECT_NE(failureOf([] { std::raise(SIGSEGV); }), "");
  EXPECT_EQ(failureOf([] {}), "");
}

}  // namespace
}  // namespace egress
