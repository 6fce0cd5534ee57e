// A thin RAII layer over the SQLite C API: a connection and prepared statements with typed binds.
// Errors come back as Result values; nothing here throws.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/result.h"

namespace xuncha::sqlite {

class Statement;

class Connection {
 public:
  // Opens (creating if asked) the file with WAL, synchronous=FULL, foreign keys on.
  static Result<std::unique_ptr<Connection>> Open(const std::string& path, bool create);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  Status Exec(const std::string& sql);
  // A cached prepared statement, reset and with bindings cleared.
  Result<Statement*> Prepare(const std::string& sql);
  std::int64_t LastInsertId() const;
  int Changes() const;
  sqlite3* raw() { return db_; }
  Error LastError(std::string_view context) const;

 private:
  explicit Connection(sqlite3* db) : db_(db) {}
  sqlite3* db_;
  std::unordered_map<std::string, std::unique_ptr<Statement>> cache_;
};

class Statement {
 public:
  Statement(Connection* conn, sqlite3_stmt* stmt) : conn_(conn), stmt_(stmt) {}
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Bind by 1-based index. Chainable.
  Statement& Bind(int i, std::int64_t v);
  Statement& Bind(int i, int v) { return Bind(i, static_cast<std::int64_t>(v)); }
  Statement& Bind(int i, bool v) { return Bind(i, static_cast<std::int64_t>(v ? 1 : 0)); }
  Statement& Bind(int i, double v);
  Statement& Bind(int i, std::string_view v);
  Statement& Bind(int i, const std::string& v) { return Bind(i, std::string_view(v)); }
  Statement& Bind(int i, const char* v) { return Bind(i, std::string_view(v)); }
  Statement& BindNull(int i);
  // Binds bytes as a BLOB (ciphertext, keys); an empty view binds an empty BLOB.
  Statement& BindBlob(int i, std::string_view v);
  template <typename T>
  Statement& Bind(int i, const std::optional<T>& v) {
    return v ? Bind(i, *v) : BindNull(i);
  }

  // Steps once: true when a row is available, false when done.
  Result<bool> Step();
  // Runs to completion (for INSERT/UPDATE/DELETE).
  Status Run();

  std::int64_t Int(int col) const;
  double Double(int col) const;
  std::string Text(int col) const;
  std::string Blob(int col) const;
  bool IsNull(int col) const;
  std::optional<std::string> OptText(int col) const;
  std::optional<std::int64_t> OptInt(int col) const;

  void Reset();

 private:
  Connection* conn_;
  sqlite3_stmt* stmt_;
};

}  // namespace xuncha::sqlite
