// The workflow of a report: state changes, notices to real-name reporters, replies; the
// working-day calendar and deadline rules they are measured on; the 信访 department setting.
#include <nlohmann/json.hpp>

#include "app/report_codec.h"
#include "app/report_service.h"
#include "app/scope.h"

namespace xuncha {
namespace {
Status CheckDecider(const Actor& a) {
  if (a.user.role != Role::kOffice && a.user.role != Role::kGroupLeader) {
    return Forbidden("only the office or the group leader decide on a report");
  }
  return Ok();
}
Status CheckOffice(const Actor& a) {
  if (a.user.role != Role::kOffice) return Forbidden("the office edits the calendar");
  return Ok();
}
constexpr const char* kPetitionOfficeKey = "petition_office";
}  // namespace

Result<ReportView> ReportService::Move(const Actor& a, ReportId id, int version,
                                       const Transition& t) {
  XUNCHA_TRY(CheckDecider(a));
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_ASSIGN_OR_RETURN(ReportRecord rec, Load(*tx, a, id));
  Report r = rec.report;
  if (r.version != version) return Stale("report");
  FieldErrors errors = ValidateTransition(r.state, t);
  if (!errors.empty()) return ValidationError(std::move(errors));
  const ReportState from = r.state;
  r.state = t.to;
  if (HasResult(t.to) && r.result_at == 0) r.result_at = clock_.Now();
  XUNCHA_TRY(tx->UpdateReport(r));
  ReportEventRecord ev;
  ev.event.report_id = r.id;
  ev.event.at = clock_.Now();
  ev.event.from = from;
  ev.event.to = t.to;
  ev.event.department = t.to == ReportState::kTransferred ? t.department : "";
  ev.event.by = a.user.id;
  ev.detail_box = SealText(EncodeEventDetail(t.reason, t.letter), EventContext(r.number));
  XUNCHA_TRY(tx->InsertReportEvent(ev));
  XUNCHA_TRY(audit_.Append(*tx, a, "report.transition", "report", std::to_string(id.value),
                           r.number + " " + std::string(ReportStateName(from)) + "->" +
                               std::string(ReportStateName(t.to))));
  XUNCHA_TRY(tx->Commit());
  XUNCHA_ASSIGN_OR_RETURN(auto rtx, store_.Begin(TxMode::kRead));
  XUNCHA_ASSIGN_OR_RETURN(ReportRecord now, Load(*rtx, a, id));
  return Detail(*rtx, a, now);
}

Result<ReportView> ReportService::RecordNotice(const Actor& a, ReportId id, int version,
                                               NoticeKind kind) {
  XUNCHA_TRY(CheckDecider(a));
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_ASSIGN_OR_RETURN(ReportRecord rec, Load(*tx, a, id));
  Report r = rec.report;
  if (r.version != version) return Stale("report");
  auto refuse = [](const char* key) {
    return Error::Make(ErrorCode::kFailedPrecondition, key, key);
  };
  if (r.anonymous) return refuse("notice_anonymous");
  if (kind == NoticeKind::kAcceptance) {
    if (r.state == ReportState::kRegistered) return refuse("notice_too_early");
    if (r.acceptance_notified_at != 0) return refuse("notice_done");
    r.acceptance_notified_at = clock_.Now();
  } else {
    if (!HasResult(r.state)) return refuse("notice_too_early");
    if (r.result_notified_at != 0) return refuse("notice_done");
    // Telling the result also tells of the acceptance.
    if (r.acceptance_notified_at == 0) r.acceptance_notified_at = clock_.Now();
    r.result_notified_at = clock_.Now();
  }
  XUNCHA_TRY(tx->UpdateReport(r));
  XUNCHA_TRY(
      audit_.Append(*tx, a, "report.notice", "report", std::to_string(id.value),
                    r.number + (kind == NoticeKind::kAcceptance ? " acceptance" : " result")));
  XUNCHA_TRY(tx->Commit());
  XUNCHA_ASSIGN_OR_RETURN(auto rtx, store_.Begin(TxMode::kRead));
  XUNCHA_ASSIGN_OR_RETURN(ReportRecord now, Load(*rtx, a, id));
  return Detail(*rtx, a, now);
}

Result<ReportMessage> ReportService::Reply(const Actor& a, ReportId id, const std::string& text) {
  XUNCHA_TRY(CheckDecider(a));
  FieldErrors errors;
  CheckText(errors, "text", text, true, kMaxMessageChars);
  if (!errors.empty()) return ValidationError(std::move(errors));
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_ASSIGN_OR_RETURN(ReportRecord rec, Load(*tx, a, id));
  XUNCHA_ASSIGN_OR_RETURN(RoundSummary round, tx->GetRound(rec.report.round_id));
  if (!round.round.reporter_replies) {
    return Error::Make(ErrorCode::kFailedPrecondition, "no replies in this round",
                       "replies_disabled");
  }
  ReportMessageRecord m;
  m.message.report_id = id;
  m.message.at = clock_.Now();
  m.message.from = MessageSender::kGroup;
  m.message.author = a.user.id;
  m.message.author_name = a.user.display_name;
  m.text_box = SealText(text, MessageContext(rec.report.number));
  XUNCHA_ASSIGN_OR_RETURN(m.message.id, tx->InsertReportMessage(m));
  XUNCHA_TRY(audit_.Append(*tx, a, "report.message.group", "report", std::to_string(id.value),
                           rec.report.number));
  XUNCHA_TRY(tx->Commit());
  m.message.text = text;
  return m.message;
}

// ---- calendar and rules ----

Result<std::vector<CalendarDay>> ReportService::ListCalendar(const Actor& a) {
  XUNCHA_TRY(CheckHandler(a));
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kRead));
  return tx->ListCalendarDays();
}

