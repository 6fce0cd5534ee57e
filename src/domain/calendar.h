// China's working-day calendar: Monday to Friday are working days, except the public holidays and
// the make-up workdays (调休上班) the State Council publishes each year. Pure functions, no I/O;
// the office keeps the listed days in the database and builds a WorkCalendar from them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "domain/field_errors.h"

namespace xuncha {

enum class DayKind { kHoliday, kMakeupWorkday };  // 放假 / 调休上班
// "holiday" / "makeup".
std::string_view DayKindName(DayKind k);
std::optional<DayKind> ParseDayKind(std::string_view s);

// One listed day: a day off, or a weekend day that is worked.
struct CalendarDay {
  Date date;
  DayKind kind = DayKind::kHoliday;
  std::string name;  // 春节, 国庆节调休上班
};

// "name": "required" when blank, "too_long" above 40 characters.
FieldErrors ValidateCalendarDay(const CalendarDay& d);

// Answers working-day questions over a fixed list of days. Immutable after construction, so one
// instance may be shared between threads.
//
// A day is a working day when it is Monday to Friday and not listed as a holiday, or when it is a
// Saturday or Sunday listed as a make-up workday. Listing a holiday on a weekend or a make-up day
// on a weekday changes nothing (the notices do list whole holiday periods, weekends included).
// When a date is listed more than once, the last listing wins, as an edit would.
//
// Every query costs O(log L) in the number L of listed days; AddWorkingDays costs O(log L) times
// the logarithm of the distance it covers. None walks the calendar day by day.
class WorkCalendar {
 public:
  explicit WorkCalendar(std::vector<CalendarDay> days);

  bool IsWorkingDay(Date d) const;

  // The n-th working day strictly after `start`; `start` itself when n == 0. A negative n counts
  // backwards: the |n|-th working day strictly before `start`.
  Date AddWorkingDays(Date start, int n) const;

  // The number of working days d with from < d <= to; 0 when to <= from. Saturates at INT_MAX.
  int WorkingDaysBetween(Date from, Date to) const;

 private:
  // Working days in (from, to] as a 64-bit count; 0 when to <= from.
  std::int64_t Count(std::int64_t from, std::int64_t to) const;

  // Days whose status differs from the Monday-to-Friday default, sorted ascending: weekday
  // holidays and weekend make-up workdays. `delta_prefix_[i]` is the sum of the first i deltas
  // (+1 for a make-up day, -1 for a holiday), so a range's correction is one subtraction.
  std::vector<std::int64_t> exceptions_;
  std::vector<std::int64_t> delta_prefix_;
};

// Seed data: the public holidays and make-up workdays the State Council published for the years
// listed in calendar.cc, each holiday period with every one of its days. The office edits the
// stored copy and adds each new year's notice; this only fills an empty database.
std::vector<CalendarDay> DefaultChinaCalendar();

}  // namespace xuncha
