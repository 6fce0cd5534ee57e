// The composition root: builds the adapters (SQLite, libsodium) and the app services for one data
// directory. The only place that knows which implementation sits behind each port.
#pragma once

#include <memory>
#include <string>

#include "app/audit_log.h"
#include "app/auth_service.h"
#include "app/planning_service.h"
#include "core/clock.h"
#include "crypto/sodium_crypto.h"
#include "storage/sqlite/sqlite_store.h"

namespace xuncha {

struct AppContext {
  std::unique_ptr<Clock> clock;
  std::unique_ptr<sqlite::SqliteStore> store;
  std::unique_ptr<SodiumPasswordHasher> hasher;
  std::unique_ptr<SodiumCrypto> crypto;
  std::unique_ptr<AuditLog> audit;
  std::unique_ptr<AuthService> auth;
  std::unique_ptr<PlanningService> planning;

  // `create`: make the directory and database if missing (init); otherwise both must exist.
  static Result<std::unique_ptr<AppContext>> Open(const std::string& data_dir, bool create,
                                                  HashCost cost);
  static std::string DatabasePath(const std::string& data_dir);
  bool IsDemo();
};

}  // namespace xuncha
