// Markdown output (tool/report/MarkdownReport.cpp): a summary that counts what fails,
// one table row per finding with cells that cannot break the table, evidence only for
// what is not accepted.
#include <sstream>

#include <gtest/gtest.h>

#include "report/Report.h"

using namespace egress;

namespace {

Finding finding(const std::string& verdict, const std::string& display) {
  Finding f;
  f.fingerprint = "00000000000000ff";
  f.verdict = verdict;
  f.categories = {"customer.contact"};
  f.api = "send";
  f.sink = {"src/a.cpp", 12, 5};
  f.destination.display = display;
  f.path = {{{"src/a.cpp", 10, 3}, "reads Customer::email (customer.contact)"}};
  return f;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST(MarkdownReport, SummaryTableAndEvidence) {
  Finding justified = finding("violation", "https://b.example.cn");
  justified.justification = JustificationRef{"DPA-17", "", "src/a.cpp:11:3", false};
  std::ostringstream out;
  writeMarkdown(out, {finding("violation", "https://a.example.cn/x|y"), justified, finding("allowed", "https://c.de")},
                Coverage{});
  const std::string md = out.str();
  EXPECT_NE(md.find("## egress-audit: 1 violation(s), 0 unresolved destination(s)"), std::string::npos) << md;
  EXPECT_NE(md.find("1 accepted"), std::string::npos) << md;
  EXPECT_EQ(count(md, "\n| "), 5u) << md;                                     // header, separator, three rows
  EXPECT_NE(md.find("https://a.example.cn/x\\|y"), std::string::npos) << md;  // the pipe does not split the cell
  EXPECT_EQ(count(md, "<details>"), 1u) << md;  // evidence for the one failing finding only
  EXPECT_NE(md.find("| accepted |"), std::string::npos) << md;
}
