#include "domain/near_duplicate.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "text/chinese_text.h"

namespace xuncha {
namespace {

// All persons, places and firms below are fictional.
const char* const kBase =
    "尊敬的巡察组领导：我要反映市住建局副局长王胜弘的问题。2023年3月至今，王胜弘多次利用职务之便，"
    "安排下属单位承担其个人及亲友的吃喝费用。仅今年春节前后，他就在城东“聚福楼”酒店宴请朋友六次，"
    "每次花费都在3000元以上，全部以“业务接待”名义在局里报销。他还要求办公室把发票拆分成多张小额发票"
    "，"
    "以免引起财务审计的注意。局里职工对此议论纷纷，但敢怒不敢言。希望巡察组认真调查，严肃处理。";

// The same matter through another channel: Traditional characters, full-width digits, a new
// greeting and closing, two sentences swapped, words inserted, deleted and substituted.
const char* const kEditedCopy =
    "巡察組領導你們好！我實名反映市住建局副局長王勝弘的問題。僅今年春節前後，他就在城東聚福樓酒店"
    "宴請朋友六次，每次花費都在３０００元以上，全部以業務接待名義在局裡報銷。２０２３年３月至今，"
    "王勝弘多次利用職務之便，安排下屬單位承擔他個人及親友的吃喝費用。他還要求辦公室把發票拆成多張"
    "小額發票，以免引起審計注意。局里職工議論紛紛，敢怒不敢言。希望巡察組認真調查，嚴肅處理！此致"
    "敬禮。";

// Same official, a different act: a hard negative.
const char* const kSamePersonOtherAct =
    "尊敬的巡察组领导：我要反映市住建局副局长王胜弘违规插手工程项目的问题。2022年下半年，"
    "城南安置小区二期工程招标时，王胜弘多次打招呼，要求评标专家照顾其妻弟经营的宏达建筑公司。"
    "最终宏达公司以高出其他投标单位近200万元的价格中标。工程开工后，他又授意质监站对该公司降低"
    "检查标准，导致部分楼栋出现墙体开裂。希望巡察组认真调查，严肃处理。";

// The same letter template about another official and other facts: a form letter, not a repeat.
const char* const kSameTemplateOtherPerson =
    "尊敬的巡察组领导：我要反映市交通运输局局长李建国的问题。2021年9月至今，李建国多次利用职务"
    "之便，安排下属单位承担其个人及亲友的吃喝费用。仅去年国庆前后，他就在江北“望江阁”酒店宴请"
    "朋友四次，每次花费都在5000元以上，全部以“业务接待”名义在局里报销。他还要求办公室把发票拆分成"
    "多张小额发票，以免引起财务审计的注意。局里职工对此议论纷纷，但敢怒不敢言。希望巡察组认真调查，"
    "严肃处理。";

const char* const kUnrelated =
    "我是城西街道居民，小区门口的路灯坏了三个月，多次打12345热线都没有人来修，晚上出行很不方便，"
    "老人孩子摔倒过好几次，希望有关部门尽快解决。";

const std::vector<std::string> kWang = {"leader:7"};
const std::vector<std::string> kLi = {"leader:9"};

RepeatSignature Sign(const std::string& raw, const RepeatParams& p = {}) {
  auto normalised = text::Normalize(raw);
  EXPECT_TRUE(normalised.ok());
  return RepeatSignature::Of(normalised.ok() ? *normalised : std::string(), p);
}

RepeatIndex MakeIndex(const RepeatParams& p = {}) {
  auto index = RepeatIndex::Create(p);
  EXPECT_TRUE(index.ok());
  return *std::move(index);
}

TEST(NearDupSignatureTest, PunctuationAndWhiteSpaceDoNotMatter) {
  const RepeatSignature a = Sign("王局长，公款吃喝！每次3000元。请巡察组查处");
  const RepeatSignature b = Sign("王局长 公款吃喝 每次３０００元 请巡察组“查处”");
  EXPECT_EQ(a.Similarity(b), 1.0);
  EXPECT_EQ(a.shingle_count(), b.shingle_count());
}

TEST(NearDupSignatureTest, EncodeDecodeRoundTrip) {
  const RepeatSignature s = Sign(kBase);
  const std::string bytes = s.Encode();
  EXPECT_EQ(bytes.size(), 8u + 4u * 128u);
  auto back = RepeatSignature::Decode(bytes);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->values(), s.values());
  EXPECT_EQ(back->shingle_count(), s.shingle_count());
  EXPECT_EQ(back->Similarity(s), 1.0);
}

TEST(NearDupSignatureTest, DecodeRefusesBadBytes) {
  const std::string good = Sign(kBase).Encode();
  std::vector<std::string> bad = {"", "x", good.substr(0, 7), good.substr(0, good.size() - 1),
                                  good + "x"};
  std::string version = good;
  version[0] = 2;
  bad.push_back(version);
  std::string shingle = good;
  shingle[1] = 9;
  bad.push_back(shingle);
  std::string count = good;
  count[2] = 3;  // 3 hashes: below the minimum, and the size no longer fits
  bad.push_back(count);
  for (const auto& b : bad) {
    auto r = RepeatSignature::Decode(b);
    ASSERT_FALSE(r.ok()) << b.size();
    EXPECT_EQ(r.error().key, "bad_repeat_signature");
  }
}

TEST(NearDupSignatureTest, InvalidUtf8DoesNotCrash) {
  const RepeatSignature s = RepeatSignature::Of("\xff\xfe\xe5\x85", RepeatParams{});
  EXPECT_LE(s.shingle_count(), 2u);
}

TEST(NearDupSignatureTest, ParamsAreValidated) {
  RepeatParams p;
  p.bands = 16;  // 16 * 4 != 128
  EXPECT_FALSE(ValidateRepeatParams(p).ok());
  EXPECT_FALSE(RepeatIndex::Create(p).ok());
  p = RepeatParams{};
  p.shingle_length = 0;
  EXPECT_FALSE(ValidateRepeatParams(p).ok());
  EXPECT_TRUE(ValidateRepeatParams(RepeatParams{}).ok());
}

TEST(NearDupIndexTest, EditedCopyIsFound) {
  RepeatIndex index = MakeIndex();
  ASSERT_TRUE(index.Add(ReportId{1}, Sign(kBase), kWang).ok());
  ASSERT_TRUE(index.Add(ReportId{2}, Sign(kUnrelated)).ok());
  const auto found = index.Find(Sign(kEditedCopy), kWang);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].report, ReportId{1});
  EXPECT_GE(found[0].similarity, 0.45);
  EXPECT_EQ(found[0].basis, RepeatBasis::kTextAndSharedPerson);
  EXPECT_EQ(found[0].shared_persons, kWang);
  EXPECT_NE(found[0].reason.find("leader:7"), std::string::npos);
  // The text alone suffices too, when the person matcher found nobody in the copy.
  EXPECT_EQ(index.Find(Sign(kEditedCopy), {}).size(), 1u);
}

