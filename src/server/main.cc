// xuncha: the single binary. Subcommands serve, init, user, backup, audit.
// This file only parses the command line and wires things together (see app_context.cc).
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "app/demo.h"
#include "http/api.h"
#include "http/server.h"
#include "server/app_context.h"
#include "server/keyring.h"
#include "server/mail_cli.h"
#include "server/mail_poller.h"
#include "server/search_indexer.h"

#ifndef XUNCHA_DEFAULT_SHARE_DIR
#define XUNCHA_DEFAULT_SHARE_DIR "share"
#endif
#ifndef XUNCHA_DEFAULT_WEB_DIR
#define XUNCHA_DEFAULT_WEB_DIR "web/dist"
#endif

namespace xuncha {
namespace {

int Fail(const Error& e) {
  std::cerr << "xuncha: " << e.message;
  for (const auto& [field, key] : e.fields) std::cerr << "; " << field << ": " << key;
  std::cerr << "\n";
  return 1;
}

std::string ReadPasswordFromStdin() {
  std::string line;
  std::getline(std::cin, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

HashCost ParseCost(const std::string& s) {
  return s == "minimal" ? HashCost::kMinimal : HashCost::kInteractive;
}

void PrintDemoAccounts(const std::vector<DemoAccount>& accounts) {
  std::printf("Demo accounts (示例数据; password for all: %s):\n", kDemoPassword);
  for (const auto& a : accounts) {
    std::printf("  %-11s %-15s %s\n", a.username.c_str(), a.role.c_str(), a.description.c_str());
  }
}

void PrintRecoveryCode(const std::string& code) {
  if (code.empty()) return;
  std::printf(
      "Escrow recovery code (托管恢复码) — write it down and keep it offline; it is shown only "
      "now and\nis needed to re-grant access to reports when staff leave:\n  %s\n",
      code.c_str());
}

int RunServe(const std::string& data, const std::string& key_file, const std::string& listen,
             const std::string& web, std::size_t body_limit, int threads, bool secure_cookies,
             const std::string& cost, double public_rate, int mail_poll_seconds, int pow_bits,
             const std::string& clamd_socket, int search_sync_seconds, const std::string& share) {
  auto ctx = AppContext::Open(data, false, ParseCost(cost), key_file);
  if (!ctx.ok()) return Fail(ctx.error());
  (*ctx)->EnableVirusScan(clamd_socket);
  if (auto st = (*ctx)->StartTriage(share); !st.ok()) return Fail(st.error());
  http::ServerOptions opts;
  auto colon = listen.rfind(':');
  if (colon == std::string::npos) {
    std::cerr << "xuncha: --listen wants HOST:PORT, e.g. 127.0.0.1:8080\n";
    return 2;
  }
  opts.address = listen.substr(0, colon);
  try {
    int port = std::stoi(listen.substr(colon + 1));
    if (port < 0 || port > 65535) throw std::out_of_range("port");
    opts.port = static_cast<unsigned short>(port);
  } catch (const std::exception&) {
    std::cerr << "xuncha: bad port in --listen " << listen << "\n";
    return 2;
  }
  opts.body_limit = body_limit;
  opts.threads = threads;
  http::ApiOptions api_opts;
  api_opts.secure_cookies = secure_cookies;
  api_opts.demo = (*ctx)->IsDemo();
  api_opts.submit_per_minute = public_rate;
  api_opts.lookup_per_minute = public_rate * 5;
  api_opts.pow_bits = pow_bits;
  PrintRecoveryCode((*ctx)->escrow_recovery_code);
  http::Api api(*(*ctx)->auth, *(*ctx)->planning, *(*ctx)->reports, api_opts);
  api.SetMailboxes((*ctx)->mailboxes.get());
  api.SetSearch((*ctx)->search.get());
  api.SetFindings((*ctx)->findings.get());
  api.SetClues((*ctx)->clues.get());
  api.SetRectification((*ctx)->rectification.get());
  api.SetOverview((*ctx)->overview.get());
  api.SetTriage((*ctx)->triage.get());
  http::StaticFiles files(web);
  http::Metrics metrics;
  http::Server server(opts, api, files, metrics);
  auto port = server.Listen();
  if (!port.ok()) return Fail(port.error());
  if (!std::filesystem::exists(std::filesystem::path(web) / "index.html")) {
    spdlog::warn("web UI not found in {} (build it with `make web`)", web);
  }
  if (api_opts.demo) PrintDemoAccounts(DemoAccounts());
  // Tests and scripts wait for this exact line.
  std::printf("listening on http://%s:%u\n", opts.address.c_str(), *port);
  std::fflush(stdout);
  MailPoller poller(*(*ctx)->mailboxes, mail_poll_seconds);
  SearchIndexer indexer(*(*ctx)->search, search_sync_seconds);
  server.Run(/*handle_signals=*/true);
  poller.Stop();
  indexer.Stop();
  return 0;
}

int RunInit(const std::string& data, const std::string& key_file, bool demo,
            const std::string& cost) {
  if (std::filesystem::exists(AppContext::DatabasePath(data))) {
    std::cerr << "xuncha: " << data << " already holds a database; nothing changed\n";
    return 1;
  }
  auto ctx = AppContext::Open(data, true, ParseCost(cost), key_file);
  if (!ctx.ok()) return Fail(ctx.error());
  PrintRecoveryCode((*ctx)->escrow_recovery_code);
  if (!demo) {
    std::printf(
        "Created %s.\nAdd the first account: echo 'PASSWORD' | xuncha user add --data %s "
        "--username admin --role admin\n",
        AppContext::DatabasePath(data).c_str(), data.c_str());
    return 0;
  }
  AppContext& c = **ctx;
  Date today = Date::OfTimestamp(c.clock->Now(), 8 * 3600);
  auto accounts = BuildDemo(*c.store, *c.planning, *c.auth, today);
  if (!accounts.ok()) return Fail(accounts.error());
  if (auto st = BuildDemoReports(*c.store, *c.reports, today); !st.ok()) return Fail(st.error());
  if (auto st = BuildDemoFindings(*c.store, *c.findings); !st.ok()) return Fail(st.error());
  if (auto st = BuildDemoClues(*c.store, *c.clues); !st.ok()) return Fail(st.error());
  std::printf(
      "Created the demo (示例数据) in %s: 五届市委第八轮巡察 and 第九轮 (stationed today).\n",
      data.c_str());
  PrintDemoAccounts(*accounts);
  return 0;
}

// Re-grants report and identity keys to the current staff with the escrow key, unlocked by the
// recovery code read from stdin.
int RunKeysRegrant(AppContext& c, HashCost cost) {
  const std::string code = ReadPasswordFromStdin();
  auto secret = UnlockEscrowSecret(*c.store, *c.hasher, *c.crypto, code);
  if (!secret.ok() && secret.error().key == "bad_recovery_code") {
    // The lock key was derived at the Argon2id cost `init` ran with, which is not recorded: a
    // data directory made with --argon2-cost minimal (demos, tests) needs the other cost.
    SodiumPasswordHasher other(cost == HashCost::kMinimal ? HashCost::kInteractive
                                                          : HashCost::kMinimal);
    auto again = UnlockEscrowSecret(*c.store, other, *c.crypto, code);
    if (again.ok()) secret = std::move(again);
  }
  if (!secret.ok()) {
    if (secret.error().key == "bad_recovery_code") {
      std::cerr << "xuncha: 恢复码不正确 (wrong recovery code): " << secret.error().message
                << "; nothing changed\n";
      return 1;
    }
    return Fail(secret.error());
  }
  auto sum = c.reports->Regrant(*secret);
  if (!sum.ok()) return Fail(sum.error());
  std::printf(
      "重新授权完成 (regranted): %d reports, %d report keys, %d identity keys, %d stale removed, "
      "%d mail originals",
      sum->reports, sum->report_keys, sum->identity_keys, sum->stale_removed, sum->mail_keys);
  if (sum->skipped > 0) {
    std::printf(", %d reports skipped (their escrow copy is missing or does not open)",
                sum->skipped);
  }
  std::printf("\n");
  return 0;
}

}  // namespace
}  // namespace xuncha

int main(int argc, char** argv) {
  using namespace xuncha;
  auto logger = spdlog::stderr_color_mt("xuncha");
  spdlog::set_default_logger(logger);
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");

  CLI::App app{
      "xuncha — software for Party inspection tours (巡察).\n"
      "Plans rounds (轮) of inspection, groups (巡察组), inspected units (被巡察单位) and the\n"
      "inspector pool (巡察干部人才库); serves the web UI and the JSON API."};
  app.set_config("--config", "", "Read options from a TOML/INI config file", false);
  app.require_subcommand(1);

  std::string data = "data";
  std::string cost = "interactive";
  std::string key_file;
  app.add_option("--key-file", key_file,
                 "The server key file (default DATA/server.key); keep it out of database "
                 "backups");

  auto* serve = app.add_subcommand("serve", "Serve the web UI and API (服务)");
  std::string listen = "127.0.0.1:8080";
  std::string web = XUNCHA_DEFAULT_WEB_DIR;
  std::string share = XUNCHA_DEFAULT_SHARE_DIR;
  std::size_t body_limit = 1u << 20;
  int threads = 2;
  bool secure_cookies = false;
  serve->add_option("--data", data, "Data directory holding xuncha.db")->capture_default_str();
  serve->add_option("--listen", listen, "HOST:PORT to listen on (port 0: any free port)")
      ->capture_default_str();
  serve->add_option("--web", web, "Directory of the built web UI")->capture_default_str();
  serve
      ->add_option("--share", share,
                   "Directory of the shipped data (discipline/articles.json, labelled.jsonl)")
      ->capture_default_str();
  serve->add_option("--body-limit", body_limit, "Largest JSON request body in bytes (413 above)")
      ->capture_default_str();
  serve->add_option("--threads", threads, "HTTP worker threads")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  serve->add_flag("--secure-cookies", secure_cookies,
                  "Mark the session cookie Secure (behind TLS)");
  int pow_bits = 0;
  serve
      ->add_option("--public-pow", pow_bits,
                   "Proof of work asked of public submissions, in leading zero bits of SHA-256 "
                   "(0: off; 16 takes a phone about a second)")
      ->check(CLI::Range(0, 24))
      ->capture_default_str();
  int mail_poll_seconds = 300;
  serve
      ->add_option("--mail-poll", mail_poll_seconds,
                   "Seconds between polls of the groups' IMAP mailboxes (0: never)")
      ->check(CLI::Range(0, 86400))
      ->capture_default_str();
  int search_sync_seconds = 2;
  serve
      ->add_option("--search-sync", search_sync_seconds,
                   "Seconds between passes of the search indexer (0: only when someone searches)")
      ->check(CLI::Range(0, 3600))
      ->capture_default_str();
  double public_rate = 6;
  serve
      ->add_option("--public-rate", public_rate,
                   "Public report submissions per minute per client (0: no limit)")
      ->check(CLI::Range(0.0, 1e6))
      ->capture_default_str();
  serve->add_option("--argon2-cost", cost, "Argon2id cost for new passwords")
      ->check(CLI::IsMember({"interactive", "minimal"}))
      ->capture_default_str();
  std::string clamd_socket = "auto";
  serve
      ->add_option("--clamd-socket", clamd_socket,
                   "clamd's UNIX socket for the virus scan of attachments (auto: "
                   "/run/clamav/clamd.ctl if it exists; off: no scan)")
      ->capture_default_str();

  auto* init = app.add_subcommand("init", "Create a data directory (初始化); --demo adds 示例数据");
  bool demo = false;
  init->add_option("--data", data, "Data directory to create")->capture_default_str();
  init->add_flag("--demo", demo, "Load the demo round and one account per role");
  init->add_option("--argon2-cost", cost, "Argon2id cost: interactive, or minimal for tests")
      ->check(CLI::IsMember({"interactive", "minimal"}))
      ->capture_default_str();

  auto* user = app.add_subcommand("user", "Manage accounts (账号); passwords are read from stdin");
  user->require_subcommand(1);
  std::string username;
  std::string role;
  std::string display_name;
  std::int64_t unit_id = 0;
  std::int64_t inspector_id = 0;
  std::string organ;
  bool keep_password = false;
  auto* add = user->add_subcommand("add",
                                   "Add an account; it must change its password at first "
                                   "login unless --no-change-required");
  add->add_option("--data", data, "Data directory")->capture_default_str();
  add->add_option("--username", username, "Login name")->required();
  add->add_option("--role", role,
                  "office | group_leader | group_member | unit | clue_recipient | leadership | "
                  "admin")
      ->required()
      ->check(CLI::IsMember({"office", "group_leader", "group_member", "unit", "clue_recipient",
                             "leadership", "admin"}));
  add->add_option("--display-name", display_name, "Name shown in the UI (default: username)");
  add->add_option("--unit-id", unit_id, "For role unit: the liaison's unit");
  add->add_option("--inspector-id", inspector_id, "For group roles: the person in the pool");
  add->add_option("--organ", organ,
                  "For role clue_recipient: discipline_commission (纪委监委) or "
                  "organisation_department (组织部)")
      ->check(CLI::IsMember({"discipline_commission", "organisation_department"}));
  add->add_flag("--no-change-required", keep_password, "Do not force a password change");
  add->add_option("--argon2-cost", cost, "Argon2id cost")
      ->check(CLI::IsMember({"interactive", "minimal"}));
  auto* passwd = user->add_subcommand("passwd", "Set an account's password (from stdin)");
  passwd->add_option("--data", data, "Data directory")->capture_default_str();
  passwd->add_option("--username", username, "Login name")->required();
  passwd->add_flag("--no-change-required", keep_password, "Do not force a password change");
  auto* disable = user->add_subcommand("disable", "Disable an account and end its sessions");
  disable->add_option("--data", data, "Data directory")->capture_default_str();
  disable->add_option("--username", username, "Login name")->required();

  auto* backup = app.add_subcommand("backup", "Online backup of the database (备份)");
  std::string to;
  backup->add_option("--data", data, "Data directory")->capture_default_str();
  backup->add_option("--to", to, "Backup file to create")->required();

  auto* audit = app.add_subcommand("audit", "Operation log (操作日志) tools");
  audit->require_subcommand(1);
  auto* verify = audit->add_subcommand("verify", "Check the hash chain of the operation log");
  verify->add_option("--data", data, "Data directory")->capture_default_str();

  auto* keys = app.add_subcommand("keys", "Report keys (密钥) after staff change");
  keys->require_subcommand(1);
  auto* regrant = keys->add_subcommand(
      "regrant",
      "Re-grant report and identity keys to the current staff with the escrow recovery code "
      "(read from stdin); run after a password reset or a change of group or custodian");
  regrant->add_option("--data", data, "Data directory")->capture_default_str();
  regrant->add_option("--key-file", key_file, "The server key file (default DATA/server.key)");

  auto* reindex = app.add_subcommand(
      "reindex",
      "Rebuild the search index (检索索引) from the records; a running server reloads it");
  reindex->add_option("--data", data, "Data directory")->capture_default_str();
  reindex->add_option("--key-file", key_file, "The server key file (default DATA/server.key)");

  auto* mail = app.add_subcommand("mail", "A group's mailbox (电子信箱)");
  mail->require_subcommand(1);
  auto* mail_import = mail->add_subcommand(
      "import",
      "Turn each message of a Maildir (DIR/new, DIR/cur) or a directory of .eml files into a "
      "report of the group; unreadable ones go to quarantine; running it again adds nothing");
  std::string mail_group;
  std::string maildir;
  bool quiet = false;
  mail_import->add_option("--data", data, "Data directory")->capture_default_str();
  mail_import->add_option("--group", mail_group, "The group: its id or exact name")->required();
  mail_import->add_option("--maildir", maildir, "The Maildir or directory")->required();
  mail_import->add_flag("--quiet", quiet, "Print only the totals");

  CLI11_PARSE(app, argc, argv);

  if (serve->parsed()) {
    return RunServe(data, key_file, listen, web, body_limit, threads, secure_cookies, cost,
                    public_rate, mail_poll_seconds, pow_bits, clamd_socket, search_sync_seconds,
                    share);
  }
  if (init->parsed()) return RunInit(data, key_file, demo, cost);

  auto ctx = AppContext::Open(data, false, ParseCost(cost), key_file);
  if (!ctx.ok()) return Fail(ctx.error());
  AppContext& c = **ctx;
  const Actor cli = SystemActor("cli");

  if (reindex->parsed()) {
    auto n = c.search->Reindex();
    if (!n.ok()) return Fail(n.error());
    auto stats = c.search->Stats();
    if (!stats.ok()) return Fail(stats.error());
    std::printf("检索索引已重建 (search index rebuilt): %d records in %zu segments\n", *n,
                stats->segments);
    return 0;
  }
  if (mail_import->parsed()) {
    auto group = ResolveGroup(*c.store, mail_group);
    if (!group.ok()) return Fail(group.error());
    auto counts = ImportMaildir(c, *group, maildir, !quiet);
    if (!counts.ok()) return Fail(counts.error());
    std::printf(
        "导入完成 (done): %d 件登记 imported, %d 件已导入过 duplicates, %d 件隔离 quarantined",
        counts->imported, counts->duplicates, counts->quarantined);
    if (counts->unreadable_files > 0)
      std::printf(", %d 个文件无法读取 unreadable", counts->unreadable_files);
    std::printf("\n");
    return counts->unreadable_files > 0 ? 1 : 0;
  }
  if (regrant->parsed()) return RunKeysRegrant(c, ParseCost(cost));
  if (add->parsed()) {
    NewUser nu;
    nu.username = username;
    nu.display_name = display_name.empty() ? username : display_name;
    nu.role = *ParseRole(role);
    nu.password = ReadPasswordFromStdin();
    nu.must_change_password = !keep_password;
    if (unit_id > 0) nu.unit_id = UnitId(unit_id);
    if (inspector_id > 0) nu.inspector_id = InspectorId(inspector_id);
    if (!organ.empty()) nu.organ = ParseOrgan(organ);
    auto u = c.auth->CreateUser(cli, nu);
    if (!u.ok()) return Fail(u.error());
    std::printf("added %s (%s)\n", u->username.c_str(), role.c_str());
    return 0;
  }
  if (passwd->parsed() || disable->parsed()) {
    auto tx = c.store->Begin(TxMode::kRead);
    if (!tx.ok()) return Fail(tx.error());
    auto found = (*tx)->FindUserByName(username);
    tx->reset();
    if (!found.ok()) return Fail(found.error());
    if (!found->has_value()) return Fail(NotFound("user " + username));
    User u = **found;
    if (passwd->parsed()) {
      auto st = c.auth->ResetPassword(cli, u.id, ReadPasswordFromStdin());
      if (!st.ok()) return Fail(st.error());
      if (keep_password) {
        auto again = c.auth->GetUser(cli, u.id);
        if (again.ok()) {
          again->must_change_password = false;
          auto wtx = c.store->Begin(TxMode::kWrite);
          if (wtx.ok() && (*wtx)->UpdateUser(*again).ok()) (void)(*wtx)->Commit();
        }
      }
      std::printf("password set for %s\n", username.c_str());
      return 0;
    }
    u.disabled = true;
    auto st = c.auth->UpdateUser(cli, u);
    if (!st.ok()) return Fail(st.error());
    std::printf("disabled %s\n", username.c_str());
    return 0;
  }
  if (backup->parsed()) {
    if (std::filesystem::exists(to)) {
      std::cerr << "xuncha: " << to << " exists; choose a new file\n";
      return 1;
    }
    auto st = c.store->Backup(to);
    if (!st.ok()) return Fail(st.error());
    std::printf("backup written to %s\n", to.c_str());
    return 0;
  }
  if (verify->parsed()) {
    auto v = c.audit->Verify(*c.store);
    if (!v.ok()) return Fail(v.error());
    if (!v->ok) {
      std::printf("BROKEN at entry %lld of %lld: %s\n", static_cast<long long>(v->first_bad_seq),
                  static_cast<long long>(v->entries), v->reason.c_str());
      return 1;
    }
    std::printf("ok: %lld entries, head %s\n", static_cast<long long>(v->entries),
                v->head_hash.c_str());
    return 0;
  }
  return 0;
}
