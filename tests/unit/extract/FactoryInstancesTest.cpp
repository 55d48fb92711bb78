#include "extract/FactoryInstances.h"

#include <gtest/gtest.h>

#include "ExtractedFacts.h"

namespace egress {
namespace {

bool hasFunction(const TUFacts& tu, const std::string& name) {
  return std::any_of(tu.functions.begin(), tu.functions.end(), [&](const FunctionFacts& f) { return f.name == name; });
}

// A class template whose constructor stores the endpoint it is built with.
constexpr const char* kChannel = R"(
#include <memory>
template <typename T> class Channel {
 public:
  explicit Channel(std::string endpoint) : endpoint_(std::move(endpoint)) {}
  std::string endpoint_;
};
struct Label {};
)";

// The constructor of a class template's specialisation that only make_shared runs is
// analysed: it stores the endpoint the factory call passes.
TEST(FactoryInstancesTest, ConstructorRunOnlyByMakeSharedIsAnalysed) {
  const TUFacts tu = test::extractSnippet(std::string(kChannel) + R"(
std::shared_ptr<Channel<Label>> open() { return std::make_shared<Channel<Label>>("tcp://10.0.0.5:7000"); }
)");
  ASSERT_TRUE(hasFunction(tu, "Channel::Channel"));
  const FunctionFacts& built = test::functionNamed(tu, "open");
  EXPECT_FALSE(built.ret.calls.empty());
}

// A specialisation only named (`shared_ptr<Channel<Label>>`), never built by a
// factory, instantiates nothing.
TEST(FactoryInstancesTest, UnusedTemplateConstructorStaysUninstantiated) {
  const TUFacts tu = test::extractSnippet(std::string(kChannel) + R"(
std::shared_ptr<Channel<Label>> none() { return nullptr; }
)");
  EXPECT_FALSE(hasFunction(tu, "Channel::Channel"));
}

}  // namespace
}  // namespace egress
