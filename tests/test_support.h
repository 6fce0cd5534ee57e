// Shared helpers for tests: temporary directories, an app wired to a temp SQLite file with a
// fake clock, and a small blocking HTTP client for API tests against a real server on port 0.
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>

#include "app/audit_log.h"
#include "app/auth_service.h"
#include "app/mailbox_service.h"
#include "app/overview_service.h"
#include "app/planning_service.h"
#include "app/report_service.h"
#include "app/search_service.h"
#include "app/triage_service.h"
#include "crypto/sodium_crypto.h"
#include "files/attachment_processor.h"
#include "http/api.h"
#include "http/metrics.h"
#include "http/server.h"
#include "http/static_files.h"
#include "mail/gmime_mail_parser.h"
#include "mail/imap_mailbox.h"
#include "storage/sqlite/sqlite_store.h"

namespace xuncha::testing {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// 2026-11-27 10:00 China time.
inline constexpr UnixSeconds kTestNow = 1795744800;

// Everything wired as the server wires it, on a fresh database, with a fake clock and the
// minimal Argon2id cost (the algorithm is the same; only the work factor is lower).
struct TestApp {
  TestApp();
  TempDir dir;
  FakeClock clock{kTestNow};
  std::unique_ptr<sqlite::SqliteStore> store;
  SodiumPasswordHasher hasher{HashCost::kMinimal};
  SodiumCrypto crypto;
  std::unique_ptr<AuditLog> audit;
  std::unique_ptr<AuthService> auth;
  std::unique_ptr<PlanningService> planning;
  files::FileAttachmentProcessor attachments;
  mail::GmimeMailParser mail_parser;
  mail::ImapMailboxOpener mailbox_opener{10};
  std::unique_ptr<ReportService> reports;
  std::unique_ptr<MailboxService> mailboxes;
  std::unique_ptr<FindingService> findings;
  std::unique_ptr<ClueService> clues;
  std::unique_ptr<RectificationService> rectification;
  std::unique_ptr<OverviewService> overview;
  std::unique_ptr<SearchService> search;
  std::unique_ptr<TriageService> triage;  // cue phrases only until Retrain (no background work)
  std::string search_key;
  std::string escrow_recovery_code;

  // A second search service over the same database, as another process (or the server after a
  // restart) would have: it starts from what is stored.
  std::unique_ptr<SearchService> NewSearch();

  // Builds the demo; returns nothing, asserts success.
  void LoadDemo();
  // The user with `username` as an Actor.
  Actor As(const std::string& username);
  std::string db_path() const { return dir.File("xuncha.db"); }
};

struct HttpResult {
  unsigned status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  // lower-case names
  nlohmann::json json() const;
};

// A server on 127.0.0.1:<free port> in a background thread, stopped on destruction.
class TestServer {
 public:
  explicit TestServer(TestApp& app, http::ServerOptions opts = {}, http::ApiOptions api = {});
  ~TestServer();
  unsigned short port() const { return port_; }
  // Stops and waits until the server has finished (Run() returned).
  void Stop();
  // Asks the server to stop without waiting; Stop() or the destructor waits.
  void RequestStop() { server_->Stop(); }

 private:
  std::unique_ptr<http::Api> api_;
  http::StaticFiles files_{"/nonexistent"};
  http::Metrics metrics_;
  std::unique_ptr<http::Server> server_;
  std::thread thread_;
  unsigned short port_ = 0;
  bool stopped_ = false;
};

// A client that keeps the session cookie and CSRF token, like a browser tab.
class Client {
 public:
  explicit Client(unsigned short port) : port_(port) {}
  HttpResult Request(const std::string& method, const std::string& target,
                     const std::string& body = "",
                     const std::string& content_type = "application/json");
  HttpResult Get(const std::string& target) { return Request("GET", target); }
  HttpResult Post(const std::string& target, const nlohmann::json& body) {
    return Request("POST", target, body.dump());
  }
  HttpResult Put(const std::string& target, const nlohmann::json& body) {
    return Request("PUT", target, body.dump());
  }
  HttpResult Delete(const std::string& target) { return Request("DELETE", target); }
  // Signs in and keeps the cookie and CSRF token. Returns the response.
  HttpResult Login(const std::string& username, const std::string& password);

  std::string cookie;
  std::string csrf;
  bool send_csrf = true;

 private:
  unsigned short port_;
};

}  // namespace xuncha::testing
