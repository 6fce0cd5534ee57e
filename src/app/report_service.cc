// Public intake, registration, the inbox and the reporter's status page.
#include "app/report_service.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/report_codec.h"
#include "app/scope.h"

namespace xuncha {
namespace {
constexpr int kChinaUtcOffset = 8 * 3600;

Actor PublicActor() {
  Actor a;
  a.user.username = "public";
  a.user.display_name = "举报人";
  a.ip = "";  // a reporter's address is never recorded
  return a;
}

bool IsHandlerRole(Role r) {
  return r == Role::kOffice || r == Role::kGroupLeader || r == Role::kGroupMember;
}
}  // namespace

Date ReportService::Today() const { return Date::OfTimestamp(clock_.Now(), kChinaUtcOffset); }

Status ReportService::CheckHandler(const Actor& a) const {
  if (!IsHandlerRole(a.user.role)) return Forbidden("reports are for the office and the groups");
  return Ok();
}

Result<ReportScope> ReportService::ScopeOf(Transaction& tx, const Actor& a) {
  XUNCHA_TRY(CheckHandler(a));
  ReportScope s;
  if (a.user.role == Role::kOffice) {
    s.all = true;
    s.sealed_all = a.user.custodian;
    return s;
  }
  if (!a.user.inspector_id) return s;
  XUNCHA_ASSIGN_OR_RETURN(s.groups, tx.GroupsOfInspector(*a.user.inspector_id));
  if (a.user.role == Role::kGroupLeader) {
    for (GroupId g : s.groups) {
      XUNCHA_ASSIGN_OR_RETURN(Group group, tx.GetGroup(g));
      for (const auto& m : group.members) {
        if (m.inspector_id == *a.user.inspector_id && m.role == MemberRole::kLeader) {
          s.sealed_groups.push_back(g);
        }
      }
    }
  }
  return s;
}

Result<ReportRecord> ReportService::Load(Transaction& tx, const Actor& a, ReportId id) {
  XUNCHA_ASSIGN_OR_RETURN(ReportScope s, ScopeOf(tx, a));
  XUNCHA_ASSIGN_OR_RETURN(ReportRecord rec, tx.GetReport(id));
  const GroupId g = rec.report.group_id;
  const bool in_scope = s.all || Contains(s.groups, g);
  const bool sealed_ok = !rec.report.sealed || s.sealed_all || Contains(s.sealed_groups, g);
  // Out of scope answers exactly like a missing report.
  if (!in_scope || !sealed_ok) return NotFound("report");
  return rec;
}

// ---- intake ----

Result<IntakeView> ReportService::Intake() {
  IntakeView out;
  XUNCHA_ASSIGN_OR_RETURN(out.petition_office, GetPetitionOffice());
  const Date today = Today();
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kRead));
  Scope all;
  all.all = true;
  RoundFilter rf;
  rf.status = RoundStatus::kStationing;
  XUNCHA_ASSIGN_OR_RETURN(auto rounds, tx->ListRounds(all, rf, {1, 200}));
  for (const auto& rs : rounds.items) {
    AssignmentFilter af;
    af.round_id = rs.round.id;
    XUNCHA_ASSIGN_OR_RETURN(auto assignments, tx->ListAssignments(all, af));
    for (const auto& av : assignments) {
      const Assignment& as = av.assignment;
      if (today < as.station_start || today > as.station_end) continue;
      XUNCHA_ASSIGN_OR_RETURN(Group g, tx->GetGroup(as.group_id));
      g.members.clear();  // not public
      IntakeItem item;
      item.assignment_id = as.id;
      item.round_name = rs.round.name;
      item.unit_name = av.unit_name;
      item.station_start = as.station_start;
      item.station_end = as.station_end;
      item.open = !g.intake_cutoff || today <= *g.intake_cutoff;
      item.replies_allowed = rs.round.reporter_replies;
      item.group = std::move(g);
      out.items.push_back(std::move(item));
    }
  }
  return out;
}

