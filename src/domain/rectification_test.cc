#include "domain/rectification.h"

#include <gtest/gtest.h>

namespace xuncha {
namespace {

MeasureDraft Valid() {
  MeasureDraft d;
  d.finding_id = FindingId(4);
  d.kind = MeasureKind::kByDeadline;
  d.deadline = Date::FromYmd(2026, 12, 31);
  d.content.content = "清理超标办公用房2间，调整至标准面积以内";
  d.content.responsible_department = "办公室";
  return d;
}

TEST(RectificationRulesTest, AValidMeasureHasNoErrors) {
  EXPECT_TRUE(ValidateMeasureDraft(Valid()).empty());
}

TEST(RectificationRulesTest, ADeadlineIsRequiredOnlyByDeadline) {
  MeasureDraft d = Valid();
  d.deadline.reset();
  EXPECT_EQ(ValidateMeasureDraft(d).at("deadline"), "required");
  d.kind = MeasureKind::kOngoing;
  EXPECT_TRUE(ValidateMeasureDraft(d).empty());
  d.kind = MeasureKind::kImmediate;
  EXPECT_TRUE(ValidateMeasureDraft(d).empty());
}

TEST(RectificationRulesTest, EveryBadFieldIsNamed) {
  MeasureDraft d;
  d.content.responsible_leader = std::string(101, 'x');
  const FieldErrors e = ValidateMeasureDraft(d);
  EXPECT_EQ(e.at("finding_id"), "required");
  EXPECT_EQ(e.at("kind"), "required");
  EXPECT_EQ(e.at("content"), "required");
  EXPECT_EQ(e.at("responsible_department"), "required");
  EXPECT_EQ(e.at("responsible_leader"), "too_long");
}

TEST(RectificationRulesTest, TheUnitReportsDoneAndTheOfficeAcceptsOrReturns) {
  using S = MeasureState;
  EXPECT_EQ(AllowedMeasureTransitions(S::kPlanned, MeasureMover::kUnit), std::vector<S>{S::kDone});
  EXPECT_TRUE(AllowedMeasureTransitions(S::kDone, MeasureMover::kUnit).empty())
      << "the unit cannot accept its own measure";
  EXPECT_TRUE(AllowedMeasureTransitions(S::kPlanned, MeasureMover::kOffice).empty());
  EXPECT_EQ(AllowedMeasureTransitions(S::kDone, MeasureMover::kOffice),
            (std::vector<S>{S::kAccepted, S::kPlanned}));
  EXPECT_TRUE(AllowedMeasureTransitions(S::kAccepted, MeasureMover::kOffice).empty());
}

TEST(RectificationRulesTest, AProblemIsClosedOutWhenEveryMeasureIsAccepted) {
  using S = MeasureState;
  EXPECT_EQ(StatusOf({}), ProblemStatus::kNoMeasures);
  EXPECT_EQ(StatusOf({S::kAccepted, S::kDone}), ProblemStatus::kInProgress);
  EXPECT_EQ(StatusOf({S::kAccepted, S::kAccepted}), ProblemStatus::kClosedOut);
}

TEST(RectificationRulesTest, OnlyAPlannedMeasurePastItsDeadlineIsOverdue) {
  Measure m;
  m.deadline = Date::FromYmd(2026, 11, 30);
  EXPECT_FALSE(Overdue(m, Date::FromYmd(2026, 11, 30))) << "the deadline day itself is in time";
  EXPECT_TRUE(Overdue(m, Date::FromYmd(2026, 12, 1)));
  m.state = MeasureState::kDone;
  EXPECT_FALSE(Overdue(m, Date::FromYmd(2026, 12, 1)));
  m.state = MeasureState::kPlanned;
  m.deadline.reset();
  EXPECT_FALSE(Overdue(m, Date::FromYmd(2030, 1, 1))) << "ongoing has no end date";
}

}  // namespace
}  // namespace xuncha
