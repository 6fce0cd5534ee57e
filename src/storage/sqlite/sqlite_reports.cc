// Reports, their keys, events and messages; reveal requests; user keys; the working-day calendar
// and deadline rules. Ciphertexts are stored as BLOBs exactly as the app hands them over.
#include "storage/sqlite/sqlite_transaction.h"

namespace xuncha::sqlite {
namespace {

Date DateOf(const Statement& st, int col) { return Date::Parse(st.Text(col)).value_or(Date()); }

template <typename IdT>
std::optional<std::int64_t> RawId(const std::optional<IdT>& id) {
  if (!id) return std::nullopt;
  return id->value;
}

void BindBlobOrNull(Statement& st, int i, const std::string& v) {
  if (v.empty()) {
    st.BindNull(i);
  } else {
    st.BindBlob(i, v);
  }
}

constexpr const char* kReportSelect =
    "SELECT r.id, r.version, r.number, r.assignment_id, r.round_id, r.group_id, r.unit_id, "
    "r.channel, r.state, r.received_at, r.registered_at, r.registered_by, r.anonymous, r.sealed, "
    "r.result_at, r.acceptance_notified_at, r.result_notified_at, r.demo, r.query_hash, "
    "r.content_box, r.identity_box, g.name, un.name, coalesce(u.display_name, '') "
    "FROM reports r JOIN groups g ON g.id=r.group_id JOIN units un ON un.id=r.unit_id "
    "LEFT JOIN users u ON u.id=r.registered_by ";

ReportRecord ReadReport(const Statement& st) {
  ReportRecord rec;
  Report& r = rec.report;
  r.id = ReportId(st.Int(0));
  r.version = static_cast<int>(st.Int(1));
  r.number = st.Text(2);
  r.assignment_id = AssignmentId(st.Int(3));
  r.round_id = RoundId(st.Int(4));
  r.group_id = GroupId(st.Int(5));
  r.unit_id = UnitId(st.Int(6));
  r.channel = ParseChannel(st.Text(7)).value_or(Channel::kWeb);
  r.state = ParseReportState(st.Text(8)).value_or(ReportState::kRegistered);
  r.received_at = st.Int(9);
  r.registered_at = st.Int(10);
  if (auto v = st.OptInt(11)) r.registered_by = UserId(*v);
  r.anonymous = st.Int(12) != 0;
  r.sealed = st.Int(13) != 0;
  r.result_at = st.Int(14);
  r.acceptance_notified_at = st.Int(15);
  r.result_notified_at = st.Int(16);
  r.demo = st.Int(17) != 0;
  rec.query_hash = st.Text(18);
  rec.content_box = st.Blob(19);
  rec.identity_box = st.Blob(20);
  rec.group_name = st.Text(21);
  rec.unit_name = st.Text(22);
  rec.registered_by_name = st.Text(23);
  return rec;
}

constexpr const char* kRevealSelect =
    "SELECT q.id, q.report_id, r.number, q.requested_by, a.display_name, q.requested_at, q.reason, "
    "q.state, q.decided_by, coalesce(d.display_name, ''), q.decided_at, q.note "
    "FROM reveal_requests q JOIN reports r ON r.id=q.report_id "
    "JOIN users a ON a.id=q.requested_by LEFT JOIN users d ON d.id=q.decided_by ";

RevealRequest ReadReveal(const Statement& st) {
  RevealRequest q;
  q.id = RevealRequestId(st.Int(0));
  q.report_id = ReportId(st.Int(1));
  q.report_number = st.Text(2);
  q.requested_by = UserId(st.Int(3));
  q.requested_by_name = st.Text(4);
  q.requested_at = st.Int(5);
  q.reason = st.Text(6);
  q.state = ParseRevealState(st.Text(7)).value_or(RevealState::kPending);
  if (auto v = st.OptInt(8)) q.decided_by = UserId(*v);
  q.decided_by_name = st.Text(9);
  q.decided_at = st.Int(10);
  q.note = st.Text(11);
  return q;
}

}  // namespace

// ---- user keys ----

Result<std::optional<UserKeys>> SqliteTransaction::GetUserKeys(UserId id) {
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st,
      Prep("SELECT public_key, locked_secret_key, salt FROM user_keys WHERE user_id=?"));
  st->Bind(1, id.value);
  XUNCHA_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return std::optional<UserKeys>();
  UserKeys k{st->Blob(0), st->Blob(1), st->Blob(2)};
  st->Reset();
  return std::optional<UserKeys>(std::move(k));
}