Result<Submitted> ReportService::Submit(ReportDraft d) {
  d.channel = Channel::kWeb;
  d.received_at = clock_.Now();
  d.sealed = false;
  if (d.anonymous) d.reporter = {};
  FieldErrors errors = ValidateReportDraft(d);
  if (!errors.empty()) return ValidationError(std::move(errors));
  XUNCHA_ASSIGN_OR_RETURN(IntakeView intake, Intake());
  bool open = false;
  for (const auto& item : intake.items) {
    if (item.assignment_id == d.assignment_id) open = item.open;
  }
  if (!open) {
    Error e = Error::Make(ErrorCode::kFailedPrecondition, "intake closed", "intake_closed");
    e.fields["assignment_id"] = "intake_closed";
    return e;
  }
  XUNCHA_ASSIGN_OR_RETURN(d.files, ProcessFiles(std::move(d.files), 0));
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_ASSIGN_OR_RETURN(AssignmentView av, tx->GetAssignment(d.assignment_id));
  XUNCHA_ASSIGN_OR_RETURN(Submitted s, Create(*tx, nullptr, d, av));
  XUNCHA_TRY(tx->Commit());
  return s;
}

Result<Submitted> ReportService::Create(Transaction& tx, const Actor* a, ReportDraft& d,
                                        const AssignmentView& av) {
  const Date received = Date::OfTimestamp(d.received_at, kChinaUtcOffset);
  XUNCHA_ASSIGN_OR_RETURN(std::int64_t seq, tx.NextReportSeq(received.year()));
  ReportRecord rec;
  Report& r = rec.report;
  r.number = ReportNumber(received.year(), seq);
  r.assignment_id = av.assignment.id;
  r.round_id = av.assignment.round_id;
  r.group_id = av.assignment.group_id;
  r.unit_id = av.assignment.unit_id;
  r.channel = d.channel;
  r.state = ReportState::kRegistered;
  r.received_at = d.received_at;
  r.registered_at = clock_.Now();
  if (a != nullptr && a->user.id.valid()) r.registered_by = a->user.id;
  r.anonymous = d.anonymous;
  r.sealed = d.sealed;
  r.demo = d.demo;
  Submitted out;
  out.query_code = crypto_.RandomDigits(16);
  rec.query_hash = crypto_.KeyedHashHex(keys_.lookup_key, out.query_code);
  rec.content_box = SealContent(d.body, r.number);
  std::string identity_key;
  if (!d.anonymous) {
    identity_key = crypto_.RandomBytes(32);
    rec.identity_box =
        crypto_.Seal(identity_key, EncodeIdentity(d.reporter), IdentityContext(r.number));
  }
  XUNCHA_ASSIGN_OR_RETURN(r.id, tx.InsertReport(rec));
  // The report key protects attachments (and, later, the original email).
  const std::string report_key = crypto_.RandomBytes(32);
  XUNCHA_TRY(SealReportKey(tx, r, report_key, /*only_missing=*/false));
  if (!d.files.empty()) {
    std::optional<UserId> by;
    if (a != nullptr && a->user.id.valid()) by = a->user.id;
    XUNCHA_TRY(StoreFiles(tx, r, report_key, d.files, by));
  }
  if (!identity_key.empty()) {
    // Sealed to the custodians and the escrow key only: nobody else can open it until a
    // custodian approves a request.
    XUNCHA_ASSIGN_OR_RETURN(auto holders, tx.ListKeyHolders());
    for (const auto& h : holders) {
      if (h.role != Role::kOffice || !h.custodian) continue;
      XUNCHA_TRY(tx.PutReportKey(r.id, "identity", HolderOf(h.user_id),
                                 crypto_.SealTo(h.public_key, identity_key)));
    }
    if (!keys_.escrow_public_key.empty()) {
      XUNCHA_TRY(tx.PutReportKey(r.id, "identity", "escrow",
                                 crypto_.SealTo(keys_.escrow_public_key, identity_key)));
    }
  }
  ReportEventRecord ev;
  ev.event.report_id = r.id;
  ev.event.at = r.registered_at;
  ev.event.to = ReportState::kRegistered;
  if (a != nullptr && a->user.id.valid()) ev.event.by = a->user.id;
  ev.detail_box = SealText(EncodeEventDetail("", ""), EventContext(r.number));
  XUNCHA_TRY(tx.InsertReportEvent(ev));
  const Actor actor = a != nullptr ? *a : PublicActor();
  XUNCHA_TRY(audit_.Append(
      tx, actor, "report.register", "report", std::to_string(r.id.value),
      r.number + " " + std::string(ChannelName(r.channel)) + (r.sealed ? " sealed" : "")));
  out.id = r.id;
  out.number = r.number;
  out.received_at = r.received_at;
  return out;
}

