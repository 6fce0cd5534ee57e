#include "test_support.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <filesystem>
#include <fstream>
#include <future>
#include <iostream>
#include <sstream>

#include "app/demo.h"
#include "app/user_keys.h"
#include "server/keyring.h"
#include "text/chinese_text.h"

namespace xuncha::testing {

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "xuncha-test-XXXXXX").string();
  char* p = mkdtemp(tmpl.data());
  if (p == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = p;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

TestApp::TestApp() {
  if (!InitSodium().ok()) throw std::runtime_error("sodium");
  auto s = sqlite::SqliteStore::Open(db_path(), true);
  if (!s.ok()) throw std::runtime_error(s.error().message);
  store = std::move(s).value();
  audit = std::make_unique<AuditLog>(crypto, clock);
  auth = std::make_unique<AuthService>(*store, hasher, crypto, clock, *audit, LoginPolicy{});
  planning = std::make_unique<PlanningService>(*store, clock, *audit);
  auto ring = LoadKeyring(dir.File("server.key"), *store, crypto, hasher);
  if (!ring.ok()) throw std::runtime_error(ring.error().message);
  escrow_recovery_code = ring->new_recovery_code;
  reports =
      std::make_unique<ReportService>(*store, crypto, clock, *audit, ring->keys, &attachments);
  reports->SetMailParser(&mail_parser);
  mailboxes = std::make_unique<MailboxService>(*store, crypto, clock, *audit, *reports,
                                               mailbox_opener, ring->keys.content_key);
  findings =
      std::make_unique<FindingService>(*store, crypto, clock, *audit, ring->keys.content_key);
  clues = std::make_unique<ClueService>(*store, crypto, clock, *audit, ring->keys.content_key);
  rectification = std::make_unique<RectificationService>(*store, crypto, clock, *audit, *findings,
                                                         ring->keys.content_key);
  overview = std::make_unique<OverviewService>(*store, clock, *audit, *reports);
  search_key = ring->keys.search_key;
  search = NewSearch();
  triage = std::make_unique<TriageService>(
      *store, crypto, *audit, clock, *reports, *search, ring->keys.content_key,
      [](std::string_view in) { return text::Normalize(in); },
      [](std::string_view in) {
        auto p = text::Pinyin(in);
        return p.ok() ? *p : std::string();
      });
  triage->SetBackgroundTraining(false);
  auto read = [](const std::string& name) {
    std::ifstream in(std::string(XUNCHA_SOURCE_DIR) + "/share/discipline/" + name,
                     std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  };
  if (!triage->Start(read("articles.json"), read("labelled.jsonl")).ok()) {
    throw std::runtime_error("triage start");
  }
  if (!reports->SeedDefaults().ok()) throw std::runtime_error("seed defaults");
}

std::unique_ptr<SearchService> TestApp::NewSearch() {
  return std::make_unique<SearchService>(*store, crypto, *audit, clock, *reports, *findings, *clues,
                                         *rectification, search_key,
                                         [](std::string_view s) { return text::Normalize(s); });
}

void TestApp::LoadDemo() {
  const Date today = Date::OfTimestamp(clock.Now(), 8 * 3600);
  auto r = BuildDemo(*store, *planning, *auth, today);
  ASSERT_TRUE(r.ok()) << r.error().message;
  auto st = BuildDemoReports(*store, *reports, today);
  ASSERT_TRUE(st.ok()) << st.error().message;
  auto fs = BuildDemoFindings(*store, *findings);
  ASSERT_TRUE(fs.ok()) << fs.error().message;
  auto cs = BuildDemoClues(*store, *clues);
  ASSERT_TRUE(cs.ok()) << cs.error().message;
}

Actor TestApp::As(const std::string& username) {
  auto tx = store->Begin(TxMode::kRead);
  EXPECT_TRUE(tx.ok());
  auto u = (*tx)->FindUserByName(username);
  EXPECT_TRUE(u.ok() && u->has_value()) << username;
  Actor a{**u, "127.0.0.1", ""};
  // Demo accounts: unlock the key pair with the demo password, as a sign-in would.
  auto keys = (*tx)->GetUserKeys(a.user.id);
  if (keys.ok() && keys->has_value()) {
    auto secret = UnlockSecretKey(crypto, hasher, **keys, kDemoPassword);
    if (secret.ok()) a.secret_key = *secret;
  }
  return a;
}

nlohmann::json HttpResult::json() const {
  auto j = nlohmann::json::parse(body, nullptr, false);
  return j;
}

TestServer::TestServer(TestApp& app, http::ServerOptions opts, http::ApiOptions api_opts) {
  api_opts.demo = true;
  api_ = std::make_unique<http::Api>(*app.auth, *app.planning, *app.reports, api_opts);
  api_->SetMailboxes(app.mailboxes.get());
  api_->SetSearch(app.search.get());
  api_->SetFindings(app.findings.get());
  api_->SetClues(app.clues.get());
  api_->SetRectification(app.rectification.get());
  api_->SetOverview(app.overview.get());
  api_->SetTriage(app.triage.get());
  opts.address = "127.0.0.1";
  opts.port = 0;
  server_ = std::make_unique<http::Server>(opts, *api_, files_, metrics_);
  auto port = server_->Listen();
  if (!port.ok()) throw std::runtime_error(port.error().message);
  port_ = *port;
  thread_ = std::thread([this] { server_->Run(false); });
}

void TestServer::Stop() {
  if (stopped_) return;
  stopped_ = true;
  server_->Stop();
  thread_.join();
}

TestServer::~TestServer() { Stop(); }

HttpResult Client::Request(const std::string& method, const std::string& target,
                           const std::string& body, const std::string& content_type) {
  namespace beast = boost::beast;
  namespace bhttp = beast::http;
  boost::asio::io_context ioc;
  beast::tcp_stream stream(ioc);
  beast::error_code connect_ec;
  stream.connect({boost::asio::ip::make_address("127.0.0.1"), port_}, connect_ec);
  if (connect_ec) return HttpResult{0, "connect: " + connect_ec.message(), {}};
  bhttp::request<bhttp::string_body> req{bhttp::string_to_verb(method), target, 11};
  req.set(bhttp::field::host, "127.0.0.1");
  if (!cookie.empty()) req.set(bhttp::field::cookie, cookie);
  if (send_csrf && !csrf.empty()) req.set("X-CSRF-Token", csrf);
  if (!body.empty()) req.set(bhttp::field::content_type, content_type);
  req.body() = body;
  req.keep_alive(false);
  req.prepare_payload();
  beast::error_code ec;
  bhttp::write(stream, req, ec);
  HttpResult out;
  beast::flat_buffer buf;
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(64u << 20);
  bhttp::read(stream, buf, parser, ec);
  if (ec && ec != beast::errc::not_connected) {
    out.status = 0;
    out.body = "transport error: " + ec.message();
    return out;
  }
  auto res = parser.release();
  out.status = res.result_int();
  out.body = res.body();
  for (const auto& f : res) {
    std::string name(f.name_string());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.headers[name] = std::string(f.value());
  }
  return out;
}

HttpResult Client::Login(const std::string& username, const std::string& password) {
  HttpResult r = Post("/api/v1/session", {{"username", username}, {"password", password}});
  if (r.status == 200) {
    const std::string& set = r.headers["set-cookie"];
    cookie = set.substr(0, set.find(';'));
    csrf = r.json()["csrf_token"].get<std::string>();
  }
  return r;
}

}  // namespace xuncha::testing