Status SqliteTransaction::PutUserKeys(UserId id, const UserKeys& k) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                          Prep("INSERT OR REPLACE INTO user_keys (user_id, public_key,"
                               " locked_secret_key, salt) VALUES (?,?,?,?)"));
  st->Bind(1, id.value).BindBlob(2, k.public_key).BindBlob(3, k.locked_secret_key);
  st->BindBlob(4, k.salt);
  return st->Run();
}

Status SqliteTransaction::DeleteUserKeys(UserId id) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st, Prep("DELETE FROM user_keys WHERE user_id=?"));
  st->Bind(1, id.value);
  return st->Run();
}

Result<std::vector<KeyHolder>> SqliteTransaction::ListKeyHolders() {
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st,
      Prep("SELECT u.id, u.role, u.custodian, u.inspector_id, k.public_key FROM users u"
           " JOIN user_keys k ON k.user_id=u.id WHERE u.disabled=0 ORDER BY u.id"));
  return AllRows<KeyHolder>(*st, [](const Statement& s) {
    KeyHolder h;
    h.user_id = UserId(s.Int(0));
    h.role = ParseRole(s.Text(1)).value_or(Role::kUnit);
    h.custodian = s.Int(2) != 0;
    if (auto v = s.OptInt(3)) h.inspector_id = InspectorId(*v);
    h.public_key = s.Blob(4);
    return h;
  });
}

// ---- reports ----

Result<std::int64_t> SqliteTransaction::NextReportSeq(int year) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                          Prep("INSERT INTO report_counters (year, last) VALUES (?1, 1)"
                               " ON CONFLICT (year) DO UPDATE SET last=last+1 RETURNING last"));
  st->Bind(1, year);
  XUNCHA_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Internal("report counter");
  std::int64_t v = st->Int(0);
  st->Reset();
  return v;
}

Result<ReportId> SqliteTransaction::InsertReport(const ReportRecord& rec) {
  const Report& r = rec.report;
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st,
      Prep("INSERT INTO reports (number, assignment_id, round_id, group_id, unit_id, channel,"
           " state, received_at, registered_at, registered_by, anonymous, sealed, query_hash,"
           " content_box, identity_box, demo) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
  st->Bind(1, r.number)
      .Bind(2, r.assignment_id.value)
      .Bind(3, r.round_id.value)
      .Bind(4, r.group_id.value)
      .Bind(5, r.unit_id.value)
      .Bind(6, ChannelName(r.channel))
      .Bind(7, ReportStateName(r.state))
      .Bind(8, r.received_at)
      .Bind(9, r.registered_at)
      .Bind(10, RawId(r.registered_by))
      .Bind(11, r.anonymous)
      .Bind(12, r.sealed)
      .Bind(13, rec.query_hash)
      .BindBlob(14, rec.content_box);
  BindBlobOrNull(*st, 15, rec.identity_box);
  st->Bind(16, r.demo);
  XUNCHA_TRY(st->Run());
  return ReportId(conn_->LastInsertId());
}

Result<ReportRecord> SqliteTransaction::GetReport(ReportId id) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st, Prep(std::string(kReportSelect) + "WHERE r.id=?"));
  st->Bind(1, id.value);
  return OneRow<ReportRecord>(*st, ReadReport, "report");
}

Result<std::optional<ReportRecord>> SqliteTransaction::FindReportByQueryHash(
    const std::string& hash) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                          Prep(std::string(kReportSelect) + "WHERE r.query_hash=?"));
  st->Bind(1, hash);
  XUNCHA_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return std::optional<ReportRecord>();
  ReportRecord rec = ReadReport(*st);
  st->Reset();
  return std::optional<ReportRecord>(std::move(rec));
}

