// The HTTP API over real HTTP against a server on a free port, with the demo loaded.
#include <gtest/gtest.h>

#include <boost/asio.hpp>
#include <fstream>
#include <sstream>

#include "test_support.h"

#ifndef XUNCHA_SOURCE_DIR
#define XUNCHA_SOURCE_DIR "."
#endif

namespace xuncha {
namespace {

using nlohmann::json;
using testing::Client;
using testing::HttpResult;

class ApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    app_.LoadDemo();
    server_ = std::make_unique<testing::TestServer>(app_);
  }
  Client SignedIn(const std::string& user) {
    Client c(server_->port());
    HttpResult r = c.Login(user, "Demo@12345");
    EXPECT_EQ(r.status, 200u) << r.body;
    return c;
  }
  json Find(const json& items, const std::string& key, const std::string& value) {
    for (const auto& i : items) {
      if (i[key] == value) return i;
    }
    ADD_FAILURE() << "no item with " << key << "=" << value;
    return json::object();
  }
  std::int64_t RoundId(Client& c, int number) {
    json rounds = c.Get("/api/v1/rounds").json();
    for (const auto& r : rounds["items"]) {
      if (r["number"] == number) return r["id"];
    }
    return 0;
  }

  testing::TestApp app_;
  std::unique_ptr<testing::TestServer> server_;
};

TEST_F(ApiTest, LoginSetsAStrictHttpOnlyCookieAndMeAnswers) {
  Client c(server_->port());
  HttpResult r = c.Login("office", "Demo@12345");
  ASSERT_EQ(r.status, 200u);
  const std::string& cookie = r.headers["set-cookie"];
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_EQ(r.json()["user"]["role"], "office");
  EXPECT_EQ(r.json()["demo"], true);
  EXPECT_EQ(r.json()["user"].count("password_hash"), 0u);
  HttpResult me = c.Get("/api/v1/me");
  EXPECT_EQ(me.status, 200u);
  EXPECT_EQ(me.json()["user"]["username"], "office");
  EXPECT_EQ(c.Delete("/api/v1/session").status, 204u);
  EXPECT_EQ(c.Get("/api/v1/me").status, 401u);
}

TEST_F(ApiTest, BadPasswordIs401InChineseAndLockoutIs429) {
  Client c(server_->port());
  for (int i = 0; i < 5; ++i) {
    HttpResult r = c.Login("member1", "wrong password");
    ASSERT_EQ(r.status, 401u);
    EXPECT_EQ(r.json()["error"]["message"], "用户名或密码错误");
  }
  HttpResult locked = c.Login("member1", "Demo@12345");
  EXPECT_EQ(locked.status, 429u);
  EXPECT_EQ(locked.json()["error"]["key"], "locked");
  EXPECT_NE(locked.json()["error"]["message"].get<std::string>().find("锁定"), std::string::npos);
}

TEST_F(ApiTest, WithoutASessionEverythingIs401) {
  Client c(server_->port());
  for (const char* path : {"/api/v1/rounds", "/api/v1/units/1", "/api/v1/audit", "/api/v1/me"}) {
    HttpResult r = c.Get(path);
    EXPECT_EQ(r.status, 401u) << path;
    EXPECT_EQ(r.json()["error"]["code"], "unauthenticated") << path;
  }
}

TEST_F(ApiTest, StateChangesNeedTheCsrfToken) {
  Client c = SignedIn("office");
  c.send_csrf = false;
  HttpResult r = c.Post("/api/v1/units", {{"name", "市审计局"}});
  EXPECT_EQ(r.status, 403u);
  EXPECT_EQ(r.json()["error"]["key"], "csrf");
  c.csrf = "forged";
  c.send_csrf = true;
  EXPECT_EQ(c.Post("/api/v1/units", {{"name", "市审计局"}}).status, 403u);
  EXPECT_EQ(app_.planning->ListUnits(app_.As("office"), "审计", {1, 5})->total, 0);
}