Result<CalendarDay> ReportService::PutCalendarDay(const Actor& a, const CalendarDay& d) {
  XUNCHA_TRY(CheckOffice(a));
  FieldErrors errors = ValidateCalendarDay(d);
  if (!errors.empty()) return ValidationError(std::move(errors));
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_TRY(tx->PutCalendarDay(d));
  XUNCHA_TRY(audit_.Append(*tx, a, "calendar.put", "calendar_day", d.date.ToString(),
                           std::string(DayKindName(d.kind)) + " " + d.name));
  XUNCHA_TRY(tx->Commit());
  return d;
}

Status ReportService::DeleteCalendarDay(const Actor& a, Date d) {
  XUNCHA_TRY(CheckOffice(a));
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_TRY(tx->DeleteCalendarDay(d));
  XUNCHA_TRY(audit_.Append(*tx, a, "calendar.delete", "calendar_day", d.ToString(), ""));
  return tx->Commit();
}

Result<std::vector<DeadlineRule>> ReportService::ListRules(const Actor& a) {
  XUNCHA_TRY(CheckHandler(a));
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kRead));
  return tx->ListDeadlineRules();
}

Result<DeadlineRule> ReportService::CreateRule(const Actor& a, DeadlineRule r) {
  XUNCHA_TRY(CheckOffice(a));
  FieldErrors errors = ValidateDeadlineRule(r);
  if (!errors.empty()) return ValidationError(std::move(errors));
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_ASSIGN_OR_RETURN(r.id, tx->InsertDeadlineRule(r));
  r.version = 1;
  XUNCHA_TRY(
      audit_.Append(*tx, a, "deadline_rule.create", "deadline_rule", std::to_string(r.id),
                    std::string(DeadlineKindName(r.kind)) + " " + std::to_string(r.working_days)));
  XUNCHA_TRY(tx->Commit());
  return r;
}

Result<DeadlineRule> ReportService::UpdateRule(const Actor& a, const DeadlineRule& r) {
  XUNCHA_TRY(CheckOffice(a));
  FieldErrors errors = ValidateDeadlineRule(r);
  if (!errors.empty()) return ValidationError(std::move(errors));
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_TRY(tx->UpdateDeadlineRule(r));
  XUNCHA_TRY(
      audit_.Append(*tx, a, "deadline_rule.update", "deadline_rule", std::to_string(r.id),
                    std::string(DeadlineKindName(r.kind)) + " " + std::to_string(r.working_days)));
  XUNCHA_TRY(tx->Commit());
  DeadlineRule out = r;
  out.version += 1;
  return out;
}

Status ReportService::SeedDefaults() {
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_ASSIGN_OR_RETURN(auto seeded, tx->GetSetting("report_defaults_seeded"));
  if (seeded) return Ok();
  for (const auto& d : DefaultChinaCalendar()) XUNCHA_TRY(tx->PutCalendarDay(d));
  for (const auto& r : DefaultDeadlineRules()) {
    auto id = tx->InsertDeadlineRule(r);
    if (!id.ok()) return std::move(id).error();
  }
  XUNCHA_TRY(tx->PutSetting("report_defaults_seeded", "1"));
  return tx->Commit();
}

Result<PetitionOffice> ReportService::GetPetitionOffice() {
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kRead));
  XUNCHA_ASSIGN_OR_RETURN(auto v, tx->GetSetting(kPetitionOfficeKey));
  PetitionOffice p{"市信访局", "", ""};
  if (v) {
    auto j = nlohmann::json::parse(*v, nullptr, false);
    if (j.is_object()) {
      p.name = j.value("name", p.name);
      p.address = j.value("address", "");
      p.phone = j.value("phone", "");
    }
  }
  return p;
}

Status ReportService::SetPetitionOffice(const Actor& a, const PetitionOffice& p) {
  XUNCHA_TRY(CheckOffice(a));
  FieldErrors errors;
  CheckText(errors, "name", p.name, true, 100);
  CheckText(errors, "address", p.address, false, 200);
  CheckText(errors, "phone", p.phone, false, 40);
  if (!errors.empty()) return ValidationError(std::move(errors));
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_TRY(tx->PutSetting(
      kPetitionOfficeKey,
      nlohmann::json{{"name", p.name}, {"address", p.address}, {"phone", p.phone}}.dump()));
  XUNCHA_TRY(
      audit_.Append(*tx, a, "settings.petition_office", "setting", kPetitionOfficeKey, p.name));
  return tx->Commit();
}

}  // namespace xuncha
