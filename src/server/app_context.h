// The composition root: builds the adapters (SQLite, libsodium) and the app services for one data
// directory. The only place that knows which implementation sits behind each port.
#pragma once

#include <memory>
#include <string>

#include "app/audit_log.h"
#include "app/auth_service.h"
#include "app/planning_service.h"
#include "app/report_service.h"
#include "core/clock.h"
#include "crypto/sodium_crypto.h"
#include "files/attachment_processor.h"
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
  std::unique_ptr<files::FileAttachmentProcessor> attachments;
  std::unique_ptr<ReportService> reports;
  // Set when this open created the escrow key: print once, then forget.
  std::string escrow_recovery_code;

  // `create`: make the directory and database if missing (init); otherwise both must exist.
  // `key_file` empty: DATA/server.key.
  static Result<std::unique_ptr<AppContext>> Open(const std::string& data_dir, bool create,
                                                  HashCost cost, const std::string& key_file = "");
  static std::string DefaultKeyFile(const std::string& data_dir);
  static std::string DatabasePath(const std::string& data_dir);
  bool IsDemo();
};

}  // namespace xuncha