Status SqliteTransaction::UpdateReport(const Report& r) {
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st,
      Prep("UPDATE reports SET state=?, sealed=?, result_at=?, acceptance_notified_at=?,"
           " result_notified_at=?, version=version+1 WHERE id=? AND version=?"));
  st->Bind(1, ReportStateName(r.state))
      .Bind(2, r.sealed)
      .Bind(3, r.result_at)
      .Bind(4, r.acceptance_notified_at)
      .Bind(5, r.result_notified_at)
      .Bind(6, r.id.value)
      .Bind(7, r.version);
  XUNCHA_TRY(st->Run());
  return CheckVersioned("reports", r.id.value, "report");
}

Result<Page<ReportRecord>> SqliteTransaction::ListReports(const ReportScope& scope,
                                                          const ReportFilter& f,
                                                          const PageRequest& page) {
  const std::string where =
      "WHERE (?1 IS NULL OR r.group_id IN (SELECT value FROM json_each(?1))) "
      "AND (r.sealed=0 OR ?2 IS NULL OR r.group_id IN (SELECT value FROM json_each(?2))) "
      "AND (?3 IS NULL OR r.channel=?3) AND (?4 IS NULL OR r.state=?4) "
      "AND (?5 IS NULL OR r.round_id=?5) AND (?6 IS NULL OR r.group_id=?6) "
      "AND (?7 IS NULL OR r.unit_id=?7) "
      "AND (?8 = 0 OR (r.anonymous=0 AND (r.acceptance_notified_at=0 OR "
      "(r.result_at>0 AND r.result_notified_at=0))) "
      "OR (r.sealed=1 AND r.state IN ('registered','accepted'))) ";
  auto bind = [&](Statement& st) {
    st.Bind(1, IdsJson(scope.all, scope.groups));
    st.Bind(2, IdsJson(scope.sealed_all, scope.sealed_groups));
    if (f.channel) st.Bind(3, ChannelName(*f.channel));
    if (f.state) st.Bind(4, ReportStateName(*f.state));
    st.Bind(5, RawId(f.round_id)).Bind(6, RawId(f.group_id)).Bind(7, RawId(f.unit_id));
    st.Bind(8, f.notice_pending);
  };
  Page<ReportRecord> out;
  XUNCHA_ASSIGN_OR_RETURN(out.total, Count("SELECT count(*) FROM reports r " + where, bind));
  XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                          Prep(std::string(kReportSelect) + where +
                               "ORDER BY r.received_at DESC, r.id DESC LIMIT ?9 OFFSET ?10"));
  bind(*st);
  st->Bind(9, page.page_size).Bind(10, page.offset());
  XUNCHA_ASSIGN_OR_RETURN(out.items, AllRows<ReportRecord>(*st, ReadReport));
  return out;
}

Status SqliteTransaction::PutReportKey(ReportId id, const std::string& kind,
                                       const std::string& holder, const std::string& sealed_key) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                          Prep("INSERT OR REPLACE INTO report_keys (report_id, kind, holder,"
                               " sealed_key) VALUES (?,?,?,?)"));
  st->Bind(1, id.value).Bind(2, kind).Bind(3, holder).BindBlob(4, sealed_key);
  return st->Run();
}

Result<std::optional<std::string>> SqliteTransaction::GetReportKey(ReportId id,
                                                                   const std::string& kind,
                                                                   const std::string& holder) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                          Prep("SELECT sealed_key FROM report_keys WHERE report_id=? AND kind=?"
                               " AND holder=?"));
  st->Bind(1, id.value).Bind(2, kind).Bind(3, holder);
  XUNCHA_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return std::optional<std::string>();
  std::string k = st->Blob(0);
  st->Reset();
  return std::optional<std::string>(std::move(k));
}

Result<std::vector<std::string>> SqliteTransaction::ListReportKeyHolders(ReportId id,
                                                                         const std::string& kind) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                          Prep("SELECT holder FROM report_keys WHERE report_id=? AND kind=?"
                               " ORDER BY holder"));
  st->Bind(1, id.value).Bind(2, kind);
  return AllRows<std::string>(*st, [](const Statement& s) { return s.Text(0); });
}

