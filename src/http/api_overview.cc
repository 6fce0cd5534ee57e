// The round overview (统计概览): GET /api/v1/rounds/{id}/overview (docs/overview.md).
#include "app/overview_service.h"
#include "http/api.h"
#include "http/handler_util.h"

namespace xuncha::http {
namespace {
using bhttp::verb;
using nlohmann::json;

json FiguresJson(const OverviewFigures& f) {
  return {{"reports", f.reports},
          {"sealed_reports", f.sealed_reports},
          {"findings", f.findings},
          {"findings_confirmed", f.findings_confirmed},
          {"clues", f.clues},
          {"clues_handed_over", f.clues_handed_over},
          {"problems", f.problems},
          {"problems_closed", f.problems_closed},
          {"measures", f.measures},
          {"measures_accepted", f.measures_accepted},
          {"measures_overdue", f.measures_overdue}};
}

// Every key of an enum in its order, with its count (zeros included).
template <typename E, std::size_t N, typename NameFn>
json TallyJson(const std::array<int, N>& counts, NameFn name) {
  json out = json::array();
  for (std::size_t i = 0; i < N; ++i) {
    out.push_back({{"key", std::string(name(static_cast<E>(i)))}, {"count", counts.at(i)}});
  }
  return out;
}

json OverviewJson(const RoundOverviewView& v) {
  const RoundOverview& o = v.overview;
  json focus = json::array();
  for (const auto& f : o.findings_by_focus) {
    focus.push_back({{"focus_item_id", f.focus_item_id ? json(f.focus_item_id->value) : json()},
                     {"title", f.title},
                     {"count", f.count}});
  }
  json units = json::array();
  for (std::size_t i = 0; i < o.units.size() && i < v.stationings.size(); ++i) {
    const AssignmentView& s = v.stationings[i];
    json row = FiguresJson(o.units[i].figures);
    row["assignment_id"] = s.assignment.id.value;
    row["group_id"] = s.assignment.group_id.value;
    row["group_name"] = s.group_name;
    row["unit_id"] = s.assignment.unit_id.value;
    row["unit_name"] = s.unit_name;
    row["station_start"] = s.assignment.station_start.ToString();
    row["station_end"] = s.assignment.station_end.ToString();
    units.push_back(std::move(row));
  }
  return {{"round_id", v.round.id.value},
          {"round_name", v.round.name},
          {"round_status", RoundStatusName(v.round.status)},
          {"demo", v.round.demo},
          {"scope", v.all ? "all" : "own_groups"},
          {"as_of", v.as_of.ToString()},
          {"totals", FiguresJson(o.totals)},
          {"reports_by_channel", TallyJson<Channel>(o.reports_by_channel, ChannelName)},
          {"reports_by_state", TallyJson<ReportState>(o.reports_by_state, ReportStateName)},
          {"findings_by_discipline",
           TallyJson<Discipline>(o.findings_by_discipline,
                                 [](Discipline d) { return std::string_view(DisciplineKey(d)); })},
          {"findings_by_focus", focus},
          {"clues_by_organ", TallyJson<Organ>(o.clues_by_organ, OrganName)},
          {"units", units}};
}

}  // namespace

void Api::AddOverviewRoutes() {
  router_.Add(
      verb::get, "/api/v1/rounds/{id}/overview", Access::kSession,
      [this](Ctx& ctx) -> Result<Response> {
        if (overview_ == nullptr) {
          return Error::Make(ErrorCode::kUnavailable, "overview not configured", "unavailable");
        }
        XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
        XUNCHA_ASSIGN_OR_RETURN(RoundOverviewView v, overview_->Overview(*ctx.actor, RoundId(id)));
        return Json(ctx, OverviewJson(v));
      });
}

}  // namespace xuncha::http
