#include "domain/repeat_facts.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <iterator>
#include <optional>
#include <unordered_set>

#include "core/utf8.h"

namespace xuncha {
namespace {

// Place and organisation suffixes, longest first where one ends another (大酒店 before 酒店).
// Written out as the words people use in letters; ICU has no named-entity data to take them
// from.
constexpr std::array<std::u32string_view, 47> kSuffixes = {
    U"有限公司", U"有限责任公司", U"股份公司", U"公司", U"集团", U"合作社", U"商行",   U"超市",
    U"厂",       U"大酒店",       U"酒店",     U"饭店", U"宾馆", U"酒楼",   U"茶楼",   U"食府",
    U"餐厅",     U"饭庄",         U"会所",     U"会馆", U"山庄", U"农家乐", U"度假村", U"俱乐部",
    U"大厦",     U"广场",         U"楼",       U"小区", U"花园", U"家园",   U"项目",   U"工程",
    U"村",       U"社区",         U"镇",       U"乡",   U"街道", U"卫生院", U"医院",   U"学校",
    U"中学",     U"小学",         U"幼儿园",   U"中心", U"市场", U"养殖场", U"加油站"};

// Characters that end a name when walking back from its suffix: prepositions, particles and
// verbs that commonly stand right before a place or firm (在聚福楼, 收受了宏达公司).
bool StopsName(char32_t c) {
  static const std::u32string_view kStops = U"在到去从于给和与及跟同向往对为由将把被让叫请的了是";
  return kStops.find(c) != std::u32string_view::npos;
}

bool IsHan(char32_t c) { return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF); }
bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }

std::string Utf8(std::u32string_view cps) {
  std::string out;
  for (const char32_t c : cps) utf8::Append(out, c);
  return out;
}

// Suffix lengths to try at a position, longest first (so 有限公司 wins over 公司).
std::vector<std::u32string_view> SuffixesLongestFirst() {
  std::vector<std::u32string_view> v(kSuffixes.begin(), kSuffixes.end());
  std::stable_sort(v.begin(), v.end(), [](std::u32string_view a, std::u32string_view b) {
    return a.size() > b.size();
  });
  return v;
}

// Digits of `run` (commas dropped) as a number; `mult` scales it. Rounded to a whole number.
std::string Amount(const std::string& digits, double mult) {
  const double v = std::strtod(digits.c_str(), nullptr) * mult;
  if (!(v >= 0) || v > 1e15) return digits;
  return std::to_string(std::llround(v));
}

std::string WithoutLeadingZeros(const std::string& digits) {
  const std::size_t first = digits.find_first_not_of('0');
  return first == std::string::npos ? "0" : digits.substr(first);
}

constexpr int kMaxNamePrefix = 4;
constexpr int kMinNamePrefix = 2;
// Walked postings per query at most (the rarest facts first), so that a query's cost does not
// grow with the index: a fact every 16th report states weighs 5 bits and finds nothing alone.
constexpr std::size_t kPostingsBudget = 20000;
constexpr std::size_t kMinCommonDf = 64;
// How much longer than the candidates found a postings list may be and still be walked to
// tighten their bounds.
constexpr std::size_t kExtendRatio = 32;
// Weights are sums of logarithms: bars are compared with this much slack.
constexpr double kWeightTolerance = 1e-9;

// The value of a Chinese digit (〇 and 零 are 0, 两 is 2), or -1.
int HanDigit(char32_t c) {
  static const std::u32string_view kDigits = U"〇一二三四五六七八九";
  if (const std::size_t d = kDigits.find(c); d != std::u32string_view::npos) {
    return static_cast<int>(d);
  }
  if (c == U'零') return 0;
  if (c == U'两') return 2;
  return -1;
}

long long HanUnit(char32_t c) {
  switch (c) {
    case U'十':
      return 10;
    case U'百':
      return 100;
    case U'千':
      return 1000;
    case U'万':
      return 10000;
    case U'亿':
      return 100000000;
    default:
      return 0;
  }
}