Status SqliteTransaction::DeleteReportKey(ReportId id, const std::string& kind,
                                          const std::string& holder) {
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st, Prep("DELETE FROM report_keys WHERE report_id=? AND kind=? AND holder=?"));
  st->Bind(1, id.value).Bind(2, kind).Bind(3, holder);
  return st->Run();
}

Status SqliteTransaction::InsertReportEvent(const ReportEventRecord& rec) {
  const ReportEvent& e = rec.event;
  XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                          Prep("INSERT INTO report_events (report_id, at, from_state, to_state,"
                               " department, detail_box, by_user) VALUES (?,?,?,?,?,?,?)"));
  std::optional<std::string> from;
  if (e.from) from = std::string(ReportStateName(*e.from));
  st->Bind(1, e.report_id.value)
      .Bind(2, e.at)
      .Bind(3, from)
      .Bind(4, ReportStateName(e.to))
      .Bind(5, e.department)
      .BindBlob(6, rec.detail_box)
      .Bind(7, RawId(e.by));
  return st->Run();
}

Result<std::vector<ReportEventRecord>> SqliteTransaction::ListReportEvents(ReportId id) {
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st,
      Prep("SELECT e.id, e.at, e.from_state, e.to_state, e.department, e.detail_box, e.by_user,"
           " coalesce(u.display_name, '') FROM report_events e LEFT JOIN users u ON"
           " u.id=e.by_user WHERE e.report_id=? ORDER BY e.id"));
  st->Bind(1, id.value);
  return AllRows<ReportEventRecord>(*st, [id](const Statement& s) {
    ReportEventRecord rec;
    ReportEvent& e = rec.event;
    e.id = s.Int(0);
    e.report_id = id;
    e.at = s.Int(1);
    if (auto from = s.OptText(2)) e.from = ParseReportState(*from);
    e.to = ParseReportState(s.Text(3)).value_or(ReportState::kRegistered);
    e.department = s.Text(4);
    rec.detail_box = s.Blob(5);
    if (auto v = s.OptInt(6)) e.by = UserId(*v);
    e.by_name = s.Text(7);
    return rec;
  });
}

Result<std::int64_t> SqliteTransaction::InsertReportMessage(const ReportMessageRecord& rec) {
  const ReportMessage& m = rec.message;
  XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                          Prep("INSERT INTO report_messages (report_id, at, sender, author,"
                               " text_box) VALUES (?,?,?,?,?)"));
  st->Bind(1, m.report_id.value)
      .Bind(2, m.at)
      .Bind(3, m.from == MessageSender::kReporter ? "reporter" : "group")
      .Bind(4, RawId(m.author))
      .BindBlob(5, rec.text_box);
  XUNCHA_TRY(st->Run());
  return conn_->LastInsertId();
}

Result<std::vector<ReportMessageRecord>> SqliteTransaction::ListReportMessages(ReportId id) {
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st,
      Prep("SELECT m.id, m.at, m.sender, m.author, coalesce(u.display_name, ''), m.text_box"
           " FROM report_messages m LEFT JOIN users u ON u.id=m.author WHERE m.report_id=?"
           " ORDER BY m.id"));
  st->Bind(1, id.value);
  return AllRows<ReportMessageRecord>(*st, [id](const Statement& s) {
    ReportMessageRecord rec;
    ReportMessage& m = rec.message;
    m.id = s.Int(0);
    m.report_id = id;
    m.at = s.Int(1);
    m.from = s.Text(2) == "reporter" ? MessageSender::kReporter : MessageSender::kGroup;
    if (auto v = s.OptInt(3)) m.author = UserId(*v);
    m.author_name = s.Text(4);
    rec.text_box = s.Blob(5);
    return rec;
  });
}

// ---- files ----