TEST_F(ApiTest, TheDemoRoundShowsItsGroupsAndUnits) {
  Client c = SignedIn("office");
  json rounds = c.Get("/api/v1/rounds").json();
  json r8 = Find(rounds["items"], "name", "五届市委第八轮巡察");
  EXPECT_EQ(r8["group_count"], 4);
  EXPECT_EQ(r8["unit_count"], 7);
  EXPECT_EQ(r8["demo"], true);
  std::string id = std::to_string(r8["id"].get<int>());
  json groups = c.Get("/api/v1/groups?round_id=" + id).json();
  EXPECT_EQ(groups["items"].size(), 4u);
  json as = c.Get("/api/v1/assignments?round_id=" + id).json();
  std::set<std::string> units;
  for (const auto& a : as["items"]) units.insert(a["unit_name"]);
  EXPECT_EQ(units,
            (std::set<std::string>{"市委宣传部", "市委统战部", "市委直属机关工委", "市史志研究中心",
                                   "市中级人民法院", "市应急管理局", "市政府研究室"}));
}

TEST_F(ApiTest, OfficeCreatesARoundWithAGroupAndAnAssignment) {
  Client c = SignedIn("office");
  HttpResult round = c.Post("/api/v1/rounds", {{"term_id", 1},
                                               {"number", 10},
                                               {"name", "五届市委第十轮巡察"},
                                               {"type", "special"},
                                               {"start_date", "2027-03-01"},
                                               {"end_date", "2027-08-31"}});
  ASSERT_EQ(round.status, 201u) << round.body;
  auto rid = round.json()["id"].get<int>();
  json focus = c.Get("/api/v1/rounds/" + std::to_string(rid) + "/focus").json();
  EXPECT_EQ(focus["items"].size(), DefaultFocusTemplate().size()) << "checklist seeded";
  HttpResult group = c.Post("/api/v1/groups", {{"round_id", rid},
                                               {"number", 1},
                                               {"name", "第一巡察组"},
                                               {"duty_phone", "0715-8118888"},
                                               {"mailbox", "xcz1-10@example.gov.cn"},
                                               {"suggestion_boxes", {"一楼大厅"}}});
  ASSERT_EQ(group.status, 201u) << group.body;
  auto gid = group.json()["id"].get<int>();
  HttpResult unit = c.Post("/api/v1/units", {{"name", "市审计局"}, {"kind", "政府部门"}});
  ASSERT_EQ(unit.status, 201u) << unit.body;
  HttpResult a = c.Post("/api/v1/assignments", {{"group_id", gid},
                                                {"unit_id", unit.json()["id"]},
                                                {"station_start", "2027-03-05"},
                                                {"station_end", "2027-03-20"},
                                                {"meeting", {{"date", "2027-03-05"}}}});
  ASSERT_EQ(a.status, 201u) << a.body;
  EXPECT_EQ(a.json()["round_id"], rid);
  ASSERT_EQ(a.json()["warnings"].size(), 1u) << "a 15-day stationing is flagged";
  HttpResult ann =
      c.Get("/api/v1/assignments/" + std::to_string(a.json()["id"].get<int>()) + "/announcement");
  ASSERT_EQ(ann.status, 200u);
  EXPECT_NE(ann.json()["text"].get<std::string>().find("0715-8118888"), std::string::npos);
  EXPECT_EQ(c.Get("/api/v1/rounds/" + std::to_string(rid)).json()["unit_count"], 1);
}

TEST_F(ApiTest, RecusalRefusalNamesTheReasonAndOverrideNeedsAReason) {
  Client c = SignedIn("office");
  json inspectors = c.Get("/api/v1/inspectors?q=%E5%91%A8%E6%96%87%E6%B6%9B").json();  // 周文涛
  ASSERT_EQ(inspectors["total"], 1);
  auto zhou = inspectors["items"][0]["id"].get<int>();
  auto r9 = RoundId(c, 9);
  json g1 = c.Get("/api/v1/groups?round_id=" + std::to_string(r9)).json()["items"][0];
  std::string path = "/api/v1/groups/" + std::to_string(g1["id"].get<int>()) + "/members";
  HttpResult refused = c.Post(path, {{"inspector_id", zhou}, {"role", "member"}});
  ASSERT_EQ(refused.status, 409u) << refused.body;
  EXPECT_EQ(refused.json()["error"]["key"], "recusal");
  ASSERT_EQ(refused.json()["error"]["conflicts"].size(), 1u);
  EXPECT_EQ(refused.json()["error"]["conflicts"][0]["unit_name"], "市财政局");
  HttpResult forced = c.Post(path, {{"inspector_id", zhou},
                                    {"role", "member"},
                                    {"override_reason", "经巡察办主任会议研究同意"}});
  EXPECT_EQ(forced.status, 201u) << forced.body;
}