Result<Submitted> ReportService::Import(const Actor* a, ReportDraft d) {
  if (d.anonymous) d.reporter = {};
  FieldErrors errors = ValidateReportDraft(d);
  if (!errors.empty()) return ValidationError(std::move(errors));
  XUNCHA_ASSIGN_OR_RETURN(d.files, ProcessFiles(std::move(d.files), 0));
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_ASSIGN_OR_RETURN(AssignmentView av, tx->GetAssignment(d.assignment_id));
  XUNCHA_ASSIGN_OR_RETURN(Submitted s, Create(*tx, a, d, av));
  XUNCHA_TRY(tx->Commit());
  return s;
}

// ---- staff registration and the inbox ----

Result<ReportView> ReportService::Register(const Actor& a, ReportDraft d) {
  return RegisterWith(a, std::move(d), nullptr, {});
}

Result<ReportView> ReportService::RegisterWith(
    const Actor& a, ReportDraft d, const Attachment* original,
    const std::function<Status(Transaction&, const AssignmentView&, const Submitted&)>& in_tx) {
  XUNCHA_TRY(CheckHandler(a));
  if (d.channel == Channel::kWeb) {
    return ValidationError({{"channel", "invalid_value"}});
  }
  if (d.anonymous) d.reporter = {};
  FieldErrors errors = ValidateReportDraft(d);
  if (d.received_at <= 0) errors["received_at"] = "required";
  if (d.received_at > clock_.Now() + 300) errors["received_at"] = "in_future";
  if (!errors.empty()) return ValidationError(std::move(errors));
  XUNCHA_ASSIGN_OR_RETURN(d.files, ProcessFiles(std::move(d.files), 0));
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_ASSIGN_OR_RETURN(ReportScope s, ScopeOf(*tx, a));
  XUNCHA_ASSIGN_OR_RETURN(AssignmentView av, tx->GetAssignment(d.assignment_id));
  if (!s.all && !Contains(s.groups, av.assignment.group_id)) {
    return ValidationError({{"assignment_id", "not_found"}});
  }
  // A member may seal a report (越级) he registers; from then on only the group leader and the
  // custodians see it, so he gets back the number only.
  if (original != nullptr) d.files.push_back(*original);
  XUNCHA_ASSIGN_OR_RETURN(Submitted sub, Create(*tx, &a, d, av));
  if (in_tx) XUNCHA_TRY(in_tx(*tx, av, sub));
  XUNCHA_TRY(tx->Commit());
  ReportView v;
  {
    XUNCHA_ASSIGN_OR_RETURN(auto rtx, store_.Begin(TxMode::kRead));
    XUNCHA_ASSIGN_OR_RETURN(ReportRecord rec, rtx->GetReport(sub.id));
    auto visible = Load(*rtx, a, sub.id);
    if (visible.ok()) {
      XUNCHA_ASSIGN_OR_RETURN(v, Detail(*rtx, a, rec));
    } else {
      // Sealed and so out of the registering member's sight: he gets the number only.
      v.report = rec.report;
      v.group_name = rec.group_name;
      v.unit_name = rec.unit_name;
    }
  }
  v.query_code = sub.query_code;
  return v;
}

