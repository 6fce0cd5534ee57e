// The composition root: builds the adapters (SQLite, libsodium) and the app services for one data
// directory. The only place that knows which implementation sits behind each port.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "app/audit_log.h"
#include "app/auth_service.h"
#include "app/clue_service.h"
#include "app/finding_service.h"
#include "app/mailbox_service.h"
#include "app/overview_service.h"
#include "app/planning_service.h"
#include "app/rectification_service.h"
#include "app/report_service.h"
#include "app/search_service.h"
#include "app/triage_service.h"
#include "core/clock.h"
#include "crypto/sodium_crypto.h"
#include "files/attachment_processor.h"
#include "files/clamd_scanner.h"
#include "mail/gmime_mail_parser.h"
#include "mail/imap_mailbox.h"
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
  // Set by EnableVirusScan: a files::ClamdScanner behind a wrapper that logs each refusal (the
  // HTTP log has only the status); `attachments` scans with it.
  std::unique_ptr<VirusScanner> virus_scanner;
  std::unique_ptr<mail::GmimeMailParser> mail_parser;
  std::unique_ptr<mail::ImapMailboxOpener> mailbox_opener;
  std::unique_ptr<MailboxService> mailboxes;
  std::unique_ptr<ReportService> reports;
  std::unique_ptr<FindingService> findings;
  std::unique_ptr<ClueService> clues;
  std::unique_ptr<RectificationService> rectification;
  std::unique_ptr<OverviewService> overview;
  std::unique_ptr<SearchService> search;
  std::unique_ptr<TriageService> triage;  // set by StartTriage
  std::string content_key_for_triage;     // handed to StartTriage
  // Set when this open created the escrow key: print once, then forget.
  std::string escrow_recovery_code;

  // `create`: make the directory and database if missing (init); otherwise both must exist.
  // `key_file` empty: DATA/server.key.
  static Result<std::unique_ptr<AppContext>> Open(const std::string& data_dir, bool create,
                                                  HashCost cost, const std::string& key_file = "");
  static std::string DefaultKeyFile(const std::string& data_dir);
  static std::string DatabasePath(const std::string& data_dir);
  bool IsDemo();
  // The virus scan of attachments (serve --clamd-socket): "auto" or "" uses clamd's socket if
  // one exists where Debian puts it (ClamdScanner::DetectClamdSocket), "off" scans nothing,
  // anything else is the socket's path. From then on every attachment is scanned, and refused
  // with "scanner_unavailable" while clamd cannot answer (fail closed). Logs the choice once.
  // Returns the socket used, nullopt for none.
  // REQUIRES: called before the services are used (not thread-safe against them).
  std::optional<std::string> EnableVirusScan(const std::string& clamd_socket);
  // Triage suggestions (docs/triage.md) with the shipped discipline data in `share_dir`
  // (share/discipline/articles.json and labelled.jsonl). REQUIRES: before the first search.
  Status StartTriage(const std::string& share_dir);
};

}  // namespace xuncha
