// Findings (发现问题 / 问题底稿) routes: list, write, read, edit and move a group's findings
// (docs/findings.md).

#include "http/api.h"
#include "http/dto.h"
#include "http/handler_util.h"
#include "xlsx/problem_list_xlsx.h"

namespace xuncha::http {
namespace {
using bhttp::verb;
using nlohmann::json;

json TsJson(UnixSeconds t) { return t > 0 ? json(FormatTimestamp(t)) : json(nullptr); }

json DisciplinesJson(const std::vector<Discipline>& ds) {
  json out = json::array();
  for (Discipline d : ds) out.push_back(DisciplineKey(d));
  return out;
}

}  // namespace

json FindingSummaryJson(const FindingView& v) {
  const Finding& f = v.finding;
  return {{"id", f.id.value},
          {"version", f.version},
          {"assignment_id", f.assignment_id.value},
          {"round_id", f.round_id.value},
          {"round_name", v.round_name},
          {"group_id", f.group_id.value},
          {"group_name", v.group_name},
          {"unit_id", f.unit_id.value},
          {"unit_name", v.unit_name},
          {"focus_item_id", f.focus_item_id ? json(f.focus_item_id->value) : json(nullptr)},
          {"focus_title", v.focus_title},
          {"state", FindingStateName(f.state)},
          {"disciplines", DisciplinesJson(f.disciplines)},
          {"title", f.content.title},
          {"created_by", v.created_by_name},
          {"created_at", TsJson(f.created_at)},
          {"updated_by", v.updated_by_name.empty() ? json(nullptr) : json(v.updated_by_name)},
          {"updated_at", TsJson(f.updated_at)},
          {"demo", f.demo}};
}

namespace {

json FindingDetailJson(const FindingView& v) {
  json j = FindingSummaryJson(v);
  j["description"] = v.finding.content.description;
  j["evidence"] = v.finding.content.evidence;
  json leaders = json::array();
  for (const auto& l : v.leaders) {
    leaders.push_back({{"id", l.id.value}, {"name", l.name}, {"post", l.post}});
  }
  j["leaders"] = leaders;
  j["editable"] = v.editable;
  json allowed = json::array();
  for (FindingState s : v.allowed_transitions) allowed.push_back(FindingStateName(s));
  j["allowed_transitions"] = allowed;
  return j;
}

// A finding as sent by the UI; every bad field is named.
FindingDraft DraftFromJson(Fields& f) {
  FindingDraft d;
  d.assignment_id = AssignmentId(f.Id("assignment_id"));
  if (auto focus = f.OptId("focus_item_id")) d.focus_item_id = FocusItemId(*focus);
  ReadDisciplines(f, d.disciplines);
  d.content.title = f.Str("title");
  d.content.description = f.Str("description");
  d.content.evidence = f.Str("evidence");
  ReadLeaderIds(f, d.content.leaders);
  return d;
}

// `edit`: where a finding was found does not change, so an edit carries no assignment.
void AddDraftErrors(Fields& f, const FindingDraft& d, bool edit) {
  for (auto& [field, key] : ValidateFindingDraft(d)) {
    if (!(edit && field == "assignment_id")) f.Fail(field, key);
  }
}

Result<FindingListFilter> ListFilter(const Ctx& ctx) {
  FindingListFilter f;
  XUNCHA_ASSIGN_OR_RETURN(PlaceFilter place, QueryPlace(ctx));
  f.round_id = place.round_id;
  f.group_id = place.group_id;
  f.unit_id = place.unit_id;
  XUNCHA_ASSIGN_OR_RETURN(auto focus, QueryId(ctx, "focus_item_id"));
  if (focus) f.focus_item_id = FocusItemId(*focus);
  XUNCHA_ASSIGN_OR_RETURN(f.state, QueryEnum(ctx, "state", ParseFindingState));
  XUNCHA_ASSIGN_OR_RETURN(f.discipline, QueryEnum(ctx, "discipline", DisciplineFromKey));
  return f;
}

}  // namespace

void Api::AddFindingRoutes() {
  Router& r = router_;
  const auto S = Access::kSession;
  auto findings = [this]() -> Result<FindingService*> {
    if (findings_ == nullptr) {
      return Error::Make(ErrorCode::kUnavailable, "findings not configured", "unavailable");
    }
    return findings_;
  };

  r.Add(verb::get, "/api/v1/findings", S, [findings](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(FindingService * fs, findings());
    XUNCHA_ASSIGN_OR_RETURN(PageRequest page, QueryPage(ctx));
    XUNCHA_ASSIGN_OR_RETURN(FindingListFilter f, ListFilter(ctx));
    XUNCHA_ASSIGN_OR_RETURN(auto out, fs->List(*ctx.actor, f, page));
    return Json(ctx, PageJson(out, page, FindingSummaryJson));
  });
  r.Add(verb::get, "/api/v1/findings.xlsx", S, [findings](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(FindingService * fs, findings());
    XUNCHA_ASSIGN_OR_RETURN(FindingListFilter f, ListFilter(ctx));
    XUNCHA_ASSIGN_OR_RETURN(auto views, fs->Export(*ctx.actor, f));
    std::vector<xlsx::ProblemListRow> rows;
    rows.reserve(views.size());
    for (const auto& v : views) {
      xlsx::ProblemListRow row;
      row.unit = v.unit_name;
      row.group = v.group_name;
      row.focus = v.focus_title;
      row.title = v.finding.content.title;
      row.description = v.finding.content.description;
      row.evidence = v.finding.content.evidence;
      for (Discipline d : v.finding.disciplines) {
        row.disciplines +=
            (row.disciplines.empty() ? "" : "、") + std::string(DisciplineChinese(d));
      }
      for (const auto& l : v.leaders) {
        row.leaders += (row.leaders.empty() ? "" : "、") + l.name + "（" + l.post + "）";
      }
      row.state = std::string(FindingStateChinese(v.finding.state));
      row.author = v.created_by_name;
      row.written = ChinaTime(v.finding.created_at);
      rows.push_back(std::move(row));
    }
    XUNCHA_ASSIGN_OR_RETURN(std::string bytes, xlsx::WriteProblemList(rows));
    return Xlsx(ctx, std::move(bytes), "problem-list.xlsx");
  });
  r.Add(verb::post, "/api/v1/findings", S, [findings](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(FindingService * fs, findings());
    XUNCHA_ASSIGN_OR_RETURN(json body, Body(ctx));
    Fields f(body);
    FindingDraft d = DraftFromJson(f);
    AddDraftErrors(f, d, /*edit=*/false);
    XUNCHA_TRY(Check(f));
    XUNCHA_ASSIGN_OR_RETURN(FindingView v, fs->Create(*ctx.actor, d));
    return Json(ctx, FindingDetailJson(v), 201);
  });
  r.Add(verb::get, "/api/v1/findings/{id}", S, [findings](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(FindingService * fs, findings());
    XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
    XUNCHA_ASSIGN_OR_RETURN(FindingView v, fs->Get(*ctx.actor, FindingId(id)));
    return Json(ctx, FindingDetailJson(v));
  });
  r.Add(verb::put, "/api/v1/findings/{id}", S, [findings](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(FindingService * fs, findings());
    XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
    XUNCHA_ASSIGN_OR_RETURN(json body, Body(ctx));
    Fields f(body);
    if (!f.Has("version")) f.Fail("version", "required");
    const int version = f.Int("version");
    FindingDraft d = DraftFromJson(f);
    AddDraftErrors(f, d, /*edit=*/true);
    XUNCHA_TRY(Check(f));
    XUNCHA_ASSIGN_OR_RETURN(FindingView v, fs->Update(*ctx.actor, FindingId(id), version, d));
    return Json(ctx, FindingDetailJson(v));
  });
  r.Add(verb::post, "/api/v1/findings/{id}/transitions", S,
        [findings](Ctx& ctx) -> Result<Response> {
          XUNCHA_ASSIGN_OR_RETURN(FindingService * fs, findings());
          XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
          XUNCHA_ASSIGN_OR_RETURN(json body, Body(ctx));
          Fields f(body);
          auto to = ParseFindingState(f.Str("to"));
          if (!to) f.Fail("to", f.Has("to") ? "invalid_value" : "required");
          if (!f.Has("version")) f.Fail("version", "required");
          const int version = f.Int("version");
          XUNCHA_TRY(Check(f));
          XUNCHA_ASSIGN_OR_RETURN(FindingView v, fs->Move(*ctx.actor, FindingId(id), version, *to));
          return Json(ctx, FindingDetailJson(v));
        });
}

}  // namespace xuncha::http
