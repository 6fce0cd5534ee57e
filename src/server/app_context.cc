#include "server/app_context.h"

#include <filesystem>

#include "server/keyring.h"

namespace xuncha {

std::string AppContext::DatabasePath(const std::string& data_dir) {
  return (std::filesystem::path(data_dir) / "xuncha.db").string();
}

std::string AppContext::DefaultKeyFile(const std::string& data_dir) {
  return (std::filesystem::path(data_dir) / "server.key").string();
}

Result<std::unique_ptr<AppContext>> AppContext::Open(const std::string& data_dir, bool create,
                                                     HashCost cost, const std::string& key_file) {
  XUNCHA_TRY(InitSodium());
  std::error_code ec;
  const std::string db = DatabasePath(data_dir);
  if (create) {
    std::filesystem::create_directories(data_dir, ec);
    if (ec) return InvalidArgument("cannot create " + data_dir + ": " + ec.message());
    std::filesystem::permissions(data_dir, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::replace, ec);
  } else if (!std::filesystem::exists(db, ec)) {
    return Error::Make(ErrorCode::kNotFound,
                       "no database at " + db + " (run: xuncha init --data " + data_dir + ")",
                       "not_found");
  }
  auto ctx = std::make_unique<AppContext>();
  ctx->clock = std::make_unique<SystemClock>();
  XUNCHA_ASSIGN_OR_RETURN(ctx->store, sqlite::SqliteStore::Open(db, create));
  ctx->hasher = std::make_unique<SodiumPasswordHasher>(cost);
  ctx->crypto = std::make_unique<SodiumCrypto>();
  ctx->audit = std::make_unique<AuditLog>(*ctx->crypto, *ctx->clock);
  ctx->auth = std::make_unique<AuthService>(*ctx->store, *ctx->hasher, *ctx->crypto, *ctx->clock,
                                            *ctx->audit, LoginPolicy{});
  ctx->planning = std::make_unique<PlanningService>(*ctx->store, *ctx->clock, *ctx->audit);
  XUNCHA_ASSIGN_OR_RETURN(LoadedKeyring ring,
                          LoadKeyring(key_file.empty() ? DefaultKeyFile(data_dir) : key_file,
                                      *ctx->store, *ctx->crypto, *ctx->hasher));
  ctx->escrow_recovery_code = ring.new_recovery_code;
  ctx->attachments = std::make_unique<files::FileAttachmentProcessor>();
  ctx->reports =
      std::make_unique<ReportService>(*ctx->store, *ctx->crypto, *ctx->clock, *ctx->audit,
                                      std::move(ring.keys), ctx->attachments.get());
  XUNCHA_TRY(ctx->reports->SeedDefaults());
  return ctx;
}

bool AppContext::IsDemo() {
  auto tx = store->Begin(TxMode::kRead);
  if (!tx.ok()) return false;
  auto v = (*tx)->GetSetting("demo");
  return v.ok() && v->has_value() && **v == "1";
}

}  // namespace xuncha
