#include "extract/Isolation.h"

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include <llvm/Support/CrashRecoveryContext.h>
#include <llvm/Support/ErrorHandling.h>
#include <llvm/Support/Process.h>
#include <llvm/Support/thread.h>

namespace egress {
namespace {

// Clang and the analysis recurse over the audited code; give them room.
constexpr unsigned kWorkerStackBytes = 256u << 20;
constexpr std::size_t kAltStackBytes = 1u << 16;

thread_local std::string fatalMessage;

// LLVM's report_fatal_error lands here: keep the message, then leave through the
// crash recovery context of this thread (Process::Exit unwinds to RunSafely).
void onFatalError(void*, const char* reason, bool) {
  fatalMessage = reason ? reason : "fatal error";
  llvm::sys::Process::Exit(1);
}

// A stack overflow cannot run a signal handler on the overflowing stack: the
// handlers LLVM installs get SA_ONSTACK, and every worker has an alternate stack.
void handleOnAlternateStack() {
  for (int sig : {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP}) {
    struct sigaction current{};
    if (sigaction(sig, nullptr, &current) != 0) continue;
    current.sa_flags |= SA_ONSTACK;
    sigaction(sig, &current, nullptr);
  }
}

class AlternateSignalStack {
 public:
  AlternateSignalStack() : memory_(new char[kAltStackBytes]) {
    stack_t ss{};
    ss.ss_sp = memory_.get();
    ss.ss_size = kAltStackBytes;
    installed_ = sigaltstack(&ss, &previous_) == 0;
  }
  ~AlternateSignalStack() {
    if (installed_) sigaltstack(&previous_, nullptr);
  }
  AlternateSignalStack(const AlternateSignalStack&) = delete;
  AlternateSignalStack& operator=(const AlternateSignalStack&) = delete;

 private:
  std::unique_ptr<char[]> memory_;
  stack_t previous_{};
  bool installed_ = false;
};

}  // namespace

void enableCrashRecovery() {
  static std::once_flag once;
  std::call_once(once, [] {
    llvm::CrashRecoveryContext::Enable();
    handleOnAlternateStack();
    llvm::install_fatal_error_handler(onFatalError, nullptr);
  });
}

bool runContained(const std::function<void()>& work, std::string& why) {
  std::string thrown;
  fatalMessage.clear();
  llvm::CrashRecoveryContext crc;
  const bool ok = crc.RunSafely([&] {
    try {
      work();
    } catch (const std::exception& e) {
      thrown = e.what();
    } catch (...) {
      thrown = "unknown exception";
    }
  });
  if (!ok) {
    if (!fatalMessage.empty()) why = "fatal error: " + fatalMessage;
    else if (crc.RetCode > 128) why = "crashed (signal " + std::to_string(crc.RetCode - 128) + ")";
    else why = "aborted (exit code " + std::to_string(crc.RetCode) + ")";
    return false;
  }
  if (!thrown.empty()) {
    why = "internal error: " + thrown;
    return false;
  }
  return true;
}

void runWorkers(unsigned count, const std::function<void()>& body) {
  std::vector<llvm::thread> pool;
  for (unsigned i = 0; i < std::max(1u, count); ++i)
    pool.emplace_back(std::optional<unsigned>(kWorkerStackBytes), [&body] {
      AlternateSignalStack altStack;
      body();
    });
  for (llvm::thread& t : pool) t.join();
}

}  // namespace egress
