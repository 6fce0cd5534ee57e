#include "server/app_context.h"

#include <spdlog/spdlog.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <shared_mutex>
#include <sstream>

#include "server/keyring.h"
#include "text/chinese_text.h"

namespace xuncha {
namespace {

// Says in the log why a file was refused: the signature, or why clamd did not answer.
class LoggedScanner final : public VirusScanner {
 public:
  explicit LoggedScanner(std::unique_ptr<VirusScanner> inner) : inner_(std::move(inner)) {}
  Status Scan(std::string_view data) override {
    Status s = inner_->Scan(data);
    if (!s.ok()) spdlog::warn("virus scan: attachment refused: {}", s.error().message);
    return s;
  }

 private:
  std::unique_ptr<VirusScanner> inner_;
};

}  // namespace

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
  const std::string content_key = ring.keys.content_key;
  const std::string search_key = ring.keys.search_key;
  ctx->content_key_for_triage = content_key;
  ctx->reports =
      std::make_unique<ReportService>(*ctx->store, *ctx->crypto, *ctx->clock, *ctx->audit,
                                      std::move(ring.keys), ctx->attachments.get());
  ctx->mail_parser = std::make_unique<mail::GmimeMailParser>();
  ctx->reports->SetMailParser(ctx->mail_parser.get());
  ctx->mailbox_opener = std::make_unique<mail::ImapMailboxOpener>();
  ctx->mailboxes =
      std::make_unique<MailboxService>(*ctx->store, *ctx->crypto, *ctx->clock, *ctx->audit,
                                       *ctx->reports, *ctx->mailbox_opener, content_key);
  ctx->findings = std::make_unique<FindingService>(*ctx->store, *ctx->crypto, *ctx->clock,
                                                   *ctx->audit, content_key);
  ctx->clues = std::make_unique<ClueService>(*ctx->store, *ctx->crypto, *ctx->clock, *ctx->audit,
                                             content_key);
  ctx->rectification = std::make_unique<RectificationService>(
      *ctx->store, *ctx->crypto, *ctx->clock, *ctx->audit, *ctx->findings, content_key);
  ctx->overview =
      std::make_unique<OverviewService>(*ctx->store, *ctx->clock, *ctx->audit, *ctx->reports);
  ctx->search = std::make_unique<SearchService>(
      *ctx->store, *ctx->crypto, *ctx->audit, *ctx->clock, *ctx->reports, *ctx->findings,
      *ctx->clues, *ctx->rectification, search_key,
      [](std::string_view s) { return text::Normalize(s); });
  XUNCHA_TRY(ctx->reports->SeedDefaults());
  return ctx;
}

std::optional<std::string> AppContext::EnableVirusScan(const std::string& clamd_socket) {
  // Generous: clamd may take seconds for a 10 MiB file on a busy machine; the bound is there so
  // that a hung clamd cannot hold a request forever.
  constexpr std::chrono::seconds kScanTimeout{30};
  std::optional<std::string> socket;
  if (clamd_socket == "off") {
    spdlog::info("virus scan: off (--clamd-socket off)");
  } else if (clamd_socket.empty() || clamd_socket == "auto") {
    socket = files::ClamdScanner::DetectClamdSocket();
    if (!socket) spdlog::info("virus scan: off (no clamd socket found)");
  } else {
    socket = clamd_socket;
    std::error_code ec;
    if (!std::filesystem::is_socket(clamd_socket, ec)) {
      spdlog::warn("virus scan: no socket at {} yet; attachments are refused until clamd answers",
                   clamd_socket);
    }
  }
  if (!socket) {
    attachments->SetVirusScanner(nullptr);
    virus_scanner.reset();
    return std::nullopt;
  }
  auto scanner =
      std::make_unique<LoggedScanner>(std::make_unique<files::ClamdScanner>(*socket, kScanTimeout));
  attachments->SetVirusScanner(scanner.get());
  virus_scanner = std::move(scanner);
  spdlog::info("virus scan: clamd at {}", *socket);
  return socket;
}

namespace {
// The roster matcher asks for the pinyin of one character at a time, for every character of
// every report it reads (repeat detection replays all reports on start): ICU's transliterator
// is asked once per distinct character.
class PinyinCache {
 public:
  std::string Of(std::string_view ch) {
    {
      std::shared_lock lock(mu_);
      if (auto it = map_.find(ch); it != map_.end()) return it->second;
    }
    auto p = text::Pinyin(ch);
    std::string out = p.ok() ? *p : std::string();
    std::unique_lock lock(mu_);
    if (map_.size() < kMaxEntries) map_.emplace(std::string(ch), out);
    return out;
  }

 private:
  static constexpr std::size_t kMaxEntries = 100000;  // Han characters in use: well below
  std::shared_mutex mu_;
  std::map<std::string, std::string, std::less<>> map_;
};
}  // namespace

Status AppContext::StartTriage(const std::string& share_dir) {
  auto read = [](const std::filesystem::path& p) -> Result<std::string> {
    std::ifstream in(p, std::ios::binary);
    if (!in) return Error::Make(ErrorCode::kNotFound, "cannot read " + p.string(), "not_found");
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  };
  const std::filesystem::path dir = std::filesystem::path(share_dir) / "discipline";
  XUNCHA_ASSIGN_OR_RETURN(std::string articles, read(dir / "articles.json"));
  XUNCHA_ASSIGN_OR_RETURN(std::string labelled, read(dir / "labelled.jsonl"));
  triage = std::make_unique<TriageService>(
      *store, *crypto, *audit, *clock, *reports, *search, content_key_for_triage,
      [](std::string_view s) { return text::Normalize(s); },
      [cache = std::make_shared<PinyinCache>()](std::string_view s) { return cache->Of(s); });
  triage->SetWarningSink([](const std::string& w) { spdlog::warn("triage: {}", w); });
  return triage->Start(articles, labelled);
}

bool AppContext::IsDemo() {
  auto tx = store->Begin(TxMode::kRead);
  if (!tx.ok()) return false;
  auto v = (*tx)->GetSetting("demo");
  return v.ok() && v->has_value() && **v == "1";
}

}  // namespace xuncha
