// Routes for public reports: /api/v1/public/* (no session, rate-limited per client) and the
// staff's /api/v1/reports, /api/v1/reveal-requests, /api/v1/calendar, /api/v1/deadline-rules.
#include <cctype>
#include <chrono>

#include "files/multipart.h"
#include "http/api.h"
#include "http/dto.h"
#include "http/handler_util.h"
#include "http/report_dto.h"

namespace xuncha::http {
namespace {
using bhttp::verb;
using nlohmann::json;

template <typename T, typename F>
json Items(const std::vector<T>& v, F to_json) {
  json items = json::array();
  for (const auto& x : v) items.push_back(to_json(x));
  return {{"items", items}};
}

Result<ReportListFilter> ListFilter(const Ctx& ctx) {
  ReportListFilter f;
  const std::string channel = QueryStr(ctx, "channel");
  if (!channel.empty()) {
    f.store.channel = ParseChannel(channel);
    if (!f.store.channel) return InvalidArgument("bad channel", "bad_query");
  }
  const std::string state = QueryStr(ctx, "state");
  if (!state.empty()) {
    f.store.state = ParseReportState(state);
    if (!f.store.state) return InvalidArgument("bad state", "bad_query");
  }
  XUNCHA_ASSIGN_OR_RETURN(auto round, QueryId(ctx, "round_id"));
  if (round) f.store.round_id = RoundId(*round);
  XUNCHA_ASSIGN_OR_RETURN(auto group, QueryId(ctx, "group_id"));
  if (group) f.store.group_id = GroupId(*group);
  XUNCHA_ASSIGN_OR_RETURN(auto unit, QueryId(ctx, "unit_id"));
  if (unit) f.store.unit_id = UnitId(*unit);
  f.due = QueryStr(ctx, "due");
  return f;
}

// One answer names every bad field: the shape errors found while reading the JSON and the rule
// errors of the draft as far as it could be read.
void AddDraftErrors(Fields& f, ReportDraft d, bool web) {
  if (f.errors().empty()) return;
  if (web) d.channel = Channel::kWeb;
  for (auto& [field, key] : ValidateReportDraft(d)) f.errors().emplace(field, key);
}

// A report body as JSON, or as multipart/form-data with the JSON in the part "report" and the
// files in parts "files". kInvalidArgument for a malformed body.
struct ReportUpload {
  nlohmann::json body;
  std::vector<Attachment> files;
};

bool IsMultipart(const Ctx& ctx) {
  std::string_view ct(ctx.req[bhttp::field::content_type].data(),
                      ctx.req[bhttp::field::content_type].size());
  return ct.rfind("multipart/form-data", 0) == 0;
}

Result<std::vector<Attachment>> FilesOf(const std::vector<files::FormPart>& parts) {
  std::vector<Attachment> out;
  for (const auto& p : parts) {
    if (p.name != "files") continue;
    out.push_back({p.filename, "", p.data, false});
  }
  return out;
}

Result<ReportUpload> ReadUpload(const Ctx& ctx) {
  ReportUpload up;
  if (!IsMultipart(ctx)) {
    XUNCHA_ASSIGN_OR_RETURN(up.body, Body(ctx));
    return up;
  }
  std::string_view ct(ctx.req[bhttp::field::content_type].data(),
                      ctx.req[bhttp::field::content_type].size());
  XUNCHA_ASSIGN_OR_RETURN(auto parts, files::ParseMultipart(ct, ctx.req.body()));
  bool have_report = false;
  for (const auto& p : parts) {
    if (p.name == "report") {
      XUNCHA_ASSIGN_OR_RETURN(up.body, ParseJsonObject(p.data));
      have_report = true;
    }
  }
  if (!have_report) {
    return Error::Make(ErrorCode::kInvalidArgument, "no report part", "bad_multipart");
  }
  XUNCHA_ASSIGN_OR_RETURN(up.files, FilesOf(parts));
  return up;
}

std::string QueryCode(Fields& f) {
  std::string code = f.Str("query_code");
  if (code.empty()) f.Fail("query_code", "required");
  if (code.size() > 64) f.Fail("query_code", "too_long");
  return code;
}
}  // namespace

namespace {
// RFC 5987 value-chars: everything outside the unreserved set percent-encoded.
std::string PercentEncode(const std::string& s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xF]);
    }
  }
  return out;
}
}  // namespace

namespace {
bool IsUtf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = 0;  // continuation bytes
    if (c < 0x80) {
      n = 0;
    } else if ((c >> 5) == 6) {
      n = 1;
    } else if ((c >> 4) == 14) {
      n = 2;
    } else if ((c >> 3) == 30) {
      n = 3;
    } else {
      return false;
    }
    if (i + n >= s.size() && n > 0) return false;
    for (std::size_t k = 1; k <= n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n + 1;
  }
  return true;
}
}  // namespace

