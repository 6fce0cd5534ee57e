// Routes for the group mailbox (电子信箱): the messages taken from it, and the quarantine of
// those that could not become reports (read the raw message, register it by hand).
#include "http/api.h"
#include "http/dto.h"
#include "http/handler_util.h"
#include "http/report_dto.h"

namespace xuncha::http {
namespace {
using bhttp::verb;
using nlohmann::json;

// A raw message as a download: hostile bytes, never rendered or sniffed.
Response RawMessage(const Ctx& ctx, std::string raw, const std::string& filename) {
  Response res{bhttp::status::ok, ctx.req.version()};
  res.keep_alive(ctx.req.keep_alive());
  res.set(bhttp::field::content_type, "message/rfc822");
  res.set("X-Content-Type-Options", "nosniff");
  res.set("Content-Security-Policy", "sandbox; default-src 'none'");
  res.set(bhttp::field::cache_control, "no-store");
  res.set(bhttp::field::content_disposition, "attachment; filename=\"" + filename + "\"");
  res.body() = std::move(raw);
  res.prepare_payload();
  return res;
}
}  // namespace

void Api::AddMailRoutes() {
  Router& r = router_;
  const auto S = Access::kSession;

  r.Add(verb::get, "/api/v1/mail", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(PageRequest page, QueryPage(ctx));
    MailFilter f;
    const std::string state = QueryStr(ctx, "state");
    if (!state.empty()) {
      f.state = ParseMailState(state);
      if (!f.state) return InvalidArgument("bad state", "bad_query");
    }
    XUNCHA_ASSIGN_OR_RETURN(auto group, QueryId(ctx, "group_id"));
    if (group) f.group_id = GroupId(*group);
    XUNCHA_ASSIGN_OR_RETURN(auto out, reports_.ListMail(*ctx.actor, f, page));
    return Json(ctx, PageJson(out, page, [](const MailView& x) { return ToJson(x); }));
  });
  r.Add(verb::get, "/api/v1/mail/{id}/raw", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
    XUNCHA_ASSIGN_OR_RETURN(std::string raw, reports_.MailRaw(*ctx.actor, MailId(id)));
    return RawMessage(ctx, std::move(raw), "mail-" + std::to_string(id) + ".eml");
  });
  r.Add(verb::get, "/api/v1/reports/{id}/original", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
    XUNCHA_ASSIGN_OR_RETURN(std::string raw, reports_.MailOriginal(*ctx.actor, ReportId(id)));
    return RawMessage(ctx, std::move(raw), "report-" + std::to_string(id) + ".eml");
  });
  r.Add(verb::post, "/api/v1/mail/{id}/register", S, [this](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
    XUNCHA_ASSIGN_OR_RETURN(json body, Body(ctx));
    Fields f(body);
    ReportDraft d = DraftFromJson(f, /*staff=*/true);
    // Always email: the channel is not the caller's to choose.
    f.errors().erase("channel");
    d.channel = Channel::kEmail;
    if (!f.Has("assignment_id")) f.Fail("assignment_id", "required");
    if (!f.errors().empty()) {
      for (auto& [field, key] : ValidateReportDraft(d)) f.errors().emplace(field, key);
    }
    XUNCHA_TRY(Check(f));
    XUNCHA_ASSIGN_OR_RETURN(ReportView v, reports_.RegisterMail(*ctx.actor, MailId(id), d));
    return Json(ctx, ReportDetailJson(v), 201);
  });

  // ---- IMAP accounts of the group mailboxes ----
  auto mailboxes = [this]() -> Result<MailboxService*> {
    if (mailboxes_ == nullptr) {
      return Error::Make(ErrorCode::kUnavailable, "mail polling not configured", "unavailable");
    }
    return mailboxes_;
  };
  r.Add(verb::get, "/api/v1/mail-accounts", S, [mailboxes](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(MailboxService * m, mailboxes());
    XUNCHA_ASSIGN_OR_RETURN(auto list, m->List(*ctx.actor));
    json items = json::array();
    for (const auto& a : list) items.push_back(ToJson(a));
    return Json(ctx, {{"items", items}});
  });
  r.Add(verb::put, "/api/v1/mail-accounts/{id}", S, [mailboxes](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(MailboxService * m, mailboxes());
    XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
    XUNCHA_ASSIGN_OR_RETURN(json body, Body(ctx));
    Fields f(body);
    MailAccountInput in;
    in.url = f.Str("url");
    in.username = f.Str("username");
    in.password = f.Str("password");
    in.ca_file = f.Str("ca_file");
    in.enabled = f.Bool("enabled", true);
    XUNCHA_TRY(Check(f));
    XUNCHA_ASSIGN_OR_RETURN(auto v, m->Put(*ctx.actor, GroupId(id), in));
    return Json(ctx, ToJson(v));
  });
  r.Add(verb::delete_, "/api/v1/mail-accounts/{id}", S, [mailboxes](Ctx& ctx) -> Result<Response> {
    XUNCHA_ASSIGN_OR_RETURN(MailboxService * m, mailboxes());
    XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
    XUNCHA_TRY(m->Delete(*ctx.actor, GroupId(id)));
    return NoContent(ctx);
  });
  r.Add(verb::post, "/api/v1/mail-accounts/{id}/poll", S,
        [mailboxes](Ctx& ctx) -> Result<Response> {
          XUNCHA_ASSIGN_OR_RETURN(MailboxService * m, mailboxes());
          XUNCHA_ASSIGN_OR_RETURN(auto id, PathId(ctx));
          XUNCHA_ASSIGN_OR_RETURN(auto out, m->Poll(*ctx.actor, GroupId(id)));
          return Json(ctx, ToJson(out));
        });
}

}  // namespace xuncha::http