TEST_F(ApiTest, AMemberGets404ForAnotherGroupsUnitExactlyAsForAMissingOne) {
  Client office = SignedIn("office");
  json units = office.Get("/api/v1/units?q=%E4%BA%A4%E9%80%9A").json();  // 交通
  auto transport = units["items"][0]["id"].get<int>();
  Client member1 = SignedIn("member1");
  HttpResult other = member1.Get("/api/v1/units/" + std::to_string(transport));
  HttpResult missing = member1.Get("/api/v1/units/999999");
  EXPECT_EQ(other.status, 404u);
  EXPECT_EQ(other.body, missing.body);
  EXPECT_EQ(member1.Get("/api/v1/units/" + std::to_string(transport) + "/leaders").status, 404u);
  EXPECT_EQ(SignedIn("member2").Get("/api/v1/units/" + std::to_string(transport)).status, 200u);
}

TEST_F(ApiTest, AStaleUpdateGets409AndLosesNothing) {
  Client a = SignedIn("office");
  Client b = SignedIn("office");
  auto r9 = RoundId(a, 9);
  std::string path = "/api/v1/rounds/" + std::to_string(r9);
  json round = a.Get(path).json();
  json first = round;
  first["name"] = "五届市委第九轮巡察（调整）";
  HttpResult ok = a.Put(path, first);
  ASSERT_EQ(ok.status, 200u) << ok.body;
  EXPECT_EQ(ok.json()["version"], round["version"].get<int>() + 1);
  json second = round;  // still the old version
  second["status"] = "closed";
  HttpResult stale = b.Put(path, second);
  EXPECT_EQ(stale.status, 409u);
  EXPECT_EQ(stale.json()["error"]["code"], "aborted");
  EXPECT_EQ(stale.json()["error"]["message"], "数据已被他人修改，请刷新后重试");
  json now = a.Get(path).json();
  EXPECT_EQ(now["name"], "五届市委第九轮巡察（调整）");
  EXPECT_EQ(now["status"], "stationing");
}

TEST_F(ApiTest, BadBodiesGetClearErrors) {
  Client c = SignedIn("office");
  HttpResult malformed = c.Request("POST", "/api/v1/units", "{\"name\": ");
  EXPECT_EQ(malformed.status, 400u);
  EXPECT_EQ(malformed.json()["error"]["key"], "malformed_json");
  HttpResult not_object = c.Request("POST", "/api/v1/units", "[1,2,3]");
  EXPECT_EQ(not_object.status, 400u);
  HttpResult invalid = c.Post("/api/v1/rounds", {{"term_id", 1},
                                                 {"number", "eight"},
                                                 {"name", ""},
                                                 {"start_date", "2020-02-30"},
                                                 {"end_date", "2020-01-01"},
                                                 {"type", "weekly"}});
  ASSERT_EQ(invalid.status, 422u);
  json fields = invalid.json()["error"]["fields"];
  EXPECT_EQ(fields["number"], "类型不正确");
  EXPECT_EQ(fields["start_date"], "日期格式应为 YYYY-MM-DD");
  EXPECT_EQ(fields["type"], "取值不在允许范围内");
  EXPECT_EQ(c.Get("/api/v1/rounds?page=0").status, 400u);
  EXPECT_EQ(c.Get("/api/v1/rounds?page_size=100000").status, 400u);
  EXPECT_EQ(c.Get("/api/v1/rounds/abc").status, 404u);
  EXPECT_EQ(c.Get("/api/v1/no-such-thing").status, 404u);
}

