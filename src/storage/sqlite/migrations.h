// Numbered schema migrations, embedded in the binary from db/migrations/*.sql at build time.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "storage/sqlite/db.h"

namespace xuncha::sqlite {

struct Migration {
  int number;
  std::string name;
  std::string sql;
};

// All migrations in order (generated file: migrations_embedded.cc).
const std::vector<Migration>& EmbeddedMigrations();

// Applies every migration newer than the database's user_version, each in its own transaction.
// Refuses a database whose version is newer than this binary knows (kFailedPrecondition).
// Returns the number applied.
Result<int> Migrate(Connection& conn, const std::vector<Migration>& migrations);

Result<int> SchemaVersion(Connection& conn);

}  // namespace xuncha::sqlite
