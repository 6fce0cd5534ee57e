// Transaction lifecycle, accounts, sessions, logs and settings.
#include "storage/sqlite/sqlite_transaction.h"

#include <algorithm>

namespace xuncha::sqlite {

std::string JoinComma(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) {
    if (!out.empty()) out += ',';
    out += i;
  }
  return out;
}

std::vector<std::string> SplitComma(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    const std::size_t end = std::min(s.find(',', start), s.size());
    if (end > start) out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string DisciplineKeys(const std::vector<Discipline>& ds) {
  std::vector<std::string> keys;
  keys.reserve(ds.size());
  for (Discipline d : ds) keys.emplace_back(DisciplineKey(d));
  return JoinComma(keys);
}

std::vector<Discipline> ParseDisciplines(const std::string& s) {
  std::vector<Discipline> out;
  for (const auto& k : SplitComma(s)) {
    if (auto d = DisciplineFromKey(k)) out.push_back(*d);
  }
  return out;
}

std::optional<Date> OptDate(const std::optional<std::string>& s) {
  if (!s) return std::nullopt;
  return Date::Parse(*s);
}

std::optional<std::string> OptDateText(const std::optional<Date>& d) {
  if (!d) return std::nullopt;
  return d->ToString();
}

SqliteTransaction::~SqliteTransaction() {
  if (!done_) (void)conn_->Exec("ROLLBACK");
  release_();
}

Status SqliteTransaction::Commit() {
  if (done_) return Internal("commit twice");
  XUNCHA_TRY(conn_->Exec("COMMIT"));
  done_ = true;
  return Ok();
}

Status SqliteTransaction::CheckVersioned(const char* table, std::int64_t id, const char* what) {
  if (conn_->Changes() > 0) return Ok();
  XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                          Prep(std::string("SELECT 1 FROM ") + table + " WHERE id=?"));
  st->Bind(1, id);
  XUNCHA_ASSIGN_OR_RETURN(bool exists, st->Step());
  st->Reset();
  if (!exists) return NotFound(what);
  return Stale(what);
}

Result<std::int64_t> SqliteTransaction::Count(const std::string& sql,
                                              const std::function<void(Statement&)>& bind) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st, Prep(sql));
  bind(*st);
  XUNCHA_ASSIGN_OR_RETURN(bool row, st->Step());
  std::int64_t n = row ? st->Int(0) : 0;
  st->Reset();
  return n;
}

// ---- users ----

namespace {
constexpr const char* kUserCols =
    "id, version, username, display_name, role, password_hash, must_change_password, disabled, "
    "failed_logins, locked_until, inspector_id, unit_id, demo, custodian, organ";

User ReadUser(const Statement& st) {
  User u;
  u.id = UserId(st.Int(0));
  u.version = static_cast<int>(st.Int(1));
  u.username = st.Text(2);
  u.display_name = st.Text(3);
  u.role = ParseRole(st.Text(4)).value_or(Role::kUnit);
  u.password_hash = st.Text(5);
  u.must_change_password = st.Int(6) != 0;
  u.disabled = st.Int(7) != 0;
  u.failed_logins = static_cast<int>(st.Int(8));
  u.locked_until = st.Int(9);
  if (auto v = st.OptInt(10)) u.inspector_id = InspectorId(*v);
  if (auto v = st.OptInt(11)) u.unit_id = UnitId(*v);
  u.demo = st.Int(12) != 0;
  u.custodian = st.Int(13) != 0;
  if (auto o = st.OptText(14)) u.organ = ParseOrgan(*o);
  return u;
}

std::optional<std::int64_t> Raw(const std::optional<InspectorId>& id) {
  if (!id) return std::nullopt;
  return id->value;
}
std::optional<std::int64_t> Raw(const std::optional<UnitId>& id) {
  if (!id) return std::nullopt;
  return id->value;
}
std::optional<std::string> Raw(const std::optional<Organ>& o) {
  if (!o) return std::nullopt;
  return std::string(OrganName(*o));
}
}  // namespace

Result<User> SqliteTransaction::GetUser(UserId id) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                          Prep(std::string("SELECT ") + kUserCols + " FROM users WHERE id=?"));
  st->Bind(1, id.value);
  return OneRow<User>(*st, ReadUser, "user");
}

Result<std::optional<User>> SqliteTransaction::FindUserByName(const std::string& username) {
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st, Prep(std::string("SELECT ") + kUserCols + " FROM users WHERE username=?"));
  st->Bind(1, username);
  XUNCHA_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return std::optional<User>();
  User u = ReadUser(*st);
  st->Reset();
  return std::optional<User>(std::move(u));
}