TEST(NearDupIndexTest, SamePersonDifferentActIsNotARepeat) {
  RepeatIndex index = MakeIndex();
  ASSERT_TRUE(index.Add(ReportId{1}, Sign(kBase), kWang).ok());
  EXPECT_LT(Sign(kBase).Similarity(Sign(kSamePersonOtherAct)), 0.3);
  EXPECT_TRUE(index.Find(Sign(kSamePersonOtherAct), kWang).empty());
}

TEST(NearDupIndexTest, SameTemplateDifferentPersonNeedsTheRaisedBar) {
  RepeatIndex index = MakeIndex();
  ASSERT_TRUE(index.Add(ReportId{1}, Sign(kBase), kWang).ok());
  const double s = Sign(kBase).Similarity(Sign(kSameTemplateOtherPerson));
  EXPECT_LT(s, RepeatParams{}.threshold + RepeatParams{}.different_person_penalty);
  EXPECT_TRUE(index.Find(Sign(kSameTemplateOtherPerson), kLi).empty());
}

// A paraphrase: the matter of kBase retold in other words, keeping its facts (the restaurant,
// the amount, the date).
const char* const kParaphrase =
    "住建局那位姓王的副局长，王胜弘，从2023年3月起就让下面单位替他买单。春节期间光是在聚福楼"
    "就请客六回，一回都超过3000元，发票开成业务接待拿回局里报了，还叫办公室拆成小票应付审计。"
    "大家都看在眼里，请组里查一查。";

std::vector<std::string> FactsOf(const std::string& raw) {
  auto normalised = text::Normalize(raw);
  EXPECT_TRUE(normalised.ok());
  return ExtractFacts(normalised.ok() ? *normalised : std::string());
}

