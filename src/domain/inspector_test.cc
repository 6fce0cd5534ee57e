#include "domain/inspector.h"

#include <gtest/gtest.h>

namespace xuncha {
namespace {

class RecusalTest : public ::testing::Test {
 protected:
  RecusalTest() {
    unit_.id = UnitId(7);
    unit_.name = "市财政局";
    Leader head;
    head.unit_id = unit_.id;
    head.name = "王胜宏";
    head.post = "党组书记、局长";
    head.tier = LeaderTier::kLeadership;
    leaders_.push_back(head);
  }
  Unit unit_;
  std::vector<Leader> leaders_;
  Date today_ = *Date::Parse("2026-11-27");
};

TEST_F(RecusalTest, WorkedThereWithinThreeYearsIsRefusedWithTheReason) {
  Inspector i;
  i.name = "周文涛";
  i.history.push_back(
      {"市财政局", unit_.id, *Date::Parse("2016-03-01"), *Date::Parse("2024-06-30")});
  auto c = CheckRecusal(i, unit_, leaders_, today_);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].unit_id, unit_.id);
  EXPECT_NE(c[0].reason.find("2016-03-01 至 2024-06-30"), std::string::npos) << c[0].reason;
  EXPECT_NE(c[0].reason.find("未满3年"), std::string::npos);
}

TEST_F(RecusalTest, StillWorkingThereIsRefused) {
  Inspector i;
  i.history.push_back({"市财政局", std::nullopt, *Date::Parse("2020-01-01"), std::nullopt});
  EXPECT_EQ(CheckRecusal(i, unit_, leaders_, today_).size(), 1u);  // matched by name
}

TEST_F(RecusalTest, LeftMoreThanThreeYearsAgoIsAllowed) {
  Inspector i;
  i.history.push_back(
      {"市财政局", unit_.id, *Date::Parse("2010-01-01"), *Date::Parse("2023-11-26")});
  EXPECT_TRUE(CheckRecusal(i, unit_, leaders_, today_).empty());
  // The boundary day itself still counts as within three years.
  i.history[0].to = *Date::Parse("2023-11-27");
  EXPECT_EQ(CheckRecusal(i, unit_, leaders_, today_).size(), 1u);
}

TEST_F(RecusalTest, DeclaredKinOfTheLeadershipIsRefusedAndNamesThePost) {
  Inspector i;
  i.relations.push_back({"王胜宏", unit_.id, RelationKind::kKin, "舅舅"});
  auto c = CheckRecusal(i, unit_, leaders_, today_);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_NE(c[0].reason.find("王胜宏（党组书记、局长）"), std::string::npos) << c[0].reason;
  EXPECT_NE(c[0].reason.find("亲属关系"), std::string::npos);
}

TEST_F(RecusalTest, RelationsAndHistoryElsewhereDoNotCount) {
  Inspector i;
  i.relations.push_back({"王胜宏", UnitId(8), RelationKind::kSuperior, ""});
  i.history.push_back({"市教育局", UnitId(9), *Date::Parse("2020-01-01"), std::nullopt});
  EXPECT_TRUE(CheckRecusal(i, unit_, leaders_, today_).empty());
}

}  // namespace
}  // namespace xuncha
