#include "domain/person_match.h"

#include <gtest/gtest.h>

#include "text/chinese_text.h"

namespace xuncha {
namespace {

std::string N(std::string_view s) {
  auto r = text::Normalize(s);
  return r.ok() ? *r : std::string();
}

std::string Sound(std::string_view ch) {
  auto r = text::Pinyin(ch);
  return r.ok() ? *r : std::string();
}

Leader L(std::int64_t id, std::string name, std::string post,
         LeaderTier tier = LeaderTier::kLeadership) {
  Leader l;
  l.id = LeaderId(id);
  l.name = std::move(name);
  l.post = std::move(post);
  l.tier = tier;
  return l;
}

// 市应急管理局 (示例数据).
std::vector<Leader> Roster() {
  return {L(1, "王胜弘", "党组书记、局长"),
          L(2, "张建国", "党组成员、副局长"),
          L(3, "李红梅", "党组成员、纪检组长"),
          L(4, "欧阳明", "党组成员、副局长"),
          L(5, "刘志强", "办公室主任", LeaderTier::kSubordinate),
          L(6, "陈静", "机关党委副书记", LeaderTier::kSubordinate)};
}

PersonMatches Match(std::string_view text, const std::vector<Leader>& roster = Roster(),
                    const std::vector<ReportedPerson>& persons = {}) {
  return MatchPersons(N(text), persons, roster, Sound);
}

const PersonMatch* Find(const PersonMatches& m, std::int64_t id) {
  for (const auto& x : m.matches) {
    if (x.leader_id.value == id) return &x;
  }
  return nullptr;
}

TEST(PersonMatchTest, ExactNameInTextIsStrongest) {
  auto m = Match("反映王胜弘局长违规收受下属礼金，并在任局长期间多次公款吃喝。");
  ASSERT_EQ(m.matches.size(), 1u);
  const auto& x = m.matches[0];
  EXPECT_EQ(x.leader_id.value, 1);
  EXPECT_EQ(x.best.kind, MatchKind::kExactName);
  EXPECT_EQ(x.best.text, "王胜弘");
  EXPECT_DOUBLE_EQ(x.best.confidence, 0.95);
  EXPECT_FALSE(x.best.named);
  // 在任局长期间: 任 is the verb, 局长 alone names the head, 局长期间 is no 长期.
  ASSERT_EQ(x.others.size(), 1u);
  EXPECT_EQ(x.others[0].kind, MatchKind::kPostAlone);
  EXPECT_EQ(x.others[0].text, "局长");
}

TEST(PersonMatchTest, NamedPersonBeatsTheText) {
  auto m = Match("王胜弘经常出入高档会所。", Roster(), {{"王胜弘", "应急管理局", "局长"}});
  ASSERT_EQ(m.matches.size(), 1u);
  EXPECT_EQ(m.matches[0].best.kind, MatchKind::kExactName);
  EXPECT_TRUE(m.matches[0].best.named);
  EXPECT_DOUBLE_EQ(m.matches[0].best.confidence, 0.98);
  ASSERT_EQ(m.matches[0].others.size(), 1u);
  EXPECT_FALSE(m.matches[0].others[0].named);
  EXPECT_TRUE(m.unmatched.empty());
}

TEST(PersonMatchTest, TraditionalAndFullWidthAfterNormalisation) {
  auto m = Match("王勝弘局長在ＫＴＶ消費１２０００元，由下屬單位買單。");
  ASSERT_EQ(m.matches.size(), 1u);
  EXPECT_EQ(m.matches[0].leader_id.value, 1);
  EXPECT_EQ(m.matches[0].best.kind, MatchKind::kExactName);
  EXPECT_EQ(m.matches[0].best.text, "王胜弘");
}

TEST(PersonMatchTest, SamePinyinDifferentCharacter) {
  auto m = Match("王胜宏利用职务便利为其亲属承揽工程。");
  ASSERT_EQ(m.matches.size(), 1u);
  EXPECT_EQ(m.matches[0].leader_id.value, 1);
  EXPECT_EQ(m.matches[0].best.kind, MatchKind::kSamePinyin);
  EXPECT_EQ(m.matches[0].best.text, "王胜宏");
  EXPECT_DOUBLE_EQ(m.matches[0].best.confidence, 0.80);
}

TEST(PersonMatchTest, SamePinyinAvoidsFalseHits) {
  std::vector<Leader> roster = {L(1, "李明", "局长"), L(2, "张建国", "副局长"),
                                L(3, "张健国", "副局长")};
  // 黎明 sounds like 李明 but keeps no surname; 理明 shares no... neither is a name here.
  EXPECT_TRUE(Match("黎明时分，施工车辆进场。", roster).matches.empty());
  // 张建国 is exactly on the roster: not also 张健国 by sound.
  auto m = Match("张建国多次收受红包。", roster);
  ASSERT_EQ(m.matches.size(), 1u);
  EXPECT_EQ(m.matches[0].leader_id.value, 2);
  // Non-Han characters never take part in a window.
  EXPECT_TRUE(Match("李ming来过。", roster).matches.empty());
}

TEST(PersonMatchTest, SurnameAndPost) {
  auto m = Match("刘主任安排办公室人员代领补贴。");
  ASSERT_EQ(m.matches.size(), 1u);
  EXPECT_EQ(m.matches[0].leader_id.value, 5);
  EXPECT_EQ(m.matches[0].tier, LeaderTier::kSubordinate);
  EXPECT_EQ(m.matches[0].best.kind, MatchKind::kSurnamePost);
  EXPECT_EQ(m.matches[0].best.text, "刘主任");
  EXPECT_DOUBLE_EQ(m.matches[0].best.confidence, 0.70);

  m = Match("张副局长的车经常停在小区。");
  ASSERT_EQ(m.matches.size(), 1u);
  EXPECT_EQ(m.matches[0].leader_id.value, 2);
  EXPECT_DOUBLE_EQ(m.matches[0].best.confidence, 0.70);

  m = Match("欧阳副局长违规兼职取酬。");
  ASSERT_EQ(m.matches.size(), 1u);
  EXPECT_EQ(m.matches[0].leader_id.value, 4);
  EXPECT_EQ(m.matches[0].best.text, "欧阳副局长");

  m = Match("李某某组长从不过问纪检工作。");
  ASSERT_EQ(m.matches.size(), 1u);
  EXPECT_EQ(m.matches[0].leader_id.value, 3);
  EXPECT_EQ(m.matches[0].best.text, "李某某组长");
}

TEST(PersonMatchTest, DeputyCalledByTheFullTitleIsWeaker) {
  // 张 is only 副局长: reporters often say 张局长 to a deputy.
  auto m = Match("张局长收受礼金。");
  ASSERT_EQ(m.matches.size(), 1u);
  EXPECT_EQ(m.matches[0].leader_id.value, 2);
  EXPECT_DOUBLE_EQ(m.matches[0].best.confidence, 0.45);
  // With a 张 who is 局长 as well, the deputy drops further.
  std::vector<Leader> roster = {L(1, "张伟", "局长"), L(2, "张建国", "副局长")};
  m = Match("张局长收受礼金。", roster);
  ASSERT_EQ(m.matches.size(), 2u);
  EXPECT_EQ(m.matches[0].leader_id.value, 1);
  EXPECT_DOUBLE_EQ(m.matches[0].best.confidence, 0.70);
  EXPECT_DOUBLE_EQ(m.matches[1].best.confidence, 0.20);
}

TEST(PersonMatchTest, SeveralWithThatSurnameAndTitleShareTheConfidence) {
  std::vector<Leader> roster = {L(1, "王一", "局长"), L(2, "张建国", "副局长"),
                                L(3, "张卫东", "副局长")};
  auto m = Match("张副局长大搞形式主义。", roster);
  ASSERT_EQ(m.matches.size(), 2u);
  EXPECT_DOUBLE_EQ(m.matches[0].best.confidence, 0.35);
  EXPECT_DOUBLE_EQ(m.matches[1].best.confidence, 0.35);
}

TEST(PersonMatchTest, SurnameNotOnTheRosterMatchesNobody) {
  std::vector<Leader> roster = {L(1, "赵刚", "党组书记、局长"), L(2, "张建国", "副局长")};
  EXPECT_TRUE(Match("王局长在酒店大吃大喝。", roster).matches.empty());
}

TEST(PersonMatchTest, WordsThatLookLikeSurnameAndTitle) {
  std::vector<Leader> roster = {L(1, "管小军", "局长"), L(2, "任红", "主任")};
  // 监管局长期: 局 + 长期, not 管局长.
  EXPECT_TRUE(Match("市场监管局长期不作为。", roster).matches.empty());
  // 主任务 is a main task; 现任 is the verb before a title.
  EXPECT_TRUE(Match("今年的主任务没有完成。", roster).matches.empty());
  auto m = Match("现任主任不作为。", roster);
  ASSERT_EQ(m.matches.size(), 1u);
  EXPECT_EQ(m.matches[0].best.kind, MatchKind::kPostAlone);
  // 任主任 is 任红.
  m = Match("任主任不作为。", roster);
  ASSERT_EQ(m.matches.size(), 1u);
  EXPECT_EQ(m.matches[0].best.kind, MatchKind::kSurnamePost);
  // The city's 市委书记 is not the unit's secretary.
  EXPECT_TRUE(Match("此事已向市委书记反映。", Roster()).matches.empty());
}

TEST(PersonMatchTest, PostAlone) {
  for (const char* text : {"单位一把手搞一言堂。", "局党组书记插手工程。", "我们局长从来不来上班。",
                           "主要负责人违规决策。"}) {
    auto m = Match(text);
    ASSERT_EQ(m.matches.size(), 1u) << text;
    EXPECT_EQ(m.matches[0].leader_id.value, 1) << text;
    EXPECT_EQ(m.matches[0].best.kind, MatchKind::kPostAlone) << text;
    EXPECT_DOUBLE_EQ(m.matches[0].best.confidence, 0.40) << text;
  }
  EXPECT_EQ(Match("党组书记插手工程。").matches[0].best.text, "党组书记");
  // Too vague: the leader in charge, a deputy.
  EXPECT_TRUE(Match("分管领导不管不问。").matches.empty());
  EXPECT_TRUE(Match("有个副局长经常迟到。").matches.empty());
}

TEST(PersonMatchTest, TopLeaderWithoutASecretaryIsTheHead) {
  std::vector<Leader> roster = {L(1, "赵刚", "主任"), L(2, "钱多", "副主任"),
                                L(3, "孙丽", "支部书记", LeaderTier::kSubordinate)};
  auto m = Match("中心一把手违规发放津贴。", roster);
  ASSERT_EQ(m.matches.size(), 1u);
  EXPECT_EQ(m.matches[0].leader_id.value, 1);
}

TEST(PersonMatchTest, DuplicatesFoldIntoOneMatch) {
  auto m = Match("王胜弘是一把手，王局长说了算，王胜宏（音）还安排亲戚进单位。");
  ASSERT_EQ(m.matches.size(), 1u);
  const auto& x = m.matches[0];
  EXPECT_EQ(x.best.kind, MatchKind::kExactName);
  ASSERT_EQ(x.others.size(), 3u);
  EXPECT_EQ(x.others[0].kind, MatchKind::kSamePinyin);
  EXPECT_EQ(x.others[1].kind, MatchKind::kSurnamePost);
  EXPECT_EQ(x.others[1].text, "王局长");
  EXPECT_EQ(x.others[2].kind, MatchKind::kPostAlone);
}

TEST(PersonMatchTest, TextNamingTwoLeaders) {
  auto m = Match("王胜弘和刘主任合伙套取专项资金，李红梅知情不报。");
  ASSERT_EQ(m.matches.size(), 3u);
  EXPECT_EQ(m.matches[0].leader_id.value, 1);
  EXPECT_EQ(m.matches[1].leader_id.value, 3);
  EXPECT_EQ(m.matches[2].leader_id.value, 5);
  ASSERT_NE(Find(m, 5), nullptr);
  EXPECT_EQ(Find(m, 5)->best.text, "刘主任");
  EXPECT_EQ(Find(m, 2), nullptr);
}

TEST(PersonMatchTest, NamedPersonsWithWithheldNamesAndUnmatched) {
  std::vector<ReportedPerson> persons = {
      {N("張某"), "应急管理局", N("副局長")}, {"赵六", "应急管理局", "科员"}, {"", "", "一把手"}};
  auto m = Match("他们互相包庇。", Roster(), persons);
  ASSERT_EQ(m.matches.size(), 2u);
  EXPECT_EQ(m.matches[0].leader_id.value, 2);
  EXPECT_EQ(m.matches[0].best.kind, MatchKind::kSurnamePost);
  EXPECT_EQ(m.matches[0].best.text, "张某副局长");
  EXPECT_TRUE(m.matches[0].best.named);
  EXPECT_EQ(m.matches[1].leader_id.value, 1);
  EXPECT_EQ(m.matches[1].best.kind, MatchKind::kPostAlone);
  EXPECT_EQ(m.unmatched, std::vector<std::string>{"赵六"});
}

TEST(PersonMatchTest, LongTextStaysLinear) {
  // A letter at the 20,000-character limit with a 40-person roster.
  std::vector<Leader> roster = Roster();
  for (int i = 0; i < 34; ++i) {
    roster.push_back(L(100 + i, "孙" + std::string(i % 2 ? "晓" : "小") + std::to_string(i), "科长",
                       LeaderTier::kSubordinate));
  }
  std::string text;
  while (text.size() < 3 * 19900) text += "单位存在违规发放津贴补贴问题，";
  text += "王胜宏";
  auto m = Match(text, roster);
  ASSERT_EQ(m.matches.size(), 1u);
  EXPECT_EQ(m.matches[0].best.kind, MatchKind::kSamePinyin);
}

TEST(PersonMatchTest, EmptyAndOddInput) {
  EXPECT_TRUE(Match("").matches.empty());
  EXPECT_TRUE(MatchPersons("局长\xff\xfe书记", {}, {}, Sound).matches.empty());
  auto m = MatchPersons("\xe7\x8e局长", {}, Roster(), Sound);  // truncated 王 before 局长
  EXPECT_EQ(m.matches.size(), 1u);  // a malformed byte is no surname: 局长 alone
  EXPECT_EQ(MatchKindName(MatchKind::kSamePinyin), "same_pinyin");
}

}  // namespace
}  // namespace xuncha