// An index holding kBase among background reports about other matters, so that the facts of
// kBase are rare and the common ones (a year, a month) are common.
RepeatIndex IndexWithBackground(const std::vector<std::string>& base_persons) {
  RepeatIndex index = MakeIndex();
  EXPECT_TRUE(index.Add(ReportId{1}, Sign(kBase), base_persons, FactsOf(kBase)).ok());
  for (int i = 0; i < 300; ++i) {
    const std::string other = "2023年" + std::to_string(1 + i % 12) + "月，某单位职工反映第" +
                              std::to_string(100 + i) + "号问题，涉及金额" +
                              std::to_string(1000 + 37 * i) + "元，地点在" +
                              std::string(i % 2 != 0 ? "东湖" : "西山") + "小区。";
    EXPECT_TRUE(index.Add(ReportId(100 + i), Sign(other), {}, FactsOf(other)).ok());
  }
  return index;
}

TEST(NearDupIndexTest, AParaphraseIsFoundByItsFacts) {
  const double text = Sign(kBase).Similarity(Sign(kParaphrase));
  ASSERT_LT(text, RepeatParams{}.threshold - RepeatParams{}.shared_person_bonus);
  {
    // The same person named by both: the lower fact bars.
    const RepeatIndex index = IndexWithBackground(kWang);
    const auto found = index.Find(Sign(kParaphrase), kWang, ReportId{}, FactsOf(kParaphrase));
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].report, ReportId{1});
    EXPECT_EQ(found[0].basis, RepeatBasis::kFactsAndSharedPerson);
    EXPECT_GE(found[0].fact_similarity, RepeatParams{}.fact_threshold);
    EXPECT_NE(std::find(found[0].shared_facts.begin(), found[0].shared_facts.end(), "聚福楼"),
              found[0].shared_facts.end());
    EXPECT_NE(found[0].reason.find("facts"), std::string::npos);
    // Without facts, the text alone does not find it.
    EXPECT_TRUE(index.Find(Sign(kParaphrase), kWang).empty());
  }
  {
    // Nobody matched on either side: the stricter bars still take it (rare facts agree).
    const RepeatIndex index = IndexWithBackground({});
    const auto found = index.Find(Sign(kParaphrase), {}, ReportId{}, FactsOf(kParaphrase));
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].basis, RepeatBasis::kFacts);
  }
  {
    // Both name persons and share none: facts never link them.
    const RepeatIndex index = IndexWithBackground(kWang);
    EXPECT_TRUE(index.Find(Sign(kParaphrase), kLi, ReportId{}, FactsOf(kParaphrase)).empty());
  }
}

TEST(NearDupIndexTest, SamePersonOtherActSharesNoFactsWorthALink) {
  const RepeatIndex index = IndexWithBackground(kWang);
  EXPECT_TRUE(index.Find(Sign(kSamePersonOtherAct), kWang, ReportId{}, FactsOf(kSamePersonOtherAct))
                  .empty());
  EXPECT_TRUE(
      index.Find(Sign(kSameTemplateOtherPerson), kLi, ReportId{}, FactsOf(kSameTemplateOtherPerson))
          .empty());
}

TEST(NearDupIndexTest, UnrelatedTextIsNotARepeat) {
  RepeatIndex index = MakeIndex();
  ASSERT_TRUE(index.Add(ReportId{1}, Sign(kBase), kWang).ok());
  EXPECT_TRUE(index.Candidates(Sign(kUnrelated)).empty());
  EXPECT_TRUE(index.Find(Sign(kUnrelated), {}).empty());
}

TEST(NearDupIndexTest, EmptyAndVeryShortTextsAreNeverLinked) {
  RepeatIndex index = MakeIndex();
  ASSERT_TRUE(index.Add(ReportId{1}, Sign(""), {}).ok());
  ASSERT_TRUE(index.Add(ReportId{2}, Sign("王局长吃喝"), kWang).ok());
  EXPECT_EQ(index.size(), 2u);
  EXPECT_TRUE(index.Find(Sign(""), {}).empty());
  EXPECT_TRUE(index.Find(Sign("王局长吃喝"), kWang).empty());
  EXPECT_TRUE(index.Find(Sign("。，！ "), {}).empty());
  EXPECT_EQ(Sign("王局长吃喝").Similarity(Sign("王局长吃喝")), 1.0);  // equal, yet too short
  EXPECT_TRUE(index.Remove(ReportId{1}));
  EXPECT_TRUE(index.Remove(ReportId{2}));
  EXPECT_EQ(index.size(), 0u);
}