Result<Page<ReportView>> ReportService::List(const Actor& a, const ReportListFilter& f,
                                             const PageRequest& p) {
  if (!f.due.empty() && f.due != "overdue" && f.due != "soon") {
    return InvalidArgument("bad due", "bad_query");
  }
  Page<ReportView> out;
  {
    XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kRead));
    XUNCHA_ASSIGN_OR_RETURN(ReportScope s, ScopeOf(*tx, a));
    XUNCHA_ASSIGN_OR_RETURN(auto days, tx->ListCalendarDays());
    XUNCHA_ASSIGN_OR_RETURN(auto rules, tx->ListDeadlineRules());
    if (f.due.empty()) {
      XUNCHA_ASSIGN_OR_RETURN(auto page, tx->ListReports(s, f.store, p));
      out.total = page.total;
      for (const auto& rec : page.items) {
        XUNCHA_ASSIGN_OR_RETURN(ReportView v, View(*tx, rec, false, &a, days, rules));
        out.items.push_back(std::move(v));
      }
    } else {
      // What is due: the reports that owe a real-name reporter a notice, by due date.
      ReportFilter sf = f.store;
      sf.notice_pending = true;
      XUNCHA_ASSIGN_OR_RETURN(auto page, tx->ListReports(s, sf, {1, 100000}));
      std::vector<ReportView> due;
      for (const auto& rec : page.items) {
        XUNCHA_ASSIGN_OR_RETURN(ReportView v, View(*tx, rec, false, &a, days, rules));
        if (!v.due) continue;
        const bool keep = f.due == "overdue"
                              ? v.due->overdue
                              : !v.due->overdue && v.due->working_days_left <= kSoonWorkingDays;
        if (keep) due.push_back(std::move(v));
      }
      std::stable_sort(due.begin(), due.end(), [](const ReportView& x, const ReportView& y) {
        return x.due->due < y.due->due;
      });
      out.total = static_cast<std::int64_t>(due.size());
      for (std::size_t i = static_cast<std::size_t>(p.offset());
           i < due.size() && out.items.size() < static_cast<std::size_t>(p.page_size); ++i) {
        out.items.push_back(std::move(due[i]));
      }
    }
  }
  // The list shows excerpts of report content: the access is logged like a detail read.
  XUNCHA_ASSIGN_OR_RETURN(auto wtx, store_.Begin(TxMode::kWrite));
  std::string ids;
  for (const auto& v : out.items)
    ids += (ids.empty() ? "" : ",") + std::to_string(v.report.id.value);
  XUNCHA_TRY(audit_.Append(*wtx, a, "report.list", "report", "", ids));
  XUNCHA_TRY(wtx->Commit());
  return out;
}

Result<ReportView> ReportService::Get(const Actor& a, ReportId id) {
  ReportView v;
  {
    XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kRead));
    XUNCHA_ASSIGN_OR_RETURN(ReportRecord rec, Load(*tx, a, id));
    XUNCHA_ASSIGN_OR_RETURN(v, Detail(*tx, a, rec));
  }
  XUNCHA_ASSIGN_OR_RETURN(auto wtx, store_.Begin(TxMode::kWrite));
  if (v.files_readable) {
    // Pass the report key on to handlers who joined after the report came in.
    XUNCHA_ASSIGN_OR_RETURN(ReportRecord rec, Load(*wtx, a, id));
    XUNCHA_ASSIGN_OR_RETURN(auto key, OpenReportKey(*wtx, a, rec.report));
    if (key) {
      XUNCHA_TRY(SealReportKey(*wtx, rec.report, *key, /*only_missing=*/true));
    }
  }
  XUNCHA_TRY(
      audit_.Append(*wtx, a, "report.view", "report", std::to_string(id.value), v.report.number));
  XUNCHA_TRY(wtx->Commit());
  return v;
}

Result<ReportView> ReportService::Detail(Transaction& tx, const Actor& a, const ReportRecord& rec) {
  XUNCHA_ASSIGN_OR_RETURN(auto days, tx.ListCalendarDays());
  XUNCHA_ASSIGN_OR_RETURN(auto rules, tx.ListDeadlineRules());
  return View(tx, rec, true, &a, days, rules);
}

