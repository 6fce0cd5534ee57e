#include "xlsx/roster_xlsx.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "xlsx/xlsx_reader.h"

namespace xuncha::xlsx {
namespace {

constexpr const char* kHeaders[] = {"姓名", "职务", "类别", "所在党组织", "任职起始", "任职截止"};
constexpr const char* kTierLeadership = "领导班子成员";
constexpr const char* kTierSubordinate = "下一级党组织负责人";

std::string Trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

// "2020-05-29", "2020/5/29", "2020.5.29" or an Excel serial day number.
std::optional<Date> ParseCellDate(const std::string& raw) {
  std::string s = Trim(raw);
  if (s.empty()) return std::nullopt;
  if (auto d = Date::Parse(s)) return d;
  bool numeric = s.find_first_not_of("0123456789.") == std::string::npos;
  if (numeric) {
    double serial = std::strtod(s.c_str(), nullptr);
    if (serial > 1 && serial < 200000) {
      // Excel's day 0 is 1899-12-30 (it counts the nonexistent 1900-02-29).
      return Date::FromYmd(1899, 12, 30).AddDays(static_cast<std::int64_t>(serial));
    }
    return std::nullopt;
  }
  int y = 0;
  int m = 0;
  int d = 0;
  char sep1 = 0;
  char sep2 = 0;
  std::istringstream in(s);
  if (in >> y >> sep1 >> m >> sep2 >> d && (sep1 == '/' || sep1 == '.') && sep1 == sep2) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return Date::Parse(buf);
  }
  return std::nullopt;
}

}  // namespace

Result<std::string> WriteRoster(const std::string& unit_name, const std::vector<Leader>& leaders) {
  char path[] = "/tmp/xuncha-roster-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) return Internal("mkstemp failed");
  close(fd);
  lxw_workbook* wb = workbook_new(path);
  if (wb == nullptr) {
    std::remove(path);
    return Internal("workbook_new failed");
  }
  lxw_worksheet* ws = workbook_add_worksheet(wb, "领导班子名册");
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  for (lxw_col_t c = 0; c < 6; ++c) worksheet_write_string(ws, 0, c, kHeaders[c], bold);
  worksheet_set_column(ws, 0, 0, 12, nullptr);
  worksheet_set_column(ws, 1, 1, 24, nullptr);
  worksheet_set_column(ws, 2, 2, 20, nullptr);
  worksheet_set_column(ws, 3, 3, 28, nullptr);
  worksheet_set_column(ws, 4, 5, 12, nullptr);
  lxw_row_t r = 1;
  for (const auto& l : leaders) {
    worksheet_write_string(ws, r, 0, l.name.c_str(), nullptr);
    worksheet_write_string(ws, r, 1, l.post.c_str(), nullptr);
    worksheet_write_string(
        ws, r, 2, l.tier == LeaderTier::kLeadership ? kTierLeadership : kTierSubordinate, nullptr);
    worksheet_write_string(ws, r, 3, l.org_name.c_str(), nullptr);
    worksheet_write_string(ws, r, 4, l.term_from.ToString().c_str(), nullptr);
    if (l.term_to) worksheet_write_string(ws, r, 5, l.term_to->ToString().c_str(), nullptr);
    ++r;
  }
  (void)unit_name;
  lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) {
    std::remove(path);
    return Internal(std::string("workbook_close: ") + lxw_strerror(err));
  }
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::remove(path);
  if (bytes.empty()) return Internal("empty workbook");
  return bytes;
}

Result<std::vector<Leader>> ParseRoster(std::string_view bytes) {
  XUNCHA_ASSIGN_OR_RETURN(auto rows, ReadFirstSheet(bytes));
  std::vector<Leader> out;
  FieldErrors errors;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    auto& row = rows[i];
    row.resize(6);
    bool blank = true;
    for (const auto& c : row) {
      if (!Trim(c).empty()) blank = false;
    }
    if (blank) continue;
    const std::string prefix = "row" + std::to_string(i + 1) + ".";
    Leader l;
    l.name = Trim(row[0]);
    l.post = Trim(row[1]);
    std::string tier = Trim(row[2]);
    if (tier.empty() || tier == kTierLeadership || tier == "领导班子" || tier == "leadership") {
      l.tier = LeaderTier::kLeadership;
    } else if (tier == kTierSubordinate || tier == "下一级" || tier == "subordinate") {
      l.tier = LeaderTier::kSubordinate;
    } else {
      errors[prefix + "tier"] = "invalid_value";
    }
    l.org_name = Trim(row[3]);
    auto from = ParseCellDate(row[4]);
    if (!from) {
      errors[prefix + "term_from"] = Trim(row[4]).empty() ? "required" : "invalid_date";
    } else {
      l.term_from = *from;
    }
    if (!Trim(row[5]).empty()) {
      l.term_to = ParseCellDate(row[5]);
      if (!l.term_to) errors[prefix + "term_to"] = "invalid_date";
    }
    for (const auto& [field, key] : ValidateLeader(l)) errors.emplace(prefix + field, key);
    out.push_back(std::move(l));
  }
  if (!errors.empty()) return ValidationError(std::move(errors));
  return out;
}

}  // namespace xuncha::xlsx