TEST(NearDupIndexTest, AddRemoveAndErrors) {
  RepeatIndex index = MakeIndex();
  ASSERT_TRUE(index.Add(ReportId{1}, Sign(kBase), kWang).ok());
  ASSERT_TRUE(index.Add(ReportId{3}, Sign(kBase), kWang).ok());  // an exact copy
  auto again = index.Add(ReportId{1}, Sign(kBase));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kAlreadyExists);
  RepeatParams other;
  other.shingle_length = 2;
  auto mismatch = index.Add(ReportId{4}, Sign(kBase, other));
  ASSERT_FALSE(mismatch.ok());
  EXPECT_EQ(mismatch.error().code, ErrorCode::kInvalidArgument);
  EXPECT_TRUE(index.Candidates(Sign(kBase, other)).empty());

  EXPECT_EQ(index.Candidates(Sign(kEditedCopy)), (std::vector<ReportId>{ReportId{1}, ReportId{3}}));
  // A report does not find itself.
  const auto self = index.Find(Sign(kBase), kWang, ReportId{1});
  ASSERT_EQ(self.size(), 1u);
  EXPECT_EQ(self[0].report, ReportId{3});
  EXPECT_EQ(self[0].similarity, 1.0);

  EXPECT_TRUE(index.Remove(ReportId{1}));
  EXPECT_FALSE(index.Remove(ReportId{1}));
  EXPECT_EQ(index.Candidates(Sign(kEditedCopy)), (std::vector<ReportId>{ReportId{3}}));
  // The freed slot is reused and the chains stay intact.
  ASSERT_TRUE(index.Add(ReportId{5}, Sign(kEditedCopy), kWang).ok());
  EXPECT_TRUE(index.Remove(ReportId{3}));
  EXPECT_EQ(index.Candidates(Sign(kBase)), (std::vector<ReportId>{ReportId{5}}));
}

TEST(NearDupIndexTest, PersonRule) {
  const RepeatParams p;
  EXPECT_DOUBLE_EQ(RepeatBar(p, {}, kWang), p.threshold);
  EXPECT_DOUBLE_EQ(RepeatBar(p, kWang, {"leader:7", "leader:9"}),
                   p.threshold - p.shared_person_bonus);
  EXPECT_DOUBLE_EQ(RepeatBar(p, kWang, kLi), p.threshold + p.different_person_penalty);
}

TEST(NearDupIndexTest, ManyUnrelatedReportsGiveFewCandidates) {
  RepeatIndex index = MakeIndex();
  const std::vector<std::string> words = {"公款", "吃喝", "违规", "发放", "补贴", "收受", "礼金",
                                          "工程", "用人", "领导", "单位", "职工", "酒店", "报销",
                                          "问题", "反映", "多次", "今年", "亲友", "项目"};
  std::uint64_t state = 7;
  for (int d = 1; d <= 2000; ++d) {
    std::string t;
    for (int w = 0; w < 120; ++w) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      t += words[(state >> 33) % words.size()];
    }
    ASSERT_TRUE(index.Add(ReportId{d + 10}, RepeatSignature::Of(t, index.params())).ok());
  }
  ASSERT_TRUE(index.Add(ReportId{1}, Sign(kBase)).ok());
  EXPECT_EQ(index.Candidates(Sign(kEditedCopy)), (std::vector<ReportId>{ReportId{1}}));
}

// ---- groups ----

const ReportId kA{10}, kB{20}, kC{30}, kD{40};
using Origin = RepeatGroups::LinkOrigin;
using Outcome = RepeatGroups::LinkOutcome;

