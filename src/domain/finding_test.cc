#include "domain/finding.h"

#include <gtest/gtest.h>

namespace xuncha {
namespace {

FindingDraft Valid() {
  FindingDraft d;
  d.assignment_id = AssignmentId(3);
  d.content.title = "专项资金拨付审批把关不严";
  d.content.description = "抽查凭证40份，6份缺少审批签字。";
  return d;
}

TEST(FindingDraftTest, AValidDraftHasNoErrors) {
  EXPECT_TRUE(ValidateFindingDraft(Valid()).empty());
}

TEST(FindingDraftTest, TitleIsRequiredOneLineAndAtMostOneHundredCharacters) {
  FindingDraft d = Valid();
  d.content.title = " \t";
  EXPECT_EQ(ValidateFindingDraft(d).at("title"), "required");
  d.content.title = "第一行\n第二行";
  EXPECT_EQ(ValidateFindingDraft(d).at("title"), "one_line");
  d.content.title.clear();
  for (int i = 0; i < 100; ++i) d.content.title += "问";  // 100 characters, 300 bytes
  EXPECT_TRUE(ValidateFindingDraft(d).empty());
  d.content.title += "题";
  EXPECT_EQ(ValidateFindingDraft(d).at("title"), "too_long");
}

TEST(FindingDraftTest, NamesEveryBadField) {
  FindingDraft d;
  d.disciplines = {Discipline::kWork, Discipline::kIntegrity, Discipline::kWork};
  d.content.leaders = {LeaderId(4), LeaderId(4)};
  const FieldErrors e = ValidateFindingDraft(d);
  EXPECT_EQ(e.at("assignment_id"), "required");
  EXPECT_EQ(e.at("title"), "required");
  EXPECT_EQ(e.at("description"), "required");
  EXPECT_EQ(e.at("disciplines"), "duplicate");
  EXPECT_EQ(e.at("leaders"), "duplicate");
  EXPECT_EQ(e.count("evidence"), 0u);
}

TEST(FindingDraftTest, LeadersMustBeValidIdsAndFew) {
  FindingDraft d = Valid();
  d.content.leaders = {LeaderId(0)};
  EXPECT_EQ(ValidateFindingDraft(d).at("leaders"), "invalid_value");
  d.content.leaders.clear();
  for (int i = 1; i <= 21; ++i) d.content.leaders.emplace_back(LeaderId(i));
  EXPECT_EQ(ValidateFindingDraft(d).at("leaders"), "too_many");
}

TEST(FindingStateTest, OnlyTheLeadersMovesAreAllowed) {
  using S = FindingState;
  EXPECT_EQ(AllowedFindingTransitions(S::kDraft), (std::vector<S>{S::kConfirmed, S::kWithdrawn}));
  EXPECT_EQ(AllowedFindingTransitions(S::kConfirmed), std::vector<S>{S::kDraft});
  EXPECT_EQ(AllowedFindingTransitions(S::kWithdrawn), std::vector<S>{S::kDraft});
  EXPECT_TRUE(FindingEditable(S::kDraft));
  EXPECT_FALSE(FindingEditable(S::kConfirmed));
  for (S s : {S::kDraft, S::kConfirmed, S::kWithdrawn}) {
    EXPECT_EQ(ParseFindingState(FindingStateName(s)), s);
  }
  EXPECT_FALSE(ParseFindingState("closed"));
}

}  // namespace
}  // namespace xuncha
