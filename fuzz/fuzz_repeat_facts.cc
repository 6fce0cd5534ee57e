// Repeat detection on a report's text: any bytes (invalid UTF-8 decodes leniently) give facts
// that are sorted and distinct, whose amounts and dates are well formed, that the fact index
// takes and finds again, and a MinHash signature that compares equal to itself.
#include <algorithm>
#include <string>
#include <vector>

#include "domain/near_duplicate.h"
#include "domain/repeat_facts.h"
#include "fuzz_target.h"

namespace {

// A named place or firm: Han characters only (3 bytes each in UTF-8, lead byte E3-E9), at least
// three (two before the suffix, a suffix of one or more).
bool HanName(const std::string& f) {
  if (f.size() < 9 || f.size() % 3 != 0) return false;
  for (std::size_t i = 0; i < f.size(); i += 3) {
    const auto b = static_cast<unsigned char>(f[i]);
    if (b < 0xE3 || b > 0xE9) return false;
  }
  return true;
}

bool WellFormed(const std::string& f) {
  if (f.empty()) return false;
  if (f.front() < '0' || f.front() > '9') return HanName(f);
  std::size_t digits = 0;
  while (digits < f.size() && ((f[digits] >= '0' && f[digits] <= '9') || f[digits] == '.')) {
    ++digits;
  }
  const std::string unit = f.substr(digits);
  return unit.empty() || unit == "元" || unit == "年" || unit == "月" || unit == "日" ||
         (unit.find("月") != std::string::npos && unit.ends_with("日"));
}

}  // namespace

XUNCHA_FUZZ_TARGET(RepeatFacts) {
  using namespace xuncha;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::vector<std::string> facts = ExtractFacts(text);
  if (!std::is_sorted(facts.begin(), facts.end())) __builtin_trap();
  if (std::adjacent_find(facts.begin(), facts.end()) != facts.end()) __builtin_trap();
  for (const std::string& f : facts) {
    if (!WellFormed(f)) __builtin_trap();
  }
  // Shared with itself: every place and amount is listed, and nothing that is not a fact
  // (other than a masked long number).
  const std::vector<std::string> shared = SharedFacts(facts, facts);
  for (const std::string& f : shared) {
    if (f.find('*') == std::string::npos && !std::binary_search(facts.begin(), facts.end(), f)) {
      __builtin_trap();
    }
  }
  for (const std::string& f : facts) {
    const bool place = f.front() < '0' || f.front() > '9';
    if ((place || f.ends_with("元")) &&
        std::find(shared.begin(), shared.end(), f) == shared.end()) {
      __builtin_trap();
    }
  }

  FactIndex index;
  index.Add(ReportId(1), facts);
  index.Add(ReportId(2), {"2023年"});
  if (!facts.empty()) {
    const auto hits = index.Find(facts, ReportId{}, 0.99, 0);
    if (std::none_of(hits.begin(), hits.end(),
                     [](const FactHit& h) { return h.report == ReportId(1); })) {
      __builtin_trap();
    }
  }
  if (!index.Remove(ReportId(1)) || index.size() != 1) __builtin_trap();

  const RepeatParams params;
  const RepeatSignature sig = RepeatSignature::Of(text, params);
  if (sig.shingle_count() > 0 && sig.Similarity(sig) != 1.0) __builtin_trap();
  return 0;
}