namespace {
UnixSeconds NowSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}
}  // namespace

Status Api::Throttle(RateLimiter& limiter, const Ctx& ctx) {
  const double now =
      std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
  if (limiter.Allow(ctx.ip, now)) return Ok();
  return Error::Make(ErrorCode::kResourceExhausted, "too many requests", "rate_limited");
}

void Api::AddPublicRoutes() {
  Router& r = router_;
  const auto P = Access::kPublic;
  r.Add(verb::get, "/api/v1/public/intake", P, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(IntakeView v, reports_.Intake());
    json out = ToJson(v, options_.demo);
    out["pow_bits"] = pow_.bits();
    return Json(ctx, out);
  });
  r.Add(verb::get, "/api/v1/public/pow", P, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_TRY(Throttle(lookup_limiter_, ctx));
    return Json(ctx, {{"bits", pow_.bits()},
                      {"challenge", pow_.bits() > 0 ? pow_.Challenge(NowSeconds()) : ""}});
  });
  r.Add(verb::post, "/api/v1/public/reports", P, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_TRY(Throttle(submit_limiter_, ctx));
    XUNCHA_ASSIGN_OR_RETURN(ReportUpload up, ReadUpload(ctx));
    Fields f(up.body);
    // Before any work on the body: a flood that did not pay costs nothing but this check.
    XUNCHA_TRY(pow_.Verify(f.Str("pow_challenge"), f.Str("pow_solution"), NowSeconds()));
    ReportDraft d = DraftFromJson(f, /*staff=*/false);
    d.files = std::move(up.files);
    if (!f.Has("assignment_id")) f.Fail("assignment_id", "required");
    AddDraftErrors(f, d, /*web=*/true);
    XUNCHA_TRY(Check(f));
    XUNCHA_ASSIGN_OR_RETURN(Submitted s, reports_.Submit(std::move(d)));
    return Json(ctx,
                {{"number", s.number},
                 {"query_code", s.query_code},
                 {"received_at", FormatTimestamp(s.received_at)}},
                201);
  });
  r.Add(verb::post, "/api/v1/public/reports/status", P, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_TRY(Throttle(lookup_limiter_, ctx));
    XUNCHA_ASSIGN_OR_RETURN(json body, Body(ctx));
    Fields f(body);
    std::string code = QueryCode(f);
    XUNCHA_TRY(Check(f));
    XUNCHA_ASSIGN_OR_RETURN(PublicStatus s, reports_.Lookup(code));
    return Json(ctx, ToJson(s));
  });
  r.Add(verb::post, "/api/v1/public/reports/messages", P, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_TRY(Throttle(lookup_limiter_, ctx));
    XUNCHA_ASSIGN_OR_RETURN(json body, Body(ctx));
    Fields f(body);
    std::string code = QueryCode(f);
    std::string text = f.Str("text");
    XUNCHA_TRY(Check(f));
    XUNCHA_ASSIGN_OR_RETURN(ReportMessage m, reports_.ReporterMessage(code, text));
    return Json(ctx, {{"at", FormatTimestamp(m.at)}, {"from", "reporter"}, {"text", m.text}}, 201);
  });
}

