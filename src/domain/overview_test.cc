#include "domain/overview.h"

#include <gtest/gtest.h>

namespace xuncha {
namespace {

// Two stationings of one round; facts of a third (out of scope) are given too.
class OverviewTest : public ::testing::Test {
 protected:
  OverviewTest() {
    in.round_status = RoundStatus::kRectification;
    in.today = Date::FromYmd(2026, 11, 29);
    Assignment a;
    a.id = kFinance;
    a.group_id = GroupId(1);
    a.unit_id = UnitId(11);
    Assignment b;
    b.id = kTransport;
    b.group_id = GroupId(2);
    b.unit_id = UnitId(12);
    in.stationings = {a, b};
    // A point with a sub-item, and a second point.
    in.focus = {Focus(1, std::nullopt, "落实党的路线方针政策"),
                Focus(2, 1, "贯彻落实上级重大决策部署"),
                Focus(3, std::nullopt, "落实全面从严治党")};
  }

  static FocusItem Focus(int id, std::optional<int> parent, const char* title) {
    FocusItem f;
    f.id = FocusItemId(id);
    if (parent) f.parent_id = FocusItemId(*parent);
    f.title = title;
    return f;
  }
  static FindingFact FindingOf(int id, AssignmentId at, FindingState s, std::optional<int> focus,
                               std::vector<Discipline> ds = {}) {
    FindingFact f;
    f.id = FindingId(id);
    f.assignment_id = at;
    f.state = s;
    if (focus) f.focus_item_id = FocusItemId(*focus);
    f.disciplines = std::move(ds);
    return f;
  }
  static MeasureFact MeasureOf(int finding, MeasureState s, std::optional<Date> deadline) {
    MeasureFact m;
    m.finding_id = FindingId(finding);
    m.state = s;
    m.deadline = deadline;
    return m;
  }

