// Spreadsheet imports (.xlsx rosters) are outside input: any bytes must give a value or a clear
// error, never a crash, a hang or unbounded memory.
#include "fuzz_target.h"
#include "xlsx/roster_xlsx.h"

XUNCHA_FUZZ_TARGET(Xlsx) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto roster = xuncha::xlsx::ParseRoster(bytes);
  if (roster.ok()) {
    for (const auto& l : *roster) {
      if (l.name.empty()) __builtin_trap();  // validation must have refused it
    }
  }
  return 0;
}
