// The problem list (问题清单) as an .xlsx sheet: one row per finding, as the office hands it on
// with the inspection report and the feedback. Columns (row 1 is the header):
// 序号 | 被巡察单位 | 巡察组 | 巡察重点 | 问题概述 | 问题事实 | 证据材料 | 涉及纪律 | 涉及领导干部
// | 状态 | 撰写人 | 撰写时间
#pragma once

#include <string>
#include <vector>

#include "core/result.h"

namespace xuncha::xlsx {

// One finding as the sheet shows it: text only, already in Chinese.
struct ProblemListRow {
  std::string unit;
  std::string group;
  std::string focus;
  std::string title;
  std::string description;
  std::string evidence;
  std::string disciplines;
  std::string leaders;
  std::string state;
  std::string author;
  std::string written;
};

// The workbook bytes (cells are strings, never formulas: a text starting with = stays text).
Result<std::string> WriteProblemList(const std::vector<ProblemListRow>& rows);

}  // namespace xuncha::xlsx
