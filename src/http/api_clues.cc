// Clues (问题线索) routes: list, write, read, edit and move the clues a group hands over to the
// discipline commission or the organisation department (docs/clues.md).
#include "http/api.h"
#include "http/dto.h"
#include "http/handler_util.h"
#include "xlsx/clue_list_xlsx.h"

namespace xuncha::http {
namespace {
using bhttp::verb;
using nlohmann::json;

json TsJson(UnixSeconds t) { return t > 0 ? json(FormatTimestamp(t)) : json(nullptr); }
json NameJson(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

}  // namespace

json ClueSummaryJson(const ClueView& v) {
  const Clue& c = v.clue;
  json disciplines = json::array();
  for (Discipline d : c.disciplines) disciplines.push_back(DisciplineKey(d));
  json leaders = json::array();
  for (const auto& l : v.leaders) {
    leaders.push_back({{"id", l.id.value}, {"name", l.name}, {"post", l.post}});
  }
  return {{"id", c.id.value},
          {"version", c.version},
          {"assignment_id", c.assignment_id.value},
          {"round_id", c.round_id.value},
          {"round_name", v.round_name},
          {"group_id", c.group_id.value},
          {"group_name", v.group_name},
          {"unit_id", c.unit_id.value},
          {"unit_name", v.unit_name},
          {"organ", OrganName(c.organ)},
          {"state", ClueStateName(c.state)},
          {"disciplines", disciplines},
          {"title", c.content.title},
          {"leaders", leaders},
          {"other_persons", c.content.other_persons},
          {"handed_over_by", NameJson(v.handed_over_by_name)},
          {"handed_over_at", TsJson(c.handed_over_at)},
          {"received_by", NameJson(v.received_by_name)},
          {"received_at", TsJson(c.received_at)},
          {"disposal", c.disposal ? json(ClueDisposalName(*c.disposal)) : json(nullptr)},
          {"disposed_at", TsJson(c.disposed_at)},
          {"created_by", v.created_by_name},
          {"created_at", TsJson(c.created_at)},
          {"updated_by", NameJson(v.updated_by_name)},
          {"updated_at", TsJson(c.updated_at)},
          {"demo", c.demo}};
}

namespace {

json ClueDetailJson(const ClueView& v) {
  json j = ClueSummaryJson(v);
  j["description"] = v.clue.content.description;
  j["evidence"] = v.clue.content.evidence;
  j["disposal_note"] = v.clue.disposal_note;
  j["editable"] = v.editable;
  json allowed = json::array();
  for (ClueState s : v.allowed_transitions) allowed.push_back(ClueStateName(s));
  j["allowed_transitions"] = allowed;
  return j;
}

// A clue as sent by the UI; every bad field is named. `edit`: where a clue was found does not
// change, so an edit carries no assignment.
ClueDraft DraftFromJson(Fields& f, bool edit) {
  ClueDraft d;
  d.assignment_id = AssignmentId(f.Id("assignment_id"));
  d.organ = OptOrgan(f);
  ReadDisciplines(f, d.disciplines);
  d.content.title = f.Str("title");
  d.content.description = f.Str("description");
  d.content.evidence = f.Str("evidence");
  d.content.other_persons = f.Str("other_persons");
  ReadLeaderIds(f, d.content.leaders);
  for (auto& [field, key] : ValidateClueDraft(d)) {
    if (!(edit && field == "assignment_id")) f.Fail(field, key);
  }
  return d;
}

Result<ClueListFilter> ListFilter(const Ctx& ctx) {
  ClueListFilter f;
  XUNCHA_ASSIGN_OR_RETURN(PlaceFilter place, QueryPlace(ctx));
  f.round_id = place.round_id;
  f.group_id = place.group_id;
  f.unit_id = place.unit_id;
  XUNCHA_ASSIGN_OR_RETURN(f.state, QueryEnum(ctx, "state", ParseClueState));
  XUNCHA_ASSIGN_OR_RETURN(f.organ, QueryEnum(ctx, "organ", ParseOrgan));
  XUNCHA_ASSIGN_OR_RETURN(f.discipline, QueryEnum(ctx, "discipline", DisciplineFromKey));
  return f;
}

}  // namespace

void Api::AddClueRoutes() {
  Router& r = router_;
  const auto S = Access::kSession;
  auto clues = [this]() -> Result<ClueService*> {
    if (clues_ == nullptr) {
      return Error::Make(ErrorCode::kUnavailable, "clues not configured", "unavailable");
    }
    return clues_;
  };

  r.Add(verb::get, "/api/v1/clues", S, [clues](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(ClueService * cs, clues());
    XUNCHA_ASSIGN_OR_RETURN(PageRequest page, QueryPage(ctx));
    XUNCHA_ASSIGN_OR_RETURN(ClueListFilter f, ListFilter(ctx));
    XUNCHA_ASSIGN_OR_RETURN(auto out, cs->List(*ctx.actor, f, page));
    return Json(ctx, PageJson(out, page, ClueSummaryJson));
  });
  r.Add(verb::get, "/api/v1/clues.xlsx", S, [clues](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(ClueService * cs, clues());
    XUNCHA_ASSIGN_OR_RETURN(ClueListFilter f, ListFilter(ctx));
    XUNCHA_ASSIGN_OR_RETURN(auto views, cs->Export(*ctx.actor, f));
    std::vector<xlsx::ClueListRow> rows;
    rows.reserve(views.size());
    for (const auto& v : views) {
      const Clue& c = v.clue;
      xlsx::ClueListRow row;
      row.organ = std::string(OrganChinese(c.organ));
      row.unit = v.unit_name;
      row.group = v.group_name;
      row.title = c.content.title;
      for (const auto& l : v.leaders) {
        row.persons += (row.persons.empty() ? "" : "、") + l.name + "（" + l.post + "）";
      }
      if (!c.content.other_persons.empty()) {
        row.persons += (row.persons.empty() ? "" : "；") + c.content.other_persons;
      }
      row.description = c.content.description;
      row.evidence = c.content.evidence;
      for (Discipline d : c.disciplines) {
        row.disciplines +=
            (row.disciplines.empty() ? "" : "、") + std::string(DisciplineChinese(d));
      }
      row.state = std::string(ClueStateChinese(c.state));
      row.handed_over = ChinaTime(c.handed_over_at);
      row.received = ChinaTime(c.received_at);
      if (c.disposal) row.disposal = std::string(ClueDisposalChinese(*c.disposal));
      rows.push_back(std::move(row));
    }
    XUNCHA_ASSIGN_OR_RETURN(std::string bytes, xlsx::WriteClueList(rows));
    return Xlsx(ctx, std::move(bytes), "clue-handover-list.xlsx");
  });
  r.Add(verb::post, "/api/v1/clues", S, [clues](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(ClueService * cs, clues());
    XUNCHA_ASSIGN_OR_RETURN(json body, Body(ctx));
    Fields f(body);
    ClueDraft d = DraftFromJson(f, /*edit=*/false);
    XUNCHA_TRY(Check(f));
    XUNCHA_ASSIGN_OR_RETURN(ClueView v, cs->Create(*ctx.actor, d));
    return Json(ctx, ClueDetailJson(v), 201);
  });
  r.Add(verb::get, "/api/v1/clues/{id}", S, [clues](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(ClueService * cs, clues());
    XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
    XUNCHA_ASSIGN_OR_RETURN(ClueView v, cs->Get(*ctx.actor, ClueId(id)));
    return Json(ctx, ClueDetailJson(v));
  });
  r.Add(verb::put, "/api/v1/clues/{id}", S, [clues](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(ClueService * cs, clues());
    XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
    XUNCHA_ASSIGN_OR_RETURN(json body, Body(ctx));
    Fields f(body);
    if (!f.Has("version")) f.Fail("version", "required");
    const int version = f.Int("version");
    ClueDraft d = DraftFromJson(f, /*edit=*/true);
    XUNCHA_TRY(Check(f));
    XUNCHA_ASSIGN_OR_RETURN(ClueView v, cs->Update(*ctx.actor, ClueId(id), version, d));
    return Json(ctx, ClueDetailJson(v));
  });
  r.Add(verb::post, "/api/v1/clues/{id}/transitions", S, [clues](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(ClueService * cs, clues());
    XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
    XUNCHA_ASSIGN_OR_RETURN(json body, Body(ctx));
    Fields f(body);
    ClueMove m;
    auto to = ParseClueState(f.Str("to"));
    if (!to) f.Fail("to", f.Has("to") ? "invalid_value" : "required");
    if (!f.Has("version")) f.Fail("version", "required");
    m.version = f.Int("version");
    const std::string disposal = f.Str("disposal");
    if (!disposal.empty()) {
      m.disposal = ParseClueDisposal(disposal);
      if (!m.disposal) f.Fail("disposal", "invalid_value");
    }
    m.disposal_note = f.Str("disposal_note");
    XUNCHA_TRY(Check(f));
    m.to = *to;
    XUNCHA_ASSIGN_OR_RETURN(ClueView v, cs->Move(*ctx.actor, ClueId(id), m));
    return Json(ctx, ClueDetailJson(v));
  });
}

}  // namespace xuncha::http
