// What the roster matcher costs per report, as the server runs it for repeat detection: on
// registration, and for every report when a restart or `xuncha reindex` replays the index
// (src/app/triage_service.cc, PersonKeys). With pinyin asked of ICU for every character, and
// with the per-character cache the server uses (src/server/app_context.cc).
#include <benchmark/benchmark.h>

#include <map>
#include <string>
#include <vector>

#include "domain/person_match.h"
#include "text/chinese_text.h"

namespace xuncha {
namespace {

std::string Normalized(const std::string& s) {
  auto r = text::Normalize(s);
  return r.ok() ? *r : s;
}

std::vector<Leader> Roster() {
  const std::vector<std::pair<std::string, std::string>> people = {
      {"王胜宏", "党组书记、局长"},     {"李秀英", "党组成员、副局长"},
      {"张伟", "党组成员、副局长"},     {"刘建国", "党组成员、副局长"},
      {"陈海燕", "党组成员、总会计师"}, {"赵磊", "评审中心书记"},
      {"周明", "办公室主任"},           {"吴红梅", "人事科科长"},
      {"郑立新", "国库科科长"},         {"孙志强", "预算科科长"},
      {"马丽", "采购中心主任"},         {"黄振东", "稽查局局长"}};
  std::vector<Leader> out;
  std::int64_t id = 1;
  for (const auto& [name, post] : people) {
    Leader l;
    l.id = LeaderId(id++);
    l.name = Normalized(name);
    l.post = Normalized(post);
    out.push_back(std::move(l));
  }
  return out;
}

// About 400 characters, like the synthetic corpus's average report: a person named by a
// homophone, another by surname and post, and ordinary complaint text.
std::vector<std::string> Texts() {
  const std::string body =
      "反映市财政局局长王胜弘长期违规收受管理服务对象礼金，逢年过节收受购物卡，还多次在市区某酒店"
      "公款吃喝，费用在专项资金中列支。另外张副局长经常公车私用，周末开公车回老家，单位的QQ群和OA"
      "系统里都有记录。采购中心在政府采购项目中指定品牌，价格比市场价高出三成，群众意见很大。我们"
      "已经向12345热线反映过，一直没有结果，希望巡察组认真核查，给群众一个交代。办公室有人在上班"
      "时间打游戏，办事群众来了没人理睬，说是领导不在不能签字。评审中心的项目评审收取好处费，"
      "去年以来涉及金额较大。请巡察组核实。知情人，2026年1月。";
  std::vector<std::string> out;
  for (int i = 0; i < 8; ++i) out.push_back(Normalized(body + std::to_string(i)));
  return out;
}

PinyinFn IcuPinyin() {
  return [](std::string_view s) {
    auto p = text::Pinyin(s);
    return p.ok() ? *p : std::string();
  };
}

PinyinFn CachedPinyin(std::map<std::string, std::string, std::less<>>& cache) {
  return [&cache](std::string_view s) {
    if (auto it = cache.find(s); it != cache.end()) return it->second;
    auto p = text::Pinyin(s);
    return cache.emplace(std::string(s), p.ok() ? *p : std::string()).first->second;
  };
}

void Run(benchmark::State& state, const PinyinFn& pinyin) {
  const auto roster = Roster();
  const auto texts = Texts();
  std::size_t i = 0, found = 0;
  for (auto _ : state) {
    auto m = MatchPersons(texts[i++ % texts.size()], {}, roster, pinyin);
    found += m.matches.size();
    benchmark::DoNotOptimize(m);
  }
  state.counters["matches_per_report"] =
      static_cast<double>(found) / static_cast<double>(state.iterations());
  state.counters["reports_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void BM_MatchPersonsIcuPinyin(benchmark::State& state) { Run(state, IcuPinyin()); }
BENCHMARK(BM_MatchPersonsIcuPinyin)->Unit(benchmark::kMicrosecond);

void BM_MatchPersonsCachedPinyin(benchmark::State& state) {
  std::map<std::string, std::string, std::less<>> cache;
  Run(state, CachedPinyin(cache));
}
BENCHMARK(BM_MatchPersonsCachedPinyin)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace xuncha

BENCHMARK_MAIN();