namespace {
constexpr const char* kFileCols =
    "id, report_id, position, mime, size, stripped, added_at, added_by, key_box, name_box ";

ReportFileRecord ReadFile(const Statement& s) {
  ReportFileRecord f;
  f.info.id = s.Int(0);
  f.report_id = ReportId(s.Int(1));
  f.info.position = static_cast<int>(s.Int(2));
  f.info.mime = s.Text(3);
  f.info.size = s.Int(4);
  f.info.stripped = s.Int(5) != 0;
  f.info.added_at = s.Int(6);
  if (auto v = s.OptInt(7)) f.added_by = UserId(*v);
  f.key_box = s.Blob(8);
  f.name_box = s.Blob(9);
  return f;
}
}  // namespace

Result<std::int64_t> SqliteTransaction::InsertReportFile(const ReportFileRecord& f) {
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st,
      Prep("INSERT INTO report_files (report_id, position, mime, size, stripped, added_at,"
           " added_by, key_box, name_box, data_box) VALUES (?,?,?,?,?,?,?,?,?,?)"));
  st->Bind(1, f.report_id.value)
      .Bind(2, f.info.position)
      .Bind(3, f.info.mime)
      .Bind(4, f.info.size)
      .Bind(5, f.info.stripped)
      .Bind(6, f.info.added_at)
      .Bind(7, RawId(f.added_by))
      .BindBlob(8, f.key_box)
      .BindBlob(9, f.name_box)
      .BindBlob(10, f.data_box);
  XUNCHA_TRY(st->Run());
  return conn_->LastInsertId();
}

Result<std::vector<ReportFileRecord>> SqliteTransaction::ListReportFiles(ReportId id) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                          Prep(std::string("SELECT ") + kFileCols +
                               "FROM report_files WHERE report_id=? ORDER BY position"));
  st->Bind(1, id.value);
  return AllRows<ReportFileRecord>(*st, ReadFile);
}

Result<ReportFileRecord> SqliteTransaction::GetReportFile(ReportId report, std::int64_t file_id) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                          Prep(std::string("SELECT ") + kFileCols +
                               ", data_box FROM report_files WHERE report_id=? AND id=?"));
  st->Bind(1, report.value).Bind(2, file_id);
  return OneRow<ReportFileRecord>(
      *st,
      [](const Statement& s) {
        ReportFileRecord f = ReadFile(s);
        f.data_box = s.Blob(10);
        return f;
      },
      "report_file");
}

// ---- reveal requests ----

Result<RevealRequestId> SqliteTransaction::InsertRevealRequest(const RevealRequest& q) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                          Prep("INSERT INTO reveal_requests (report_id, requested_by,"
                               " requested_at, reason, state) VALUES (?,?,?,?,?)"));
  st->Bind(1, q.report_id.value)
      .Bind(2, q.requested_by.value)
      .Bind(3, q.requested_at)
      .Bind(4, q.reason)
      .Bind(5, RevealStateName(q.state));
  XUNCHA_TRY(st->Run());
  return RevealRequestId(conn_->LastInsertId());
}

Result<RevealRequest> SqliteTransaction::GetRevealRequest(RevealRequestId id) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st, Prep(std::string(kRevealSelect) + "WHERE q.id=?"));
  st->Bind(1, id.value);
  return OneRow<RevealRequest>(*st, ReadReveal, "reveal_request");
}

Status SqliteTransaction::UpdateRevealRequest(const RevealRequest& q) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                          Prep("UPDATE reveal_requests SET state=?, decided_by=?, decided_at=?,"
                               " note=? WHERE id=? AND state='pending'"));
  st->Bind(1, RevealStateName(q.state))
      .Bind(2, RawId(q.decided_by))
      .Bind(3, q.decided_at)
      .Bind(4, q.note)
      .Bind(5, q.id.value);
  XUNCHA_TRY(st->Run());
  if (conn_->Changes() == 0) return Stale("reveal_request");
  return Ok();
}

