// The SQLite implementation of the storage port (src/ports/store.h).
//
// One writer connection serialises write transactions (BEGIN IMMEDIATE under a mutex); read
// transactions take a connection from a small pool and see a WAL snapshot, so reads never wait
// for writes. Thread-safe.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "ports/store.h"
#include "storage/sqlite/db.h"

namespace xuncha::sqlite {

class SqliteStore final : public Store {
 public:
  // Opens `path` (creating it when `create`), applies the embedded migrations.
  static Result<std::unique_ptr<SqliteStore>> Open(const std::string& path, bool create);

  Result<std::unique_ptr<Transaction>> Begin(TxMode mode) override;

  // Online backup of the whole database to `dest` (a new file), consistent while serving.
  Status Backup(const std::string& dest);

  // Returns a reader connection to the pool. Internal: called by read transactions.
  void ReturnReader(std::unique_ptr<Connection> conn);

 private:
  explicit SqliteStore(std::string path) : path_(std::move(path)) {}

  std::string path_;
  std::mutex write_mu_;
  std::unique_ptr<Connection> writer_;
  std::mutex pool_mu_;
  std::vector<std::unique_ptr<Connection>> readers_;
};

}  // namespace xuncha::sqlite
