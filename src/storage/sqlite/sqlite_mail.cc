// Email taken from group mailboxes (mail_messages), the keys of quarantined messages (mail_keys)
// and the IMAP accounts polled for each group (mail_accounts).
#include <sstream>

#include "storage/sqlite/sqlite_transaction.h"

namespace xuncha::sqlite {
namespace {

std::string JoinLines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) {
    if (!out.empty()) out += '\n';
    out += l;
  }
  return out;
}

std::vector<std::string> SplitLines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

constexpr const char* kMailSelect =
    "SELECT m.id, m.group_id, m.dedup_key, m.source, m.fetched_at, m.size, m.state, m.reason, "
    "m.warnings, m.report_id, m.handled_by, m.handled_at, g.name ";

MailRecord ReadMail(const Statement& st) {
  MailRecord rec;
  MailMessage& m = rec.message;
  m.id = MailId(st.Int(0));
  m.group_id = GroupId(st.Int(1));
  rec.dedup_key = st.Text(2);
  m.source = ParseMailSource(st.Text(3)).value_or(MailSource::kMaildir);
  m.fetched_at = st.Int(4);
  m.size = st.Int(5);
  m.state = ParseMailState(st.Text(6)).value_or(MailState::kQuarantined);
  m.reason = st.Text(7);
  m.warnings = SplitLines(st.Text(8));
  if (auto r = st.OptInt(9)) m.report_id = ReportId(*r);
  if (auto u = st.OptInt(10)) m.handled_by = UserId(*u);
  m.handled_at = st.OptInt(11);
  rec.group_name = st.Text(12);
  return rec;
}

constexpr const char* kAccountSelect =
    "SELECT group_id, url, username, password_box, ca_file, enabled, uid_validity, last_uid, "
    "last_poll_at, last_error FROM mail_accounts ";

MailAccountRecord ReadAccount(const Statement& st) {
  MailAccountRecord a;
  a.group_id = GroupId(st.Int(0));
  a.url = st.Text(1);
  a.username = st.Text(2);
  a.password_box = st.Blob(3);
  a.ca_file = st.Text(4);
  a.enabled = st.Int(5) != 0;
  a.uid_validity = static_cast<std::uint64_t>(st.Int(6));
  a.last_uid = static_cast<std::uint64_t>(st.Int(7));
  a.last_poll_at = st.OptInt(8);
  a.last_error = st.Text(9);
  return a;
}

}  // namespace

Result<std::optional<MailId>> SqliteTransaction::FindMail(GroupId group,
                                                          const std::string& dedup_key) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                          Prep("SELECT id FROM mail_messages WHERE group_id=? AND dedup_key=?"));
  st->Bind(1, group.value).Bind(2, dedup_key);
  XUNCHA_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return std::optional<MailId>();
  MailId id(st->Int(0));
  st->Reset();
  return std::optional<MailId>(id);
}

Result<MailId> SqliteTransaction::InsertMail(const MailRecord& rec) {
  const MailMessage& m = rec.message;
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st,
      Prep("INSERT INTO mail_messages (group_id, dedup_key, source, fetched_at, size, state,"
           " reason, warnings, report_id, raw_box, handled_by, handled_at)"
           " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"));
  std::optional<std::int64_t> report;
  if (m.report_id) report = m.report_id->value;
  std::optional<std::int64_t> by;
  if (m.handled_by) by = m.handled_by->value;
  st->Bind(1, m.group_id.value)
      .Bind(2, rec.dedup_key)
      .Bind(3, MailSourceName(m.source))
      .Bind(4, m.fetched_at)
      .Bind(5, m.size)
      .Bind(6, MailStateName(m.state))
      .Bind(7, m.reason)
      .Bind(8, JoinLines(m.warnings))
      .Bind(9, report);
  if (rec.raw_box.empty()) {
    st->BindNull(10);
  } else {
    st->BindBlob(10, rec.raw_box);
  }
  st->Bind(11, by).Bind(12, m.handled_at);
  XUNCHA_TRY(st->Run());
  return MailId(conn_->LastInsertId());
}

Result<MailRecord> SqliteTransaction::GetMail(MailId id) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                          Prep(std::string(kMailSelect) +
                               ", m.raw_box FROM mail_messages m JOIN groups g ON g.id=m.group_id "
                               "WHERE m.id=?"));
  st->Bind(1, id.value);
  return OneRow<MailRecord>(
      *st,
      [](const Statement& s) {
        MailRecord r = ReadMail(s);
        r.raw_box = s.Blob(13);
        return r;
      },
      "mail");
}

Result<std::optional<MailRecord>> SqliteTransaction::FindMailByReport(ReportId id) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                          Prep(std::string(kMailSelect) +
                               ", m.raw_box FROM mail_messages m JOIN groups g ON g.id=m.group_id "
                               "WHERE m.report_id=? ORDER BY m.id LIMIT 1"));
  st->Bind(1, id.value);
  XUNCHA_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return std::optional<MailRecord>();
  MailRecord r = ReadMail(*st);
  r.raw_box = st->Blob(13);
  st->Reset();
  return std::optional<MailRecord>(std::move(r));
}

