#include "storage/sqlite/sqlite_store.h"

#include "storage/sqlite/migrations.h"
#include "storage/sqlite/sqlite_transaction.h"

namespace xuncha::sqlite {

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path, bool create) {
  std::unique_ptr<SqliteStore> store(new SqliteStore(path));
  XUNCHA_ASSIGN_OR_RETURN(store->writer_, Connection::Open(path, create));
  XUNCHA_ASSIGN_OR_RETURN(int applied, Migrate(*store->writer_, EmbeddedMigrations()));
  (void)applied;
  return store;
}

Result<std::unique_ptr<Transaction>> SqliteStore::Begin(TxMode mode) {
  if (mode == TxMode::kWrite) {
    auto lock = std::make_shared<std::unique_lock<std::mutex>>(write_mu_);
    XUNCHA_TRY(writer_->Exec("BEGIN IMMEDIATE"));
    return std::unique_ptr<Transaction>(
        std::make_unique<SqliteTransaction>(writer_.get(), [lock] { lock->unlock(); }));
  }
  std::unique_ptr<Connection> conn;
  {
    std::lock_guard<std::mutex> g(pool_mu_);
    if (!readers_.empty()) {
      conn = std::move(readers_.back());
      readers_.pop_back();
    }
  }
  if (!conn) {
    XUNCHA_ASSIGN_OR_RETURN(conn, Connection::Open(path_, false));
  }
  Status st = conn->Exec("BEGIN");
  if (!st.ok()) return std::move(st).error();
  Connection* raw = conn.get();
  auto holder = std::make_shared<std::unique_ptr<Connection>>(std::move(conn));
  return std::unique_ptr<Transaction>(std::make_unique<SqliteTransaction>(
      raw, [this, holder] { ReturnReader(std::move(*holder)); }));
}

void SqliteStore::ReturnReader(std::unique_ptr<Connection> conn) {
  std::lock_guard<std::mutex> g(pool_mu_);
  if (readers_.size() < 8) readers_.push_back(std::move(conn));
}

Status SqliteStore::Backup(const std::string& dest) {
  XUNCHA_ASSIGN_OR_RETURN(auto out, Connection::Open(dest, true));
  std::lock_guard<std::mutex> g(write_mu_);
  sqlite3_backup* b = sqlite3_backup_init(out->raw(), "main", writer_->raw(), "main");
  if (b == nullptr) return out->LastError("backup init");
  int rc = sqlite3_backup_step(b, -1);
  sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE) return out->LastError("backup step");
  return Ok();
}

}  // namespace xuncha::sqlite