Result<ReportView> ReportService::View(Transaction& tx, const ReportRecord& rec, bool detail,
                                       const Actor* a, const std::vector<CalendarDay>& days,
                                       const std::vector<DeadlineRule>& rules) {
  ReportView v;
  v.report = rec.report;
  v.group_name = rec.group_name;
  v.unit_name = rec.unit_name;
  v.registered_by_name = rec.registered_by_name;
  if (detail || !rec.report.sealed) {
    XUNCHA_ASSIGN_OR_RETURN(v.report.body, OpenContent(rec));
  }
  const Report& r = rec.report;
  const WorkCalendar cal(days);
  const Date today = Today();
  if (r.sealed && (r.state == ReportState::kRegistered || r.state == ReportState::kAccepted)) {
    // A sealed (越级) report is flagged until it is transferred.
    v.due = DeadlineFor(rules, cal, DeadlineKind::kSealedTransfer,
                        Date::OfTimestamp(r.registered_at, kChinaUtcOffset), today);
  } else if (!r.anonymous) {
    if (r.acceptance_notified_at == 0) {
      v.due = DeadlineFor(rules, cal, DeadlineKind::kAcceptanceNotice,
                          Date::OfTimestamp(r.received_at, kChinaUtcOffset), today);
    } else if (r.result_at > 0 && r.result_notified_at == 0) {
      v.due = DeadlineFor(rules, cal, DeadlineKind::kResultNotice,
                          Date::OfTimestamp(r.result_at, kChinaUtcOffset), today);
    }
  }
  if (!detail) return v;
  XUNCHA_ASSIGN_OR_RETURN(RoundSummary round, tx.GetRound(r.round_id));
  v.replies_allowed = round.round.reporter_replies;
  const bool decides =
      a != nullptr && (a->user.role == Role::kOffice || a->user.role == Role::kGroupLeader);
  if (decides) v.allowed_transitions = AllowedTransitions(r.state);
  XUNCHA_ASSIGN_OR_RETURN(auto events, tx.ListReportEvents(r.id));
  for (auto& e : events) {
    XUNCHA_ASSIGN_OR_RETURN(std::string detail_json,
                            OpenText(e.detail_box, EventContext(r.number)));
    DecodeEventDetail(detail_json, e.event.reason, e.event.letter);
    v.events.push_back(std::move(e.event));
  }
  XUNCHA_ASSIGN_OR_RETURN(auto messages, tx.ListReportMessages(r.id));
  for (auto& m : messages) {
    XUNCHA_ASSIGN_OR_RETURN(m.message.text, OpenText(m.text_box, MessageContext(r.number)));
    v.messages.push_back(std::move(m.message));
  }
  XUNCHA_ASSIGN_OR_RETURN(auto files, tx.ListReportFiles(r.id));
  std::optional<std::string> report_key;
  if (a != nullptr) {
    XUNCHA_ASSIGN_OR_RETURN(report_key, OpenReportKey(tx, *a, r));
  }
  v.files_readable = report_key.has_value();
  for (auto& f : files) {
    if (report_key) {
      const std::string pos = std::to_string(f.info.position);
      auto file_key = crypto_.Open(*report_key, f.key_box, "filekey:" + r.number + ":" + pos);
      if (file_key.ok()) {
        auto name = crypto_.Open(*file_key, f.name_box, "filename:" + r.number + ":" + pos);
        if (name.ok()) f.info.filename = *std::move(name);
      }
    }
    v.files.push_back(std::move(f.info));
  }
  if (a != nullptr && !r.anonymous) {
    RevealFilter rf;
    rf.report_id = r.id;
    rf.requested_by = a->user.id;
    XUNCHA_ASSIGN_OR_RETURN(auto reqs, tx.ListRevealRequests(rf, {1, 1}));
    if (!reqs.items.empty()) v.reveal_request = reqs.items.front();
    v.identity_available = v.reveal_request && v.reveal_request->state == RevealState::kApproved;
  }
  return v;
}

// ---- the reporter's status page ----

Result<std::optional<ReportRecord>> ReportService::FindByCode(Transaction& tx,
                                                              const std::string& code) {
  auto normal = NormalizeQueryCode(code);
  if (!normal) return std::optional<ReportRecord>();
  return tx.FindReportByQueryHash(crypto_.KeyedHashHex(keys_.lookup_key, *normal));
}

Result<PublicStatus> ReportService::Lookup(const std::string& query_code) {
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kRead));
  XUNCHA_ASSIGN_OR_RETURN(auto found, FindByCode(*tx, query_code));
  if (!found) return Error::Make(ErrorCode::kNotFound, "no report", "query_code_unknown");
  const Report& r = found->report;
  PublicStatus s;
  s.number = r.number;
  s.state = r.state;
  s.received_at = r.received_at;
  s.group_name = found->group_name;
  s.unit_name = found->unit_name;
  XUNCHA_ASSIGN_OR_RETURN(RoundSummary round, tx->GetRound(r.round_id));
  s.replies_allowed = round.round.reporter_replies;
  XUNCHA_ASSIGN_OR_RETURN(auto events, tx->ListReportEvents(r.id));
  for (const auto& e : events) {
    ReportEvent pub;
    pub.at = e.event.at;
    pub.to = e.event.to;
    s.events.push_back(pub);
  }
  XUNCHA_ASSIGN_OR_RETURN(auto messages, tx->ListReportMessages(r.id));
  for (auto& m : messages) {
    XUNCHA_ASSIGN_OR_RETURN(m.message.text, OpenText(m.text_box, MessageContext(r.number)));
    m.message.author_name.clear();  // the reporter sees 巡察组, not who wrote
    m.message.author.reset();
    s.messages.push_back(std::move(m.message));
  }
  return s;
}