TEST_F(ApiTest, OversizedBodiesGet413AndNothingIsStored) {
  Client c = SignedIn("office");
  std::string huge = "{\"name\": \"" + std::string(2u << 20, 'x') + "\"}";
  HttpResult r = c.Request("POST", "/api/v1/units", huge);
  EXPECT_EQ(r.status, 413u) << r.body.substr(0, 200);
  EXPECT_EQ(r.json()["error"]["code"], "payload_too_large");
  EXPECT_EQ(c.Get("/api/v1/units?page_size=200").json()["total"], 11);
}

TEST_F(ApiTest, AnAccountMadeByTheAdminMustChangeItsPasswordFirst) {
  Client admin = SignedIn("admin");
  HttpResult made = admin.Post("/api/v1/users", {{"username", "newcomer"},
                                                 {"display_name", "新同志"},
                                                 {"role", "leadership"},
                                                 {"password", "initial-password-1"}});
  ASSERT_EQ(made.status, 201u) << made.body;
  EXPECT_EQ(made.json()["must_change_password"], true);
  Client c(server_->port());
  ASSERT_EQ(c.Login("newcomer", "initial-password-1").status, 200u);
  HttpResult blocked = c.Get("/api/v1/rounds");
  EXPECT_EQ(blocked.status, 409u);
  EXPECT_EQ(blocked.json()["error"]["key"], "must_change_password");
  EXPECT_EQ(c.Post("/api/v1/me/password",
                   {{"old_password", "initial-password-1"}, {"new_password", "my-own-password-2"}})
                .status,
            204u);
  EXPECT_EQ(c.Get("/api/v1/rounds").status, 200u);
}

TEST_F(ApiTest, AdminSeesNoCaseContentAndOfficeSeesTheLogs) {
  Client admin = SignedIn("admin");
  EXPECT_EQ(admin.Get("/api/v1/rounds").json()["total"], 0);
  EXPECT_EQ(admin.Get("/api/v1/audit").status, 403u);
  EXPECT_EQ(admin.Get("/api/v1/logins").status, 200u);
  Client office = SignedIn("office");
  json audit = office.Get("/api/v1/audit?page_size=5").json();
  EXPECT_EQ(audit["items"].size(), 5u);
  EXPECT_EQ(audit["items"][0]["hash"].get<std::string>().size(), 64u);
  json logins = office.Get("/api/v1/logins").json();
  EXPECT_GE(logins["total"], 2);
  EXPECT_EQ(logins["items"][0]["ip"], "127.0.0.1");
}