  static constexpr AssignmentId kFinance{1};
  static constexpr AssignmentId kTransport{2};
  static constexpr AssignmentId kOutOfScope{3};
  OverviewInput in;
};

TEST_F(OverviewTest, ReportsAreCountedByStationingChannelAndState) {
  in.facts.reports = {{kFinance, Channel::kWeb, ReportState::kRegistered, false},
                      {kFinance, Channel::kCall, ReportState::kAccepted, false},
                      {kTransport, Channel::kWeb, ReportState::kAccepted, false},
                      {kOutOfScope, Channel::kLetter, ReportState::kAccepted, false}};
  RoundOverview o = BuildOverview(in);
  EXPECT_EQ(o.totals.reports, 3) << "the third stationing is not in scope";
  EXPECT_EQ(o.units.at(0).figures.reports, 2);
  EXPECT_EQ(o.units.at(1).figures.reports, 1);
  EXPECT_EQ(o.reports_by_channel.at(static_cast<std::size_t>(Channel::kWeb)), 2);
  EXPECT_EQ(o.reports_by_channel.at(static_cast<std::size_t>(Channel::kLetter)), 0);
  EXPECT_EQ(o.reports_by_state.at(static_cast<std::size_t>(ReportState::kAccepted)), 2);
}

TEST_F(OverviewTest, SealedReportsAreCountedOnlyWhereTheCallerMayListThem) {
  in.facts.reports = {{kFinance, Channel::kWeb, ReportState::kRegistered, true},
                      {kFinance, Channel::kWeb, ReportState::kRegistered, false}};
  in.facts.reports.push_back({kTransport, Channel::kWeb, ReportState::kRegistered, true});
  RoundOverview hidden = BuildOverview(in);
  EXPECT_EQ(hidden.totals.reports, 1);
  EXPECT_EQ(hidden.totals.sealed_reports, 0);
  EXPECT_EQ(hidden.reports_by_channel.at(0), 1) << "a sealed report leaves no trace in a tally";
  in.sealed_groups = {GroupId(2)};  // the leader of the second group
  RoundOverview leader = BuildOverview(in);
  EXPECT_EQ(leader.totals.reports, 2);
  EXPECT_EQ(leader.units.at(1).figures.sealed_reports, 1);
  EXPECT_EQ(leader.units.at(0).figures.sealed_reports, 0);
  in.sealed_all = true;  // a custodian
  RoundOverview custodian = BuildOverview(in);
  EXPECT_EQ(custodian.totals.reports, 3);
  EXPECT_EQ(custodian.totals.sealed_reports, 2);
}

TEST_F(OverviewTest, FindingsRollUpToTheirPointAndWithdrawnOnesDoNotCount) {
  in.facts.findings = {
      FindingOf(1, kFinance, FindingState::kConfirmed, 2,
                {Discipline::kIntegrity, Discipline::kWork}),
      FindingOf(2, kFinance, FindingState::kDraft, 1, {Discipline::kWork}),
      FindingOf(3, kTransport, FindingState::kWithdrawn, 3, {Discipline::kPolitical}),
      FindingOf(4, kTransport, FindingState::kDraft, std::nullopt),
      FindingOf(5, kOutOfScope, FindingState::kConfirmed, 3, {Discipline::kPolitical})};
  RoundOverview o = BuildOverview(in);
  EXPECT_EQ(o.totals.findings, 3);
  EXPECT_EQ(o.totals.findings_confirmed, 1);
  EXPECT_EQ(o.findings_by_discipline.at(Index(Discipline::kWork)), 2);
  EXPECT_EQ(o.findings_by_discipline.at(Index(Discipline::kIntegrity)), 1);
  EXPECT_EQ(o.findings_by_discipline.at(Index(Discipline::kPolitical)), 0);
  ASSERT_EQ(o.findings_by_focus.size(), 3u) << "two points, then the unfiled";
  EXPECT_EQ(o.findings_by_focus[0].title, "落实党的路线方针政策");
  EXPECT_EQ(o.findings_by_focus[0].count, 2) << "its sub-item's finding counts under it";
  EXPECT_EQ(o.findings_by_focus[1].title, "落实全面从严治党");
  EXPECT_EQ(o.findings_by_focus[1].count, 0);
  EXPECT_FALSE(o.findings_by_focus[2].focus_item_id.has_value());
  EXPECT_EQ(o.findings_by_focus[2].count, 1);
}

TEST_F(OverviewTest, TheLedgerCountsConfirmedFindingsAndTheirMeasures) {
  in.facts.findings = {FindingOf(1, kFinance, FindingState::kConfirmed, 1),
                       FindingOf(2, kFinance, FindingState::kConfirmed, 1),
                       FindingOf(3, kFinance, FindingState::kDraft, 1),
                       FindingOf(4, kTransport, FindingState::kConfirmed, 3)};
  const Date yesterday = Date::FromYmd(2026, 11, 28);
  in.facts.measures = {MeasureOf(1, MeasureState::kAccepted, yesterday),
                       MeasureOf(1, MeasureState::kAccepted, std::nullopt),
                       MeasureOf(2, MeasureState::kPlanned, yesterday),
                       MeasureOf(2, MeasureState::kDone, yesterday),
                       MeasureOf(3, MeasureState::kPlanned, yesterday)};
  RoundOverview o = BuildOverview(in);
  const OverviewFigures& finance = o.units.at(0).figures;
  EXPECT_EQ(finance.problems, 2);
  EXPECT_EQ(finance.problems_closed, 1) << "every measure of finding 1 is accepted";
  EXPECT_EQ(finance.measures, 4) << "a draft's measure is on no problem list";
  EXPECT_EQ(finance.measures_accepted, 2);
  EXPECT_EQ(finance.measures_overdue, 1) << "planned and past its deadline; done is not overdue";
  EXPECT_EQ(o.units.at(1).figures.problems, 1);
  EXPECT_EQ(o.units.at(1).figures.problems_closed, 0) << "no measure yet";
  EXPECT_EQ(o.totals.problems, 3);
}

TEST_F(OverviewTest, BeforeRectificationThereIsNoProblemList) {
  in.round_status = RoundStatus::kReporting;
  in.facts.findings = {FindingOf(1, kFinance, FindingState::kConfirmed, 1)};
  in.facts.measures = {MeasureOf(1, MeasureState::kPlanned, Date::FromYmd(2026, 1, 1))};
  RoundOverview o = BuildOverview(in);
  EXPECT_EQ(o.totals.findings_confirmed, 1);
  EXPECT_EQ(o.totals.problems, 0);
  EXPECT_EQ(o.totals.measures, 0);
  EXPECT_EQ(o.totals.measures_overdue, 0);
}

TEST_F(OverviewTest, CluesCountUnlessWithdrawnAndHandedOverOnceTheyLeaveTheGroup) {
  in.facts.clues = {{kFinance, Organ::kDisciplineCommission, ClueState::kDraft},
                    {kFinance, Organ::kDisciplineCommission, ClueState::kDisposed},
                    {kTransport, Organ::kOrganisationDepartment, ClueState::kReceived},
                    {kTransport, Organ::kOrganisationDepartment, ClueState::kWithdrawn},
                    {kOutOfScope, Organ::kOrganisationDepartment, ClueState::kHandedOver}};
  RoundOverview o = BuildOverview(in);
  EXPECT_EQ(o.totals.clues, 3);
  EXPECT_EQ(o.totals.clues_handed_over, 2);
  EXPECT_EQ(o.clues_by_organ.at(static_cast<std::size_t>(Organ::kDisciplineCommission)), 2);
  EXPECT_EQ(o.clues_by_organ.at(static_cast<std::size_t>(Organ::kOrganisationDepartment)), 1);
}

TEST_F(OverviewTest, AChecklistWithACycleStillEndsAndLosesNoFinding) {
  in.focus = {Focus(1, 2, "甲"), Focus(2, 1, "乙"), Focus(3, std::nullopt, "丙")};
  in.facts.findings = {FindingOf(1, kFinance, FindingState::kDraft, 1),
                       FindingOf(2, kFinance, FindingState::kDraft, 3)};
  RoundOverview o = BuildOverview(in);
  int listed = 0;
  for (const auto& f : o.findings_by_focus) listed += f.count;
  EXPECT_EQ(listed, o.totals.findings) << "every finding is under some listed point";
  EXPECT_EQ(o.totals.findings, 2);
}

}  // namespace
}  // namespace xuncha
