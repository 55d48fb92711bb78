#include "facts/JsonParse.h"

#include <gtest/gtest.h>

namespace egress {
namespace {

// What llvm::json::parse reads, parseJson reads the same; what it refuses,
// parseJson refuses.
void expectAsLlvm(llvm::StringRef text) {
  llvm::Expected<llvm::json::Value> ours = parseJson(text);
  llvm::Expected<llvm::json::Value> theirs = llvm::json::parse(text);
  ASSERT_EQ(bool(ours), bool(theirs)) << text.str();
  if (ours) EXPECT_EQ(*ours, *theirs) << text.str();
  if (!ours) llvm::consumeError(ours.takeError());
  if (!theirs) llvm::consumeError(theirs.takeError());
}

TEST(JsonParse, ReadsWhatLlvmReadsAsItReadsIt) {
  for (const char* text :
       {"{}",
        "[]",
        " [ 1 , -2 , 3.5e2 , 18446744073709551615 , 1e999 ] ",
        "null",
        "true",
        "false",
        "\"\"",
        R"({"a":[{"b":[[],[1,[2,[3]]]],"c":null},"x"],"d":{"e":false},"a":7})",
        R"(["\"\\\/\b\f\n\r\t", "\u00e9\u20ac", "\ud83d\ude00", "\ud83d", "\ude00x", "\ud83d\u0041"])",
        "\"caf\xc3\xa9\"",
        "-0",
        "0.5",
        "01",
        "1.2.3",
        "--1",
        "+1",
        "[1,]",
        "[,1]",
        "{\"a\" 1}",
        "{\"a\":1,}",
        "{a:1}",
        "[1 2]",
        "nul",
        "truex",
        "\"abc",
        "\"a\x01\"",
        "\"\\x\"",
        "\"\\u12\"",
        "[1]]",
        "",
        "   ",
        "\"\xff\"",
        "[\"\\u0000\"]"})
    expectAsLlvm(text);
}

TEST(JsonParse, ALongArrayOfObjectsKeepsEveryElementInOrder) {
  std::string text = "[";
  for (int i = 0; i < 5000; ++i)
    text += (i ? "," : "") + std::string("{\"i\":") + std::to_string(i) + ",\"a\":[1,2,3]}";
  text += "]";
  llvm::Expected<llvm::json::Value> v = parseJson(text);
  ASSERT_TRUE(bool(v));
  const llvm::json::Array* a = v->getAsArray();
  ASSERT_EQ(a->size(), 5000u);
  EXPECT_EQ((*a)[4321].getAsObject()->getInteger("i"), 4321);
}

TEST(JsonParse, NestingPastTheLimitIsRefusedWithItsOffset) {
  const std::string deep = std::string(300, '[') + std::string(300, ']');
  llvm::Expected<llvm::json::Value> v = parseJson(deep, 256);
  ASSERT_FALSE(bool(v));
  EXPECT_EQ(llvm::toString(v.takeError()), "byte 256: expected nesting within the depth limit");
  EXPECT_TRUE(bool(parseJson(std::string(200, '[') + std::string(200, ']'), 256)));
}

}  // namespace
}  // namespace egress
