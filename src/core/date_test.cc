#include "core/date.h"

#include <gtest/gtest.h>

namespace xuncha {
namespace {

TEST(DateTest, ParsesAndFormatsRealDates) {
  auto d = Date::Parse("2020-05-29");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->year(), 2020);
  EXPECT_EQ(d->month(), 5u);
  EXPECT_EQ(d->day(), 29u);
  EXPECT_EQ(d->ToString(), "2020-05-29");
  EXPECT_EQ(d->ToChinese(), "2020年5月29日");
  EXPECT_EQ(Date::Parse("2024-02-29")->ToString(), "2024-02-29");
}

TEST(DateTest, RejectsMalformedAndImpossibleDates) {
  for (const char* bad : {"", "2020-5-29", "2020-02-30", "2023-02-29", "2020-13-01", "20200529",
                          "2020-05-2x", "abcd-ef-gh", "2020-05-29T00", "-020-05-29"}) {
    EXPECT_FALSE(Date::Parse(bad).has_value()) << bad;
  }
}

TEST(DateTest, AddMonthsClampsToMonthEnd) {
  EXPECT_EQ(Date::Parse("2020-01-31")->AddMonths(1).ToString(), "2020-02-29");
  EXPECT_EQ(Date::Parse("2020-05-29")->AddMonths(-36).ToString(), "2017-05-29");
  EXPECT_EQ(Date::Parse("2020-12-15")->AddMonths(1).ToString(), "2021-01-15");
}

TEST(DateTest, WeekdayAndTimestamps) {
  EXPECT_EQ(Date::Parse("2026-11-27")->weekday(), 4);  // a Friday
  EXPECT_EQ(FormatTimestamp(0), "1970-01-01T00:00:00Z");
  // 2020-05-28T20:00Z is already 29 May in China.
  UnixSeconds t = Date::Parse("2020-05-28")->days() * 86400 + 20 * 3600;
  EXPECT_EQ(Date::OfTimestamp(t, 8 * 3600).ToString(), "2020-05-29");
  EXPECT_EQ(Date::OfTimestamp(t, 0).ToString(), "2020-05-28");
}

}  // namespace
}  // namespace xuncha
