#include "domain/repeat_facts.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "text/chinese_text.h"

namespace xuncha {
namespace {

using Facts = std::vector<std::string>;

bool Has(const Facts& facts, const std::string& f) {
  return std::find(facts.begin(), facts.end(), f) != facts.end();
}

std::string Norm(const std::string& s) { return text::Normalize(s).value(); }

// All persons, places and firms below are fictional.
TEST(RepeatFactsTest, AmountsInEveryWritingAreTheSameFact) {
  const Facts f = ExtractFacts(Norm("每次花费3500元，共计1.2万元，另有３，５００块现金和0.35万元"));
  EXPECT_TRUE(Has(f, "3500元"));
  EXPECT_TRUE(Has(f, "12000元"));
  // 3,500 (full-width, with a thousands separator) and 0.35万 are 3500 too, each alone.
  EXPECT_EQ(ExtractFacts(Norm("另有３，５００块现金")), Facts{"3500元"});
  EXPECT_EQ(ExtractFacts(Norm("0.35万元")), Facts{"3500元"});
  EXPECT_FALSE(Has(f, "3"));
  EXPECT_FALSE(Has(f, "0.35"));
}

TEST(RepeatFactsTest, DatesAreYearMonthDayAndTheFullDate) {
  const Facts f = ExtractFacts(Norm("2023年5月12日晚上，又在6月3号"));
  EXPECT_TRUE(Has(f, "2023年"));
  EXPECT_TRUE(Has(f, "5月"));
  EXPECT_TRUE(Has(f, "12日"));
  EXPECT_TRUE(Has(f, "5月12日"));
  EXPECT_TRUE(Has(f, "6月3日"));
  // Not a year, month or day: kept as numbers.
  const Facts g = ExtractFacts(Norm("第13月，1890年，第45日"));
  EXPECT_TRUE(Has(g, "13"));
  EXPECT_TRUE(Has(g, "1890"));
  EXPECT_TRUE(Has(g, "45"));
  EXPECT_FALSE(Has(g, "13月"));
}

TEST(RepeatFactsTest, ChineseNumeralsAreReadWithTheirUnit) {
  // The same facts in digits and in Chinese numerals, as letters write them.
  const Facts digits = ExtractFacts(Norm("2023年5月12日在聚福楼吃了3500元，另收23000元"));
  const Facts han =
      ExtractFacts(Norm("二〇二三年五月十二日在聚福楼吃了三千五百元，另收两万三千元"));
  EXPECT_EQ(han, digits);
  EXPECT_TRUE(Has(ExtractFacts(Norm("花了三千五块")), "3500元"));  // spoken: 三千五 is 3500
  EXPECT_TRUE(Has(ExtractFacts(Norm("拿了两万三元")), "23000元"));
  EXPECT_TRUE(Has(ExtractFacts(Norm("一百零五元")), "105元"));
  EXPECT_TRUE(Has(ExtractFacts(Norm("十万元")), "100000元"));
  EXPECT_TRUE(Has(ExtractFacts(Norm("三千五百万元")), "35000000元"));
  EXPECT_TRUE(Has(ExtractFacts(Norm("二零二一年十二月")), "2021年"));
  EXPECT_TRUE(Has(ExtractFacts(Norm("二零二一年十二月")), "12月"));
  // 万 and 千 count money unless they count something else.
  EXPECT_TRUE(Has(ExtractFacts(Norm("收了3万")), "30000元"));
  EXPECT_TRUE(Has(ExtractFacts(Norm("共1万5千元")), "15000元"));
  EXPECT_FALSE(Has(ExtractFacts(Norm("共1万5千元")), "10000元"));
  EXPECT_FALSE(Has(ExtractFacts(Norm("全镇3万人，修路5千米")), "30000元"));
  EXPECT_FALSE(Has(ExtractFacts(Norm("全镇3万人，修路5千米")), "5000元"));
  // An approximate amount is the amount: 三千多元, 3000余元.
  EXPECT_TRUE(Has(ExtractFacts(Norm("三千多元")), "3000元"));
  EXPECT_TRUE(Has(ExtractFacts(Norm("3000余元")), "3000元"));
  // Numerals without a unit, or that are no number, are no facts: 一把手, 三番五次, 两年, 千元.
  EXPECT_TRUE(ExtractFacts(Norm("一把手三番五次说两年内千元以下不用报")).empty());
  EXPECT_TRUE(ExtractFacts(Norm("二三元")).empty());
  EXPECT_TRUE(ExtractFacts(Norm("十三月")).empty());
}

TEST(RepeatFactsTest, OtherNumbersKeepTheirDigitsNotTheirUnit) {
  // 请客3次 and 摆了3桌 say the same count in other words.
  EXPECT_EQ(ExtractFacts(Norm("请客3次")), ExtractFacts(Norm("摆了3桌")));
  // A count in Chinese numerals is the same count: 请客五回, 九名落选者, 十二次.
  EXPECT_EQ(ExtractFacts(Norm("请客五回，九名落选者，十二次")),
            ExtractFacts(Norm("请客5回，9名落选者，12次")));
  EXPECT_EQ(ExtractFacts(Norm("五十多人")), ExtractFacts(Norm("50多人")));
  // Not 一 (一把手, 一次性), nor the numerals of an idiom, nor fixed terms and words whose
  // second character also counts things.
  EXPECT_TRUE(ExtractFacts(Norm("一把手一次性三番五次七上八下")).empty());
  EXPECT_TRUE(
      ExtractFacts(Norm("三公经费由第三方审计，两回事，十字路口，三头六臂，张三家，四平")).empty());
  EXPECT_TRUE(ExtractFacts(Norm("践行三个代表，做到两个维护，增强四个意识")).empty());
  // A count after a unit is a count: 一年两次 = 一年2次.
  EXPECT_TRUE(Has(ExtractFacts(Norm("一年两次")), "2"));
  // 人民币 is money, in digits and in numerals.
  EXPECT_TRUE(Has(ExtractFacts(Norm("收受三万人民币")), "30000元"));
  EXPECT_TRUE(Has(ExtractFacts(Norm("收受3万人民币")), "30000元"));
  EXPECT_TRUE(Has(ExtractFacts(Norm("收受500人民币")), "500元"));
  EXPECT_TRUE(Has(ExtractFacts(Norm("电话13812345678，工号007")), "13812345678"));
  EXPECT_TRUE(Has(ExtractFacts(Norm("工号007")), "7"));
}

TEST(RepeatFactsTest, PlacesAndFirmsAreNamedWithTheirSuffix) {
  const Facts f = ExtractFacts(
      Norm("他在聚福楼宴请，收受了宏达建筑公司老板的礼金，又到“金鼎大酒店”和鑫源工程有限公司"));
  EXPECT_TRUE(Has(f, "聚福楼"));
  EXPECT_TRUE(Has(f, "宏达建筑公司"));
  EXPECT_TRUE(Has(f, "金鼎大酒店"));        // 大酒店, not 酒店 with 大 in the name
  EXPECT_TRUE(Has(f, "鑫源工程有限公司"));  // 有限公司 wins over 公司
  EXPECT_FALSE(Has(f, "鼎大酒店"));
  // A suffix with fewer than two characters before it names nothing.
  EXPECT_TRUE(ExtractFacts(Norm("到“楼”里")).empty());
}

TEST(RepeatFactsTest, TraditionalAndFullWidthGiveTheSameFacts) {
  EXPECT_EQ(ExtractFacts(Norm("２０２３年在聚福樓花費３５００元")),
            ExtractFacts(Norm("2023年在聚福楼花费3500元")));
}

TEST(RepeatFactsTest, TextWithoutFactsAndInvalidBytesGiveNothingOrWhatIsThere) {
  EXPECT_TRUE(ExtractFacts("").empty());
  EXPECT_TRUE(ExtractFacts(Norm("局里职工议论纷纷，敢怒不敢言 😡")).empty());
  const std::string broken = std::string("花费3500元\xff\xfe") + "在聚福楼";
  const Facts f = ExtractFacts(broken);
  EXPECT_TRUE(Has(f, "3500元"));
  EXPECT_TRUE(Has(f, "聚福楼"));
}

TEST(RepeatFactsTest, RareFactsWeighMoreThanCommonOnes) {
  FactIndex index;
  for (int i = 1; i <= 100; ++i) {
    Facts f = {"2023年"};
    if (i == 1) f.push_back("聚福楼");
    index.Add(ReportId(i), f);
  }
  EXPECT_GT(index.Weight("聚福楼"), index.Weight("2023年") + 4);
  EXPECT_GT(index.Weight("never-seen"), index.Weight("聚福楼"));
  EXPECT_NEAR(index.Weight("2023年"), 1.0, 0.02);  // every report states it: no information
}

TEST(RepeatFactsTest, FindsTheReportWithTheSameFactsAndNotTheSamePersonsOtherAct) {
  FactIndex index;
  // Background: many reports stating common facts.
  for (int i = 10; i < 400; ++i) {
    index.Add(ReportId(i), {std::to_string(2018 + i % 7) + "年", std::to_string(1 + i % 12) + "月",
                            std::to_string(i % 9 + 2)});
  }
  const Facts original = {"2023年", "5月", "3", "3500元", "聚福楼"};
  const Facts other_act = {"2022年", "宏达建筑公司", "2000000元", "城南安置小区"};
  index.Add(ReportId(1), original);
  index.Add(ReportId(2), other_act);
  // A paraphrase of 1: the same facts, one of them dropped.
  const Facts paraphrase = {"2023年", "5月", "3500元", "聚福楼"};
  const auto hits = index.Find(paraphrase, ReportId{}, 0.5, 8);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].report, ReportId(1));
  EXPECT_GT(hits[0].similarity, 0.8);
  EXPECT_EQ(hits[0].shared.front(), "3500元");  // rarest first (tie with 聚福楼: first indexed)
  EXPECT_EQ(hits[0].shared.size(), 4u);
  // Identical facts score 1; the report itself is never its own hit.
  const auto same = index.Find(original, ReportId(1), 0, 0);
  ASSERT_FALSE(same.empty());
  EXPECT_TRUE(std::none_of(same.begin(), same.end(),
                           [](const FactHit& h) { return h.report == ReportId(1); }));
  const auto exact = index.Find(original, ReportId{}, 0.99, 0);
  ASSERT_EQ(exact.size(), 1u);
  EXPECT_EQ(exact[0].similarity, 1.0);
}

