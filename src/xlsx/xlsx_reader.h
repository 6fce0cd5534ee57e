// Reads the first worksheet of an .xlsx file into rows of cell text. libzip opens the container
// from memory, expat parses the XML parts (see docs/architecture.md for why: both are small,
// Debian-packaged and stream, so hostile files are bounded). Outside input: never trusts sizes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace xuncha::xlsx {

struct ReadLimits {
  std::size_t max_part_bytes = 16u << 20;  // uncompressed size of one XML part (zip bombs)
  std::size_t max_rows = 10000;
  std::size_t max_cols = 64;
};

// Cells as text: shared and inline strings as written, numbers as their literal text. Missing
// cells are empty strings. kInvalidArgument (key "bad_xlsx") for anything that is not a readable
// workbook.
Result<std::vector<std::vector<std::string>>> ReadFirstSheet(std::string_view bytes,
                                                             const ReadLimits& limits = {});

}  // namespace xuncha::xlsx