Result<ReportMessage> ReportService::ReporterMessage(const std::string& query_code,
                                                     const std::string& text) {
  FieldErrors errors;
  CheckText(errors, "text", text, true, kMaxMessageChars);
  if (!errors.empty()) return ValidationError(std::move(errors));
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_ASSIGN_OR_RETURN(auto found, FindByCode(*tx, query_code));
  if (!found) return Error::Make(ErrorCode::kNotFound, "no report", "query_code_unknown");
  XUNCHA_ASSIGN_OR_RETURN(RoundSummary round, tx->GetRound(found->report.round_id));
  if (!round.round.reporter_replies) {
    return Error::Make(ErrorCode::kFailedPrecondition, "no replies in this round",
                       "replies_disabled");
  }
  ReportMessageRecord rec;
  rec.message.report_id = found->report.id;
  rec.message.at = clock_.Now();
  rec.message.from = MessageSender::kReporter;
  rec.text_box = SealText(text, MessageContext(found->report.number));
  XUNCHA_ASSIGN_OR_RETURN(rec.message.id, tx->InsertReportMessage(rec));
  XUNCHA_TRY(audit_.Append(*tx, PublicActor(), "report.message.reporter", "report",
                           std::to_string(found->report.id.value), found->report.number));
  XUNCHA_TRY(tx->Commit());
  rec.message.text = text;
  return rec.message;
}

// ---- search ----

Result<std::string> ReportService::SearchText(const ReportRecord& rec) {
  XUNCHA_ASSIGN_OR_RETURN(ReportContent c, OpenContent(rec));
  std::string text = rec.report.number;
  for (const auto& p : c.persons) {
    text += '\n';
    text += p.name + ' ' + p.unit + ' ' + p.post;
  }
  for (const std::string* part : {&c.content, &c.happened, &c.place, &c.box_location}) {
    if (part->empty()) continue;
    text += '\n';
    text += *part;
  }
  return text;
}

Result<std::vector<ReportView>> ReportService::Summaries(const Actor& a,
                                                         const std::vector<ReportId>& ids) {
  std::vector<ReportView> out;
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kRead));
  XUNCHA_ASSIGN_OR_RETURN(auto days, tx->ListCalendarDays());
  XUNCHA_ASSIGN_OR_RETURN(auto rules, tx->ListDeadlineRules());
  for (ReportId id : ids) {
    auto rec = Load(*tx, a, id);
    if (!rec.ok()) {
      if (rec.error().code == ErrorCode::kNotFound) continue;
      return rec.error();
    }
    XUNCHA_ASSIGN_OR_RETURN(ReportView v, View(*tx, *rec, false, &a, days, rules));
    out.push_back(std::move(v));
  }
  return out;
}

// ---- encryption of report content ----

std::string ReportService::SealContent(const ReportContent& c, const std::string& number) {
  return crypto_.Seal(keys_.content_key, EncodeContent(c), ContentContext(number));
}

Result<ReportContent> ReportService::OpenContent(const ReportRecord& rec) {
  XUNCHA_ASSIGN_OR_RETURN(std::string plain, crypto_.Open(keys_.content_key, rec.content_box,
                                                          ContentContext(rec.report.number)));
  return DecodeContent(plain);
}

std::string ReportService::SealText(const std::string& text, const std::string& context) {
  return crypto_.Seal(keys_.content_key, text, context);
}

Result<std::string> ReportService::OpenText(const std::string& box, const std::string& context) {
  return crypto_.Open(keys_.content_key, box, context);
}

}  // namespace xuncha
