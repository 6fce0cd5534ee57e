#include "storage/sqlite/migrations.h"

namespace xuncha::sqlite {

Result<int> SchemaVersion(Connection& conn) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st, conn.Prepare("PRAGMA user_version"));
  XUNCHA_ASSIGN_OR_RETURN(bool row, st->Step());
  int v = row ? static_cast<int>(st->Int(0)) : 0;
  st->Reset();
  return v;
}

Result<int> Migrate(Connection& conn, const std::vector<Migration>& migrations) {
  XUNCHA_ASSIGN_OR_RETURN(int current, SchemaVersion(conn));
  int latest = migrations.empty() ? 0 : migrations.back().number;
  if (current > latest) {
    return Error::Make(ErrorCode::kFailedPrecondition,
                       "database schema version " + std::to_string(current) +
                           " is newer than this binary's " + std::to_string(latest),
                       "schema_too_new");
  }
  int applied = 0;
  for (const auto& m : migrations) {
    if (m.number <= current) continue;
    XUNCHA_TRY(conn.Exec("BEGIN IMMEDIATE"));
    Status st = conn.Exec(m.sql);
    if (st.ok()) st = conn.Exec("PRAGMA user_version=" + std::to_string(m.number));
    if (!st.ok()) {
      (void)conn.Exec("ROLLBACK");
      Error e = std::move(st).error();
      e.message = "migration " + m.name + ": " + e.message;
      return e;
    }
    XUNCHA_TRY(conn.Exec("COMMIT"));
    ++applied;
  }
  return applied;
}

}  // namespace xuncha::sqlite
