// Keeps one translation unit's failure its own: an LLVM fatal error, a crash (a
// stack overflow included) or an exception while analysing a TU becomes a reason in
// the coverage report, and the other TUs' findings are kept.
#pragma once

#include <functional>
#include <string>

namespace egress {

// Installs the crash handlers once per process (signal handlers that run on an
// alternate stack, a fatal-error handler that unwinds to the TU's guard).
void enableCrashRecovery();

// Runs `work` on the calling thread. Returns false and sets `why` when it crashed,
// hit an LLVM fatal error or threw.
bool runContained(const std::function<void()>& work, std::string& why);

// Runs `body` on `count` worker threads with large stacks, each with its own
// alternate signal stack, and waits for them.
void runWorkers(unsigned count, const std::function<void()>& body);

}  // namespace egress
