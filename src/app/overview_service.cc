#include "app/overview_service.h"

#include <algorithm>
#include <map>
#include <string>

#include "app/scope.h"

namespace xuncha {
namespace {

constexpr int kChinaUtcOffset = 8 * 3600;

bool ReadsOverview(Role r) {
  return r == Role::kOffice || r == Role::kLeadership || IsGroupRole(r);
}

}  // namespace

Result<RoundOverviewView> OverviewService::Overview(const Actor& a, RoundId round) {
  if (!ReadsOverview(a.user.role)) {
    return Forbidden("the overview is for the office, the leading group and the groups");
  }
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_ASSIGN_OR_RETURN(Scope scope, ScopeFor(*tx, a.user));
  if (!CanSeeRound(scope, round)) return NotFound("round");
  XUNCHA_ASSIGN_OR_RETURN(RoundSummary summary, tx->GetRound(round));

  RoundOverviewView v;
  v.round = summary.round;
  v.all = scope.all;
  v.as_of = Date::OfTimestamp(clock_.Now(), kChinaUtcOffset);
  AssignmentFilter af;
  af.round_id = round;
  XUNCHA_ASSIGN_OR_RETURN(v.stationings, tx->ListAssignments(scope, af));
  // The planning scope also lists other groups' stationings at units his groups once visited:
  // the overview is of his own groups' stationings only.
  if (!scope.all) {
    std::erase_if(v.stationings, [&](const AssignmentView& s) {
      return !Contains(scope.groups, s.assignment.group_id);
    });
  }
  // By group (第一巡察组 first), then stationing start: a group's units read together.
  std::map<GroupId, int> number;
  for (const auto& s : v.stationings) {
    if (number.contains(s.assignment.group_id)) continue;
    XUNCHA_ASSIGN_OR_RETURN(Group g, tx->GetGroup(s.assignment.group_id));
    number[g.id] = g.number;
  }
  std::stable_sort(v.stationings.begin(), v.stationings.end(),
                   [&](const AssignmentView& x, const AssignmentView& y) {
                     const int nx = number[x.assignment.group_id];
                     const int ny = number[y.assignment.group_id];
                     if (nx != ny) return nx < ny;
                     return x.assignment.station_start < y.assignment.station_start;
                   });

  OverviewInput in;
  in.round_status = summary.round.status;
  for (const auto& s : v.stationings) in.stationings.push_back(s.assignment);
  XUNCHA_ASSIGN_OR_RETURN(in.focus, tx->ListFocusItems(round));
  XUNCHA_ASSIGN_OR_RETURN(in.facts, tx->ReadRoundFacts(round, scope.all, scope.groups));
  if (a.user.role != Role::kLeadership) {
    XUNCHA_ASSIGN_OR_RETURN(ReportScope rs, reports_.ScopeFor(*tx, a));
    in.sealed_all = rs.sealed_all;
    in.sealed_groups = rs.sealed_groups;
  }
  in.today = v.as_of;
  v.overview = BuildOverview(in);

  XUNCHA_TRY(audit_.Append(*tx, a, "round.overview", "round", std::to_string(round.value), ""));
  XUNCHA_TRY(tx->Commit());
  return v;
}

}  // namespace xuncha