Status SqliteTransaction::UpdateMail(const MailRecord& rec) {
  const MailMessage& m = rec.message;
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st,
      Prep("UPDATE mail_messages SET state=?, reason=?, warnings=?, report_id=?, raw_box=?,"
           " handled_by=?, handled_at=? WHERE id=?"));
  std::optional<std::int64_t> report;
  if (m.report_id) report = m.report_id->value;
  std::optional<std::int64_t> by;
  if (m.handled_by) by = m.handled_by->value;
  st->Bind(1, MailStateName(m.state)).Bind(2, m.reason).Bind(3, JoinLines(m.warnings));
  st->Bind(4, report);
  if (rec.raw_box.empty()) {
    st->BindNull(5);
  } else {
    st->BindBlob(5, rec.raw_box);
  }
  st->Bind(6, by).Bind(7, m.handled_at).Bind(8, m.id.value);
  XUNCHA_TRY(st->Run());
  if (conn_->Changes() == 0) return NotFound("mail");
  return Ok();
}

Result<Page<MailRecord>> SqliteTransaction::ListMail(const MailFilter& f, const PageRequest& page) {
  const std::string where =
      "WHERE (?1 IS NULL OR m.group_id IN (SELECT value FROM json_each(?1))) "
      "AND (?2 IS NULL OR m.group_id=?2) AND (?3 IS NULL OR m.state=?3) ";
  auto bind = [&](Statement& st) {
    st.Bind(1, IdsJson(f.all_groups, f.groups));
    std::optional<std::int64_t> g;
    if (f.group_id) g = f.group_id->value;
    st.Bind(2, g);
    if (f.state) st.Bind(3, MailStateName(*f.state));
  };
  Page<MailRecord> out;
  XUNCHA_ASSIGN_OR_RETURN(out.total, Count("SELECT count(*) FROM mail_messages m " + where, bind));
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st,
      Prep(std::string(kMailSelect) + "FROM mail_messages m JOIN groups g ON g.id=m.group_id " +
           where + "ORDER BY m.id DESC LIMIT ?4 OFFSET ?5"));
  bind(*st);
  st->Bind(4, page.page_size).Bind(5, page.offset());
  XUNCHA_ASSIGN_OR_RETURN(out.items, AllRows<MailRecord>(*st, ReadMail));
  return out;
}

Status SqliteTransaction::PutMailKey(MailId id, const std::string& holder, const std::string& box) {
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st,
      Prep("INSERT OR REPLACE INTO mail_keys (mail_id, holder, box) VALUES (?,?,?)"));
  st->Bind(1, id.value).Bind(2, holder).BindBlob(3, box);
  return st->Run();
}

Result<std::optional<std::string>> SqliteTransaction::GetMailKey(MailId id,
                                                                 const std::string& holder) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                          Prep("SELECT box FROM mail_keys WHERE mail_id=? AND holder=?"));
  st->Bind(1, id.value).Bind(2, holder);
  XUNCHA_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return std::optional<std::string>();
  std::string box = st->Blob(0);
  st->Reset();
  return std::optional<std::string>(std::move(box));
}

Status SqliteTransaction::DeleteMailKeys(MailId id) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st, Prep("DELETE FROM mail_keys WHERE mail_id=?"));
  st->Bind(1, id.value);
  return st->Run();
}

Result<std::vector<MailAccountRecord>> SqliteTransaction::ListMailAccounts() {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st, Prep(std::string(kAccountSelect) + "ORDER BY group_id"));
  return AllRows<MailAccountRecord>(*st, ReadAccount);
}

Result<std::optional<MailAccountRecord>> SqliteTransaction::GetMailAccount(GroupId group) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st, Prep(std::string(kAccountSelect) + "WHERE group_id=?"));
  st->Bind(1, group.value);
  XUNCHA_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return std::optional<MailAccountRecord>();
  MailAccountRecord a = ReadAccount(*st);
  st->Reset();
  return std::optional<MailAccountRecord>(std::move(a));
}

Status SqliteTransaction::PutMailAccount(const MailAccountRecord& a) {
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st,
      Prep("INSERT OR REPLACE INTO mail_accounts (group_id, url, username, password_box,"
           " ca_file, enabled, uid_validity, last_uid, last_poll_at, last_error)"
           " VALUES (?,?,?,?,?,?,?,?,?,?)"));
  st->Bind(1, a.group_id.value)
      .Bind(2, a.url)
      .Bind(3, a.username)
      .BindBlob(4, a.password_box)
      .Bind(5, a.ca_file)
      .Bind(6, a.enabled)
      .Bind(7, static_cast<std::int64_t>(a.uid_validity))
      .Bind(8, static_cast<std::int64_t>(a.last_uid))
      .Bind(9, a.last_poll_at)
      .Bind(10, a.last_error);
  return st->Run();
}

Status SqliteTransaction::DeleteMailAccount(GroupId group) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st, Prep("DELETE FROM mail_accounts WHERE group_id=?"));
  st->Bind(1, group.value);
  XUNCHA_TRY(st->Run());
  if (conn_->Changes() == 0) return NotFound("mail_account");
  return Ok();
}

Status SqliteTransaction::UpdateMailAccountPoll(GroupId group, std::uint64_t uid_validity,
                                                std::uint64_t last_uid, UnixSeconds at,
                                                const std::string& error) {
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st,
      Prep("UPDATE mail_accounts SET uid_validity=?, last_uid=?, last_poll_at=?, last_error=?"
           " WHERE group_id=?"));
  st->Bind(1, static_cast<std::int64_t>(uid_validity))
      .Bind(2, static_cast<std::int64_t>(last_uid))
      .Bind(3, at)
      .Bind(4, error)
      .Bind(5, group.value);
  XUNCHA_TRY(st->Run());
  if (conn_->Changes() == 0) return NotFound("mail_account");
  return Ok();
}

}  // namespace xuncha::sqlite