TEST(RepeatFactsTest, SimilarityIsTheSameFromEitherSide) {
  // Two reports sharing two facts, each stating one the other does not, of unequal rarity.
  FactIndex index;
  for (int i = 10; i < 60; ++i) index.Add(ReportId(i), {"2023年"});
  for (int i = 60; i < 70; ++i) index.Add(ReportId(i), {"5月"});
  const Facts a = {"聚福楼", "3500元", "2023年"};
  const Facts b = {"聚福楼", "3500元", "5月"};
  index.Add(ReportId(1), a);
  index.Add(ReportId(2), b);
  const auto score = [](const std::vector<FactHit>& hits, ReportId r) {
    for (const auto& h : hits) {
      if (h.report == r) return h.similarity;
    }
    return -1.0;
  };
  const double ab = score(index.Find(a, ReportId(1), 0, 0), ReportId(2));
  const double ba = score(index.Find(b, ReportId(2), 0, 0), ReportId(1));
  EXPECT_GT(ab, 0.5);
  EXPECT_DOUBLE_EQ(ab, ba);
  // The same from a query not yet indexed (a new report at registration).
  index.Remove(ReportId(2));
  EXPECT_DOUBLE_EQ(score(index.Find(b, ReportId{}, 0, 0), ReportId(1)), ab);
}

