#include "xlsx/problem_list_xlsx.h"

#include "xlsx/text_sheet.h"

namespace xuncha::xlsx {

Result<std::string> WriteProblemList(const std::vector<ProblemListRow>& rows) {
  TextSheet sheet{"问题清单",
                  {{"被巡察单位", 16},
                   {"巡察组", 14},
                   {"巡察重点", 24},
                   {"问题概述", 30},
                   {"问题事实", 60},
                   {"证据材料", 36},
                   {"涉及纪律", 14},
                   {"涉及领导干部", 20},
                   {"状态", 8},
                   {"撰写人", 10},
                   {"撰写时间", 18}},
                  {}};
  sheet.rows.reserve(rows.size());
  for (const auto& r : rows) {
    sheet.rows.push_back({r.unit, r.group, r.focus, r.title, r.description, r.evidence,
                          r.disciplines, r.leaders, r.state, r.author, r.written});
  }
  return WriteTextSheet(sheet);
}

}  // namespace xuncha::xlsx
