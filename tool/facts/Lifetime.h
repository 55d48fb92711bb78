// Memory the process is about to give back. A command-line scan ends right after
// its report: freeing the program's facts and summaries object by object takes a
// few tenths of a second on a large program, which the operating system does at
// once at exit. The CLI turns freeing off (as clang's -disable-free does); the
// library, its tests and every other caller free as usual.
#pragma once

#include <atomic>
#include <memory>

namespace egress {

inline std::atomic<bool>& freeOnRetire() {
  static std::atomic<bool> on{true};
  return on;
}

// Frees `object` now, or leaves it to the end of the process.
template <typename T> void retire(std::unique_ptr<T> object) {
  if (freeOnRetire()) object.reset();
  else (void)object.release();
}

}  // namespace egress
