#include "domain/scope_suggestion.h"

#include <gtest/gtest.h>

#include <algorithm>

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

Leader L(std::int64_t id, std::string name, std::string post) {
  Leader l;
  l.id = LeaderId(id);
  l.name = std::move(name);
  l.post = std::move(post);
  return l;
}

// The matcher and the suggestion as the intake desk chains them.
ScopeSuggestion Suggest(std::string_view raw, int disciplines) {
  const std::vector<Leader> roster = {L(1, "王胜弘", "党组书记、局长"),
                                      L(2, "张建国", "党组成员、副局长")};
  const std::string text = N(raw);
  return SuggestScope(text, MatchPersons(text, {}, roster, Sound), disciplines);
}

bool HasCue(const ScopeSuggestion& s, CueKind kind, std::string_view phrase) {
  for (const auto& c : s.cues) {
    if (c.kind == kind && c.phrase == phrase) return true;
  }
  return false;
}

TEST(ScopeSuggestTest, LeaderOnADisciplineIsInScope) {
  auto s = Suggest("王胜弘利用职务之便收受工程老板礼金二十万元。", 1);
  EXPECT_EQ(s.kind, ScopeKind::kInScope);
  EXPECT_DOUBLE_EQ(s.confidence, 0.85);
  EXPECT_TRUE(HasCue(s, CueKind::kLeader, "王胜弘"));
  // The same leader, no discipline suggested: still in scope, less sure.
  s = Suggest("张副局长上班时间经常不在岗。", 0);
  EXPECT_EQ(s.kind, ScopeKind::kInScope);
  EXPECT_DOUBLE_EQ(s.confidence, 0.55);
}

TEST(ScopeSuggestTest, PersonalClaimsAreTransferred) {
  auto s = Suggest("承包商拖欠我的工资三个月，至今未付，请巡察组帮忙讨薪。", 0);
  EXPECT_EQ(s.kind, ScopeKind::kTransfer);
  EXPECT_EQ(s.transfer, TransferKind::kPersonalClaim);
  EXPECT_DOUBLE_EQ(s.confidence, 0.75);
  EXPECT_TRUE(HasCue(s, CueKind::kPersonalClaim, "拖欠我"));
  EXPECT_TRUE(HasCue(s, CueKind::kPersonalClaim, "讨薪"));
  // A neighbour dispute with a leader as the neighbour: transfer, but only just.
  s = Suggest("我的邻居张副局长家装修，房屋漏水到我家，协商无果。", 0);
  EXPECT_EQ(s.kind, ScopeKind::kTransfer);
  EXPECT_DOUBLE_EQ(s.confidence, 0.50);
  EXPECT_TRUE(HasCue(s, CueKind::kLeader, "张副局长"));
}

TEST(ScopeSuggestTest, LegalAndOtherOrgansAreTransferred) {
  auto s = Suggest("法院判决已生效，对方拒不履行，申请强制执行也没有结果。", 0);
  EXPECT_EQ(s.kind, ScopeKind::kTransfer);
  EXPECT_EQ(s.transfer, TransferKind::kLegal);
  s = Suggest("交警开的罚单不合理，违章扣分有误。", 0);
  EXPECT_EQ(s.kind, ScopeKind::kTransfer);
  EXPECT_EQ(s.transfer, TransferKind::kOtherOrgan);
  EXPECT_STREQ(TransferKindName(s.transfer).data(), "other_organ");
}

TEST(ScopeSuggestTest, AboveLevelIsSealed) {
  auto s = Suggest("副市长的亲属承揽了应急物资采购项目。", 1);
  EXPECT_EQ(s.kind, ScopeKind::kAboveLevel);
  EXPECT_DOUBLE_EQ(s.confidence, 0.80);
  ASSERT_FALSE(s.cues.empty());
  EXPECT_EQ(s.cues[0].kind, CueKind::kAboveLevel);
  EXPECT_EQ(s.cues[0].phrase, "副市长");  // not also 市长 inside it
  s = Suggest("王胜弘与省政府某领导关系密切，借此承揽工程。", 1);
  EXPECT_EQ(s.kind, ScopeKind::kAboveLevel);
  EXPECT_DOUBLE_EQ(s.confidence, 0.60);
  EXPECT_TRUE(HasCue(s, CueKind::kLeader, "王胜弘"));
}

TEST(ScopeSuggestTest, WordsHoldingAnAboveLevelCueDoNotCount) {
  // 市长热线 is the 12345 line; 超市长期 is a supermarket, for a long time.
  auto s = Suggest("我打过市长热线，王胜弘违规发放津贴的事没人管。", 1);
  EXPECT_EQ(s.kind, ScopeKind::kInScope);
  s = Suggest("单位食堂从超市长期赊账采购。", 1);
  EXPECT_EQ(s.kind, ScopeKind::kInScope);
  EXPECT_TRUE(HasCue(s, CueKind::kKeyPost, "采购"));
}