TEST(RepeatFactsTest, CompareChecksOnlyTheReportsGiven) {
  FactIndex index;
  for (int i = 10; i < 400; ++i) {
    index.Add(ReportId(i),
              {std::to_string(2018 + i % 7) + "年", std::to_string(1 + i % 12) + "月"});
  }
  const Facts original = {"2023年", "5月", "3500元", "聚福楼"};
  index.Add(ReportId(1), original);
  index.Add(ReportId(2), original);
  const Facts paraphrase = {"2023年", "3500元", "聚福楼"};
  // Only 2 is given (say, the only one naming the same person); 1 is as good but not asked.
  const auto hits = index.Compare(paraphrase, ReportId{}, {ReportId(2), ReportId(77)}, 0.3, 8);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].report, ReportId(2));
  EXPECT_EQ(hits[0].shared.size(), 3u);
  // Neither the query's own report nor an unknown one is a hit; the bars hold.
  EXPECT_TRUE(index.Compare(original, ReportId(2), {ReportId(2), ReportId(9999)}, 0, 0).empty());
  EXPECT_TRUE(index.Compare(paraphrase, ReportId{}, {ReportId(2)}, 0.99, 0).empty());
  // With many reports given, the walk over the rarest postings finds the same.
  std::vector<ReportId> many;
  for (int i = 10; i < 400; ++i) many.push_back(ReportId(i));
  many.push_back(ReportId(2));
  const auto walked = index.Compare(paraphrase, ReportId{}, many, 0.3, 8);
  ASSERT_EQ(walked.size(), 1u);
  EXPECT_EQ(walked[0].report, ReportId(2));
}

