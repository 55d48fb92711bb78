#include "extract/SharedFiles.h"

#include <llvm/ADT/SmallString.h>

namespace egress {
namespace {

// A file opened once for the scan, handed to a TU under the path it asked for.
class CachedFile : public llvm::vfs::File {
 public:
  CachedFile(std::shared_ptr<const SharedFiles::Opened> opened, llvm::vfs::Status status)
      : opened_(std::move(opened)), status_(std::move(status)) {}

  llvm::ErrorOr<llvm::vfs::Status> status() override { return status_; }
  llvm::ErrorOr<std::string> getName() override { return opened_->realName; }
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> getBuffer(const llvm::Twine& name, int64_t, bool nullTerminated,
                                                               bool) override {
    return llvm::MemoryBuffer::getMemBuffer(opened_->contents->getBuffer(), name.str(), nullTerminated);
  }
  std::error_code close() override { return {}; }

 private:
  std::shared_ptr<const SharedFiles::Opened> opened_;
  llvm::vfs::Status status_;
};

class SharedFileSystem : public llvm::vfs::ProxyFileSystem {
 public:
  SharedFileSystem(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> base, SharedFiles& files)
      : ProxyFileSystem(std::move(base)), files_(files) {}

  bool exists(const llvm::Twine& path) override { return bool(status(path)); }

  llvm::ErrorOr<llvm::vfs::Status> status(const llvm::Twine& path) override {
    const std::string absolute = absolutePath(path);
    if (absolute.empty()) return ProxyFileSystem::status(path);
    llvm::ErrorOr<llvm::vfs::Status> found = files_.status(getUnderlyingFS(), absolute);
    if (!found) return found.getError();
    return llvm::vfs::Status::copyWithNewName(*found, path);
  }

  llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>> openFileForRead(const llvm::Twine& path) override {
    const std::string absolute = absolutePath(path);
    const auto opened = absolute.empty() ? nullptr : files_.open(getUnderlyingFS(), absolute);
    if (!opened) return ProxyFileSystem::openFileForRead(path);  // not kept: read it as it is
    if (opened->error) return opened->error;
    return std::make_unique<CachedFile>(opened, llvm::vfs::Status::copyWithNewName(opened->status, path));
  }

 private:
  // Relative paths are the TU's: its working directory is its compile directory.
  std::string absolutePath(const llvm::Twine& path) const {
    llvm::SmallString<256> out;
    path.toVector(out);
    if (makeAbsolute(out)) return {};
    return std::string(out);
  }

  SharedFiles& files_;
};

}  // namespace

llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>
SharedFiles::over(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> base) {
  return llvm::makeIntrusiveRefCnt<SharedFileSystem>(std::move(base), *this);
}

namespace {

// Errors that say the file is not there, which hold for the whole scan; anything
// else (too many open files, an interrupted call) is asked again next time.
bool lasting(std::error_code error) {
  return error == std::errc::no_such_file_or_directory || error == std::errc::not_a_directory;
}

}  // namespace

// The first answer about a path holds for the scan: a file opened already answers
// with the status it was read with (so the size a TU sees and the bytes it reads
// agree even if the file changed meanwhile), and one found missing stays missing
// whether it was first asked for by status or by open.
llvm::ErrorOr<llvm::vfs::Status> SharedFiles::status(llvm::vfs::FileSystem& base, const std::string& absolute) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (auto opened = opened_.find(absolute); opened != opened_.end()) {
      if (opened->second->error) return opened->second->error;
      return opened->second->status;
    }
    if (auto known = statuses_.find(absolute); known != statuses_.end()) return known->second;
  }
  llvm::ErrorOr<llvm::vfs::Status> found = base.status(absolute);
  if (!found && !lasting(found.getError())) return found;
  std::lock_guard<std::mutex> lock(mutex_);
  return statuses_.try_emplace(absolute, std::move(found)).first->second;
}

// Only regular files are kept (a directory, a pipe or a device is opened as it is,
// every time); the status cached for the path is replaced by the one read with the
// contents.
std::shared_ptr<const SharedFiles::Opened> SharedFiles::open(llvm::vfs::FileSystem& base, const std::string& absolute) {
  auto out = std::make_shared<Opened>();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (auto known = opened_.find(absolute); known != opened_.end()) return known->second;
    if (auto known = statuses_.find(absolute); known != statuses_.end() && !known->second) {
      out->error = known->second.getError();  // found missing before: it stays so
      return opened_.try_emplace(absolute, std::move(out)).first->second;
    }
  }
  if (auto file = base.openFileForRead(absolute); !file) {
    if (!lasting(file.getError())) return nullptr;
    out->error = file.getError();
  } else {
    llvm::ErrorOr<llvm::vfs::Status> status = (*file)->status();
    if (!status || !status->isRegularFile()) return nullptr;
    auto contents = (*file)->getBuffer(absolute, status->getSize(), /*RequiresNullTerminator=*/true,
                                       /*IsVolatile=*/true);
    if (!contents) return nullptr;
    llvm::ErrorOr<std::string> realName = (*file)->getName();
    out->status = llvm::vfs::Status::copyWithNewSize(*status, (*contents)->getBufferSize());
    out->realName = realName ? *realName : absolute;
    out->contents = std::move(*contents);
  }
  std::lock_guard<std::mutex> lock(mutex_);
  auto kept = opened_.try_emplace(absolute, std::move(out)).first->second;
  if (!kept->error) statuses_.erase(absolute);
  return kept;
}

}  // namespace egress