TEST(ScopeSuggestTest, NoPersonInScopeOnlyByKeyPostsOrDisciplines) {
  auto s = Suggest("财务人员虚开发票套取资金。", 1);
  EXPECT_EQ(s.kind, ScopeKind::kInScope);
  EXPECT_DOUBLE_EQ(s.confidence, 0.60);
  EXPECT_TRUE(HasCue(s, CueKind::kKeyPost, "财务"));
  s = Suggest("单位存在违规发放福利的问题。", 2);
  EXPECT_EQ(s.kind, ScopeKind::kInScope);
  EXPECT_DOUBLE_EQ(s.confidence, 0.45);
  s = Suggest("出纳经常不在岗。", 0);
  EXPECT_EQ(s.kind, ScopeKind::kInScope);
  EXPECT_DOUBLE_EQ(s.confidence, 0.35);
  s = Suggest("你们好，我想咨询一下办事流程。", 0);
  EXPECT_EQ(s.kind, ScopeKind::kUnclear);
  EXPECT_DOUBLE_EQ(s.confidence, 0);
  EXPECT_TRUE(s.cues.empty());
}

// A leadership post without a roster match (the reporter wrote a surname the roster does not
// have, or none) still says the report is about the leadership.
TEST(ScopeSuggestTest, ALeadershipPostWithoutARosterMatchIsInScope) {
  auto Suggest = [](std::string_view raw, int disciplines) {
    return SuggestScope(N(raw), PersonMatches{}, disciplines);
  };
  auto s = Suggest("来电反映市财政局副局长孙某在办公用房装修中超标准。", 1);
  EXPECT_EQ(s.kind, ScopeKind::kInScope);
  EXPECT_DOUBLE_EQ(s.confidence, 0.70);
  EXPECT_TRUE(HasCue(s, CueKind::kLeaderPost, "副局长"));
  EXPECT_FALSE(HasCue(s, CueKind::kLeaderPost, "局长")) << "inside 副局长: no second cue";
  EXPECT_EQ(CueKindName(CueKind::kLeaderPost), "leader_post");
  s = Suggest("某处长经常不在岗。", 0);
  EXPECT_EQ(s.kind, ScopeKind::kInScope);
  EXPECT_DOUBLE_EQ(s.confidence, 0.40);
  // Transfer cues still win over a post alone, and above-level over everything.
  s = Suggest("主任欠我工资不还。", 0);
  EXPECT_EQ(s.kind, ScopeKind::kTransfer);
  s = Suggest("副市长的秘书主任收受礼金。", 1);
  EXPECT_EQ(s.kind, ScopeKind::kAboveLevel);
}

TEST(ScopeSuggestTest, TheCallerSetsHowStrongAPersonMatchMustBe) {
  // 一把手 matches the secretary at 0.40: a person by default (0.30), not at 0.50, where only
  // the post itself is left (in scope, less sure).
  ScopeOptions strict;
  strict.min_person_confidence = 0.5;
  const std::vector<Leader> roster = {L(1, "王胜弘", "党组书记、局长")};
  const std::string text = N("听说一把手要调走了。");
  auto m = MatchPersons(text, {}, roster, Sound);
  ASSERT_EQ(m.matches.size(), 1u);
  const auto loose = SuggestScope(text, m, 0);
  EXPECT_EQ(loose.kind, ScopeKind::kInScope);
  const auto leader_cue = [](const ScopeSuggestion& x) {
    return std::any_of(x.cues.begin(), x.cues.end(),
                       [](const ScopeCue& c) { return c.kind == CueKind::kLeader; });
  };
  EXPECT_TRUE(leader_cue(loose));
  const auto s = SuggestScope(text, m, 0, DefaultScopeCues(), strict);
  EXPECT_EQ(s.kind, ScopeKind::kInScope);
  EXPECT_LT(s.confidence, loose.confidence);
  EXPECT_FALSE(leader_cue(s));
  EXPECT_TRUE(HasCue(s, CueKind::kLeaderPost, "一把手"));
}

TEST(ScopeSuggestTest, LeaderAndDisciplineWithTransferCuesStayInScopeButLessSure) {
  auto s = Suggest("王胜弘打招呼干预法院判决，收受当事人财物。", 1);
  EXPECT_EQ(s.kind, ScopeKind::kInScope);
  EXPECT_DOUBLE_EQ(s.confidence, 0.65);
  EXPECT_TRUE(HasCue(s, CueKind::kLegal, "法院"));
}

TEST(ScopeSuggestTest, CallerCuesReplaceTheDefaults) {
  ScopeCues cues;
  cues.above_level = {"董事长"};
  auto s = SuggestScope(N("集团董事长违规决策。"), {}, 0, cues);
  EXPECT_EQ(s.kind, ScopeKind::kAboveLevel);
  EXPECT_EQ(ScopeKindName(s.kind), "above_level");
}

}  // namespace
}  // namespace xuncha