bool IsHanNumeral(char32_t c) { return HanDigit(c) >= 0 || HanUnit(c) != 0; }

constexpr long long kMaxHanNumber = 1'000'000'000'000'000;

// The value of a number written in Chinese numerals: 三千五百 3500, 两万三千 23000, 十二 12,
// 一百零五 105, and the spoken 三千五 3500, 两万三 23000, 一百五 150. -1 when it is no such
// number (二三, 千千, empty).
long long HanNumber(std::u32string_view run) {
  long long total = 0;
  long long section = 0;
  int digit = -1;
  long long last_unit = 0;
  bool zero = false;  // a 零 since the last unit: 一百零五 is 105, not 150
  for (const char32_t c : run) {
    if (const int d = HanDigit(c); d >= 0) {
      if (d == 0) {
        zero = true;
        continue;
      }
      if (digit >= 0) return -1;
      digit = d;
      continue;
    }
    const long long unit = HanUnit(c);
    if (unit < 10000) {
      if (last_unit != 0 && last_unit < 10000 && unit >= last_unit) return -1;  // 十百, 千千
      long long times = digit;
      if (digit < 0) {
        if (unit != 10 || section != 0) return -1;  // a bare 十 begins a number only: 十二
        times = 1;
      }
      section += times * unit;
    } else {
      section += std::max(digit, 0);
      if (section == 0) return -1;
      const long long base = unit == 10000 ? section : total + section;
      if (base > kMaxHanNumber / unit) return -1;  // 一亿一亿一亿…: no amount
      total = unit == 10000 ? total + section * unit : base * unit;
      section = 0;
    }
    if (total > kMaxHanNumber || section > kMaxHanNumber) return -1;  // 亿亿亿…: no amount
    digit = -1;
    last_unit = unit;
    zero = false;
  }
  if (digit >= 0) {
    // 三千五: a digit right after 百, 千 or 万 counts in the next unit down.
    section += last_unit >= 100 && !zero ? digit * (last_unit / 10) : digit;
  }
  total += section;
  return total > 0 ? total : -1;
}

// A year read digit by digit (二〇二三, 二零二三), or -1.
long long HanDigits(std::u32string_view run) {
  if (run.size() > 4) return -1;
  long long v = 0;
  for (const char32_t c : run) {
    const int d = HanDigit(c);
    if (d < 0) return -1;
    v = v * 10 + d;
  }
  return run.empty() ? -1 : v;
}

// Whether what follows a multiplier at `k` counts things other than money (3万人, 5千米, 2千克):
// then 万 and 千 make no amount. Anything else (元, 块, a verb, punctuation) is taken as money, as
// letters write 收了3万 for 30,000 yuan.
bool IsRenminbi(const std::u32string& cps, std::size_t k) {
  return std::u32string_view(cps).substr(k, 3) == U"人民币";
}

bool CountsThings(const std::u32string& cps, std::size_t k) {
  static const std::u32string_view kCounters =
      U"人名户个次米克吨亩平方公斤里字件张台辆套间座株头只条位";
  while (k < cps.size() && (cps[k] == ' ' || cps[k] == U'多' || cps[k] == U'余')) ++k;
  return k < cps.size() && !IsRenminbi(cps, k) &&
         kCounters.find(cps[k]) != std::u32string_view::npos;
}

