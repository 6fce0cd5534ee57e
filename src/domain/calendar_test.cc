#include "domain/calendar.h"

#include <gtest/gtest.h>

#include <climits>
#include <map>
#include <set>

namespace xuncha {
namespace {

Date D(const char* s) { return *Date::Parse(s); }

const WorkCalendar& China() {
  static const WorkCalendar calendar(DefaultChinaCalendar());
  return calendar;
}

TEST(CalendarTest, DayKindNamesRoundTrip) {
  for (DayKind k : {DayKind::kHoliday, DayKind::kMakeupWorkday}) {
    EXPECT_EQ(ParseDayKind(DayKindName(k)), k);
  }
  EXPECT_EQ(DayKindName(DayKind::kHoliday), "holiday");
  EXPECT_EQ(DayKindName(DayKind::kMakeupWorkday), "makeup");
  EXPECT_FALSE(ParseDayKind("Holiday").has_value());
  EXPECT_FALSE(ParseDayKind("").has_value());
}

TEST(CalendarTest, ValidationRequiresAShortName) {
  CalendarDay d{D("2020-05-01"), DayKind::kHoliday, " "};
  EXPECT_EQ(ValidateCalendarDay(d).at("name"), "required");
  d.name.clear();
  for (int i = 0; i < 41; ++i) d.name += "节";
  EXPECT_EQ(ValidateCalendarDay(d).at("name"), "too_long");
  d.name.resize(120);  // back to 40 characters of three bytes each
  EXPECT_TRUE(ValidateCalendarDay(d).empty());
}

TEST(CalendarTest, WithoutListedDaysMondayToFridayWork) {
  const WorkCalendar plain(std::vector<CalendarDay>{});
  EXPECT_TRUE(plain.IsWorkingDay(D("2020-04-24")));   // Friday
  EXPECT_FALSE(plain.IsWorkingDay(D("2020-04-25")));  // Saturday
  EXPECT_FALSE(plain.IsWorkingDay(D("2020-04-26")));  // Sunday
  EXPECT_TRUE(plain.IsWorkingDay(D("2020-05-01")));   // a Friday, no holiday listed
  // Three weeks of five working days.
  EXPECT_EQ(plain.AddWorkingDays(D("2020-04-24"), 15), D("2020-05-15"));
  EXPECT_EQ(plain.AddWorkingDays(D("2020-04-25"), 1), D("2020-04-27"));
  EXPECT_EQ(plain.WorkingDaysBetween(D("2020-04-24"), D("2020-04-27")), 1);
}

TEST(CalendarTest, FifteenWorkingDaysAcrossLabourDay2020) {
  // From Friday 24 April 2020: 26 Apr (Sunday, make-up) 1, 27-30 Apr 2-5, 1-5 May off,
  // 6-8 May 6-8, 9 May (Saturday, make-up) 9, 11-15 May 10-14, Monday 18 May 15.
  EXPECT_EQ(China().AddWorkingDays(D("2020-04-24"), 15), D("2020-05-18"));
  EXPECT_EQ(China().WorkingDaysBetween(D("2020-04-24"), D("2020-05-18")), 15);
  EXPECT_EQ(China().WorkingDaysBetween(D("2020-04-24"), D("2020-05-15")), 14);
}

TEST(CalendarTest, MakeupWeekendDaysWorkAndWeekdayHolidaysDoNot) {
  EXPECT_TRUE(China().IsWorkingDay(D("2020-05-09")));   // Saturday, 劳动节调休上班
  EXPECT_TRUE(China().IsWorkingDay(D("2020-04-26")));   // Sunday, 劳动节调休上班
  EXPECT_FALSE(China().IsWorkingDay(D("2020-05-01")));  // Friday, 劳动节
  EXPECT_FALSE(China().IsWorkingDay(D("2020-05-05")));  // Tuesday, 劳动节
  EXPECT_FALSE(China().IsWorkingDay(D("2020-05-10")));  // an ordinary Sunday
  EXPECT_EQ(China().AddWorkingDays(D("2020-05-08"), 1), D("2020-05-09"));
  EXPECT_EQ(China().AddWorkingDays(D("2020-04-30"), 1), D("2020-05-06"));
  // 端午 2020: Thursday 25 to Saturday 27 June off, Sunday 28 June worked.
  EXPECT_EQ(China().AddWorkingDays(D("2020-06-24"), 1), D("2020-06-28"));
  EXPECT_EQ(China().WorkingDaysBetween(D("2020-06-24"), D("2020-06-29")), 2);
}

TEST(CalendarTest, SpringFestival2020ExtensionIsApplied) {
  EXPECT_TRUE(China().IsWorkingDay(D("2020-01-19")));   // Sunday, 春节调休上班
  EXPECT_FALSE(China().IsWorkingDay(D("2020-01-31")));  // Friday, extension
  EXPECT_FALSE(China().IsWorkingDay(D("2020-02-01")));  // the cancelled make-up Saturday
  EXPECT_EQ(China().AddWorkingDays(D("2020-01-23"), 1), D("2020-02-03"));
}

TEST(CalendarTest, ZeroAndNegativeCounts) {
  EXPECT_EQ(China().AddWorkingDays(D("2020-05-01"), 0), D("2020-05-01"));
  EXPECT_EQ(China().AddWorkingDays(D("2020-05-06"), -1), D("2020-04-30"));
  EXPECT_EQ(China().AddWorkingDays(D("2020-05-11"), -1), D("2020-05-09"));
  EXPECT_EQ(China().AddWorkingDays(D("2020-05-18"), -15), D("2020-04-24"));
  EXPECT_EQ(China().WorkingDaysBetween(D("2020-05-18"), D("2020-04-24")), 0);
  EXPECT_EQ(China().WorkingDaysBetween(D("2020-05-18"), D("2020-05-18")), 0);
}

TEST(CalendarTest, ExtremeCountsNeitherHangNorOverflow) {
  const Date start = D("2020-01-01");
  const Date far = China().AddWorkingDays(start, INT_MAX);
  EXPECT_TRUE(China().IsWorkingDay(far));
  EXPECT_EQ(China().WorkingDaysBetween(start, far), INT_MAX);
  EXPECT_EQ(China().WorkingDaysBetween(start, far.AddDays(7)), INT_MAX);  // saturates
  const Date back = China().AddWorkingDays(start, INT_MIN);
  EXPECT_TRUE(China().IsWorkingDay(back));
  EXPECT_EQ(China().WorkingDaysBetween(back, start), INT_MAX);  // 2^31 days, of which 1 is start
}

TEST(CalendarTest, OnlyExceptionsToTheWeekMatterAndTheLastListingWins) {
  const WorkCalendar cal({
      {D("2020-05-02"), DayKind::kHoliday, "周六放假"},        // already off
      {D("2020-05-06"), DayKind::kMakeupWorkday, "周三上班"},  // already worked
      {D("2020-05-07"), DayKind::kHoliday, "先放假"},
      {D("2020-05-07"), DayKind::kMakeupWorkday, "后改上班"},
      {D("2020-05-08"), DayKind::kMakeupWorkday, "先上班"},
      {D("2020-05-08"), DayKind::kHoliday, "后改放假"},
  });
  EXPECT_FALSE(cal.IsWorkingDay(D("2020-05-02")));
  EXPECT_TRUE(cal.IsWorkingDay(D("2020-05-06")));
  EXPECT_TRUE(cal.IsWorkingDay(D("2020-05-07")));
  EXPECT_FALSE(cal.IsWorkingDay(D("2020-05-08")));
  // Mon 4 to Fri 8 May: 5, 6, 7 work, 8 off.
  EXPECT_EQ(cal.WorkingDaysBetween(D("2020-05-04"), D("2020-05-08")), 3);
}

// Checks the arithmetic against a day-by-day walk over the raw listing, through years with
// and without listed days.
TEST(CalendarTest, AgreesWithADayByDayWalk) {
  std::map<Date, DayKind> listed;
  for (const CalendarDay& d : DefaultChinaCalendar()) listed[d.date] = d.kind;
  auto works = [&](Date d) {
    auto it = listed.find(d);
    return it == listed.end() ? d.weekday() < 5 : it->second == DayKind::kMakeupWorkday;
  };
  const Date first = D("2019-12-01");
  const Date last = D("2026-12-31");
  for (Date s = first; s <= last; s = s.AddDays(5)) {
    ASSERT_EQ(China().IsWorkingDay(s), works(s)) << s.ToString();
    Date on_or_before_s = s;
    while (!works(on_or_before_s)) on_or_before_s = on_or_before_s.AddDays(-1);
    Date walk = s;
    for (int n = 1; n <= 40; ++n) {
      do {
        walk = walk.AddDays(1);
      } while (!works(walk));
      ASSERT_EQ(China().AddWorkingDays(s, n), walk) << s.ToString() << " +" << n;
      ASSERT_EQ(China().WorkingDaysBetween(s, walk), n) << s.ToString() << " +" << n;
      // Counting back n from there ends on the last working day on or before s.
      ASSERT_EQ(China().AddWorkingDays(walk, -n), on_or_before_s) << s.ToString() << " +" << n;
    }
  }
}

TEST(CalendarTest, WorkingDaysPerYear) {
  // Weekdays in the year, minus holidays on weekdays, plus make-up days:
  // 2020: 262 - 19 + 6; 2024: 262 - 19 + 8; 2025: 261 - 18 + 5; 2026: 261 - 19 + 6.
  EXPECT_EQ(China().WorkingDaysBetween(D("2019-12-31"), D("2020-12-31")), 249);
  EXPECT_EQ(China().WorkingDaysBetween(D("2023-12-31"), D("2024-12-31")), 251);
  EXPECT_EQ(China().WorkingDaysBetween(D("2024-12-31"), D("2025-12-31")), 248);
  EXPECT_EQ(China().WorkingDaysBetween(D("2025-12-31"), D("2026-12-31")), 248);
  // A year without listed days counts Monday to Friday.
  EXPECT_EQ(China().WorkingDaysBetween(D("2021-12-31"), D("2022-12-31")), 260);
}

TEST(CalendarTest, DefaultCalendarIsWellFormed) {
  std::set<Date> seen;
  std::map<int, int> holidays;
  std::map<int, int> makeups;
  for (const CalendarDay& d : DefaultChinaCalendar()) {
    EXPECT_TRUE(seen.insert(d.date).second) << "listed twice: " << d.date.ToString();
    EXPECT_TRUE(ValidateCalendarDay(d).empty()) << d.date.ToString();
    if (d.kind == DayKind::kMakeupWorkday) {
      EXPECT_GE(d.date.weekday(), 5) << "a make-up workday on a weekday: " << d.date.ToString();
      ++makeups[d.date.year()];
    } else {
      ++holidays[d.date.year()];
    }
  }
  // Days off as the notices count them ("共N天"), and their make-up workdays.
  EXPECT_EQ(holidays, (std::map<int, int>{{2020, 30}, {2024, 28}, {2025, 28}, {2026, 33}}));
  EXPECT_EQ(makeups, (std::map<int, int>{{2020, 6}, {2024, 8}, {2025, 5}, {2026, 6}}));
}

TEST(CalendarTest, NamesTheDays) {
  std::map<Date, std::string> names;
  for (const CalendarDay& d : DefaultChinaCalendar()) names[d.date] = d.name;
  EXPECT_EQ(names.at(D("2020-05-01")), "劳动节");
  EXPECT_EQ(names.at(D("2020-05-09")), "劳动节调休上班");
  EXPECT_EQ(names.at(D("2025-01-28")), "春节");
  EXPECT_EQ(names.at(D("2026-10-10")), "国庆节调休上班");
}

}  // namespace
}  // namespace xuncha