TEST_F(ApiTest, RosterRoundTripsThroughXlsx) {
  Client c = SignedIn("office");
  json units = c.Get("/api/v1/units?q=%E8%B4%A2%E6%94%BF").json();  // 财政
  std::string base = "/api/v1/units/" + std::to_string(units["items"][0]["id"].get<int>());
  HttpResult xlsx = c.Get(base + "/roster.xlsx");
  ASSERT_EQ(xlsx.status, 200u);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  auto before = c.Get(base + "/leaders").json()["items"];
  HttpResult imported =
      c.Request("POST", base + "/roster.xlsx", xlsx.body,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  ASSERT_EQ(imported.status, 200u) << imported.body;
  EXPECT_EQ(imported.json()["imported"], before.size());
  auto after = c.Get(base + "/leaders").json()["items"];
  ASSERT_EQ(after.size(), before.size());
  for (std::size_t i = 0; i < after.size(); ++i) EXPECT_EQ(after[i]["name"], before[i]["name"]);
  HttpResult garbage = c.Request("POST", base + "/roster.xlsx", "not a workbook", "text/plain");
  EXPECT_EQ(garbage.status, 400u);
  EXPECT_EQ(garbage.json()["error"]["key"], "bad_xlsx");
  EXPECT_EQ(c.Get(base + "/leaders").json()["items"].size(), before.size()) << "nothing lost";
}

TEST_F(ApiTest, HealthAndMetrics) {
  Client c(server_->port());
  HttpResult h = c.Get("/healthz");
  EXPECT_EQ(h.status, 200u);
  EXPECT_EQ(h.body, "ok\n");
  EXPECT_EQ(h.headers["x-content-type-options"], "nosniff");
  c.Get("/api/v1/rounds");
  HttpResult m = c.Get("/metrics");
  EXPECT_NE(m.body.find("xuncha_http_requests_total{code=\"4xx\"} 1"), std::string::npos) << m.body;
  EXPECT_NE(m.body.find("xuncha_http_request_duration_seconds_bucket{le=\"+Inf\"}"),
            std::string::npos);
}

TEST_F(ApiTest, StopClosesIdleConnectionsAndReturns) {
  Client c = SignedIn("office");
  server_->Stop();  // returns only after Run() has returned
  HttpResult after = c.Get("/healthz");
  EXPECT_EQ(after.status, 0u) << "no one is listening any more";
}

// SIGTERM-style shutdown while a request is in flight: the request completes, its write is
// acknowledged and stored, and only then does the server stop.
TEST_F(ApiTest, AnInFlightRequestFinishesDuringShutdown) {
  Client c = SignedIn("office");
  namespace asio = boost::asio;
  asio::io_context ioc;
  asio::ip::tcp::socket sock(ioc);
  sock.connect({asio::ip::make_address("127.0.0.1"), server_->port()});
  const std::string body = json{{"name", "市审计局"}, {"kind", "政府部门"}}.dump();
  const std::string head =
      "POST /api/v1/units HTTP/1.1\r\nHost: x\r\nCookie: " + c.cookie +
      "\r\nX-CSRF-Token: " + c.csrf +
      "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
      "\r\n\r\n";
  asio::write(sock, asio::buffer(head + body.substr(0, 5)));
  // Wait until the server has the request in hand (the in-flight gauge says so).
  // (/metrics itself is the second request in flight while it is answered.)
  Client probe(server_->port());
  bool in_hand = false;
  for (int i = 0; i < 10000 && !in_hand; ++i) {
    in_hand =
        probe.Get("/metrics").body.find("xuncha_http_requests_in_flight 2") != std::string::npos;
  }
  ASSERT_TRUE(in_hand);
  server_->RequestStop();
  asio::write(sock, asio::buffer(body.substr(5)));
  std::string response;
  boost::system::error_code ec;
  char buf[4096];
  while (!ec) {
    std::size_t n = sock.read_some(asio::buffer(buf), ec);
    response.append(buf, n);
  }
  EXPECT_EQ(response.rfind("HTTP/1.1 201", 0), 0u) << response.substr(0, 200);
  EXPECT_NE(response.find("Connection: close"), std::string::npos);
  server_->Stop();
  EXPECT_EQ(app_.planning->ListUnits(app_.As("office"), "审计", {1, 5})->total, 1);
}

// Every route the server has is described in docs/openapi.yaml.
TEST_F(ApiTest, OpenApiDescribesEveryRoute) {
  std::ifstream in(std::string(XUNCHA_SOURCE_DIR) + "/docs/openapi.yaml");
  ASSERT_TRUE(in) << "docs/openapi.yaml missing";
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string yaml = ss.str();
  http::Api api(*app_.auth, *app_.planning, *app_.reports, {});
  for (const auto& route : api.router().routes()) {
    std::string path;
    for (std::size_t i = 2; i < route.segments.size(); ++i) path += "/" + route.segments[i];
    std::string method(http::bhttp::to_string(route.method));
    for (auto& ch : method) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    auto at = yaml.find("\n  " + path + ":\n");
    ASSERT_NE(at, std::string::npos) << path << " missing from openapi.yaml";
    auto end = yaml.find("\n  /", at + 1);
    std::string block = yaml.substr(at, end == std::string::npos ? std::string::npos : end - at);
    EXPECT_NE(block.find("\n    " + method + ":"), std::string::npos)
        << method << " " << path << " missing from openapi.yaml";
  }
}

}  // namespace
}  // namespace xuncha