// Whether a count in Chinese numerals at `i` (its counter right after the numerals at `j`, past
// 多/余) is one: only unambiguous counters (not 公 of 三公经费, 方 of 第三方, 字 of 十字路口,
// 头 of 三头六臂, 家 of 张三家), not a fixed term (三个代表, 两回事, 五位一体), and not the second
// numeral of an idiom (三番五次) — while 一年两次 is a count.
bool IsHanCount(const std::u32string& cps, std::size_t i, std::size_t j) {
  static const std::u32string_view kCountCounters = U"人名户个次件张台辆套间株只条位回桌笔份趟顿批";
  static const std::u32string_view kUnits = U"年月日号天周岁元块";
  static const std::u32string_view kFixedTerms[] = {
      U"三个代表", U"两个维护", U"两个确立", U"四个意识", U"四个自信", U"四个全面",
      U"四个落实", U"两个务必", U"五位一体", U"两回事",   U"三个务必"};
  std::size_t k = j;
  while (k < cps.size() && (cps[k] == ' ' || cps[k] == U'多' || cps[k] == U'余')) ++k;
  if (k >= cps.size() || IsRenminbi(cps, k) ||
      kCountCounters.find(cps[k]) == std::u32string_view::npos) {
    return false;
  }
  for (const std::u32string_view term : kFixedTerms) {
    if (std::u32string_view(cps).substr(i, term.size()) == term) return false;
  }
  const bool idiom = i >= 2 && IsHanNumeral(cps[i - 2]) && !IsHanNumeral(cps[i - 1]) &&
                     kUnits.find(cps[i - 1]) == std::u32string_view::npos &&
                     kCountCounters.find(cps[i - 1]) == std::u32string_view::npos;
  return !idiom;
}

// Where the unit of a number at `k` is, past white space and an approximation (3000多元,
// 三千余元).
std::size_t UnitAt(const std::u32string& cps, std::size_t k) {
  while (k < cps.size() && cps[k] == ' ') ++k;
  if (k + 1 < cps.size() && (cps[k] == U'多' || cps[k] == U'余') &&
      (cps[k + 1] == U'元' || cps[k + 1] == U'块' || cps[k + 1] == U'万' || cps[k + 1] == U'千')) {
    ++k;
  }
  return k;
}

