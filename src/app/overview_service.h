// The round overview (统计概览, docs/overview.md): a round in figures for the dashboards.
//
// Who may read it:
//   office, leadership   the whole round;
//   group leader/member  the stationings of the groups he sits in (a round without one: 404);
// sealed (越级) reports counted only where the caller may list them (a custodian all, a group
// leader his groups'), so no count reveals one he could not see;
//   unit, clue recipient, admin: 403.
// Counts only: no title, no name of a reporter or of a person concerned.
#pragma once

#include <vector>

#include "app/actor.h"
#include "app/audit_log.h"
#include "app/report_service.h"
#include "core/clock.h"
#include "domain/overview.h"
#include "ports/store.h"

namespace xuncha {

struct RoundOverviewView {
  Round round;
  bool all = false;  // the whole round, or the caller's own groups
  Date as_of;        // China date the overdue measures are counted on
  RoundOverview overview;
  std::vector<AssignmentView> stationings;  // one per overview.units row, in the same order
};

class OverviewService {
 public:
  OverviewService(Store& store, const Clock& clock, AuditLog& audit, ReportService& reports)
      : store_(store), clock_(clock), audit_(audit), reports_(reports) {}

  // Logged as round.overview.
  Result<RoundOverviewView> Overview(const Actor& a, RoundId round);

 private:
  Store& store_;
  const Clock& clock_;
  AuditLog& audit_;
  ReportService& reports_;  // who may list which sealed reports
};

}  // namespace xuncha