Result<UserId> SqliteTransaction::InsertUser(const User& u) {
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st,
      Prep("INSERT INTO users (username, display_name, role, password_hash, must_change_password,"
           " disabled, inspector_id, unit_id, demo, custodian, organ)"
           " VALUES (?,?,?,?,?,?,?,?,?,?,?)"));
  st->Bind(1, u.username)
      .Bind(2, u.display_name)
      .Bind(3, RoleName(u.role))
      .Bind(4, u.password_hash)
      .Bind(5, u.must_change_password)
      .Bind(6, u.disabled)
      .Bind(7, Raw(u.inspector_id))
      .Bind(8, Raw(u.unit_id))
      .Bind(9, u.demo)
      .Bind(10, u.custodian)
      .Bind(11, Raw(u.organ));
  XUNCHA_TRY(st->Run());
  return UserId(conn_->LastInsertId());
}

Status SqliteTransaction::UpdateUser(const User& u) {
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st,
      Prep("UPDATE users SET display_name=?, role=?, password_hash=?, must_change_password=?,"
           " disabled=?, inspector_id=?, unit_id=?, failed_logins=?, locked_until=?,"
           " custodian=?, organ=?, version=version+1 WHERE id=? AND version=?"));
  st->Bind(1, u.display_name)
      .Bind(2, RoleName(u.role))
      .Bind(3, u.password_hash)
      .Bind(4, u.must_change_password)
      .Bind(5, u.disabled)
      .Bind(6, Raw(u.inspector_id))
      .Bind(7, Raw(u.unit_id))
      .Bind(8, u.failed_logins)
      .Bind(9, u.locked_until)
      .Bind(10, u.custodian)
      .Bind(11, Raw(u.organ))
      .Bind(12, u.id.value)
      .Bind(13, u.version);
  XUNCHA_TRY(st->Run());
  return CheckVersioned("users", u.id.value, "user");
}

Status SqliteTransaction::SetLoginState(UserId id, int failed_logins, UnixSeconds locked_until) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                          Prep("UPDATE users SET failed_logins=?, locked_until=? WHERE id=?"));
  st->Bind(1, failed_logins).Bind(2, locked_until).Bind(3, id.value);
  return st->Run();
}

Result<Page<User>> SqliteTransaction::ListUsers(const PageRequest& page) {
  Page<User> out;
  XUNCHA_ASSIGN_OR_RETURN(out.total, Count("SELECT count(*) FROM users", [](Statement&) {}));
  XUNCHA_ASSIGN_OR_RETURN(Statement * st, Prep(std::string("SELECT ") + kUserCols +
                                               " FROM users ORDER BY id LIMIT ? OFFSET ?"));
  st->Bind(1, page.page_size).Bind(2, page.offset());
  XUNCHA_ASSIGN_OR_RETURN(out.items, AllRows<User>(*st, ReadUser));
  return out;
}

// ---- sessions ----

Status SqliteTransaction::InsertSession(const Session& s) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                          Prep("INSERT INTO sessions (token_hash, user_id, csrf_token, created_at,"
                               " last_seen_at, key_box) VALUES (?,?,?,?,?,?)"));
  st->Bind(1, s.token_hash)
      .Bind(2, s.user_id.value)
      .Bind(3, s.csrf_token)
      .Bind(4, s.created_at)
      .Bind(5, s.last_seen_at);
  if (s.key_box.empty()) {
    st->BindNull(6);
  } else {
    st->BindBlob(6, s.key_box);
  }
  return st->Run();
}

Result<std::optional<Session>> SqliteTransaction::FindSession(const std::string& token_hash) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                          Prep("SELECT token_hash, user_id, csrf_token, created_at, last_seen_at,"
                               " key_box FROM sessions WHERE token_hash=?"));
  st->Bind(1, token_hash);
  XUNCHA_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return std::optional<Session>();
  Session s{st->Text(0), UserId(st->Int(1)), st->Text(2), st->Int(3), st->Int(4), st->Blob(5)};
  st->Reset();
  return std::optional<Session>(std::move(s));
}

Status SqliteTransaction::TouchSession(const std::string& token_hash, UnixSeconds at) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                          Prep("UPDATE sessions SET last_seen_at=? WHERE token_hash=?"));
  st->Bind(1, at).Bind(2, token_hash);
  return st->Run();
}

Status SqliteTransaction::DeleteSession(const std::string& token_hash) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st, Prep("DELETE FROM sessions WHERE token_hash=?"));
  st->Bind(1, token_hash);
  return st->Run();
}

Status SqliteTransaction::DeleteSessionsOf(UserId id) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st, Prep("DELETE FROM sessions WHERE user_id=?"));
  st->Bind(1, id.value);
  return st->Run();
}

