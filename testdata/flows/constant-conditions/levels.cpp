// Branches guarded by a comparison of a parameter with a constant (issue 9, family 10).
// Every helper here is static, so all its callers are visible: a branch that fails for
// every constant the callers pass is never taken. One helper per case.
#include <sys/socket.h>

#include <string>

#include "common/model.h"

namespace {
constexpr int kVerbosity = 1;
constexpr int kAuditLevel = 5;
}  // namespace

// Debug logging at levels 1 and 2: the level >= 3 branch is never taken.
static void log_detail(int level, int fd, const std::string& m) {
  if (level >= 3) {
    send(fd, m.data(), m.size(), 0);  // expect-none
  }
}

// The same kind of helper called with level 4: the send happens.
static void log_trace(int level, int fd, const std::string& m) {
  if (level >= 3) {
    send(fd, m.data(), m.size(), 0);  // expect: unresolved customer.contact
  }
}

// Callers pass 1 and 5: the second caller takes the branch.
static void log_mixed(int level, int fd, const std::string& m) {
  if (level > 2) {
    send(fd, m.data(), m.size(), 0);  // expect: unresolved customer.address
  }
}

// Levels from constexpr constants: kVerbosity fails the test.
static void log_quiet(int level, int fd, const std::string& m) {
  if (level >= 3) {
    send(fd, m.data(), m.size(), 0);  // expect-none
  }
}

// kAuditLevel passes it.
static void log_audit(int level, int fd, const std::string& m) {
  if (level >= 3) {
    send(fd, m.data(), m.size(), 0);  // expect: unresolved customer.identity
  }
}

// A default argument of 0: every caller omits the level.
static void trace_default(int fd, const std::string& m, int level = 0) {
  if (level > 2) {
    send(fd, m.data(), m.size(), 0);  // expect-none
  }
}

// The constant goes through a second helper before the comparison.
static void log_inner(int level, int fd, const std::string& m) {
  if (level >= 3) {
    send(fd, m.data(), m.size(), 0);  // expect-none
  }
}
static void notify_low(int level, int fd, const std::string& m) { log_inner(level, fd, m); }

static void log_inner_hi(int level, int fd, const std::string& m) {
  if (level >= 3) {
    send(fd, m.data(), m.size(), 0);  // expect: unresolved shipment.tracking
  }
}
static void notify_high(int level, int fd, const std::string& m) { log_inner_hi(level, fd, m); }

// The level comes from the caller's own parameter: unknown, so the branch is live.
static void log_runtime(int level, int fd, const std::string& m) {
  if (level >= 3) {
    send(fd, m.data(), m.size(), 0);  // expect: unresolved customer.contact
  }
}

void on_customer_update(int fd, const Customer& c, const Shipment& s, int configured_level) {
  log_detail(1, fd, c.email);
  log_detail(2, fd, c.phone);
  log_trace(4, fd, c.email);
  log_mixed(1, fd, c.street);
  log_mixed(5, fd, c.street);
  log_quiet(kVerbosity, fd, c.name);
  log_audit(kAuditLevel, fd, c.name);
  trace_default(fd, c.phone);
  notify_low(0, fd, s.tracking_no);
  notify_high(5, fd, s.tracking_no);
  log_runtime(configured_level, fd, c.phone);
}
