#include "http/api.h"

#include <charconv>

#include "http/cookie.h"
#include "http/dto.h"
#include "http/error_response.h"
#include "http/handler_util.h"
#include "xlsx/roster_xlsx.h"

namespace xuncha::http {
namespace {
using bhttp::verb;
using nlohmann::json;
}  // namespace

Api::Api(AuthService& auth, PlanningService& planning, ReportService& reports, ApiOptions options)
    : auth_(auth),
      planning_(planning),
      reports_(reports),
      options_(options),
      submit_limiter_(options.submit_per_minute, options.submit_burst),
      lookup_limiter_(options.lookup_per_minute, options.lookup_burst),
      pow_(options.pow_bits) {
  AddRoutes();
  AddPublicRoutes();
  AddReportRoutes();
  AddMailRoutes();
  AddSearchRoutes();
  AddTriageRoutes();
  AddFindingRoutes();
  AddClueRoutes();
  AddRectificationRoutes();
  AddOverviewRoutes();
}

Response Api::Handle(const Request& req, const std::string& ip) {
  std::string_view target(req.target().data(), req.target().size());
  auto qpos = target.find('?');
  Ctx ctx{req, std::string(target.substr(0, qpos)), {}, {}, ip, std::nullopt, {}, {}};
  if (qpos != std::string_view::npos) ctx.query = ParseQuery(target.substr(qpos + 1));
  Result<Response> r = Dispatch(req, ctx);
  if (r.ok()) return std::move(r).value();
  return ErrorResponse(r.error(), req.version(), req.keep_alive());
}

Result<Response> Api::Dispatch(const Request& req, Ctx& ctx) {
  Router::Match m = router_.Find(req.method(), ctx.path, ctx);
  if (m.route == nullptr) {
    if (m.path_known) {
      return Error::Make(ErrorCode::kInvalidArgument, "method not allowed", "method_not_allowed");
    }
    return Error::Make(ErrorCode::kNotFound, "no route", "no_route");
  }
  if (m.route->access != Access::kPublic) {
    ctx.session_token = CookieValue(req[bhttp::field::cookie], kSessionCookie);
    XUNCHA_ASSIGN_OR_RETURN(Authenticated who, auth_.Authenticate(ctx.session_token));
    ctx.csrf_token = who.csrf_token;
    ctx.actor = Actor{std::move(who.user), ctx.ip, std::move(who.secret_key)};
    const bool safe = req.method() == verb::get || req.method() == verb::head;
    if (!safe) {
      std::string_view sent(req[kCsrfHeader].data(), req[kCsrfHeader].size());
      if (sent.empty() || !ConstantTimeEquals(sent, ctx.csrf_token)) {
        return Forbidden("csrf token", "csrf");
      }
    }
    if (m.route->access == Access::kSession && ctx.actor->user.must_change_password) {
      return Error::Make(ErrorCode::kFailedPrecondition, "password change due",
                         "must_change_password");
    }
  }
  return m.route->handler(ctx);
}

void Api::AddRoutes() {
  Router& r = router_;
  const auto S = Access::kSession;

  // ---- session ----
  r.Add(verb::post, "/api/v1/session", Access::kPublic, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(json body, Body(ctx));
    Fields f(body);
    std::string username = f.Str("username");
    std::string password = f.Str("password");
    if (username.empty()) f.Fail("username", "required");
    if (password.empty()) f.Fail("password", "required");
    if (username.size() > 64) f.Fail("username", "too_long");
    if (password.size() > 256) f.Fail("password", "too_long");
    XUNCHA_TRY(Check(f));
    XUNCHA_ASSIGN_OR_RETURN(SignedIn s, auth_.Login(username, password, ctx.ip));
    Response res = Json(
        ctx, {{"user", ToJson(s.user)}, {"csrf_token", s.csrf_token}, {"demo", options_.demo}});
    std::string cookie = std::string(kSessionCookie) + "=" + s.token +
                         "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
                         std::to_string(auth_.policy().absolute_timeout_seconds);
    if (options_.secure_cookies) cookie += "; Secure";
    res.set(bhttp::field::set_cookie, cookie);
    return res;
  });
  r.Add(verb::delete_, "/api/v1/session", Access::kSessionAnyState,
        [this](Ctx& ctx) -> Result<Response> {
          XUNCHA_TRY(auth_.Logout(ctx.session_token));
          Response res = NoContent(ctx);
          res.set(bhttp::field::set_cookie,
                  std::string(kSessionCookie) + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
          return res;
        });
  r.Add(verb::get, "/api/v1/me", Access::kSessionAnyState, [this](Ctx& ctx) -> Result<Response> {
    return Json(ctx, {{"user", ToJson(ctx.actor->user)},
                      {"csrf_token", ctx.csrf_token},
                      {"demo", options_.demo}});
  });
  r.Add(verb::post, "/api/v1/me/password", Access::kSessionAnyState,
        [this](Ctx& ctx) -> Result<Response> {
          XUNCHA_ASSIGN_OR_RETURN(json body, Body(ctx));
          Fields f(body);
          std::string old_pw = f.Str("old_password");
          std::string new_pw = f.Str("new_password");
          if (old_pw.empty()) f.Fail("old_password", "required");
          if (new_pw.empty()) f.Fail("new_password", "required");
          XUNCHA_TRY(Check(f));
          XUNCHA_TRY(auth_.ChangePassword(*ctx.actor, old_pw, new_pw));
          return NoContent(ctx);
        });

  // ---- terms ----
  r.Add(verb::get, "/api/v1/terms", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(auto terms, planning_.ListTerms(*ctx.actor));
    return Json(ctx, ItemsJson(terms));
  });
  r.Add(verb::post, "/api/v1/terms", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(json body, Body(ctx));
    Fields f(body);
    Term t = TermFromJson(f);
    XUNCHA_TRY(Check(f));
    XUNCHA_ASSIGN_OR_RETURN(t, planning_.CreateTerm(*ctx.actor, t));
    return Json(ctx, ToJson(t), 201);
  });

  // ---- rounds ----
  r.Add(verb::get, "/api/v1/rounds", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(PageRequest page, QueryPage(ctx));
    RoundFilter f;
    XUNCHA_ASSIGN_OR_RETURN(auto term, QueryId(ctx, "term_id"));
    if (term) f.term_id = TermId(*term);
    std::string status = QueryStr(ctx, "status");
    if (!status.empty()) {
      f.status = ParseRoundStatus(status);
      if (!f.status) return InvalidArgument("bad status", "bad_query");
    }
    f.q = QueryStr(ctx, "q");
    XUNCHA_ASSIGN_OR_RETURN(auto rounds, planning_.ListRounds(*ctx.actor, f, page));
    return Json(ctx, PageJson(rounds, page));
  });
  r.Add(verb::post, "/api/v1/rounds", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(json body, Body(ctx));
    Fields f(body);
    Round round = RoundFromJson(f);
    XUNCHA_TRY(Check(f));
    XUNCHA_ASSIGN_OR_RETURN(auto out, planning_.CreateRound(*ctx.actor, round));
    return Json(ctx, ToJson(out), 201);
  });
  r.Add(verb::get, "/api/v1/rounds/{id}", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
    XUNCHA_ASSIGN_OR_RETURN(auto out, planning_.GetRound(*ctx.actor, RoundId(id)));
    return Json(ctx, ToJson(out));
  });
  r.Add(verb::put, "/api/v1/rounds/{id}", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
    XUNCHA_ASSIGN_OR_RETURN(json body, Body(ctx));
    Fields f(body);
    Round round = RoundFromJson(f);
    if (!f.Has("version")) f.Fail("version", "required");
    XUNCHA_TRY(Check(f));
    round.id = RoundId(id);
    if (!f.Has("reporter_replies")) {  // leaving the field out keeps the round's setting
      XUNCHA_ASSIGN_OR_RETURN(auto current, planning_.GetRound(*ctx.actor, round.id));
      round.reporter_replies = current.round.reporter_replies;
    }
    XUNCHA_ASSIGN_OR_RETURN(auto out, planning_.UpdateRound(*ctx.actor, round));
    return Json(ctx, ToJson(out));
  });

  // ---- focus checklist ----
  r.Add(verb::get, "/api/v1/rounds/{id}/focus", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
    XUNCHA_ASSIGN_OR_RETURN(auto items, planning_.ListFocus(*ctx.actor, RoundId(id)));
    return Json(ctx, ItemsJson(items));
  });
  r.Add(verb::post, "/api/v1/rounds/{id}/focus", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
    XUNCHA_ASSIGN_OR_RETURN(json body, Body(ctx));
    Fields f(body);
    FocusItem item;
    item.round_id = RoundId(id);
    if (auto p = f.OptId("parent_id")) item.parent_id = FocusItemId(*p);
    item.title = f.Str("title");
    item.position = f.Int("position", 1000);
    XUNCHA_TRY(Check(f));
    XUNCHA_ASSIGN_OR_RETURN(item, planning_.AddFocus(*ctx.actor, item));
    return Json(ctx, ToJson(item), 201);
  });
  r.Add(verb::put, "/api/v1/focus/{id}", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
    XUNCHA_ASSIGN_OR_RETURN(json body, Body(ctx));
    Fields f(body);
    FocusItem item;
    item.id = FocusItemId(id);
    item.title = f.Str("title");
    item.position = f.Int("position", 0);
    item.version = f.Int("version", 0);
    if (!f.Has("version")) f.Fail("version", "required");
    XUNCHA_TRY(Check(f));
    XUNCHA_ASSIGN_OR_RETURN(item, planning_.UpdateFocus(*ctx.actor, item));
    return Json(ctx, ToJson(item));
  });
  r.Add(verb::delete_, "/api/v1/focus/{id}", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
    XUNCHA_TRY(planning_.DeleteFocus(*ctx.actor, FocusItemId(id)));
    return NoContent(ctx);
  });

  // ---- groups ----
  r.Add(verb::get, "/api/v1/groups", S, [this](Ctx& ctx) -> Result<Response> {
    GroupFilter f;
    XUNCHA_ASSIGN_OR_RETURN(auto round, QueryId(ctx, "round_id"));
    if (round) f.round_id = RoundId(*round);
    XUNCHA_ASSIGN_OR_RETURN(auto groups, planning_.ListGroups(*ctx.actor, f));
    return Json(ctx, ItemsJson(groups));
  });
  r.Add(verb::post, "/api/v1/groups", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(json body, Body(ctx));
    Fields f(body);
    Group g = GroupFromJson(f);
    XUNCHA_TRY(Check(f));
    XUNCHA_ASSIGN_OR_RETURN(g, planning_.CreateGroup(*ctx.actor, g));
    return Json(ctx, ToJson(g), 201);
  });
  r.Add(verb::get, "/api/v1/groups/{id}", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
    XUNCHA_ASSIGN_OR_RETURN(auto g, planning_.GetGroup(*ctx.actor, GroupId(id)));
    return Json(ctx, ToJson(g));
  });
  r.Add(verb::put, "/api/v1/groups/{id}", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
    XUNCHA_ASSIGN_OR_RETURN(json body, Body(ctx));
    Fields f(body);
    Group g = GroupFromJson(f);
    if (!f.Has("version")) f.Fail("version", "required");
    XUNCHA_TRY(Check(f));
    g.id = GroupId(id);
    XUNCHA_ASSIGN_OR_RETURN(g, planning_.UpdateGroup(*ctx.actor, g));
    return Json(ctx, ToJson(g));
  });
  r.Add(verb::post, "/api/v1/groups/{id}/members", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
    XUNCHA_ASSIGN_OR_RETURN(json body, Body(ctx));
    Fields f(body);
    auto inspector = f.Id("inspector_id");
    if (inspector == 0 && !f.errors().count("inspector_id")) f.Fail("inspector_id", "required");
    auto role = ParseMemberRole(f.Str("role", "member"));
    if (!role) f.Fail("role", "invalid_value");
    std::string reason = f.Str("override_reason");
    XUNCHA_TRY(Check(f));
    XUNCHA_ASSIGN_OR_RETURN(auto g, planning_.AddMember(*ctx.actor, GroupId(id),
                                                        InspectorId(inspector), *role, reason));
    return Json(ctx, ToJson(g), 201);
  });
  r.Add(verb::delete_, "/api/v1/groups/{id}/members/{inspector}", S,
        [this](Ctx& ctx) -> Result<Response> {
          XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
          XUNCHA_ASSIGN_OR_RETURN(auto inspector, PathId(ctx, "inspector"));
          XUNCHA_ASSIGN_OR_RETURN(
              auto g, planning_.RemoveMember(*ctx.actor, GroupId(id), InspectorId(inspector)));
          return Json(ctx, ToJson(g));
        });

  // ---- units and rosters ----
  r.Add(verb::get, "/api/v1/units", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(PageRequest page, QueryPage(ctx));
    XUNCHA_ASSIGN_OR_RETURN(auto units, planning_.ListUnits(*ctx.actor, QueryStr(ctx, "q"), page));
    return Json(ctx, PageJson(units, page));
  });
  r.Add(verb::post, "/api/v1/units", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(json body, Body(ctx));
    Fields f(body);
    Unit u = UnitFromJson(f);
    XUNCHA_TRY(Check(f));
    XUNCHA_ASSIGN_OR_RETURN(u, planning_.CreateUnit(*ctx.actor, u));
    return Json(ctx, ToJson(u), 201);
  });
  r.Add(verb::get, "/api/v1/units/{id}", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
    XUNCHA_ASSIGN_OR_RETURN(auto u, planning_.GetUnit(*ctx.actor, UnitId(id)));
    return Json(ctx, ToJson(u));
  });
  r.Add(verb::put, "/api/v1/units/{id}", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
    XUNCHA_ASSIGN_OR_RETURN(json body, Body(ctx));
    Fields f(body);
    Unit u = UnitFromJson(f);
    if (!f.Has("version")) f.Fail("version", "required");
    XUNCHA_TRY(Check(f));
    u.id = UnitId(id);
    XUNCHA_ASSIGN_OR_RETURN(u, planning_.UpdateUnit(*ctx.actor, u));
    return Json(ctx, ToJson(u));
  });
  r.Add(verb::get, "/api/v1/units/{id}/leaders", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
    XUNCHA_ASSIGN_OR_RETURN(auto leaders, planning_.ListLeaders(*ctx.actor, UnitId(id)));
    return Json(ctx, ItemsJson(leaders));
  });
  r.Add(verb::post, "/api/v1/units/{id}/leaders", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
    XUNCHA_ASSIGN_OR_RETURN(json body, Body(ctx));
    Fields f(body);
    Leader l = LeaderFromJson(f);
    XUNCHA_TRY(Check(f));
    l.unit_id = UnitId(id);
    XUNCHA_ASSIGN_OR_RETURN(l, planning_.AddLeader(*ctx.actor, l));
    return Json(ctx, ToJson(l), 201);
  });
  r.Add(verb::put, "/api/v1/leaders/{id}", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
    XUNCHA_ASSIGN_OR_RETURN(json body, Body(ctx));
    Fields f(body);
    Leader l = LeaderFromJson(f);
    if (!f.Has("version")) f.Fail("version", "required");
    XUNCHA_TRY(Check(f));
    l.id = LeaderId(id);
    XUNCHA_ASSIGN_OR_RETURN(l, planning_.UpdateLeader(*ctx.actor, l));
    return Json(ctx, ToJson(l));
  });
  r.Add(verb::delete_, "/api/v1/leaders/{id}", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
    XUNCHA_TRY(planning_.DeleteLeader(*ctx.actor, LeaderId(id)));
    return NoContent(ctx);
  });
  r.Add(verb::get, "/api/v1/units/{id}/roster.xlsx", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
    XUNCHA_ASSIGN_OR_RETURN(auto unit, planning_.GetUnit(*ctx.actor, UnitId(id)));
    XUNCHA_ASSIGN_OR_RETURN(auto leaders, planning_.ListLeaders(*ctx.actor, UnitId(id)));
    XUNCHA_ASSIGN_OR_RETURN(std::string bytes, xlsx::WriteRoster(unit.name, leaders));
    Response res{bhttp::status::ok, ctx.req.version()};
    res.set(bhttp::field::content_type,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    res.set(bhttp::field::content_disposition,
            "attachment; filename=\"roster-" + std::to_string(id) + ".xlsx\"");
    res.set(bhttp::field::cache_control, "no-store");
    res.keep_alive(ctx.req.keep_alive());
    res.body() = std::move(bytes);
    res.prepare_payload();
    return res;
  });
  r.Add(verb::post, "/api/v1/units/{id}/roster.xlsx", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
    XUNCHA_TRY(planning_.GetUnit(*ctx.actor, UnitId(id)));
    XUNCHA_ASSIGN_OR_RETURN(auto leaders, xlsx::ParseRoster(ctx.req.body()));
    XUNCHA_ASSIGN_OR_RETURN(int n, planning_.ReplaceRoster(*ctx.actor, UnitId(id), leaders));
    return Json(ctx, {{"imported", n}});
  });

  // ---- inspectors ----
  r.Add(verb::get, "/api/v1/inspectors", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(PageRequest page, QueryPage(ctx));
    XUNCHA_ASSIGN_OR_RETURN(auto list,
                            planning_.ListInspectors(*ctx.actor, QueryStr(ctx, "q"), page));
    return Json(ctx, PageJson(list, page));
  });
  r.Add(verb::post, "/api/v1/inspectors", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(json body, Body(ctx));
    Fields f(body);
    Inspector i = InspectorFromJson(f);
    XUNCHA_TRY(Check(f));
    XUNCHA_ASSIGN_OR_RETURN(i, planning_.CreateInspector(*ctx.actor, i));
    return Json(ctx, ToJson(i), 201);
  });
  r.Add(verb::get, "/api/v1/inspectors/{id}", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
    XUNCHA_ASSIGN_OR_RETURN(auto i, planning_.GetInspector(*ctx.actor, InspectorId(id)));
    return Json(ctx, ToJson(i));
  });
  r.Add(verb::put, "/api/v1/inspectors/{id}", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
    XUNCHA_ASSIGN_OR_RETURN(json body, Body(ctx));
    Fields f(body);
    Inspector i = InspectorFromJson(f);
    if (!f.Has("version")) f.Fail("version", "required");
    XUNCHA_TRY(Check(f));
    i.id = InspectorId(id);
    XUNCHA_ASSIGN_OR_RETURN(i, planning_.UpdateInspector(*ctx.actor, i));
    return Json(ctx, ToJson(i));
  });

  // ---- assignments ----
  r.Add(verb::get, "/api/v1/assignments", S, [this](Ctx& ctx) -> Result<Response> {
    AssignmentFilter f;
    XUNCHA_ASSIGN_OR_RETURN(auto round, QueryId(ctx, "round_id"));
    XUNCHA_ASSIGN_OR_RETURN(auto group, QueryId(ctx, "group_id"));
    XUNCHA_ASSIGN_OR_RETURN(auto unit, QueryId(ctx, "unit_id"));
    if (round) f.round_id = RoundId(*round);
    if (group) f.group_id = GroupId(*group);
    if (unit) f.unit_id = UnitId(*unit);
    XUNCHA_ASSIGN_OR_RETURN(auto list, planning_.ListAssignments(*ctx.actor, f));
    return Json(ctx, ItemsJson(list));
  });
  r.Add(verb::post, "/api/v1/assignments", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(json body, Body(ctx));
    Fields f(body);
    Assignment a = AssignmentFromJson(f);
    std::string reason = f.Str("override_reason");
    XUNCHA_TRY(Check(f));
    XUNCHA_ASSIGN_OR_RETURN(auto out, planning_.CreateAssignment(*ctx.actor, a, reason));
    return Json(ctx, ToJson(out), 201);
  });
  r.Add(verb::get, "/api/v1/assignments/{id}", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
    XUNCHA_ASSIGN_OR_RETURN(auto out, planning_.GetAssignment(*ctx.actor, AssignmentId(id)));
    return Json(ctx, ToJson(out));
  });
  r.Add(verb::put, "/api/v1/assignments/{id}", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
    XUNCHA_ASSIGN_OR_RETURN(json body, Body(ctx));
    Fields f(body);
    Assignment a = AssignmentFromJson(f);
    if (!f.Has("version")) f.Fail("version", "required");
    std::string reason = f.Str("override_reason");
    XUNCHA_TRY(Check(f));
    a.id = AssignmentId(id);
    XUNCHA_ASSIGN_OR_RETURN(auto out, planning_.UpdateAssignment(*ctx.actor, a, reason));
    return Json(ctx, ToJson(out));
  });
  r.Add(verb::get, "/api/v1/assignments/{id}/announcement", S,
        [this](Ctx& ctx) -> Result<Response> {
          XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
          XUNCHA_ASSIGN_OR_RETURN(auto a, planning_.GetAnnouncement(*ctx.actor, AssignmentId(id)));
          return Json(ctx, {{"title", a.title}, {"text", a.text}});
        });

  // ---- accounts ----
  r.Add(verb::get, "/api/v1/users", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(PageRequest page, QueryPage(ctx));
    XUNCHA_ASSIGN_OR_RETURN(auto users, auth_.ListUsers(*ctx.actor, page));
    return Json(ctx, PageJson(users, page));
  });
  r.Add(verb::post, "/api/v1/users", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(json body, Body(ctx));
    Fields f(body);
    NewUser nu;
    nu.username = f.Str("username");
    nu.display_name = f.Str("display_name");
    nu.password = f.Str("password");
    auto role = ParseRole(f.Str("role"));
    if (!role) f.Fail("role", f.Has("role") ? "invalid_value" : "required");
    if (auto i = f.OptId("inspector_id")) nu.inspector_id = InspectorId(*i);
    if (auto u = f.OptId("unit_id")) nu.unit_id = UnitId(*u);
    nu.organ = OptOrgan(f);
    nu.custodian = f.Bool("custodian");
    XUNCHA_TRY(Check(f));
    nu.role = *role;
    XUNCHA_ASSIGN_OR_RETURN(User u, auth_.CreateUser(*ctx.actor, nu));
    return Json(ctx, ToJson(u), 201);
  });
  r.Add(verb::get, "/api/v1/users/{id}", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
    XUNCHA_ASSIGN_OR_RETURN(User u, auth_.GetUser(*ctx.actor, UserId(id)));
    return Json(ctx, ToJson(u));
  });
  r.Add(verb::put, "/api/v1/users/{id}", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
    XUNCHA_ASSIGN_OR_RETURN(json body, Body(ctx));
    Fields f(body);
    User u;
    u.id = UserId(id);
    u.version = f.Int("version", 0);
    if (!f.Has("version")) f.Fail("version", "required");
    u.display_name = f.Str("display_name");
    auto role = ParseRole(f.Str("role"));
    if (!role) f.Fail("role", "invalid_value");
    if (f.Has("disabled")) {
      u.disabled = f.Bool("disabled");
    } else {  // leaving the field out keeps the account as it is
      XUNCHA_ASSIGN_OR_RETURN(User current, auth_.GetUser(*ctx.actor, UserId(id)));
      u.disabled = current.disabled;
    }
    if (auto i = f.OptId("inspector_id")) u.inspector_id = InspectorId(*i);
    if (auto un = f.OptId("unit_id")) u.unit_id = UnitId(*un);
    u.organ = OptOrgan(f);
    u.custodian = f.Bool("custodian");
    XUNCHA_TRY(Check(f));
    u.role = *role;
    XUNCHA_ASSIGN_OR_RETURN(u, auth_.UpdateUser(*ctx.actor, u));
    return Json(ctx, ToJson(u));
  });
  r.Add(verb::post, "/api/v1/users/{id}/password", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
    XUNCHA_ASSIGN_OR_RETURN(json body, Body(ctx));
    Fields f(body);
    std::string pw = f.Str("password");
    XUNCHA_TRY(Check(f));
    XUNCHA_TRY(auth_.ResetPassword(*ctx.actor, UserId(id), pw));
    return NoContent(ctx);
  });

  // ---- logs ----
  r.Add(verb::get, "/api/v1/audit", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(PageRequest page, QueryPage(ctx));
    XUNCHA_ASSIGN_OR_RETURN(auto entries, planning_.ListAudit(*ctx.actor, page));
    return Json(ctx, PageJson(entries, page));
  });
  r.Add(verb::get, "/api/v1/logins", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(PageRequest page, QueryPage(ctx));
    XUNCHA_ASSIGN_OR_RETURN(auto entries, planning_.ListLogins(*ctx.actor, page));
    return Json(ctx, PageJson(entries, page));
  });
}

}  // namespace xuncha::http