// ---- logs ----

namespace {
constexpr const char* kAuditCols =
    "seq, at, user_id, username, action, object_type, object_id, detail, ip, prev_hash, hash";

AuditEntry ReadAudit(const Statement& st) {
  AuditEntry e;
  e.seq = st.Int(0);
  e.at = st.Int(1);
  if (auto v = st.OptInt(2)) e.user_id = UserId(*v);
  e.username = st.Text(3);
  e.action = st.Text(4);
  e.object_type = st.Text(5);
  e.object_id = st.Text(6);
  e.detail = st.Text(7);
  e.ip = st.Text(8);
  e.prev_hash = st.Text(9);
  e.hash = st.Text(10);
  return e;
}
}  // namespace

Result<std::optional<AuditEntry>> SqliteTransaction::LastAudit() {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st, Prep(std::string("SELECT ") + kAuditCols +
                                               " FROM audit_log ORDER BY seq DESC LIMIT 1"));
  XUNCHA_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return std::optional<AuditEntry>();
  AuditEntry e = ReadAudit(*st);
  st->Reset();
  return std::optional<AuditEntry>(std::move(e));
}

Status SqliteTransaction::AppendAudit(const AuditEntry& e) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st, Prep(std::string("INSERT INTO audit_log (") + kAuditCols +
                                               ") VALUES (?,?,?,?,?,?,?,?,?,?,?)"));
  std::optional<std::int64_t> uid;
  if (e.user_id) uid = e.user_id->value;
  st->Bind(1, e.seq)
      .Bind(2, e.at)
      .Bind(3, uid)
      .Bind(4, e.username)
      .Bind(5, e.action)
      .Bind(6, e.object_type)
      .Bind(7, e.object_id)
      .Bind(8, e.detail)
      .Bind(9, e.ip)
      .Bind(10, e.prev_hash)
      .Bind(11, e.hash);
  return st->Run();
}

Result<Page<AuditEntry>> SqliteTransaction::ListAudit(const PageRequest& page) {
  Page<AuditEntry> out;
  XUNCHA_ASSIGN_OR_RETURN(out.total, Count("SELECT count(*) FROM audit_log", [](Statement&) {}));
  XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                          Prep(std::string("SELECT ") + kAuditCols +
                               " FROM audit_log ORDER BY seq DESC LIMIT ? OFFSET ?"));
  st->Bind(1, page.page_size).Bind(2, page.offset());
  XUNCHA_ASSIGN_OR_RETURN(out.items, AllRows<AuditEntry>(*st, ReadAudit));
  return out;
}

Result<std::vector<AuditEntry>> SqliteTransaction::AllAudit() {
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st, Prep(std::string("SELECT ") + kAuditCols + " FROM audit_log ORDER BY seq"));
  return AllRows<AuditEntry>(*st, ReadAudit);
}

Status SqliteTransaction::AppendLogin(const LoginRecord& r) {
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st,
      Prep("INSERT INTO login_log (at, username, ok, reason, ip) VALUES (?,?,?,?,?)"));
  st->Bind(1, r.at).Bind(2, r.username).Bind(3, r.ok).Bind(4, r.reason).Bind(5, r.ip);
  return st->Run();
}

Result<Page<LoginRecord>> SqliteTransaction::ListLogins(const PageRequest& page) {
  Page<LoginRecord> out;
  XUNCHA_ASSIGN_OR_RETURN(out.total, Count("SELECT count(*) FROM login_log", [](Statement&) {}));
  XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                          Prep("SELECT id, at, username, ok, reason, ip FROM login_log"
                               " ORDER BY id DESC LIMIT ? OFFSET ?"));
  st->Bind(1, page.page_size).Bind(2, page.offset());
  while (true) {
    XUNCHA_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    out.items.push_back(
        {st->Int(0), st->Int(1), st->Text(2), st->Int(3) != 0, st->Text(4), st->Text(5)});
  }
  return out;
}

Result<std::optional<std::string>> SqliteTransaction::GetSetting(const std::string& key) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st, Prep("SELECT value FROM settings WHERE key=?"));
  st->Bind(1, key);
  XUNCHA_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return std::optional<std::string>();
  std::string v = st->Text(0);
  st->Reset();
  return std::optional<std::string>(std::move(v));
}

Status SqliteTransaction::PutSetting(const std::string& key, const std::string& value) {
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st,
      Prep("INSERT INTO settings (key, value) VALUES (?,?) ON CONFLICT(key) DO UPDATE SET "
           "value=excluded.value"));
  st->Bind(1, key).Bind(2, value);
  return st->Run();
}

}  // namespace xuncha::sqlite
