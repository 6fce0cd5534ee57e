#include "domain/clue.h"

#include <gtest/gtest.h>

namespace xuncha {
namespace {

ClueDraft Valid() {
  ClueDraft d;
  d.assignment_id = AssignmentId(3);
  d.organ = Organ::kDisciplineCommission;
  d.content.title = "反映某副局长收受礼金";
  d.content.description = "2025年春节期间收受下属单位礼金2万元。";
  d.content.leaders = {FindingLeader(LeaderId(7))};
  return d;
}

TEST(ClueTest, AValidDraftHasNoErrors) { EXPECT_TRUE(ValidateClueDraft(Valid()).empty()); }

TEST(ClueTest, AClueMustNameSomeone) {
  ClueDraft d = Valid();
  d.content.leaders.clear();
  EXPECT_EQ(ValidateClueDraft(d).at("leaders"), "persons_required");
  d.content.other_persons = "  \n";
  EXPECT_EQ(ValidateClueDraft(d).at("leaders"), "persons_required") << "blank names no one";
  d.content.other_persons = "计划科科长（姓名待核）";
  EXPECT_TRUE(ValidateClueDraft(d).empty());
}

TEST(ClueTest, EveryBadFieldIsNamed) {
  ClueDraft d;
  d.content.title = "两行\n标题";
  d.content.other_persons = std::string(501, 'x');
  d.content.leaders = {FindingLeader(LeaderId(1)), FindingLeader(LeaderId(1))};
  d.disciplines = {Discipline::kWork, Discipline::kWork};
  const FieldErrors e = ValidateClueDraft(d);
  EXPECT_EQ(e.at("assignment_id"), "required");
  EXPECT_EQ(e.at("organ"), "required");
  EXPECT_EQ(e.at("title"), "one_line");
  EXPECT_EQ(e.at("description"), "required");
  EXPECT_EQ(e.at("other_persons"), "too_long");
  EXPECT_EQ(e.at("leaders"), "duplicate");
  EXPECT_EQ(e.at("disciplines"), "duplicate");
}

TEST(ClueTest, TheLeaderHandsOverAndTheRecipientSignsAndDisposes) {
  using S = ClueState;
  EXPECT_EQ(AllowedClueTransitions(S::kDraft, ClueMover::kGroupLeader),
            (std::vector<S>{S::kHandedOver, S::kWithdrawn}));
  EXPECT_EQ(AllowedClueTransitions(S::kHandedOver, ClueMover::kGroupLeader),
            std::vector<S>{S::kDraft});
  EXPECT_TRUE(AllowedClueTransitions(S::kReceived, ClueMover::kGroupLeader).empty())
      << "once signed for, the group cannot take it back";
  EXPECT_TRUE(AllowedClueTransitions(S::kDraft, ClueMover::kRecipient).empty());
  EXPECT_EQ(AllowedClueTransitions(S::kHandedOver, ClueMover::kRecipient),
            std::vector<S>{S::kReceived});
  EXPECT_EQ(AllowedClueTransitions(S::kReceived, ClueMover::kRecipient),
            std::vector<S>{S::kDisposed});
  EXPECT_TRUE(AllowedClueTransitions(S::kDisposed, ClueMover::kRecipient).empty());
  EXPECT_FALSE(ClueWithOrgan(S::kDraft));
  EXPECT_FALSE(ClueWithOrgan(S::kWithdrawn));
  EXPECT_TRUE(ClueWithOrgan(S::kHandedOver));
}

TEST(ClueTest, NamesRoundTrip) {
  for (ClueState s : {ClueState::kDraft, ClueState::kHandedOver, ClueState::kReceived,
                      ClueState::kDisposed, ClueState::kWithdrawn}) {
    EXPECT_EQ(ParseClueState(ClueStateName(s)), s);
    EXPECT_FALSE(ClueStateChinese(s).empty());
  }
  for (ClueDisposal d : {ClueDisposal::kTalkInquiry, ClueDisposal::kPreliminaryVerification,
                         ClueDisposal::kHold, ClueDisposal::kClose, ClueDisposal::kOther}) {
    EXPECT_EQ(ParseClueDisposal(ClueDisposalName(d)), d);
  }
  EXPECT_EQ(ParseOrgan("organisation_department"), Organ::kOrganisationDepartment);
  EXPECT_FALSE(ParseOrgan("court"));
  EXPECT_FALSE(ParseClueState("open"));
}

}  // namespace
}  // namespace xuncha
