// GET /api/v1/search: full-text search over the caller's reports, findings and clues
// (docs/search.md).
#include "domain/discipline.h"
#include "http/api.h"
#include "http/dto.h"
#include "http/handler_util.h"
#include "http/report_dto.h"

namespace xuncha::http {
namespace {
using bhttp::verb;
using nlohmann::json;

Result<std::optional<Date>> QueryDate(const Ctx& ctx, const char* name) {
  const std::string s = QueryStr(ctx, name);
  if (s.empty()) return std::optional<Date>();
  auto d = Date::Parse(s);
  if (!d) return InvalidArgument(std::string("bad ") + name, "bad_query");
  return d;
}

Result<SearchRequest> ReadSearchRequest(const Ctx& ctx) {
  SearchRequest r;
  r.q = QueryStr(ctx, "q");
  if (Trim(r.q).empty()) return InvalidArgument("empty query", "search_query_required");
  const std::string channel = QueryStr(ctx, "channel");
  if (!channel.empty()) {
    r.channel = ParseChannel(channel);
    if (!r.channel) return InvalidArgument("bad channel", "bad_query");
  }
  const std::string kind = QueryStr(ctx, "kind");
  if (!kind.empty()) {
    if (kind != "report" && kind != "finding" && kind != "clue" && kind != "rectification") {
      return InvalidArgument("bad kind", "bad_query");
    }
    r.kind = kind;
  }
  const std::string state = QueryStr(ctx, "state");
  if (!state.empty()) {
    if (!ParseReportState(state) && !ParseFindingState(state) && !ParseClueState(state) &&
        !ParseMeasureState(state)) {
      return InvalidArgument("bad state", "bad_query");
    }
    r.state = state;
  }
  const std::string discipline = QueryStr(ctx, "discipline");
  if (!discipline.empty()) {
    if (!DisciplineFromKey(discipline)) return InvalidArgument("bad discipline", "bad_query");
    r.discipline = discipline;
  }
  XUNCHA_ASSIGN_OR_RETURN(auto round, QueryId(ctx, "round_id"));
  if (round) r.round_id = RoundId(*round);
  XUNCHA_ASSIGN_OR_RETURN(auto group, QueryId(ctx, "group_id"));
  if (group) r.group_id = GroupId(*group);
  XUNCHA_ASSIGN_OR_RETURN(auto unit, QueryId(ctx, "unit_id"));
  if (unit) r.unit_id = UnitId(*unit);
  XUNCHA_ASSIGN_OR_RETURN(r.from, QueryDate(ctx, "from"));
  XUNCHA_ASSIGN_OR_RETURN(r.to, QueryDate(ctx, "to"));
  const std::string sort = QueryStr(ctx, "sort");
  if (sort == "date") {
    r.order = SearchRequest::Order::kDate;
  } else if (!sort.empty() && sort != "relevance") {
    return InvalidArgument("bad sort", "bad_query");
  }
  return r;
}

json SnippetJson(const std::vector<SnippetPart>& parts) {
  json out = json::array();
  for (const auto& p : parts) out.push_back({{"text", p.text}, {"hit", p.hit}});
  return out;
}

}  // namespace

void Api::AddSearchRoutes() {
  router_.Add(verb::get, "/api/v1/search", Access::kSession, [this](Ctx& ctx) -> Result<Response> {
    if (search_ == nullptr) {
      return Error::Make(ErrorCode::kUnavailable, "search not configured", "unavailable");
    }
    XUNCHA_ASSIGN_OR_RETURN(PageRequest page, QueryPage(ctx));
    XUNCHA_ASSIGN_OR_RETURN(SearchRequest r, ReadSearchRequest(ctx));
    XUNCHA_ASSIGN_OR_RETURN(SearchResults out, search_->Search(*ctx.actor, r, page));
    json items = json::array();
    for (const auto& h : out.items) {
      json j = h.kind == "finding"         ? FindingSummaryJson(h.finding)
               : h.kind == "clue"          ? ClueSummaryJson(h.clue)
               : h.kind == "rectification" ? MeasureJson(h.measure)
                                           : ReportSummaryJson(h.report);
      // A measure has a kind of its own (立行立改, ...): in a hit it is measure_kind.
      if (h.kind == "rectification") j["measure_kind"] = j["kind"];
      j["kind"] = h.kind;
      j["score"] = h.score;
      j["snippet"] = SnippetJson(h.snippet);
      items.push_back(std::move(j));
    }
    return Json(ctx, {{"items", items},
                      {"total", out.total},
                      {"page", page.page},
                      {"page_size", page.page_size},
                      {"terms", out.terms}});
  });
}

}  // namespace xuncha::http