// The amounts, dates and counts written in Chinese numerals (三千五百元, 两万元, 二〇二三年,
// 五月十二日, 五回): only with their unit or counter, since a bare 一 or 三 is in too many words.
void HanNumberFacts(const std::u32string& cps, std::vector<std::string>& out) {
  const std::size_t n = cps.size();
  long long last_month = 0;
  std::size_t last_month_end = 0;
  for (std::size_t i = 0; i < n;) {
    if (!IsHanNumeral(cps[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < n && IsHanNumeral(cps[j])) ++j;
    const std::u32string_view run = std::u32string_view(cps).substr(i, j - i);
    const std::size_t k = UnitAt(cps, j);
    const char32_t unit = k < n ? cps[k] : 0;
    if (unit == U'元' || unit == U'块') {
      if (const long long v = HanNumber(run); v > 0) out.push_back(std::to_string(v) + "元");
    } else if (unit == U'年') {
      const long long v = HanDigits(run);
      if (run.size() == 4 && v >= 1950 && v <= 2099) out.push_back(std::to_string(v) + "年");
    } else if (unit == U'月') {
      const long long v = HanNumber(run);
      if (v >= 1 && v <= 12) {
        out.push_back(std::to_string(v) + "月");
        last_month = v;
        last_month_end = k + 1;
      }
    } else if (unit == U'日' || unit == U'号') {
      const long long v = HanNumber(run);
      if (v >= 1 && v <= 31) {
        out.push_back(std::to_string(v) + "日");
        if (last_month != 0 && last_month_end == i) {
          out.push_back(std::to_string(last_month) + "月" + std::to_string(v) + "日");
        }
      }
    } else if (IsRenminbi(cps, k)) {
      if (const long long v = HanNumber(run); v > 0) out.push_back(std::to_string(v) + "元");
    } else if (IsHanCount(cps, i, j)) {
      // A count, as digits give one (请客五回 = 请客5回), from two up: 一 is in too many words.
      if (const long long v = HanNumber(run); v >= 2) out.push_back(std::to_string(v));
    }
    i = j;
  }
}

}  // namespace

std::vector<std::string> ExtractFacts(std::string_view text) {
  std::u32string cps;
  cps.reserve(text.size() / 2);
  for (std::size_t i = 0; i < text.size();) cps.push_back(utf8::NextCodePoint(text, i));

  std::vector<std::string> out;
  const std::size_t n = cps.size();
  int last_month = 0;              // the month just read, for "5月12日"
  std::size_t last_month_end = 0;  // where it ended
  for (std::size_t i = 0; i < n;) {
    const char32_t c = cps[i];
    if (IsDigit(c) && (i == 0 || !IsDigit(cps[i - 1]))) {
      std::string digits;
      std::size_t j = i;
      bool dot = false;
      while (j < n) {
        if (IsDigit(cps[j])) {
          digits.push_back(static_cast<char>(cps[j]));
        } else if (cps[j] == '.' && !dot && j + 1 < n && IsDigit(cps[j + 1])) {
          dot = true;
          digits.push_back('.');
        } else if (cps[j] == ',' && !dot && j + 3 < n && IsDigit(cps[j + 1]) &&
                   IsDigit(cps[j + 2]) && IsDigit(cps[j + 3]) &&
                   (j + 4 >= n || !IsDigit(cps[j + 4]))) {
          // a thousands separator: 3,500
        } else {
          break;
        }
        ++j;
      }
      std::size_t k = UnitAt(cps, j);
      const char32_t unit = k < n ? cps[k] : 0;
      const long whole = std::strtol(digits.c_str(), nullptr, 10);
      if ((unit == U'万' || unit == U'千') && !CountsThings(cps, k + 1)) {
        // 3万, 3万元, 1.2万块; 1万5千元 is one amount. Not 3万人 or 5千米 (CountsThings).
        std::string amount = Amount(digits, unit == U'万' ? 10000 : 1000);
        std::size_t m = k + 1;
        std::string more;
        while (m < n && IsDigit(cps[m])) more.push_back(static_cast<char>(cps[m++]));
        if (unit == U'万' && !more.empty() && m < n && cps[m] == U'千' && !dot) {
          amount = std::to_string(std::strtoll(digits.c_str(), nullptr, 10) * 10000 +
                                  std::strtoll(more.c_str(), nullptr, 10) * 1000);
          j = m + 1;
        }
        out.push_back(amount + "元");
      } else if (unit == U'元' || unit == U'块' || IsRenminbi(cps, k)) {
        out.push_back(Amount(digits, 1) + "元");
        ++k;
      } else if (unit == U'年' && !dot && digits.size() == 4 && whole >= 1950 && whole <= 2099) {
        out.push_back(digits + "年");
        ++k;
      } else if (unit == U'月' && !dot && whole >= 1 && whole <= 12) {
        out.push_back(std::to_string(whole) + "月");
        last_month = static_cast<int>(whole);
        last_month_end = k + 1;
        ++k;
      } else if ((unit == U'日' || unit == U'号') && !dot && whole >= 1 && whole <= 31) {
        out.push_back(std::to_string(whole) + "日");
        if (last_month != 0 && last_month_end == i) {
          out.push_back(std::to_string(last_month) + "月" + std::to_string(whole) + "日");
        }
        ++k;
      } else if (!digits.empty()) {
        out.push_back(dot ? digits : WithoutLeadingZeros(digits));
      }
      i = j;
      continue;
    }
    i += 1;
  }

  HanNumberFacts(cps, out);

  static const std::vector<std::u32string_view> suffixes = SuffixesLongestFirst();
  for (std::size_t p = 0; p < n;) {
    std::size_t matched = 0;
    for (const std::u32string_view s : suffixes) {
      if (p + s.size() <= n && std::u32string_view(cps).substr(p, s.size()) == s) {
        matched = s.size();
        break;
      }
    }
    if (matched == 0) {
      ++p;
      continue;
    }
    std::size_t start = p;
    while (start > 0 && p - start < kMaxNamePrefix && IsHan(cps[start - 1]) &&
           !StopsName(cps[start - 1])) {
      --start;
    }
    if (p - start >= kMinNamePrefix) {
      out.push_back(Utf8(std::u32string_view(cps).substr(start, p - start + matched)));
    }
    p += matched;
  }

  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

namespace {

// 0 named place or firm, 1 amount, 2 date, 3 other number.
int FactKind(std::string_view f) {
  if (f.empty() || !IsDigit(static_cast<unsigned char>(f.front()))) return 0;
  if (f.ends_with("元")) return 1;
  if (f.ends_with("年") || f.ends_with("月") || f.ends_with("日")) return 2;
  return 3;
}

}  // namespace

std::vector<std::string> SharedFacts(const std::vector<std::string>& a,
                                     const std::vector<std::string>& b) {
  std::vector<std::string> x = a;
  std::vector<std::string> y = b;
  std::sort(x.begin(), x.end());
  std::sort(y.begin(), y.end());
  std::vector<std::string> out;
  std::set_intersection(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(out));
  out.erase(std::unique(out.begin(), out.end()), out.end());
  // 5月 and 12日 say nothing more when 5月12日 is there (but 2月 does next to 12月).
  const std::vector<std::string> all = out;
  std::erase_if(out, [&all](const std::string& f) {
    const bool month = f.ends_with("月");
    const bool day = f.ends_with("日") && f.find("月") == std::string::npos;
    if (!month && !day) return false;
    return std::any_of(all.begin(), all.end(), [&](const std::string& g) {
      const std::size_t m = g.find("月");
      if (g == f || !g.ends_with("日") || m == std::string::npos) return false;
      const std::size_t month_end = m + std::string_view("月").size();
      return month ? g.substr(0, month_end) == f : g.substr(month_end) == f;
    });
  });
  // Long numbers (phones, ID cards, accounts) are shown masked: 138****5678, 1****67.
  for (std::string& f : out) {
    if (FactKind(f) == 3 && f.size() >= 7 && f.find('.') == std::string::npos) {
      const std::size_t head = f.size() >= 11 ? 3 : 1;
      const std::size_t tail = f.size() >= 11 ? 4 : 2;
      f = f.substr(0, head) + std::string(f.size() - head - tail, '*') + f.substr(f.size() - tail);
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const std::string& p, const std::string& q) {
    return FactKind(p) < FactKind(q);
  });
  return out;
}

// ---- FactIndex ----

void FactIndex::Add(ReportId report, const std::vector<std::string>& facts) {
  Remove(report);
  std::vector<std::uint32_t> ids;
  ids.reserve(facts.size());
  for (const std::string& f : facts) {
    auto [it, inserted] = id_of_.try_emplace(f, static_cast<std::uint32_t>(name_of_.size()));
    if (inserted) {
      name_of_.push_back(f);
      postings_.emplace_back();
    }
    ids.push_back(it->second);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  for (const std::uint32_t id : ids) postings_[id].push_back(report);
  facts_of_[report] = std::move(ids);
}

bool FactIndex::Remove(ReportId report) {
  auto it = facts_of_.find(report);
  if (it == facts_of_.end()) return false;
  for (const std::uint32_t id : it->second) {
    auto& list = postings_[id];
    // Newest reports are at the end, and the ones removed are mostly new (an edit re-indexes).
    for (std::size_t k = list.size(); k-- > 0;) {
      if (list[k] == report) {
        list.erase(list.begin() + static_cast<std::ptrdiff_t>(k));
        break;
      }
    }
  }
  facts_of_.erase(it);
  return true;
}

double FactIndex::WeightIn(std::size_t n, std::size_t count) {
  return std::log2((static_cast<double>(n) + 1) / (static_cast<double>(count) + 1)) + 1;
}

double FactIndex::WeightOf(std::size_t df) const {
  return std::log2((static_cast<double>(facts_of_.size()) + 1) / (static_cast<double>(df) + 1)) + 1;
}

double FactIndex::Weight(std::string_view fact) const {
  auto it = id_of_.find(std::string(fact));
  return WeightOf(it == id_of_.end() ? 0 : postings_[it->second].size());
}

FactIndex::Query FactIndex::Prepare(const std::vector<std::string>& facts, ReportId self) const {
  Query query;
  query.self = self;
  if (self.value != 0) {
    if (auto it = facts_of_.find(self); it != facts_of_.end()) query.mine = &it->second;
  }
  // Every fact is weighed as if the query's report were indexed once, whether it is or not, so
  // that both sides of a comparison use the same counts: similarity(a, b) = similarity(b, a).
  query.n = facts_of_.size() - (query.mine != nullptr ? 1 : 0) + 1;
  std::vector<std::string> distinct = facts;
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  for (const std::string& f : distinct) {
    auto it = id_of_.find(f);
    const std::int64_t id = it == id_of_.end() ? -1 : static_cast<std::int64_t>(it->second);
    const std::size_t others = id < 0 ? 0 : Others(query, static_cast<std::uint32_t>(id));
    query.facts.push_back({id, others, WeightIn(query.n, others + 1)});
  }
  std::sort(query.facts.begin(), query.facts.end(), [](const QueryFact& a, const QueryFact& b) {
    return a.df != b.df ? a.df < b.df : a.id < b.id;
  });
  for (std::size_t i = 0; i < query.facts.size(); ++i) {
    query.weight += query.facts[i].weight;  // in this order, as `shared` is summed
    if (query.facts[i].id >= 0) {
      query.by_id.emplace_back(static_cast<std::uint32_t>(query.facts[i].id), i);
    }
  }
  std::sort(query.by_id.begin(), query.by_id.end());
  return query;
}

std::size_t FactIndex::Others(const Query& query, std::uint32_t id) const {
  std::size_t df = postings_[id].size();
  // The query's own report, when indexed, is not another report stating the fact.
  if (query.mine != nullptr && std::binary_search(query.mine->begin(), query.mine->end(), id)) {
    --df;
  }
  return df;
}

std::optional<FactHit> FactIndex::Verify(const Query& query, ReportId r, double min_similarity,
                                         double min_shared_weight) const {
  auto found = facts_of_.find(r);
  if (found == facts_of_.end() || r == query.self) return std::nullopt;
  const std::vector<std::uint32_t>& theirs = found->second;
  double shared = 0;
  std::vector<std::pair<std::size_t, std::string>> names;
  for (const QueryFact& q : query.facts) {
    if (q.id >= 0 &&
        std::binary_search(theirs.begin(), theirs.end(), static_cast<std::uint32_t>(q.id))) {
      shared += q.weight;
    }
  }
  // The union weighs at least the query's own facts: most candidates stop here.
  if (shared < min_shared_weight - kWeightTolerance ||
      shared < min_similarity * query.weight - kWeightTolerance) {
    return std::nullopt;
  }
  // Their facts the query does not state: counted without the query's report. Identical sets
  // have none, so that their similarity is exactly shared / query.weight = 1.
  double theirs_only = 0;
  for (const std::uint32_t id : theirs) {
    const auto q = std::lower_bound(query.by_id.begin(), query.by_id.end(),
                                    std::pair<std::uint32_t, std::size_t>{id, 0});
    if (q != query.by_id.end() && q->first == id) {
      const QueryFact& f = query.facts[q->second];
      names.emplace_back(f.df, name_of_[id]);
    } else {
      theirs_only += WeightIn(query.n, Others(query, id));
    }
  }
  const double union_weight = query.weight + theirs_only;
  const double similarity = union_weight > 0 ? shared / union_weight : 0;
  if (similarity < min_similarity - kWeightTolerance) return std::nullopt;
  FactHit h;
  h.report = r;
  h.similarity = similarity;
  h.shared_weight = shared;
  std::sort(names.begin(), names.end());
  for (auto& [df, name] : names) h.shared.push_back(std::move(name));
  return h;
}

namespace {

void SortHits(std::vector<FactHit>& hits) {
  std::sort(hits.begin(), hits.end(), [](const FactHit& a, const FactHit& b) {
    return a.similarity != b.similarity ? a.similarity > b.similarity : a.report < b.report;
  });
}

}  // namespace

std::vector<FactHit> FactIndex::Find(const std::vector<std::string>& facts, ReportId self,
                                     double min_similarity, double min_shared_weight) const {
  const Query query = Prepare(facts, self);
  // Prefix filtering: walking the postings of the rarest facts first, a report absent from
  // every list walked shares at most the weight not yet walked; once that is below the bar, the
  // remaining lists cannot add a candidate. The commonest facts (dates, small numbers) are
  // never walked, and the walk stays within a budget.
  const double bar = std::max(min_shared_weight, min_similarity * query.weight) - kWeightTolerance;
  const std::size_t common_df = std::max(kMinCommonDf, facts_of_.size() / 16);
  std::unordered_map<ReportId, double> partial;
  std::size_t walked = 0;
  double unwalked_weight = query.weight;
  std::size_t k = 0;
  for (; k < query.facts.size(); ++k) {
    const QueryFact& q = query.facts[k];
    if (q.id < 0 || q.df == 0) {
      unwalked_weight -= q.weight;  // no other report states it
      continue;
    }
    if (unwalked_weight < bar) break;
    if (q.df > common_df || walked + q.df > kPostingsBudget) break;
    walked += q.df;
    unwalked_weight -= q.weight;
    for (const ReportId r : postings_[static_cast<std::size_t>(q.id)]) {
      if (r != self) partial[r] += q.weight;
    }
  }
  // The next lists add no candidate but tighten the bound of those found: walked while short
  // against the number found (a step of the walk costs a fraction of a verification). A
  // restaurant named in thousands of letters is then checked against the amount and the date
  // in the postings rather than report by report.
  for (; k < query.facts.size() && !partial.empty(); ++k) {
    const QueryFact& q = query.facts[k];
    if (q.df > common_df || q.df > kExtendRatio * partial.size() ||
        walked + q.df > kPostingsBudget) {
      break;
    }
    walked += q.df;
    unwalked_weight -= q.weight;
    for (const ReportId r : postings_[static_cast<std::size_t>(q.id)]) {
      if (auto it = partial.find(r); it != partial.end()) it->second += q.weight;
    }
  }
  // A candidate shares at most what it shares already plus every fact not walked: most are
  // dropped unverified.
  std::vector<FactHit> out;
  for (const auto& [r, w] : partial) {
    if (w + unwalked_weight < bar) continue;
    if (auto h = Verify(query, r, min_similarity, min_shared_weight)) out.push_back(std::move(*h));
  }
  SortHits(out);
  return out;
}

std::vector<FactHit> FactIndex::Compare(const std::vector<std::string>& facts, ReportId self,
                                        const std::vector<ReportId>& reports, double min_similarity,
                                        double min_shared_weight) const {
  const Query query = Prepare(facts, self);
  std::vector<FactHit> out;
  if (query.facts.empty()) return out;
  // When the postings of the query's rarest facts (the prefix a candidate must share one of,
  // as in Find) are shorter than the list given, walk them and verify only the given reports
  // met on the way: a person named in thousands of reports shares a rare fact with few.
  const double bar = std::max(min_shared_weight, min_similarity * query.weight) - kWeightTolerance;
  double unwalked_weight = query.weight;
  std::size_t prefix_postings = 0;
  std::vector<std::uint32_t> prefix;
  for (const QueryFact& q : query.facts) {
    if (unwalked_weight < bar) break;
    unwalked_weight -= q.weight;
    if (q.id < 0) continue;
    prefix.push_back(static_cast<std::uint32_t>(q.id));
    prefix_postings += q.df;
  }
  std::vector<ReportId> given = reports;
  std::sort(given.begin(), given.end());
  given.erase(std::unique(given.begin(), given.end()), given.end());
  std::vector<ReportId> to_verify;
  if (prefix_postings < given.size()) {
    for (const std::uint32_t id : prefix) {
      for (const ReportId r : postings_[id]) {
        if (std::binary_search(given.begin(), given.end(), r)) to_verify.push_back(r);
      }
    }
    std::sort(to_verify.begin(), to_verify.end());
    to_verify.erase(std::unique(to_verify.begin(), to_verify.end()), to_verify.end());
  } else {
    to_verify = std::move(given);
  }
  for (const ReportId r : to_verify) {
    if (auto h = Verify(query, r, min_similarity, min_shared_weight)) out.push_back(std::move(*h));
  }
  SortHits(out);
  return out;
}

}  // namespace xuncha
