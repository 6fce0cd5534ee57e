#include "domain/round.h"

#include <gtest/gtest.h>

namespace xuncha {
namespace {

TEST(RoundTest, ChineseNumbers) {
  EXPECT_EQ(ChineseNumber(1), "一");
  EXPECT_EQ(ChineseNumber(8), "八");
  EXPECT_EQ(ChineseNumber(10), "十");
  EXPECT_EQ(ChineseNumber(12), "十二");
  EXPECT_EQ(ChineseNumber(20), "二十");
  EXPECT_EQ(ChineseNumber(37), "三十七");
}

TEST(RoundTest, FocusTemplateHasTheFourImplementations) {
  const auto& t = DefaultFocusTemplate();
  std::vector<std::string> roots;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i].parent < 0) {
      roots.push_back(t[i].title);
    } else {
      EXPECT_LT(static_cast<std::size_t>(t[i].parent), i) << "parents come first";
    }
  }
  ASSERT_EQ(roots.size(), 4u);
  EXPECT_NE(roots[0].find("落实党的路线方针政策"), std::string::npos);
  EXPECT_NE(roots[1].find("全面从严治党"), std::string::npos);
  EXPECT_NE(roots[2].find("组织路线"), std::string::npos);
  EXPECT_NE(roots[3].find("巡视巡察、审计、主题教育整改"), std::string::npos);
}

TEST(RoundTest, ValidationNamesEachBadField) {
  Round r;
  r.start_date = *Date::Parse("2020-06-01");
  r.end_date = *Date::Parse("2020-05-01");
  auto e = ValidateRound(r);
  EXPECT_EQ(e.at("name"), "required");
  EXPECT_EQ(e.at("term_id"), "required");
  EXPECT_EQ(e.at("number"), "out_of_range");
  EXPECT_EQ(e.at("end_date"), "date_order");
  r.name = std::string(101 * 3, 'x');
  EXPECT_EQ(ValidateRound(r).at("name"), "too_long");
  r.name = std::string(100, 'x');
  EXPECT_EQ(ValidateRound(r).count("name"), 0u);
}

}  // namespace
}  // namespace xuncha