TEST(RepeatGroupsTest, ThreeReportsLinkTransitively) {
  RepeatGroups g;
  EXPECT_EQ(g.Connect(kC, kB, 0.8, Origin::kAutomatic), Outcome::kLinked);
  EXPECT_EQ(g.Connect(kB, kA, 0.7, Origin::kAutomatic), Outcome::kLinked);
  EXPECT_EQ(g.Connect(kA, kB, 0.9, Origin::kAutomatic), Outcome::kUpdated);
  EXPECT_EQ(g.Connect(kA, kA, 1.0, Origin::kStaff), Outcome::kRefusedSelf);
  EXPECT_EQ(g.Members(kC), (std::vector<ReportId>{kA, kB, kC}));
  EXPECT_EQ(g.GroupId(kC), kA);
  EXPECT_EQ(g.GroupId(kD), kD);
  EXPECT_EQ(g.Members(kD), (std::vector<ReportId>{kD}));
  EXPECT_EQ(g.Groups(), (std::vector<std::vector<ReportId>>{{kA, kB, kC}}));
  ASSERT_EQ(g.Links().size(), 2u);
  EXPECT_EQ(g.Links()[0].a, kA);
  EXPECT_EQ(g.Links()[0].similarity, 0.9);
}

TEST(RepeatGroupsTest, SplittingALinkSplitsTheGroup) {
  RepeatGroups g;
  (void)g.Connect(kA, kB, 0.8, Origin::kAutomatic);
  (void)g.Connect(kB, kC, 0.8, Origin::kAutomatic);
  g.Split(kC, kB);
  EXPECT_EQ(g.Members(kA), (std::vector<ReportId>{kA, kB}));
  EXPECT_EQ(g.Members(kC), (std::vector<ReportId>{kC}));
  EXPECT_TRUE(g.IsSplit(kB, kC));
  EXPECT_EQ(g.Groups(), (std::vector<std::vector<ReportId>>{{kA, kB}}));
}

TEST(RepeatGroupsTest, ASplitPairIsNotRelinkedAutomatically) {
  RepeatIndex index = MakeIndex();
  RepeatGroups g;
  ASSERT_TRUE(index.Add(kA, Sign(kBase), kWang).ok());
  const auto found = index.Find(Sign(kEditedCopy), kWang);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(g.Connect(kB, found[0].report, found[0].similarity, Origin::kAutomatic),
            Outcome::kLinked);
  g.Split(kA, kB);
  // The report is registered again (say after an edit): the index still finds the pair ...
  ASSERT_TRUE(index.Add(kB, Sign(kEditedCopy), kWang).ok());
  ASSERT_EQ(index.Find(Sign(kEditedCopy), kWang, kB).size(), 1u);
  // ... but the groups refuse the automatic link; staff may still link them by hand.
  EXPECT_EQ(g.Connect(kB, kA, found[0].similarity, Origin::kAutomatic), Outcome::kRefusedSplit);
  EXPECT_EQ(g.Members(kA), (std::vector<ReportId>{kA}));
  EXPECT_EQ(g.Connect(kB, kA, found[0].similarity, Origin::kStaff), Outcome::kLinked);
  EXPECT_FALSE(g.IsSplit(kA, kB));
}

TEST(RepeatGroupsTest, RemovingAReportDropsItsLinks) {
  RepeatGroups g;
  (void)g.Connect(kA, kB, 0.8, Origin::kAutomatic);
  (void)g.Connect(kB, kC, 0.8, Origin::kAutomatic);
  (void)g.Connect(kC, kD, 0.8, Origin::kAutomatic);
  g.RemoveReport(kB);
  EXPECT_EQ(g.Members(kA), (std::vector<ReportId>{kA}));
  EXPECT_EQ(g.Members(kD), (std::vector<ReportId>{kC, kD}));
  EXPECT_EQ(g.GroupId(kD), kC);
  EXPECT_EQ(g.Links().size(), 1u);
  g.RemoveReport(kB);  // twice: nothing happens
  EXPECT_EQ(g.Groups().size(), 1u);
}

TEST(RepeatGroupsTest, GroupIdsDoNotDependOnLinkOrder) {
  RepeatGroups one, two;
  (void)one.Connect(kA, kB, 0.8, Origin::kAutomatic);
  (void)one.Connect(kC, kD, 0.8, Origin::kAutomatic);
  (void)one.Connect(kB, kD, 0.8, Origin::kAutomatic);
  (void)two.Connect(kD, kB, 0.8, Origin::kStaff);
  (void)two.Connect(kD, kC, 0.8, Origin::kAutomatic);
  (void)two.Connect(kB, kA, 0.8, Origin::kAutomatic);
  for (const ReportId r : {kA, kB, kC, kD}) {
    EXPECT_EQ(one.GroupId(r), kA);
    EXPECT_EQ(two.GroupId(r), kA);
  }
  EXPECT_EQ(one.Groups(), two.Groups());
}

}  // namespace
}  // namespace xuncha
