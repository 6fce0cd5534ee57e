// The clue hand-over list (问题线索移交清单) as an .xlsx sheet: one row per clue, as the group
// hands its clues to the discipline commission or the organisation department and as the organ
// files them. Columns (row 1 is the header):
// 序号 | 移交机关 | 被巡察单位 | 巡察组 | 线索概述 | 涉及人员 | 线索内容 | 线索来源 | 涉及纪律
// | 状态 | 移交时间 | 签收时间 | 处置方式
#pragma once

#include <string>
#include <vector>

#include "core/result.h"

namespace xuncha::xlsx {

// One clue as the sheet shows it: text only, already in Chinese.
struct ClueListRow {
  std::string organ;
  std::string unit;
  std::string group;
  std::string title;
  std::string persons;
  std::string description;
  std::string evidence;
  std::string disciplines;
  std::string state;
  std::string handed_over;
  std::string received;
  std::string disposal;
};

Result<std::string> WriteClueList(const std::vector<ClueListRow>& rows);

}  // namespace xuncha::xlsx
