// Civil dates (no time zone) and UTC timestamps as text. Pure functions, no I/O.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"

namespace xuncha {

// A calendar date, stored as days since 1970-01-01 (proleptic Gregorian).
class Date {
 public:
  Date() = default;
  static Date FromDays(std::int64_t days) { return Date(days); }
  static Date FromYmd(int y, unsigned m, unsigned d);
  // Parses exactly "YYYY-MM-DD" with a real month/day; nullopt otherwise.
  static std::optional<Date> Parse(std::string_view text);
  // The UTC date of a timestamp, shifted by `utc_offset_seconds` (China: +8h).
  static Date OfTimestamp(UnixSeconds t, int utc_offset_seconds);

  std::int64_t days() const { return days_; }
  int year() const;
  unsigned month() const;
  unsigned day() const;
  // 0 = Monday ... 6 = Sunday.
  int weekday() const;
  std::string ToString() const;  // "YYYY-MM-DD"
  // "2020年5月29日"
  std::string ToChinese() const;
  Date AddDays(std::int64_t n) const { return Date(days_ + n); }
  // Same day n months later, clamped to the month's end.
  Date AddMonths(int n) const;

  auto operator<=>(const Date&) const = default;

 private:
  explicit Date(std::int64_t days) : days_(days) {}
  std::int64_t days_ = 0;
};

// "2026-11-27T18:00:00Z"
std::string FormatTimestamp(UnixSeconds t);

}  // namespace xuncha
