#include "core/date.h"

#include <array>
#include <charconv>
#include <cstdio>

namespace xuncha {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days.
std::int64_t DaysFromCivil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct Ymd {
  std::int64_t y;
  unsigned m;
  unsigned d;
};

Ymd CivilFromDays(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2), m, d};
}

bool IsLeap(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned DaysInMonth(std::int64_t y, unsigned m) {
  static constexpr std::array<unsigned, 12> kDays = {31, 28, 31, 30, 31, 30,
                                                     31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

bool ParseDigits(std::string_view s, int& out) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc{};
}

}  // namespace

Date Date::FromYmd(int y, unsigned m, unsigned d) { return Date(DaysFromCivil(y, m, d)); }

std::optional<Date> Date::Parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int y = 0;
  int m = 0;
  int d = 0;
  if (!ParseDigits(text.substr(0, 4), y) || !ParseDigits(text.substr(5, 2), m) ||
      !ParseDigits(text.substr(8, 2), d)) {
    return std::nullopt;
  }
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 ||
      static_cast<unsigned>(d) > DaysInMonth(y, static_cast<unsigned>(m))) {
    return std::nullopt;
  }
  return FromYmd(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

Date Date::OfTimestamp(UnixSeconds t, int utc_offset_seconds) {
  std::int64_t s = t + utc_offset_seconds;
  std::int64_t days = s / 86400;
  if (s % 86400 < 0) --days;
  return Date(days);
}

int Date::year() const { return static_cast<int>(CivilFromDays(days_).y); }
unsigned Date::month() const { return CivilFromDays(days_).m; }
unsigned Date::day() const { return CivilFromDays(days_).d; }

int Date::weekday() const {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  std::int64_t w = (days_ + 3) % 7;
  if (w < 0) w += 7;
  return static_cast<int>(w);
}

std::string Date::ToString() const {
  Ymd c = CivilFromDays(days_);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(c.y), c.m, c.d);
  return buf;
}

std::string Date::ToChinese() const {
  Ymd c = CivilFromDays(days_);
  return std::to_string(c.y) + "年" + std::to_string(c.m) + "月" + std::to_string(c.d) + "日";
}

Date Date::AddMonths(int n) const {
  Ymd c = CivilFromDays(days_);
  std::int64_t total = c.y * 12 + (c.m - 1) + n;
  std::int64_t y = total / 12;
  auto m = static_cast<unsigned>(total % 12 + 1);
  unsigned d = std::min(c.d, DaysInMonth(y, m));
  return Date(DaysFromCivil(y, m, d));
}

std::string FormatTimestamp(UnixSeconds t) {
  std::int64_t days = t / 86400;
  std::int64_t rem = t % 86400;
  if (rem < 0) {
    rem += 86400;
    --days;
  }
  Ymd c = CivilFromDays(days);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(c.y), c.m, c.d,
                static_cast<int>(rem / 3600), static_cast<int>(rem / 60 % 60),
                static_cast<int>(rem % 60));
  return buf;
}

}  // namespace xuncha
