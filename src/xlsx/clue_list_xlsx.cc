#include "xlsx/clue_list_xlsx.h"

#include "xlsx/text_sheet.h"

namespace xuncha::xlsx {

Result<std::string> WriteClueList(const std::vector<ClueListRow>& rows) {
  TextSheet sheet{"问题线索移交清单",
                  {{"移交机关", 10},
                   {"被巡察单位", 16},
                   {"巡察组", 14},
                   {"线索概述", 30},
                   {"涉及人员", 24},
                   {"线索内容", 60},
                   {"线索来源", 36},
                   {"涉及纪律", 14},
                   {"状态", 10},
                   {"移交时间", 18},
                   {"签收时间", 18},
                   {"处置方式", 10}},
                  {}};
  sheet.rows.reserve(rows.size());
  for (const auto& r : rows) {
    sheet.rows.push_back({r.organ, r.unit, r.group, r.title, r.persons, r.description, r.evidence,
                          r.disciplines, r.state, r.handed_over, r.received, r.disposal});
  }
  return WriteTextSheet(sheet);
}

}  // namespace xuncha::xlsx