Result<Page<RevealRequest>> SqliteTransaction::ListRevealRequests(const RevealFilter& f,
                                                                  const PageRequest& page) {
  const std::string where =
      "WHERE (?1 IS NULL OR q.state=?1) AND (?2 IS NULL OR q.requested_by=?2) "
      "AND (?3 IS NULL OR q.report_id=?3) ";
  auto bind = [&](Statement& st) {
    if (f.state) st.Bind(1, RevealStateName(*f.state));
    st.Bind(2, RawId(f.requested_by)).Bind(3, RawId(f.report_id));
  };
  Page<RevealRequest> out;
  XUNCHA_ASSIGN_OR_RETURN(out.total,
                          Count("SELECT count(*) FROM reveal_requests q " + where, bind));
  XUNCHA_ASSIGN_OR_RETURN(Statement * st, Prep(std::string(kRevealSelect) + where +
                                               "ORDER BY q.id DESC LIMIT ?4 OFFSET ?5"));
  bind(*st);
  st->Bind(4, page.page_size).Bind(5, page.offset());
  XUNCHA_ASSIGN_OR_RETURN(out.items, AllRows<RevealRequest>(*st, ReadReveal));
  return out;
}

// ---- calendar and deadline rules ----

Result<std::vector<CalendarDay>> SqliteTransaction::ListCalendarDays() {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                          Prep("SELECT date, kind, name FROM calendar_days ORDER BY date"));
  return AllRows<CalendarDay>(*st, [](const Statement& s) {
    return CalendarDay{DateOf(s, 0), ParseDayKind(s.Text(1)).value_or(DayKind::kHoliday),
                       s.Text(2)};
  });
}

Status SqliteTransaction::PutCalendarDay(const CalendarDay& d) {
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st,
      Prep("INSERT OR REPLACE INTO calendar_days (date, kind, name) VALUES (?,?,?)"));
  st->Bind(1, d.date.ToString()).Bind(2, DayKindName(d.kind)).Bind(3, d.name);
  return st->Run();
}

Status SqliteTransaction::DeleteCalendarDay(Date d) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st, Prep("DELETE FROM calendar_days WHERE date=?"));
  st->Bind(1, d.ToString());
  XUNCHA_TRY(st->Run());
  if (conn_->Changes() == 0) return NotFound("calendar_day");
  return Ok();
}

Result<std::vector<DeadlineRule>> SqliteTransaction::ListDeadlineRules() {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                          Prep("SELECT id, version, kind, working_days, effective_from,"
                               " effective_to, note FROM deadline_rules ORDER BY kind,"
                               " effective_from, id"));
  return AllRows<DeadlineRule>(*st, [](const Statement& s) {
    DeadlineRule r;
    r.id = s.Int(0);
    r.version = static_cast<int>(s.Int(1));
    r.kind = ParseDeadlineKind(s.Text(2)).value_or(DeadlineKind::kAcceptanceNotice);
    r.working_days = static_cast<int>(s.Int(3));
    r.effective_from = DateOf(s, 4);
    r.effective_to = OptDate(s.OptText(5));
    r.note = s.Text(6);
    return r;
  });
}

Result<std::int64_t> SqliteTransaction::InsertDeadlineRule(const DeadlineRule& r) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                          Prep("INSERT INTO deadline_rules (kind, working_days, effective_from,"
                               " effective_to, note) VALUES (?,?,?,?,?)"));
  st->Bind(1, DeadlineKindName(r.kind))
      .Bind(2, r.working_days)
      .Bind(3, r.effective_from.ToString())
      .Bind(4, OptDateText(r.effective_to))
      .Bind(5, r.note);
  XUNCHA_TRY(st->Run());
  return conn_->LastInsertId();
}

Status SqliteTransaction::UpdateDeadlineRule(const DeadlineRule& r) {
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st,
      Prep("UPDATE deadline_rules SET kind=?, working_days=?, effective_from=?, effective_to=?,"
           " note=?, version=version+1 WHERE id=? AND version=?"));
  st->Bind(1, DeadlineKindName(r.kind))
      .Bind(2, r.working_days)
      .Bind(3, r.effective_from.ToString())
      .Bind(4, OptDateText(r.effective_to))
      .Bind(5, r.note)
      .Bind(6, r.id)
      .Bind(7, r.version);
  XUNCHA_TRY(st->Run());
  return CheckVersioned("deadline_rules", r.id, "deadline_rule");
}

}  // namespace xuncha::sqlite
