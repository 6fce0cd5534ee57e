// Rectification (整改) routes: the problem lists fed back to the units, and the measures the
// units take against them and the office accepts (docs/rectification.md).
#include "http/api.h"
#include "http/dto.h"
#include "http/handler_util.h"

namespace xuncha::http {
namespace {
using bhttp::verb;
using nlohmann::json;

json TsJson(UnixSeconds t) { return t > 0 ? json(FormatTimestamp(t)) : json(nullptr); }
json NameJson(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

json ProblemSummaryJson(const ProblemView& p) {
  const Finding& f = p.finding.finding;
  json disciplines = json::array();
  for (Discipline d : f.disciplines) disciplines.push_back(DisciplineKey(d));
  return {{"finding_id", f.id.value},
          {"round_id", f.round_id.value},
          {"round_name", p.finding.round_name},
          {"round_status", RoundStatusName(p.round_status)},
          {"group_id", f.group_id.value},
          {"group_name", p.finding.group_name},
          {"unit_id", f.unit_id.value},
          {"unit_name", p.finding.unit_name},
          {"focus_item_id", f.focus_item_id ? json(f.focus_item_id->value) : json(nullptr)},
          {"focus_title", p.finding.focus_title},
          {"disciplines", disciplines},
          {"title", f.content.title},
          {"measures", p.measures},
          {"done", p.done},
          {"accepted", p.accepted},
          {"overdue", p.overdue},
          {"status", ProblemStatusName(p.status)},
          {"demo", f.demo}};
}

json ProblemDetailJson(const ProblemView& p) {
  json j = ProblemSummaryJson(p);
  j["description"] = p.finding.finding.content.description;
  json measures = json::array();
  for (const auto& m : p.measure_list) measures.push_back(MeasureJson(m));
  j["measure_list"] = measures;
  j["can_add_measure"] = p.can_add_measure;
  return j;
}

// A measure as sent by the UI; every bad field is named.
MeasureDraft DraftFromJson(Fields& f, bool edit) {
  MeasureDraft d;
  d.finding_id = FindingId(f.Id("finding_id"));
  const std::string kind = f.Str("kind");
  if (!kind.empty()) {
    d.kind = ParseMeasureKind(kind);
    if (!d.kind) f.Fail("kind", "invalid_value");
  }
  d.deadline = f.OptDate("deadline");
  d.content.content = f.Str("content");
  d.content.responsible_department = f.Str("responsible_department");
  d.content.responsible_leader = f.Str("responsible_leader");
  for (auto& [field, key] : ValidateMeasureDraft(d)) {
    if (!(edit && field == "finding_id") && !(field == "kind" && !kind.empty())) f.Fail(field, key);
  }
  return d;
}

Result<ProblemListFilter> ListFilter(const Ctx& ctx) {
  ProblemListFilter f;
  XUNCHA_ASSIGN_OR_RETURN(PlaceFilter place, QueryPlace(ctx));
  f.round_id = place.round_id;
  f.group_id = place.group_id;
  f.unit_id = place.unit_id;
  XUNCHA_ASSIGN_OR_RETURN(f.status, QueryEnum(ctx, "status", ParseProblemStatus));
  return f;
}

}  // namespace

json MeasureJson(const MeasureView& v) {
  const Measure& m = v.measure;
  json allowed = json::array();
  for (MeasureState s : v.allowed_transitions) allowed.push_back(MeasureStateName(s));
  return {{"id", m.id.value},
          {"version", m.version},
          {"finding_id", m.finding_id.value},
          {"problem_title", v.problem_title},
          {"round_id", m.round_id.value},
          {"group_id", m.group_id.value},
          {"unit_id", m.unit_id.value},
          {"unit_name", v.unit_name},
          {"kind", MeasureKindName(m.kind)},
          {"deadline", m.deadline ? json(m.deadline->ToString()) : json(nullptr)},
          {"state", MeasureStateName(m.state)},
          {"overdue", v.overdue},
          {"content", m.content.content},
          {"responsible_department", m.content.responsible_department},
          {"responsible_leader", m.content.responsible_leader},
          {"completion", m.content.completion},
          {"return_note", m.content.return_note},
          {"done_at", TsJson(m.done_at)},
          {"accepted_by", NameJson(v.accepted_by_name)},
          {"accepted_at", TsJson(m.accepted_at)},
          {"created_by", v.created_by_name},
          {"created_at", TsJson(m.created_at)},
          {"updated_by", NameJson(v.updated_by_name)},
          {"updated_at", TsJson(m.updated_at)},
          {"demo", m.demo},
          {"editable", v.editable},
          {"allowed_transitions", allowed}};
}

void Api::AddRectificationRoutes() {
  Router& r = router_;
  const auto S = Access::kSession;
  auto service = [this]() -> Result<RectificationService*> {
    if (rectification_ == nullptr) {
      return Error::Make(ErrorCode::kUnavailable, "rectification not configured", "unavailable");
    }
    return rectification_;
  };

  r.Add(verb::get, "/api/v1/rectification/problems", S, [service](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(RectificationService * rs, service());
    XUNCHA_ASSIGN_OR_RETURN(PageRequest page, QueryPage(ctx));
    XUNCHA_ASSIGN_OR_RETURN(ProblemListFilter f, ListFilter(ctx));
    XUNCHA_ASSIGN_OR_RETURN(auto out, rs->Problems(*ctx.actor, f, page));
    return Json(ctx, PageJson(out, page, ProblemSummaryJson));
  });
  r.Add(verb::get, "/api/v1/rectification/problems/{id}", S,
        [service](Ctx& ctx) -> Result<Response> {
          XUNCHA_ASSIGN_OR_RETURN(RectificationService * rs, service());
          XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
          XUNCHA_ASSIGN_OR_RETURN(ProblemView p, rs->Problem(*ctx.actor, FindingId(id)));
          return Json(ctx, ProblemDetailJson(p));
        });
  r.Add(verb::post, "/api/v1/rectification/measures", S, [service](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(RectificationService * rs, service());
    XUNCHA_ASSIGN_OR_RETURN(json body, Body(ctx));
    Fields f(body);
    MeasureDraft d = DraftFromJson(f, /*edit=*/false);
    XUNCHA_TRY(Check(f));
    XUNCHA_ASSIGN_OR_RETURN(MeasureView v, rs->Create(*ctx.actor, d));
    return Json(ctx, MeasureJson(v), 201);
  });
  r.Add(verb::put, "/api/v1/rectification/measures/{id}", S,
        [service](Ctx& ctx) -> Result<Response> {
          XUNCHA_ASSIGN_OR_RETURN(RectificationService * rs, service());
          XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
          XUNCHA_ASSIGN_OR_RETURN(json body, Body(ctx));
          Fields f(body);
          if (!f.Has("version")) f.Fail("version", "required");
          const int version = f.Int("version");
          MeasureDraft d = DraftFromJson(f, /*edit=*/true);
          XUNCHA_TRY(Check(f));
          XUNCHA_ASSIGN_OR_RETURN(MeasureView v, rs->Update(*ctx.actor, MeasureId(id), version, d));
          return Json(ctx, MeasureJson(v));
        });
  r.Add(verb::post, "/api/v1/rectification/measures/{id}/transitions", S,
        [service](Ctx& ctx) -> Result<Response> {
          XUNCHA_ASSIGN_OR_RETURN(RectificationService * rs, service());
          XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
          XUNCHA_ASSIGN_OR_RETURN(json body, Body(ctx));
          Fields f(body);
          MeasureMove m;
          auto to = ParseMeasureState(f.Str("to"));
          if (!to) f.Fail("to", f.Has("to") ? "invalid_value" : "required");
          if (!f.Has("version")) f.Fail("version", "required");
          m.version = f.Int("version");
          m.note = f.Str("note");
          XUNCHA_TRY(Check(f));
          m.to = *to;
          XUNCHA_ASSIGN_OR_RETURN(MeasureView v, rs->Move(*ctx.actor, MeasureId(id), m));
          return Json(ctx, MeasureJson(v));
        });
}

}  // namespace xuncha::http
