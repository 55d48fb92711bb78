// The files a scan's TUs read, read once for all of them: most TUs of a program
// include the same headers, and each open, stat and real-path lookup of them (and
// each failed lookup along the include path) is a system call per TU otherwise.
#pragma once

#include <memory>
#include <mutex>

#include <llvm/ADT/IntrusiveRefCntPtr.h>
#include <llvm/ADT/StringMap.h>
#include <llvm/Support/ErrorOr.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/VirtualFileSystem.h>

namespace egress {

class SharedFiles {
 public:
  // What opening a file gave: its status, the real path the system named, and its
  // contents (read, not mapped: a header truncated by a concurrent build must not
  // kill the scan); or the error.
  struct Opened {
    std::error_code error;
    llvm::vfs::Status status;
    std::string realName;
    std::unique_ptr<llvm::MemoryBuffer> contents;
  };

  // A file system over `base` (a TU's own, which keeps its working directory) whose
  // status and reads of a path go through this cache, keyed by absolute path.
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> over(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> base);

  llvm::ErrorOr<llvm::vfs::Status> status(llvm::vfs::FileSystem& base, const std::string& absolute);
  std::shared_ptr<const Opened> open(llvm::vfs::FileSystem& base, const std::string& absolute);

 private:
  std::mutex mutex_;
  llvm::StringMap<llvm::ErrorOr<llvm::vfs::Status>> statuses_;
  llvm::StringMap<std::shared_ptr<const Opened>> opened_;
};

}  // namespace egress
