// A one-sheet workbook of text cells, written without touching a disk: what the exports (问题清单,
// 线索移交清单) are built on. Row 1 holds the headers in bold and stays frozen; column A numbers
// the rows (序号); every other cell is a string, never a formula (a text starting with = stays
// text).
#pragma once

#include <string>
#include <vector>

#include "core/result.h"

namespace xuncha::xlsx {

struct TextColumn {
  const char* header;
  double width;  // in characters
};

struct TextSheet {
  const char* name;                            // the sheet's tab, e.g. 问题清单
  std::vector<TextColumn> columns;             // after 序号
  std::vector<std::vector<std::string>> rows;  // one cell per column
};

// The workbook bytes. kUnavailable "export_unavailable" without a writable tmpfs at /dev/shm:
// the sheet holds sealed content in the clear, so it is built in memory only.
Result<std::string> WriteTextSheet(const TextSheet& sheet);

}  // namespace xuncha::xlsx
