#include "domain/assignment.h"

#include <gtest/gtest.h>

namespace xuncha {
namespace {

Assignment Make(const char* start, const char* end) {
  Assignment a;
  a.group_id = GroupId(1);
  a.unit_id = UnitId(1);
  a.station_start = *Date::Parse(start);
  a.station_end = *Date::Parse(end);
  return a;
}

TEST(AssignmentTest, OneToTwoMonthsHasNoWarning) {
  EXPECT_TRUE(AssignmentWarnings(Make("2020-05-29", "2020-07-24")).empty());
  EXPECT_TRUE(AssignmentWarnings(Make("2020-05-29", "2020-06-29")).empty());
  EXPECT_TRUE(AssignmentWarnings(Make("2020-05-29", "2020-07-29")).empty());
}

TEST(AssignmentTest, WarnsOutsideOneToTwoMonths) {
  auto short_stay = AssignmentWarnings(Make("2020-05-29", "2020-06-20"));
  ASSERT_EQ(short_stay.size(), 1u);
  EXPECT_NE(short_stay[0].find("不足1个月"), std::string::npos);
  auto long_stay = AssignmentWarnings(Make("2020-05-29", "2020-08-15"));
  ASSERT_EQ(long_stay.size(), 1u);
  EXPECT_NE(long_stay[0].find("超过2个月"), std::string::npos);
}

TEST(AssignmentTest, WarnsWhenMeetingOutsideStationing) {
  Assignment a = Make("2020-05-29", "2020-07-24");
  a.meeting.date = *Date::Parse("2020-05-20");
  EXPECT_EQ(AssignmentWarnings(a).size(), 1u);
}

TEST(AssignmentTest, EndBeforeStartIsAFieldError) {
  auto e = ValidateAssignment(Make("2020-05-29", "2020-05-01"));
  EXPECT_EQ(e.at("station_end"), "date_order");
}

TEST(AssignmentTest, AnnouncementCarriesPeriodScopeAndChannels) {
  Round r;
  r.name = "五届市委第八轮巡察";
  Group g;
  g.name = "第三巡察组";
  g.duty_phone = "0715-8113320";
  g.phone_hours = "工作日 8:30-17:30";
  g.mailbox = "xcz3@example.gov.cn";
  g.suggestion_boxes = {"机关大楼一楼大厅"};
  Unit u;
  u.name = "市中级人民法院";
  u.party_org_name = "中共市中级人民法院党组";
  Assignment a = Make("2020-06-03", "2020-07-31");
  Announcement ann = MakeAnnouncement(r, g, u, a);
  EXPECT_EQ(ann.title, "市委第三巡察组巡察市中级人民法院公告");
  for (const char* part :
       {"2020年6月3日至2020年7月31日", "中共市中级人民法院党组",
        "值班电话：0715-8113320（工作日 8:30-17:30）", "电子信箱：xcz3@example.gov.cn",
        "意见箱：机关大楼一楼大厅", "受理时间截至2020年7月31日", "生活纪律"}) {
    EXPECT_NE(ann.text.find(part), std::string::npos) << part;
  }
}

}  // namespace
}  // namespace xuncha
