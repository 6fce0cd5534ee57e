// Triage (研判) routes: suggestions and decisions for one report, splitting and linking repeat
// reports, and the discipline catalogue and model (docs/triage.md).
#include "http/api.h"
#include "http/dto.h"
#include "http/handler_util.h"
#include "http/report_dto.h"

namespace xuncha::http {
namespace {
using bhttp::verb;
using nlohmann::json;

json TsJson(UnixSeconds t) { return t > 0 ? json(FormatTimestamp(t)) : json(nullptr); }

json ArticleJson(const Article& a) {
  return {{"number", a.number},
          {"discipline", DisciplineKey(a.discipline)},
          {"description", a.description},
          {"cues", a.cues},
          {"verified", a.verified}};
}

json CatalogueJson(const ArticleCatalogue& c) {
  json chapters = json::array();
  for (const auto& ch : c.chapters) {
    chapters.push_back({{"chapter", ch.number},
                        {"discipline", DisciplineKey(ch.discipline)},
                        {"from", ch.from},
                        {"to", ch.to},
                        {"verified", ch.verified}});
  }
  json articles = json::array();
  for (const auto& a : c.articles) articles.push_back(ArticleJson(a));
  return {{"regulation", c.regulation},
          {"revision", c.revision},
          {"chapters", chapters},
          {"articles", articles}};
}

json ModelJson(const ModelReport& r) {
  json f1 = json::object();
  for (Discipline d : kAllDisciplines) f1[DisciplineKey(d)] = r.test.f1[Index(d)];
  return {{"train_examples", r.train_examples}, {"staff_examples", r.staff_examples},
          {"test_examples", r.test.examples},   {"test_accuracy", r.test.accuracy},
          {"test_macro_f1", r.test.macro_f1},   {"test_f1", f1}};
}

json LeaderJson(const Leader& l) {
  return {{"id", l.id.value},
          {"name", l.name},
          {"post", l.post},
          {"tier", LeaderTierName(l.tier)},
          {"org_name", l.org_name}};
}

json EvidenceJson(const MatchEvidence& e) {
  return {{"kind", MatchKindName(e.kind)},
          {"text", e.text},
          {"confidence", e.confidence},
          {"named", e.named}};
}

json TriageJson(const TriageView& v) {
  json persons = json::array();
  for (const auto& p : v.persons) {
    json others = json::array();
    for (const auto& e : p.match.others) others.push_back(EvidenceJson(e));
    persons.push_back({{"leader", LeaderJson(p.leader)},
                       {"evidence", EvidenceJson(p.match.best)},
                       {"other_evidence", others}});
  }
  json cues = json::array();
  for (const auto& c : v.scope.cues) {
    cues.push_back({{"kind", CueKindName(c.kind)}, {"phrase", c.phrase}});
  }
  json disciplines = json::array();
  for (const auto& d : v.disciplines) {
    json articles = json::array();
    for (std::size_t i = 0; i < d.articles.size(); ++i) {
      json a = ArticleJson(d.articles[i]);
      if (i < d.suggestion.articles.size()) {
        a["cue_matched"] = d.suggestion.articles[i].cue_matched;
        a["matched_cues"] = d.suggestion.articles[i].cues;
      }
      articles.push_back(std::move(a));
    }
    disciplines.push_back({{"discipline", DisciplineKey(d.suggestion.discipline)},
                           {"score", d.suggestion.score},
                           {"articles", articles},
                           {"evidence_cues", d.suggestion.evidence_cues},
                           {"evidence_ngrams", d.suggestion.evidence_ngrams}});
  }
  json repeats = json::array();
  for (const auto& r : v.repeats) {
    json j = ReportSummaryJson(r.report);
    j["similarity"] = r.similarity;
    j["link_origin"] = r.origin.empty() ? json(nullptr) : json(r.origin);
    j["direct"] = !r.origin.empty();
    j["link_basis"] = r.basis.empty() ? json(nullptr) : json(r.basis);
    j["shared_facts"] = r.shared_facts;
    repeats.push_back(std::move(j));
  }
  json roster = json::array();
  for (const auto& l : v.roster) roster.push_back(LeaderJson(l));
  json decision = nullptr;
  if (v.decision) {
    json leaders = json::array();
    for (LeaderId l : v.decision->leaders) leaders.push_back(l.value);
    decision = {{"version", v.decision->version},
                {"scope", v.decision->scope},
                {"disciplines", v.decision->disciplines},
                {"articles", v.decision->articles},
                {"leaders", leaders},
                {"note", v.decision->note},
                {"decided_by", v.decision->decided_by_name},
                {"decided_at", TsJson(v.decision->decided_at)}};
  }
  return {{"report_id", v.report_id.value},
          {"classifier", v.classifier},
          {"persons", persons},
          {"unmatched", v.unmatched},
          {"scope",
           {{"kind", ScopeKindName(v.scope.kind)},
            {"transfer", TransferKindName(v.scope.transfer)},
            {"confidence", v.scope.confidence},
            {"cues", cues}}},
          {"disciplines", disciplines},
          {"unclear", v.disciplines.empty()},
          {"repeats", repeats},
          {"roster", roster},
          {"decision", decision}};
}

}  // namespace

void Api::AddTriageRoutes() {
  Router& r = router_;
  const auto S = Access::kSession;
  auto triage = [this]() -> Result<TriageService*> {
    if (triage_ == nullptr) {
      return Error::Make(ErrorCode::kUnavailable, "triage not configured", "unavailable");
    }
    return triage_;
  };

  r.Add(verb::get, "/api/v1/reports/{id}/triage", S, [triage](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(TriageService * t, triage());
    XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
    XUNCHA_ASSIGN_OR_RETURN(TriageView v, t->Get(*ctx.actor, ReportId(id)));
    return Json(ctx, TriageJson(v));
  });
  r.Add(verb::put, "/api/v1/reports/{id}/triage", S, [triage](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(TriageService * t, triage());
    XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
    XUNCHA_ASSIGN_OR_RETURN(json body, Body(ctx));
    Fields f(body);
    TriageInput in;
    in.version = f.Int("version", 0);
    in.scope = f.Str("scope");
    in.disciplines = f.StrList("disciplines");
    in.note = f.Str("note");
    auto ints = [&f](const char* name) {
      std::vector<std::int64_t> out;
      const json* arr = f.Arr(name);
      if (arr == nullptr) return out;
      for (const auto& x : *arr) {
        if (!x.is_number_integer()) {
          f.Fail(name, "invalid_value");
          continue;
        }
        out.push_back(x.get<std::int64_t>());
      }
      return out;
    };
    for (auto a : ints("articles")) in.articles.push_back(static_cast<int>(a));
    for (auto l : ints("leaders")) in.leaders.push_back(LeaderId(l));
    XUNCHA_TRY(Check(f));
    XUNCHA_ASSIGN_OR_RETURN(TriageView v, t->Decide(*ctx.actor, ReportId(id), in));
    return Json(ctx, TriageJson(v));
  });
  r.Add(verb::post, "/api/v1/reports/{id}/repeats/{other}/split", S,
        [triage](Ctx& ctx) -> Result<Response> {
          XUNCHA_ASSIGN_OR_RETURN(TriageService * t, triage());
          XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
          XUNCHA_ASSIGN_OR_RETURN(auto other, PathId(ctx, "other"));
          XUNCHA_TRY(t->Split(*ctx.actor, ReportId(id), ReportId(other)));
          return NoContent(ctx);
        });
  r.Add(verb::post, "/api/v1/reports/{id}/repeats/{other}/link", S,
        [triage](Ctx& ctx) -> Result<Response> {
          XUNCHA_ASSIGN_OR_RETURN(TriageService * t, triage());
          XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
          XUNCHA_ASSIGN_OR_RETURN(auto other, PathId(ctx, "other"));
          XUNCHA_TRY(t->Link(*ctx.actor, ReportId(id), ReportId(other)));
          return NoContent(ctx);
        });
  r.Add(verb::get, "/api/v1/discipline-articles", S, [triage](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(TriageService * t, triage());
    XUNCHA_ASSIGN_OR_RETURN(ArticleCatalogue c, t->Catalogue(*ctx.actor));
    return Json(ctx, CatalogueJson(c));
  });
  r.Add(verb::put, "/api/v1/discipline-articles", S, [triage](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(TriageService * t, triage());
    XUNCHA_ASSIGN_OR_RETURN(json body, Body(ctx));
    XUNCHA_ASSIGN_OR_RETURN(ModelReport m, t->PutCatalogue(*ctx.actor, body.dump()));
    return Json(ctx, ModelJson(m));
  });
  r.Add(verb::get, "/api/v1/discipline-model", S, [triage](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(TriageService * t, triage());
    XUNCHA_ASSIGN_OR_RETURN(ModelReport m, t->LastModelReport(*ctx.actor));
    return Json(ctx, ModelJson(m));
  });
  r.Add(verb::post, "/api/v1/discipline-model/retrain", S, [triage](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(TriageService * t, triage());
    XUNCHA_ASSIGN_OR_RETURN(ModelReport m, t->Retrain(*ctx.actor));
    return Json(ctx, ModelJson(m));
  });
}

}  // namespace xuncha::http
