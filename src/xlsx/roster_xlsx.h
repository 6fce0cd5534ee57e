// A unit's leadership roster as an .xlsx sheet, both ways. Columns (row 1 is the header):
// 姓名 | 职务 | 类别 (领导班子成员 / 下一级党组织负责人) | 所在党组织 | 任职起始 | 任职截止
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "domain/unit.h"

namespace xuncha::xlsx {

// The workbook bytes. Writes through a temporary file (libxlsxwriter 1.1.4 has no memory output).
Result<std::string> WriteRoster(const std::string& unit_name, const std::vector<Leader>& leaders);

// Rows -> leaders. Field errors name the spreadsheet row, e.g. "row3.term_from": "invalid_date".
// Blank rows are skipped. Dates may be text (2020-05-29, 2020/5/29) or Excel serial numbers.
Result<std::vector<Leader>> ParseRoster(std::string_view bytes);

}  // namespace xuncha::xlsx