void Api::AddReportRoutes() {
  Router& r = router_;
  const auto S = Access::kSession;

  r.Add(verb::get, "/api/v1/reports", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(PageRequest page, QueryPage(ctx));
    XUNCHA_ASSIGN_OR_RETURN(ReportListFilter f, ListFilter(ctx));
    XUNCHA_ASSIGN_OR_RETURN(auto out, reports_.List(*ctx.actor, f, page));
    return Json(ctx, PageJson(out, page, ReportSummaryJson));
  });
  r.Add(verb::post, "/api/v1/reports", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(ReportUpload up, ReadUpload(ctx));
    Fields f(up.body);
    ReportDraft d = DraftFromJson(f, /*staff=*/true);
    d.files = std::move(up.files);
    if (!f.Has("assignment_id")) f.Fail("assignment_id", "required");
    AddDraftErrors(f, d, /*web=*/false);
    XUNCHA_TRY(Check(f));
    XUNCHA_ASSIGN_OR_RETURN(ReportView v, reports_.Register(*ctx.actor, std::move(d)));
    return Json(ctx, ReportDetailJson(v), 201);
  });
  r.Add(verb::get, "/api/v1/reports/{id}", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
    XUNCHA_ASSIGN_OR_RETURN(ReportView v, reports_.Get(*ctx.actor, ReportId(id)));
    return Json(ctx, ReportDetailJson(v));
  });
  r.Add(verb::post, "/api/v1/reports/{id}/transitions", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
    XUNCHA_ASSIGN_OR_RETURN(json body, Body(ctx));
    Fields f(body);
    Transition t;
    auto to = ParseReportState(f.Str("to"));
    if (!to) f.Fail("to", f.Has("to") ? "invalid_value" : "required");
    t.reason = f.Str("reason");
    t.department = f.Str("department");
    t.letter = f.Str("letter");
    if (!f.Has("version")) f.Fail("version", "required");
    int version = f.Int("version");
    XUNCHA_TRY(Check(f));
    t.to = *to;
    XUNCHA_ASSIGN_OR_RETURN(ReportView v, reports_.Move(*ctx.actor, ReportId(id), version, t));
    return Json(ctx, ReportDetailJson(v));
  });
  r.Add(verb::post, "/api/v1/reports/{id}/notices", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
    XUNCHA_ASSIGN_OR_RETURN(json body, Body(ctx));
    Fields f(body);
    std::string kind = f.Str("kind");
    if (kind != "acceptance_notice" && kind != "result_notice") {
      f.Fail("kind", kind.empty() ? "required" : "invalid_value");
    }
    if (!f.Has("version")) f.Fail("version", "required");
    int version = f.Int("version");
    XUNCHA_TRY(Check(f));
    NoticeKind k = kind == "acceptance_notice" ? NoticeKind::kAcceptance : NoticeKind::kResult;
    XUNCHA_ASSIGN_OR_RETURN(ReportView v,
                            reports_.RecordNotice(*ctx.actor, ReportId(id), version, k));
    return Json(ctx, ReportDetailJson(v));
  });
  r.Add(verb::post, "/api/v1/reports/{id}/messages", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
    XUNCHA_ASSIGN_OR_RETURN(json body, Body(ctx));
    Fields f(body);
    std::string text = f.Str("text");
    XUNCHA_TRY(Check(f));
    XUNCHA_ASSIGN_OR_RETURN(ReportMessage m, reports_.Reply(*ctx.actor, ReportId(id), text));
    return Json(ctx, ToJson(m), 201);
  });
  r.Add(verb::post, "/api/v1/reports/{id}/reveal-requests", S,
        [this](Ctx& ctx) -> Result<Response> {
          XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
          XUNCHA_ASSIGN_OR_RETURN(json body, Body(ctx));
          Fields f(body);
          std::string reason = f.Str("reason");
          XUNCHA_TRY(Check(f));
          XUNCHA_ASSIGN_OR_RETURN(RevealRequest q,
                                  reports_.RequestReveal(*ctx.actor, ReportId(id), reason));
          return Json(ctx, ToJson(q), 201);
        });
  r.Add(verb::post, "/api/v1/reports/{id}/files", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
    if (!IsMultipart(ctx)) {
      return Error::Make(ErrorCode::kInvalidArgument, "multipart/form-data expected",
                         "bad_multipart");
    }
    std::string_view ct(ctx.req[bhttp::field::content_type].data(),
                        ctx.req[bhttp::field::content_type].size());
    XUNCHA_ASSIGN_OR_RETURN(auto parts, files::ParseMultipart(ct, ctx.req.body()));
    XUNCHA_ASSIGN_OR_RETURN(auto files, FilesOf(parts));
    XUNCHA_ASSIGN_OR_RETURN(ReportView v, reports_.AddFiles(*ctx.actor, ReportId(id), files));
    return Json(ctx, ReportDetailJson(v), 201);
  });
  r.Add(verb::get, "/api/v1/reports/{id}/files/{file}", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
    XUNCHA_ASSIGN_OR_RETURN(auto file, PathId(ctx, "file"));
    XUNCHA_ASSIGN_OR_RETURN(Attachment a, reports_.File(*ctx.actor, ReportId(id), file));
    Response res{bhttp::status::ok, ctx.req.version()};
    res.keep_alive(ctx.req.keep_alive());
    std::string type = a.mime;
    if (type == "text/plain") {
      // Browsers guess wrong without a charset: UTF-8 if it is, else the Chinese superset.
      type += IsUtf8(a.data) ? "; charset=utf-8" : "; charset=gb18030";
    }
    res.set(bhttp::field::content_type, type);
    // Shown in the browser (images, PDF), never run: no sniffing, a sandbox, no caching.
    res.set("X-Content-Type-Options", "nosniff");
    res.set("Content-Security-Policy",
            "sandbox; default-src 'none'; img-src 'self'; "
            "media-src 'self'; style-src 'unsafe-inline'");
    res.set(bhttp::field::cache_control, "no-store");
    res.set(bhttp::field::content_disposition,
            "inline; filename=\"attachment\"; filename*=UTF-8''" + PercentEncode(a.filename));
    res.body() = std::move(a.data);
    res.prepare_payload();
    return res;
  });
  r.Add(verb::get, "/api/v1/reports/{id}/identity", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
    XUNCHA_ASSIGN_OR_RETURN(ReporterIdentity who, reports_.Identity(*ctx.actor, ReportId(id)));
    return Json(ctx, ToJson(who));
  });

  r.Add(verb::get, "/api/v1/reveal-requests", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(PageRequest page, QueryPage(ctx));
    RevealFilter f;
    const std::string state = QueryStr(ctx, "state");
    if (!state.empty()) {
      f.state = ParseRevealState(state);
      if (!f.state) return InvalidArgument("bad state", "bad_query");
    }
    XUNCHA_ASSIGN_OR_RETURN(auto out, reports_.ListReveals(*ctx.actor, f, page));
    return Json(ctx, PageJson(out, page, [](const RevealRequest& x) { return ToJson(x); }));
  });
  r.Add(verb::post, "/api/v1/reveal-requests/{id}/decision", S,
        [this](Ctx& ctx) -> Result<Response> {
          XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
          XUNCHA_ASSIGN_OR_RETURN(json body, Body(ctx));
          Fields f(body);
          if (!f.Has("approve")) f.Fail("approve", "required");
          bool approve = f.Bool("approve");
          std::string note = f.Str("note");
          XUNCHA_TRY(Check(f));
          XUNCHA_ASSIGN_OR_RETURN(RevealRequest q,
                                  reports_.Decide(*ctx.actor, RevealRequestId(id), approve, note));
          return Json(ctx, ToJson(q));
        });

  // ---- working-day calendar and deadline rules ----
  r.Add(verb::get, "/api/v1/calendar", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(auto days, reports_.ListCalendar(*ctx.actor));
    return Json(ctx, Items(days, [](const CalendarDay& d) { return ToJson(d); }));
  });
  r.Add(verb::put, "/api/v1/calendar/{date}", S, [this](Ctx& ctx) -> Result<Response> {
    auto date = Date::Parse(ctx.params["date"]);
    if (!date) return NotFound("date");
    XUNCHA_ASSIGN_OR_RETURN(json body, Body(ctx));
    Fields f(body);
    CalendarDay d;
    d.date = *date;
    auto kind = ParseDayKind(f.Str("kind"));
    if (!kind) f.Fail("kind", f.Has("kind") ? "invalid_value" : "required");
    d.name = f.Str("name");
    XUNCHA_TRY(Check(f));
    d.kind = *kind;
    XUNCHA_ASSIGN_OR_RETURN(d, reports_.PutCalendarDay(*ctx.actor, d));
    return Json(ctx, ToJson(d));
  });
  r.Add(verb::delete_, "/api/v1/calendar/{date}", S, [this](Ctx& ctx) -> Result<Response> {
    auto date = Date::Parse(ctx.params["date"]);
    if (!date) return NotFound("date");
    XUNCHA_TRY(reports_.DeleteCalendarDay(*ctx.actor, *date));
    return NoContent(ctx);
  });
  r.Add(verb::get, "/api/v1/deadline-rules", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(auto rules, reports_.ListRules(*ctx.actor));
    return Json(ctx, Items(rules, [](const DeadlineRule& x) { return ToJson(x); }));
  });
  r.Add(verb::post, "/api/v1/deadline-rules", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(json body, Body(ctx));
    Fields f(body);
    DeadlineRule rule = DeadlineRuleFromJson(f);
    XUNCHA_TRY(Check(f));
    XUNCHA_ASSIGN_OR_RETURN(rule, reports_.CreateRule(*ctx.actor, rule));
    return Json(ctx, ToJson(rule), 201);
  });
  r.Add(verb::put, "/api/v1/deadline-rules/{id}", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
    XUNCHA_ASSIGN_OR_RETURN(json body, Body(ctx));
    Fields f(body);
    DeadlineRule rule = DeadlineRuleFromJson(f);
    if (!f.Has("version")) f.Fail("version", "required");
    XUNCHA_TRY(Check(f));
    rule.id = id;
    XUNCHA_ASSIGN_OR_RETURN(rule, reports_.UpdateRule(*ctx.actor, rule));
    return Json(ctx, ToJson(rule));
  });
  r.Add(verb::get, "/api/v1/settings/petition-office", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(PetitionOffice p, reports_.GetPetitionOffice());
    return Json(ctx, {{"name", p.name}, {"address", p.address}, {"phone", p.phone}});
  });
  r.Add(verb::put, "/api/v1/settings/petition-office", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(json body, Body(ctx));
    Fields f(body);
    PetitionOffice p{f.Str("name"), f.Str("address"), f.Str("phone")};
    XUNCHA_TRY(Check(f));
    XUNCHA_TRY(reports_.SetPetitionOffice(*ctx.actor, p));
    return Json(ctx, {{"name", p.name}, {"address", p.address}, {"phone", p.phone}});
  });
}

}  // namespace xuncha::http
