#include "extract/SharedFiles.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

namespace egress {
namespace {

namespace fs = std::filesystem;

class SharedFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("egress-shared-files-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "a");
    fs::create_directories(root_ / "b");
  }
  void TearDown() override { fs::remove_all(root_); }

  void write(const std::string& path, const std::string& text) { std::ofstream(root_ / path) << text; }

  // A TU's file system: its own working directory, the scan's shared files.
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> tuIn(const std::string& dir) {
    auto out = files_.over(llvm::vfs::createPhysicalFileSystem());
    EXPECT_FALSE(out->setCurrentWorkingDirectory((root_ / dir).string()));
    return out;
  }

  static std::string read(llvm::vfs::FileSystem& fs, const std::string& path) {
    auto buffer = fs.getBufferForFile(path);
    return buffer ? (*buffer)->getBuffer().str() : "<error: " + buffer.getError().message() + ">";
  }

  fs::path root_;
  SharedFiles files_;
};

TEST_F(SharedFilesTest, ARelativePathIsReadInEachTUsOwnDirectory) {
  write("a/config.h", "#define SIDE 1\n");
  write("b/config.h", "#define SIDE 2\n");
  auto a = tuIn("a"), b = tuIn("b");
  EXPECT_EQ(read(*a, "config.h"), "#define SIDE 1\n");
  EXPECT_EQ(read(*b, "config.h"), "#define SIDE 2\n");
  auto status = b->status("config.h");
  ASSERT_TRUE(status);
  EXPECT_EQ(status->getName(), "config.h");  // as asked, like the system's file system
}

TEST_F(SharedFilesTest, AFileIsReadOnceForEveryTUOfTheScan) {
  write("a/common.h", "int first;\n");
  auto one = tuIn("a");
  auto opened = one->openFileForRead("common.h");
  ASSERT_TRUE(opened);
  auto name = (*opened)->getName();
  ASSERT_TRUE(name);
  EXPECT_EQ(fs::path(*name), fs::canonical(root_ / "a/common.h"));  // the real path, as the system names it
  write("a/common.h", "int changed_meanwhile;\n");
  auto other = tuIn("b");
  EXPECT_EQ(read(*other, (root_ / "a/common.h").string()), "int first;\n");
}

TEST_F(SharedFilesTest, TheSizeATUSeesIsTheSizeOfTheBytesItReads) {
  write("a/grows.h", "int a;\n");
  auto tu = tuIn("a");
  auto before = tu->status("grows.h");
  ASSERT_TRUE(before);
  EXPECT_EQ(before->getSize(), 7u);
  write("a/grows.h", "int a; int b;\n");  // changed between a lookup and the first read
  EXPECT_EQ(read(*tu, "grows.h"), "int a; int b;\n");
  auto after = tuIn("b")->status((root_ / "a/grows.h").string());
  ASSERT_TRUE(after);
  EXPECT_EQ(after->getSize(), 14u);  // every later TU: the status the bytes were read with
}

TEST_F(SharedFilesTest, AMissingFileAndADirectoryAnswerAsTheSystemDoes) {
  auto tu = tuIn("a");
  auto missing = tu->openFileForRead("absent.h");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.getError(), std::errc::no_such_file_or_directory);
  EXPECT_FALSE(tu->status("absent.h"));
  write("a/absent.h", "int late;\n");  // missing for the whole scan: every TU sees the same
  EXPECT_FALSE(tuIn("b")->exists((root_ / "a/absent.h").string()));
  auto dir = tu->status("../b");
  ASSERT_TRUE(dir);
  EXPECT_TRUE(dir->isDirectory());
  EXPECT_FALSE(tu->getBufferForFile("../b"));  // a directory is not read as a file
}

TEST_F(SharedFilesTest, AFileFoundMissingByALookupIsNotReadLater) {
  auto tu = tuIn("a");
  EXPECT_FALSE(tu->status("late.h"));
  write("a/late.h", "int late;\n");  // created by a concurrent build after the lookup
  auto opened = tuIn("b")->openFileForRead((root_ / "a/late.h").string());
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.getError(), std::errc::no_such_file_or_directory);
  EXPECT_FALSE(tu->status("late.h"));
}

}  // namespace
}  // namespace egress
