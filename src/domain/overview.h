// A round in figures (统计概览, docs/overview.md): counts for the dashboards of the office, the
// leading group and the groups. Built from plain facts (states, channels, keys; never content)
// by a pure function, so what is counted and how is tested without storage.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "domain/assignment.h"
#include "domain/clue.h"
#include "domain/discipline.h"
#include "domain/finding.h"
#include "domain/rectification.h"
#include "domain/report.h"
#include "domain/round.h"
#include "domain/user.h"

namespace xuncha {

// The plain columns of one record, as storage reads them for a round.
struct ReportFact {
  AssignmentId assignment_id;
  Channel channel = Channel::kWeb;
  ReportState state = ReportState::kRegistered;
  bool sealed = false;
};
struct FindingFact {
  FindingId id;
  AssignmentId assignment_id;
  FindingState state = FindingState::kDraft;
  std::vector<Discipline> disciplines;
  std::optional<FocusItemId> focus_item_id;
};
struct ClueFact {
  AssignmentId assignment_id;
  Organ organ = Organ::kDisciplineCommission;
  ClueState state = ClueState::kDraft;
};
struct MeasureFact {
  FindingId finding_id;
  MeasureState state = MeasureState::kPlanned;
  std::optional<Date> deadline;
};
struct RoundFacts {
  std::vector<ReportFact> reports;
  std::vector<FindingFact> findings;
  std::vector<ClueFact> clues;
  std::vector<MeasureFact> measures;
};

struct OverviewFigures {
  int reports = 0;
  int sealed_reports = 0;
  int findings = 0;  // draft or confirmed
  int findings_confirmed = 0;
  int clues = 0;  // not withdrawn
  int clues_handed_over = 0;
  int problems = 0;  // confirmed findings once the round is fed back
  int problems_closed = 0;
  int measures = 0;
  int measures_accepted = 0;
  int measures_overdue = 0;
};

struct OverviewUnitRow {
  Assignment stationing;
  OverviewFigures figures;
};

struct FocusTally {
  std::optional<FocusItemId> focus_item_id;  // a top-level point; nullopt: filed under none
  std::string title;
  int count = 0;
};

inline constexpr std::size_t kChannelCount = 6;
inline constexpr std::size_t kReportStateCount = 5;
inline constexpr std::size_t kOrganCount = 2;

struct RoundOverview {
  OverviewFigures totals;
  std::array<int, kChannelCount> reports_by_channel{};
  std::array<int, kReportStateCount> reports_by_state{};
  std::array<int, kDisciplineCount> findings_by_discipline{};
  std::vector<FocusTally> findings_by_focus;
  std::array<int, kOrganCount> clues_by_organ{};
  std::vector<OverviewUnitRow> units;
};

struct OverviewInput {
  RoundStatus round_status = RoundStatus::kPlanning;
  // The stationings counted, in the order the rows are shown. Facts of any other assignment
  // are left out (they are outside the caller's scope).
  std::vector<Assignment> stationings;
  std::vector<FocusItem> focus;  // the round's checklist, in its order
  RoundFacts facts;
  // Sealed (越级) reports are counted only where the caller may list them: all of them (a
  // custodian), or those of the groups he leads.
  bool sealed_all = false;
  std::vector<GroupId> sealed_groups;
  Date today;  // China date, for overdue measures
};

RoundOverview BuildOverview(const OverviewInput& in);

}  // namespace xuncha
