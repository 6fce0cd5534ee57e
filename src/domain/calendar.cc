#include "domain/calendar.h"

#include <algorithm>
#include <array>
#include <climits>
#include <utility>

namespace xuncha {
namespace {

constexpr std::array<std::pair<DayKind, std::string_view>, 2> kKinds = {{
    {DayKind::kHoliday, "holiday"},
    {DayKind::kMakeupWorkday, "makeup"},
}};

bool IsWeekend(std::int64_t days) { return Date::FromDays(days).weekday() >= 5; }

// The least k >= m for which `working_days_within(k)` reaches m. `working_days_within(k)` counts
// the working days among k consecutive days moving away from a start: it never decreases, grows
// by at most one per day (so it never exceeds k) and is unbounded, since only finitely many days
// are listed. Hence the answer's own day is a working day, and doubling finds an upper bound.
template <typename F>
std::int64_t DaysToReach(std::int64_t m, const F& working_days_within) {
  std::int64_t lo = m - 1;  // within(lo) <= lo < m
  std::int64_t hi = m;
  while (working_days_within(hi) < m) {
    lo = hi;
    hi *= 2;
  }
  while (hi - lo > 1) {  // within(lo) < m <= within(hi)
    const std::int64_t mid = lo + (hi - lo) / 2;
    (working_days_within(mid) >= m ? hi : lo) = mid;
  }
  return hi;
}

}  // namespace

std::string_view DayKindName(DayKind k) {
  for (const auto& [kind, name] : kKinds) {
    if (kind == k) return name;
  }
  return kKinds[0].second;
}

std::optional<DayKind> ParseDayKind(std::string_view s) {
  for (const auto& [kind, name] : kKinds) {
    if (name == s) return kind;
  }
  return std::nullopt;
}

FieldErrors ValidateCalendarDay(const CalendarDay& d) {
  FieldErrors e;
  CheckText(e, "name", d.name, true, 40);
  return e;
}

WorkCalendar::WorkCalendar(std::vector<CalendarDay> days) {
  // Stable, so that among listings of one date the last one given ends the run and wins.
  std::stable_sort(days.begin(), days.end(),
                   [](const CalendarDay& a, const CalendarDay& b) { return a.date < b.date; });
  delta_prefix_.push_back(0);
  for (std::size_t i = 0; i < days.size(); ++i) {
    if (i + 1 < days.size() && days[i + 1].date == days[i].date) continue;
    const std::int64_t day = days[i].date.days();
    const bool weekend = IsWeekend(day);
    int delta = 0;
    if (days[i].kind == DayKind::kHoliday && !weekend) delta = -1;
    if (days[i].kind == DayKind::kMakeupWorkday && weekend) delta = 1;
    if (delta == 0) continue;
    exceptions_.push_back(day);
    delta_prefix_.push_back(delta_prefix_.back() + delta);
  }
}

bool WorkCalendar::IsWorkingDay(Date d) const {
  const bool by_default = !IsWeekend(d.days());
  return std::binary_search(exceptions_.begin(), exceptions_.end(), d.days()) ? !by_default
                                                                              : by_default;
}

std::int64_t WorkCalendar::Count(std::int64_t from, std::int64_t to) const {
  if (to <= from) return 0;
  // Every run of seven days holds five weekdays; the remainder has the weekdays of from+1...
  const std::int64_t span = to - from;
  std::int64_t n = span / 7 * 5;
  for (std::int64_t d = from + 1; d <= from + span % 7; ++d) {
    if (!IsWeekend(d)) ++n;
  }
  // ... and the listed exceptions in (from, to] correct the Monday-to-Friday count.
  const auto first = std::upper_bound(exceptions_.begin(), exceptions_.end(), from);
  const auto last = std::upper_bound(first, exceptions_.end(), to);
  return n + delta_prefix_[static_cast<std::size_t>(last - exceptions_.begin())] -
         delta_prefix_[static_cast<std::size_t>(first - exceptions_.begin())];
}

int WorkCalendar::WorkingDaysBetween(Date from, Date to) const {
  return static_cast<int>(std::min<std::int64_t>(Count(from.days(), to.days()), INT_MAX));
}

Date WorkCalendar::AddWorkingDays(Date start, int n) const {
  const std::int64_t s = start.days();
  if (n > 0) {
    // k days after start: (s, s + k].
    const std::int64_t k = DaysToReach(n, [&](std::int64_t len) { return Count(s, s + len); });
    return Date::FromDays(s + k);
  }
  if (n < 0) {
    // k days before start: [s - k, s - 1], that is (s - k - 1, s - 1].
    const std::int64_t k = DaysToReach(-static_cast<std::int64_t>(n),
                                       [&](std::int64_t len) { return Count(s - len - 1, s - 1); });
    return Date::FromDays(s - k);
  }
  return start;
}

// ---------------------------------------------------------------------------------------------
// SEED DATA — the State Council's holiday notices (国务院办公厅关于20XX年部分节假日安排的通知).
//
// Only fills an empty database: the office edits the stored calendar in the application and adds
// each year's notice when it is published (usually in October or November of the year before).
// Each row is one period from `first` to `last`, both included; a holiday row lists the whole
// period as the notice gives it, weekend days included, so the calendar can name every day off.
// A make-up workday (调休上班) is a row of its own. Years not listed here count Monday to Friday.
//
// Verified against the notices as republished by Xinhua / People's Daily:
//   2020  国办发明电〔2019〕16号 of 2019-11-21 (news.chengdu.cn/2019/1121/2083946.shtml), amended
//         by 国办发明电〔2020〕1号 of 2020-01-26, which extended the Spring Festival to 2 February
//         (farmer.com.cn/2020/01/27/99847578.html): 31 January became a day off and the make-up
//         workday of Saturday 1 February fell away.
//   2024  国办发明电〔2023〕7号 of 2023-10-25 (paper.people.com.cn, 人民日报 2023-10-26 p. 6). Its
//         encouragement to let staff rest on New Year's Eve (9 February) is not a holiday.
//   2025  国办发明电〔2024〕12号 of 2024-11-12 (m.gmw.cn/2024-11/12/content_1303894933.htm), the
//         first under the 2024 revision of 全国年节及纪念日放假办法 (New Year's Eve and 2 May
//         added).
//   2026  notice of 2025-11-04 (politics.gmw.cn/2025-11/04/content_38391083.htm).
// 2021 to 2023 are not seeded.
// ---------------------------------------------------------------------------------------------
namespace {

struct SeedPeriod {
  std::string_view first;
  std::string_view last;
  DayKind kind;
  std::string_view name;
};

constexpr DayKind kOff = DayKind::kHoliday;
constexpr DayKind kWork = DayKind::kMakeupWorkday;

constexpr SeedPeriod kChinaHolidays[] = {
    // 2020
    {"2020-01-01", "2020-01-01", kOff, "元旦"},
    {"2020-01-19", "2020-01-19", kWork, "春节调休上班"},  // Sunday
    {"2020-01-24", "2020-01-30", kOff, "春节"},
    {"2020-01-31", "2020-02-02", kOff, "春节（延长假期）"},  // 国办发明电〔2020〕1号
    {"2020-04-04", "2020-04-06", kOff, "清明节"},
    {"2020-04-26", "2020-04-26", kWork, "劳动节调休上班"},  // Sunday
    {"2020-05-01", "2020-05-05", kOff, "劳动节"},
    {"2020-05-09", "2020-05-09", kWork, "劳动节调休上班"},  // Saturday
    {"2020-06-25", "2020-06-27", kOff, "端午节"},
    {"2020-06-28", "2020-06-28", kWork, "端午节调休上班"},          // Sunday
    {"2020-09-27", "2020-09-27", kWork, "国庆节、中秋节调休上班"},  // Sunday
    {"2020-10-01", "2020-10-08", kOff, "国庆节、中秋节"},
    {"2020-10-10", "2020-10-10", kWork, "国庆节、中秋节调休上班"},  // Saturday
    // 2024
    {"2024-01-01", "2024-01-01", kOff, "元旦"},
    {"2024-02-04", "2024-02-04", kWork, "春节调休上班"},  // Sunday
    {"2024-02-10", "2024-02-17", kOff, "春节"},
    {"2024-02-18", "2024-02-18", kWork, "春节调休上班"},  // Sunday
    {"2024-04-04", "2024-04-06", kOff, "清明节"},
    {"2024-04-07", "2024-04-07", kWork, "清明节调休上班"},  // Sunday
    {"2024-04-28", "2024-04-28", kWork, "劳动节调休上班"},  // Sunday
    {"2024-05-01", "2024-05-05", kOff, "劳动节"},
    {"2024-05-11", "2024-05-11", kWork, "劳动节调休上班"},  // Saturday
    {"2024-06-10", "2024-06-10", kOff, "端午节"},
    {"2024-09-14", "2024-09-14", kWork, "中秋节调休上班"},  // Saturday
    {"2024-09-15", "2024-09-17", kOff, "中秋节"},
    {"2024-09-29", "2024-09-29", kWork, "国庆节调休上班"},  // Sunday
    {"2024-10-01", "2024-10-07", kOff, "国庆节"},
    {"2024-10-12", "2024-10-12", kWork, "国庆节调休上班"},  // Saturday
    // 2025
    {"2025-01-01", "2025-01-01", kOff, "元旦"},
    {"2025-01-26", "2025-01-26", kWork, "春节调休上班"},  // Sunday
    {"2025-01-28", "2025-02-04", kOff, "春节"},
    {"2025-02-08", "2025-02-08", kWork, "春节调休上班"},  // Saturday
    {"2025-04-04", "2025-04-06", kOff, "清明节"},
    {"2025-04-27", "2025-04-27", kWork, "劳动节调休上班"},  // Sunday
    {"2025-05-01", "2025-05-05", kOff, "劳动节"},
    {"2025-05-31", "2025-06-02", kOff, "端午节"},
    {"2025-09-28", "2025-09-28", kWork, "国庆节、中秋节调休上班"},  // Sunday
    {"2025-10-01", "2025-10-08", kOff, "国庆节、中秋节"},
    {"2025-10-11", "2025-10-11", kWork, "国庆节、中秋节调休上班"},  // Saturday
    // 2026
    {"2026-01-01", "2026-01-03", kOff, "元旦"},
    {"2026-01-04", "2026-01-04", kWork, "元旦调休上班"},  // Sunday
    {"2026-02-14", "2026-02-14", kWork, "春节调休上班"},  // Saturday
    {"2026-02-15", "2026-02-23", kOff, "春节"},
    {"2026-02-28", "2026-02-28", kWork, "春节调休上班"},  // Saturday
    {"2026-04-04", "2026-04-06", kOff, "清明节"},
    {"2026-05-01", "2026-05-05", kOff, "劳动节"},
    {"2026-05-09", "2026-05-09", kWork, "劳动节调休上班"},  // Saturday
    {"2026-06-19", "2026-06-21", kOff, "端午节"},
    {"2026-09-20", "2026-09-20", kWork, "国庆节调休上班"},  // Sunday
    {"2026-09-25", "2026-09-27", kOff, "中秋节"},
    {"2026-10-01", "2026-10-07", kOff, "国庆节"},
    {"2026-10-10", "2026-10-10", kWork, "国庆节调休上班"},  // Saturday
};

}  // namespace

std::vector<CalendarDay> DefaultChinaCalendar() {
  std::vector<CalendarDay> days;
  for (const SeedPeriod& p : kChinaHolidays) {
    const std::optional<Date> first = Date::Parse(p.first);
    const std::optional<Date> last = Date::Parse(p.last);
    if (!first || !last) continue;  // a typo: the tests' per-year day counts catch it
    for (Date d = *first; d <= *last; d = d.AddDays(1)) {
      days.push_back({d, p.kind, std::string(p.name)});
    }
  }
  return days;
}

}  // namespace xuncha