TEST(RepeatFactsTest, SharedFactsListPlacesThenAmountsThenDates) {
  const Facts a = ExtractFacts(Norm("2023年5月在聚福楼吃饭花了3500元，共3次"));
  const Facts b = ExtractFacts(Norm("聚福楼那顿饭3500元，是2023年的事，去了4次"));
  EXPECT_EQ(SharedFacts(a, b), (Facts{"聚福楼", "3500元", "2023年"}));
  EXPECT_TRUE(SharedFacts(a, {}).empty());
  // Only the month and day of the full date itself are left out: 2月 stays next to 12月, and
  // 2日 next to 5月12日.
  EXPECT_EQ(SharedFacts({"12月", "2月", "2日", "5月12日", "5月"},
                        {"12月", "2月", "2日", "5月12日", "5月"}),
            (Facts{"12月", "2日", "2月", "5月12日"}));
  // Long numbers are masked.
  EXPECT_EQ(SharedFacts({"13812345678", "1234567", "123456"}, {"13812345678", "1234567", "123456"}),
            (Facts{"123456", "1****67", "138****5678"}));
  // The full date stands for its month and day.
  EXPECT_EQ(SharedFacts(ExtractFacts(Norm("2023年5月12日在聚福楼")),
                        ExtractFacts(Norm("聚福楼，5月12日，2023年"))),
            (Facts{"聚福楼", "2023年", "5月12日"}));
}

TEST(RepeatFactsTest, RemoveAndReAddKeepThePostingsRight) {
  FactIndex index;
  index.Add(ReportId(1), {"3500元", "聚福楼"});
  index.Add(ReportId(2), {"3500元", "聚福楼"});
  EXPECT_EQ(index.Find({"3500元", "聚福楼"}, ReportId{}, 0.9, 0).size(), 2u);
  EXPECT_TRUE(index.Remove(ReportId(1)));
  EXPECT_FALSE(index.Remove(ReportId(1)));
  EXPECT_EQ(index.Find({"3500元", "聚福楼"}, ReportId{}, 0.9, 0).size(), 1u);
  index.Add(ReportId(2), {"8000元"});  // re-indexed with other facts (an edit)
  EXPECT_TRUE(index.Find({"3500元", "聚福楼"}, ReportId{}, 0, 0).empty());
  EXPECT_EQ(index.size(), 1u);
}

}  // namespace
}  // namespace xuncha
